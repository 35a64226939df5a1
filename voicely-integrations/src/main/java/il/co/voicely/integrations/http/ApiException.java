package il.co.voicely.integrations.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider answered with a non-2xx status (after any retries). Subclasses carry the provider's own
 * error fields, e.g. Meta's error code and {@code fbtrace_id}.
 */
public abstract class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final transient Optional<Duration> retryAfter;

    protected ApiException(String message, int statusCode, Optional<Duration> retryAfter) {
        super(message);
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status of the last response. */
    public int statusCode() {
        return statusCode;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** True for 429 and 5xx: trying again later may succeed; anything else needs a different request. */
    public boolean isRetryable() {
        return statusCode == 429 || statusCode >= 500;
    }
}
