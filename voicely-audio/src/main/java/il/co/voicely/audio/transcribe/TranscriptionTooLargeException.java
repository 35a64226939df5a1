package il.co.voicely.audio.transcribe;

/** The server refused an upload as too large (HTTP 413): lower the chunk length or the upload limit. */
public final class TranscriptionTooLargeException extends TranscriptionException {
    private static final long serialVersionUID = 1L;

    /** @param message what was sent and what the server said */
    public TranscriptionTooLargeException(String message) {
        super(message, 413, null);
    }
}
