package il.co.voicely.audio.transcribe;

/** The server rejected the API key (HTTP 401) or its permissions (HTTP 403). Retrying will not help. */
public final class TranscriptionAuthenticationException extends TranscriptionException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message    what the server said
     * @param httpStatus 401 or 403
     */
    public TranscriptionAuthenticationException(String message, int httpStatus) {
        super(message, httpStatus, null);
    }
}
