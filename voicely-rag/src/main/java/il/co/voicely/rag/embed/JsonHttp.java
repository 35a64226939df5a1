package il.co.voicely.rag.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** POSTs JSON and reads JSON, retrying 429 and 5xx with backoff that honours {@code Retry-After}. */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 4;

    private final HttpClient http;
    private final String provider;
    private final Duration baseDelay;

    JsonHttp(HttpClient http, String provider, Duration baseDelay) {
        this.http = http;
        this.provider = provider;
        this.baseDelay = baseDelay;
    }

    JsonNode post(URI uri, Map<String, String> headers, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    sleep(backoff(attempt, Optional.empty()));
                    continue;
                }
                throw new EmbeddingException(provider + " embeddings at " + uri + " unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddingException(provider + " embeddings interrupted", e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                try {
                    return JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new EmbeddingException(provider + " embeddings answered with invalid JSON: " + e.getMessage(), e);
                }
            }
            boolean retriable = status == 429 || status / 100 == 5;
            if (!retriable || attempt >= ATTEMPTS) {
                String text = response.body();
                throw new EmbeddingException(provider + " embeddings at " + uri + " answered HTTP " + status + ": "
                        + (text.length() > 500 ? text.substring(0, 500) + "…" : text));
            }
            sleep(backoff(attempt, response.headers().firstValue("Retry-After")));
        }
    }

    private Duration backoff(int attempt, Optional<String> retryAfter) {
        if (retryAfter.isPresent()) {
            try {
                return Duration.ofSeconds(Math.min(60, Long.parseLong(retryAfter.get().strip())));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to exponential backoff
            }
        }
        return baseDelay.multipliedBy(1L << (attempt - 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted while waiting to retry", e);
        }
    }
}
