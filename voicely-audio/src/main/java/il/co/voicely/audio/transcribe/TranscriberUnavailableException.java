package il.co.voicely.audio.transcribe;

/**
 * No engine can transcribe: none is configured, the whisper.cpp model file is missing or not a model, or
 * the native library does not load. The message says what is missing and how to provide it.
 */
public final class TranscriberUnavailableException extends TranscriptionException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing and how to provide it */
    public TranscriberUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what is missing and how to provide it
     * @param cause   the underlying failure
     */
    public TranscriberUnavailableException(String message, Throwable cause) {
        super(message, -1, cause);
    }
}
