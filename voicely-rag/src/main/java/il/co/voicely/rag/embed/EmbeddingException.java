package il.co.voicely.rag.embed;

/** An embedding model could not embed: the server refused or failed, or a local model could not run. */
public class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
