package il.co.voicely.audio.transcribe;

import java.time.Duration;
import java.util.Optional;

/** The server kept answering HTTP 429 after every retry; try again later (a job scheduler can). */
public final class TranscriptionRateLimitException extends TranscriptionException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    /**
     * @param message    what the server said
     * @param retryAfter the server's last {@code Retry-After}, or null
     */
    public TranscriptionRateLimitException(String message, Duration retryAfter) {
        super(message, 429, null);
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait, when it said */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
