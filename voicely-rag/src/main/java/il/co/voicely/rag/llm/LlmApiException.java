package il.co.voicely.rag.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A model provider failed to answer: an HTTP error, a timeout, an unreachable server, or an error
 * reported inside a stream. {@link #kind()} says what to do about it; the rest says what happened.
 *
 * <pre>{@code
 * catch (LlmApiException e) {
 *     if (e.kind() == LlmApiException.Kind.AUTHENTICATION) alertAdmin(e.getMessage());
 * }
 * }</pre>
 */
public final class LlmApiException extends RuntimeException {

    /** What went wrong, in terms a caller can act on. */
    public enum Kind {
        /** 401/403: the API key is missing, wrong or lacks permission. Fix the configuration. */
        AUTHENTICATION(false),
        /** 429: too many requests or tokens for the account's limits. Wait ({@link #retryAfter()}). */
        RATE_LIMITED(true),
        /** 5xx, or Anthropic's 529 "overloaded": the provider failed. Try again or elsewhere. */
        SERVER_ERROR(true),
        /** No answer in time. */
        TIMEOUT(true),
        /** The server could not be reached or broke the connection. */
        UNAVAILABLE(true),
        /** Another 4xx: the request itself is wrong (too long, bad tool schema, unknown model). */
        INVALID_REQUEST(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether sending the same request again may succeed. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final String provider;
    private final Kind kind;
    private final int status;
    private final String errorType;
    private final String errorMessage;
    private final Duration retryAfter;

    /**
     * For {@link ChatModel} implementations outside this package (and fakes in tests).
     *
     * @param status     the HTTP status, or 0 when there was none
     * @param errorType  the provider's error code, or empty
     * @param retryAfter how long the provider asked to wait, or null
     */
    public LlmApiException(String provider, Kind kind, int status, String errorType, String errorMessage,
                           Duration retryAfter, Throwable cause) {
        super(describe(provider, kind, status, errorType, errorMessage), cause);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = status;
        this.errorType = errorType == null ? "" : errorType;
        this.errorMessage = errorMessage == null ? "" : errorMessage;
        this.retryAfter = retryAfter;
    }

    /** The kind a failed HTTP status stands for. */
    static Kind kindOf(int status) {
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status == 408) {
            return Kind.TIMEOUT;
        }
        return status >= 500 ? Kind.SERVER_ERROR : Kind.INVALID_REQUEST;
    }

    private static String describe(String provider, Kind kind, int status, String type, String message) {
        StringBuilder s = new StringBuilder(provider).append(": ").append(kind);
        if (status > 0) {
            s.append(" (HTTP ").append(status).append(')');
        }
        if (type != null && !type.isEmpty()) {
            s.append(' ').append(type);
        }
        if (message != null && !message.isEmpty()) {
            s.append(": ").append(message);
        }
        return s.toString();
    }

    /** Which {@link ChatModel#name()} failed. */
    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer (timeout, connection refused, error mid-stream). */
    public int status() {
        return status;
    }

    /** The provider's error code, e.g. {@code rate_limit_error}, {@code RESOURCE_EXHAUSTED}; empty if none. */
    public String errorType() {
        return errorType;
    }

    /** The provider's own explanation; empty if none. */
    public String errorMessage() {
        return errorMessage;
    }

    /** How long the provider asked us to wait before trying again, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
