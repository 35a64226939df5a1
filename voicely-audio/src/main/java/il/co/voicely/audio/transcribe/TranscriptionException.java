package il.co.voicely.audio.transcribe;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * A transcription engine refused or failed; the message names the engine, the input and what happened.
 * Subtypes: {@link TranscriberUnavailableException}, {@link TranscriptionAuthenticationException},
 * {@link TranscriptionTooLargeException}, {@link TranscriptionRateLimitException}.
 */
public class TranscriptionException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    /** @param message what went wrong, with the input it happened on */
    public TranscriptionException(String message) {
        this(message, -1, null);
    }

    /**
     * @param message    what went wrong
     * @param httpStatus the server's HTTP status, or -1
     * @param cause      the underlying failure, or null
     */
    public TranscriptionException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** @return the HTTP status of a server's answer, when there was one */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
