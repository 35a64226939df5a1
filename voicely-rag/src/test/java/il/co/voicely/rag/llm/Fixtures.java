package il.co.voicely.rag.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the provider tests share: a tool, fast-retry settings, recorded SSE bodies, a recording listener. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    static final ToolDefinition FIND_LESSONS = new ToolDefinition("find_lessons",
            "Finds the teacher's lessons where a topic was taught.",
            json("""
                    {"type":"object","properties":{"topic":{"type":"string"}},"required":["topic"]}"""));

    private Fixtures() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One provider at {@code baseUrl}, retrying fast so the tests stay quick. */
    static LlmSettings settings(LlmSettings.Provider provider, String baseUrl) {
        return LlmSettings.of(provider.withBaseUrl(URI.create(baseUrl)))
                .withRetries(3, Duration.ofMillis(10), Duration.ofSeconds(5))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static ChatModel model(LlmSettings.Provider provider, String baseUrl) {
        return ChatModels.fromSettings(settings(provider, baseUrl)).orElseThrow();
    }

    static ResponseDefinitionBuilder sse(String resource) {
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(resource(resource));
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/llm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource /llm/" + name, e);
        }
    }

    /** Remembers what a stream delivered, in order. */
    static final class Recorder implements StreamListener {
        final List<String> deltas = new ArrayList<>();
        final List<ToolCall> calls = new ArrayList<>();

        @Override
        public void onText(String delta) {
            deltas.add(delta);
        }

        @Override
        public void onToolCall(ToolCall call) {
            calls.add(call);
        }
    }
}
