package il.co.voicely.rag.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FallbackChatModelTest {

    @RegisterExtension
    static WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @RegisterExtension
    static WireMockExtension local = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    static final String MESSAGES = "/v1/messages";
    static final String COMPLETIONS = "/v1/chat/completions";

    /** Claude first, then a local Ollama, as a school might configure them. */
    ChatModel claudeThenOllama() {
        LlmSettings settings = LlmSettings.of(
                        LlmSettings.Provider.anthropic("sk-ant-test", "claude-sonnet-4-5")
                                .withBaseUrl(URI.create(anthropic.baseUrl())),
                        LlmSettings.Provider.openAiCompatible(URI.create(local.baseUrl() + "/v1"), Optional.empty(), "llama3.1"))
                .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(2));
        return ChatModels.fromSettings(settings).orElseThrow();
    }

    static ChatRequest question() {
        return ChatRequest.builder().user("מתי השיעור הבא?").build();
    }

    static void localAnswers() {
        local.stubFor(post(COMPLETIONS).willReturn(okJson("""
                {"id":"c1","object":"chat.completion","created":1,"model":"llama3.1",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"ביום שלישי."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}""")));
    }

    @Test
    void whenTheFirstProviderKeepsFailingTheNextOneAnswers() {
        anthropic.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        localAnswers();

        ChatResponse reply = claudeThenOllama().complete(question());

        assertThat(reply.text()).isEqualTo("ביום שלישי.");
        assertThat(reply.provider()).isEqualTo("openai/llama3.1");
        anthropic.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
        local.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aRetryAfterLongerThanWeWaitSendsTheQuestionOnAtOnce() {
        anthropic.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        localAnswers();

        long start = System.nanoTime();
        ChatResponse reply = claudeThenOllama().complete(question());

        assertThat(reply.text()).isEqualTo("ביום שלישי.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        anthropic.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aRejectedKeyAtOneProviderFallsBackToTheNext() {
        anthropic.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(401)
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")));
        localAnswers();

        assertThat(claudeThenOllama().complete(question()).text()).isEqualTo("ביום שלישי.");
    }

    @Test
    void aBadRequestIsNotSentToTheNextProvider() {
        anthropic.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withBody("""
                {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 250000 tokens > 200000 maximum"}}""")));
        localAnswers();

        assertThatThrownBy(() -> claudeThenOllama().complete(question()))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmApiException.Kind.INVALID_REQUEST);
                    assertThat(e.errorMessage()).startsWith("prompt is too long");
                });
        local.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void whenEveryProviderFailsTheLastErrorIsThrownWithTheEarlierOnesSuppressed() {
        anthropic.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503)));
        local.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> claudeThenOllama().complete(question()))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.provider()).isEqualTo("openai/llama3.1");
                    assertThat(e.getSuppressed()).singleElement()
                            .satisfies(first -> assertThat(((LlmApiException) first).provider()).isEqualTo("anthropic/claude-sonnet-4-5"));
                });
    }

    @Test
    void aStreamFallsBackWhenTheFirstProviderFailsBeforeItsFirstWord() {
        anthropic.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500)));
        local.stubFor(post(COMPLETIONS).willReturn(Fixtures.sse("openai-stream.txt")));
        Fixtures.Recorder recorder = new Fixtures.Recorder();

        ChatResponse reply = claudeThenOllama().stream(question(), recorder);

        assertThat(recorder.deltas).containsExactly("שלום", ", ", "נועה!");
        assertThat(reply.text()).isEqualTo("שלום, נועה!");
    }

    @Test
    void aStreamThatFailsAfterItsFirstWordIsNotRestartedElsewhere() {
        anthropic.stubFor(post(MESSAGES).willReturn(Fixtures.sse("anthropic-stream.txt")
                .withBody(Fixtures.resource("anthropic-stream.txt").replace("event: message_delta",
                        "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\nevent: message_delta"))));
        localAnswers();

        assertThatThrownBy(() -> claudeThenOllama().stream(question(), delta -> { }))
                .isInstanceOf(LlmApiException.class);
        local.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void theFallbackIsNamedAfterItsModelsInOrder() {
        assertThat(claudeThenOllama().name()).isEqualTo("fallback(anthropic/claude-sonnet-4-5, openai/llama3.1)");
        assertThatThrownBy(() -> FallbackChatModel.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
