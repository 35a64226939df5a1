package il.co.voicely.rag.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to one provider with timeouts and retries, and turns every failure into an
 * {@link LlmApiException}. Only the wait for the response head is retried: once a 2xx body starts
 * flowing (a stream may already have reached the user), a failure is final. The request timeout
 * bounds both the wait for the head and any silence while the body is read.
 */
final class HttpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    /** Tells Failsafe to use the exponential backoff instead of a server-given delay. */
    private static final Duration USE_BACKOFF = Duration.ofMillis(-1);

    private final String provider;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final RetryPolicy<HttpResponse<InputStream>> policy;

    HttpTransport(String provider, HttpClient client, LlmSettings settings) {
        this.provider = provider;
        this.client = client;
        this.requestTimeout = settings.requestTimeout();
        Duration maxBackoff = settings.maxBackoff();
        this.policy = RetryPolicy.<HttpResponse<InputStream>>builder()
                .handleIf(e -> e instanceof LlmApiException x && x.kind().retryable())
                // A Retry-After longer than we would block a chat for: give up, so a fallback provider answers now.
                .abortIf((result, e) -> e instanceof LlmApiException x
                        && x.retryAfter().map(d -> d.compareTo(maxBackoff) > 0).orElse(false))
                .withMaxAttempts(settings.maxAttempts())
                .withBackoff(settings.initialBackoff(), maxBackoff)
                // The provider knows its own limits better than our backoff does: honour Retry-After.
                .withDelayFn(context -> context.getLastException() instanceof LlmApiException x
                        ? x.retryAfter().orElse(USE_BACKOFF) : USE_BACKOFF)
                .onRetry(event -> LOG.debug("{}: retrying after {}", provider, event.getLastException().getMessage()))
                .build();
    }

    String provider() {
        return provider;
    }

    /** POSTs {@code body} and returns the parsed 2xx JSON answer. */
    JsonNode postJson(URI uri, Map<String, String> headers, JsonNode body) {
        InputStream in = post(uri, headers, body).body();
        IdleTimeout idle = IdleTimeout.watch(in, requestTimeout);
        try (in; idle) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), provider);
        } catch (IOException e) {
            throw idle.expired() ? stalled(uri, e) : unavailable(uri, e);
        }
    }

    /**
     * POSTs {@code body} and hands the server-sent events of the 2xx answer to {@code handler} until
     * it returns false or the stream ends. A silence longer than the request timeout is a
     * {@link LlmApiException.Kind#TIMEOUT}.
     */
    void postForEvents(URI uri, Map<String, String> headers, JsonNode body,
                       java.util.function.Predicate<ServerSentEvents.Event> handler) {
        InputStream in = post(uri, headers, body).body();
        IdleTimeout idle = IdleTimeout.watch(in, requestTimeout);
        try (in; idle) {
            ServerSentEvents.read(in, event -> {
                idle.touch();
                return handler.test(event);
            });
        } catch (IOException e) {
            throw idle.expired() ? stalled(uri, e)
                    : new LlmApiException(provider, LlmApiException.Kind.UNAVAILABLE, 0, "",
                            "the stream from " + uri + " broke off: " + e, null, e);
        }
    }

    private LlmApiException stalled(URI uri, IOException e) {
        return new LlmApiException(provider, LlmApiException.Kind.TIMEOUT, 0, "",
                uri + " went silent for more than " + requestTimeout, null, e);
    }

    private HttpResponse<InputStream> post(URI uri, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(builder::header);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // Over plain HTTP the JDK client would offer an h2c upgrade, which some local servers
            // (llama.cpp, older Ollama) answer badly; HTTPS negotiates HTTP/2 by ALPN instead.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        HttpRequest request = builder.build();
        try {
            return Failsafe.with(policy).get(() -> attempt(request));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling " + provider, e.getCause());
            }
            throw e;
        }
    }

    private HttpResponse<InputStream> attempt(HttpRequest request) throws InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new LlmApiException(provider, LlmApiException.Kind.TIMEOUT, 0, "",
                    "no response from " + request.uri() + " within " + requestTimeout, null, e);
        } catch (IOException e) {
            throw unavailable(request.uri(), e);
        }
        if (response.statusCode() / 100 == 2) {
            return response;
        }
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        throw httpError(response.statusCode(), text, retryAfter(response).orElse(null));
    }

    private LlmApiException unavailable(URI uri, IOException e) {
        return new LlmApiException(provider, LlmApiException.Kind.UNAVAILABLE, 0, "",
                "cannot reach " + uri + ": " + e, null, e);
    }

    /**
     * The typed error for an HTTP failure. All three APIs answer {@code {"error": {...}}} with a
     * {@code message} and a code named {@code type} (Anthropic, OpenAI), {@code status} (Gemini) or
     * {@code code}; some OpenAI-compatible servers send a bare string instead.
     */
    LlmApiException httpError(int status, String body, Duration retryAfter) {
        String type = "";
        String message = Json.abbreviate(body.strip());
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error");
            if (error.isTextual()) {
                message = error.asText();
            } else if (error.isObject()) {
                type = firstText(error, "type", "status", "code");
                message = error.path("message").asText(message);
            }
        } catch (IOException | RuntimeException notJson) {
            // keep the raw text as the message
        }
        return new LlmApiException(provider, LlmApiException.kindOf(status), status, type, message, retryAfter, null);
    }

    /** An error the provider reported inside a 2xx stream; its type decides the kind. */
    LlmApiException streamError(JsonNode error) {
        String type = firstText(error, "type", "status", "code");
        LlmApiException.Kind kind = switch (type) {
            case "overloaded_error", "api_error", "server_error", "INTERNAL", "UNAVAILABLE" -> LlmApiException.Kind.SERVER_ERROR;
            case "rate_limit_error", "RESOURCE_EXHAUSTED" -> LlmApiException.Kind.RATE_LIMITED;
            case "authentication_error", "permission_error" -> LlmApiException.Kind.AUTHENTICATION;
            default -> LlmApiException.Kind.INVALID_REQUEST;
        };
        return new LlmApiException(provider, kind, 0, type, error.path("message").asText(""), null, null);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isValueNode() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return "";
    }

    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, Instant.now()));
    }

    /** {@code Retry-After} in either form RFC 9110 allows: delay-seconds or an HTTP-date. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
