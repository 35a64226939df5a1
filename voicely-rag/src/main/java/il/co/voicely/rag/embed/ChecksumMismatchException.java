package il.co.voicely.rag.embed;

import java.net.URI;

/** A downloaded model file does not have the SHA-256 it was promised to have; the file was deleted. */
public final class ChecksumMismatchException extends EmbeddingException {

    public ChecksumMismatchException(URI source, String expected, String actual) {
        super("file downloaded from " + source + " has SHA-256 " + actual + ", expected " + expected
                + "; it was deleted. The download was corrupted or the file changed upstream.");
    }
}
