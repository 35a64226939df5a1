package il.co.voicely.rag.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The example of the README's "LLM" section, run against a local OpenAI-compatible stub and offline. */
class ReadmeExampleTest {

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** The README's lines, with the environment passed in instead of read from System.getenv(). */
    static String example(Map<String, String> env, StringBuilder screen) {
        Optional<ChatModel> model = ChatModels.fromSettings(LlmSettings.fromEnvironment(env));
        ChatRequest request = ChatRequest.builder()
                .system("Answer only from the passages below, and cite them.")
                .user("כמה עולה שיעור ניסיון?")
                .maxTokens(400)
                .build();
        return model.map(m -> m.stream(request, screen::append).text())
                .orElse("From our website: \"A trial lesson costs 150 NIS.\" [1]"); // offline: quote sources
    }

    @Test
    void theExampleStreamsFromAConfiguredLocalServer() {
        ollama.stubFor(post("/v1/chat/completions").willReturn(Fixtures.sse("openai-stream.txt")));
        StringBuilder screen = new StringBuilder();

        String answer = example(Map.of("VOICELY_OPENAI_BASE_URL", ollama.baseUrl() + "/v1",
                "VOICELY_OPENAI_MODEL", "llama3.1"), screen);

        assertThat(answer).isEqualTo("שלום, נועה!");
        assertThat(screen).hasToString("שלום, נועה!");
    }

    @Test
    void theExampleAnswersExtractivelyWithNoProviderConfigured() {
        StringBuilder screen = new StringBuilder();

        assertThat(example(Map.of(), screen)).startsWith("From our website:");
        assertThat(screen).isEmpty();
    }
}
