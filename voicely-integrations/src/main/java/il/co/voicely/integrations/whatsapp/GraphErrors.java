package il.co.voicely.integrations.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.integrations.internal.HttpCaller;
import il.co.voicely.integrations.internal.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Reads Meta's {@code {"error": {...}}} body into a {@link WhatsAppApiException}. */
final class GraphErrors {

    private GraphErrors() {
    }

    static WhatsAppApiException toException(HttpResponse<byte[]> response) {
        JsonNode error = Json.tryRead(response.body()).map(n -> n.path("error")).orElse(null);
        if (error == null || !error.isObject()) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return new WhatsAppApiException(response.statusCode(), 0, null, null,
                    text.length() > 200 ? text.substring(0, 200) + "…" : text, null, null,
                    HttpCaller.retryAfter(response));
        }
        return new WhatsAppApiException(response.statusCode(),
                error.path("code").asInt(0),
                error.hasNonNull("error_subcode") ? error.get("error_subcode").asInt() : null,
                Json.text(error, "type").orElse(null),
                Json.text(error, "message").orElse(""),
                Json.text(error.path("error_data"), "details").orElse(null),
                Json.text(error, "fbtrace_id").orElse(null),
                HttpCaller.retryAfter(response));
    }
}
