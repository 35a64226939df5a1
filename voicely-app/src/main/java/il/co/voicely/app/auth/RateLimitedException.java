package il.co.voicely.app.auth;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts from this address (or for this account): 429 with {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("rate limited; retry after " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long to wait; whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
