package il.co.voicely.integrations.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client retries a request that failed with 429, a 5xx status or an I/O error: up to
 * {@code maxAttempts} attempts in all, waiting with exponential backoff from {@code initialDelay}
 * up to {@code maxDelay}, or exactly as long as the server's {@code Retry-After} asks.
 *
 * <p>A {@code Retry-After} longer than {@code maxDelay} is not waited out in the calling thread: the
 * client gives up at once and the {@link ApiException} carries {@link ApiException#retryAfter()}, so
 * a durable job can reschedule itself instead.
 *
 * <pre>{@code
 * Retries patient = new Retries(5, Duration.ofMillis(200), Duration.ofSeconds(20));
 * }</pre>
 */
public record Retries(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public Retries {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) <= 0) {
            throw new IllegalArgumentException(
                    "need 0 < initialDelay < maxDelay (was " + initialDelay + ", " + maxDelay + ")");
        }
    }

    /** Four attempts, backoff from 500 ms up to 30 s. */
    public static Retries defaults() {
        return new Retries(4, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** One attempt, no retry: for callers that retry on their own schedule. */
    public static Retries none() {
        return new Retries(1, Duration.ofMillis(1), Duration.ofMillis(2));
    }
}
