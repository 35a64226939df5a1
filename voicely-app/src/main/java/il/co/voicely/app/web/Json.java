package il.co.voicely.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON answers of the API, and its one error shape: {@code {"error": "code", "message": "human text"}}.
 *
 * <pre>{@code
 * Json.send(res, Status.OK_200, Map.of("token", token));
 * Json.error(res, Status.UNAUTHORIZED_401, "unauthorized", "Sign in first.");
 * }</pre>
 */
public final class Json {

    /** Shared and thread-safe; callers pass times as ISO-8601 strings. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final HttpMediaType JSON = HttpMediaType.create(MediaTypes.APPLICATION_JSON).withCharset(StandardCharsets.UTF_8);

    private Json() {
    }

    /** Sends {@code body} as JSON with {@code status}. */
    public static void send(ServerResponse response, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write a JSON answer", e);
        }
        response.status(status);
        response.headers().contentType(JSON);
        response.send(bytes);
    }

    /** Sends the error shape: a stable machine code and a sentence for people. */
    public static void error(ServerResponse response, Status status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        send(response, status, body);
    }
}
