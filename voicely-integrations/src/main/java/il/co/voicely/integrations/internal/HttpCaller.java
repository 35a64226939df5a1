package il.co.voicely.integrations.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import il.co.voicely.integrations.http.ApiException;
import il.co.voicely.integrations.http.Retries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests with retries (Failsafe) and turns non-2xx answers into the provider's typed error.
 * Support code for this module's clients, not API: it is public only because Java has no
 * module-private visibility across packages.
 */
public final class HttpCaller {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCaller.class);

    private static final Duration USE_BACKOFF = Duration.ofMillis(-1);

    private final HttpClient client;
    private final RetryPolicy<HttpResponse<byte[]>> policy;
    private final Function<HttpResponse<byte[]>, ? extends ApiException> errors;

    public HttpCaller(HttpClient client, Retries retries,
                      Function<HttpResponse<byte[]>, ? extends ApiException> errors) {
        this.client = client;
        this.errors = errors;
        this.policy = RetryPolicy.<HttpResponse<byte[]>>builder()
                .handle(IOException.class)
                .handleResultIf(response -> isRetryable(response.statusCode()))
                // A Retry-After longer than we are willing to block is handed to the caller instead.
                .abortIf(response -> response != null && isRetryable(response.statusCode())
                        && retryAfter(response).map(d -> d.compareTo(retries.maxDelay()) > 0).orElse(false))
                .withMaxAttempts(retries.maxAttempts())
                .withBackoff(retries.initialDelay(), retries.maxDelay())
                // The server knows its own rate limits better than our backoff: honour Retry-After.
                // A negative delay tells Failsafe to fall back to the backoff.
                .withDelayFn(context -> {
                    HttpResponse<byte[]> last = context.getLastResult();
                    return last == null ? USE_BACKOFF : retryAfter(last).orElse(USE_BACKOFF);
                })
                .onRetry(event -> LOG.debug("retrying after {}",
                        event.getLastResult() != null ? "HTTP " + event.getLastResult().statusCode()
                                : String.valueOf(event.getLastException())))
                .build();
    }

    /** Sends {@code request}; returns the 2xx response or throws the provider's {@link ApiException}. */
    public HttpResponse<byte[]> send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = Failsafe.with(policy).get(() -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling " + request.method() + " " + request.uri(), e);
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(
                        request.method() + " " + request.uri() + " failed: " + io.getMessage(), io);
            }
            throw e;
        }
        if (response.statusCode() / 100 != 2) {
            throw errors.apply(response);
        }
        return response;
    }

    static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Parses {@code Retry-After} in either form RFC 9110 allows: delay-seconds or an HTTP-date. */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> parseRetryAfter(value, Instant.now()));
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
