package il.co.voicely.rag.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static il.co.voicely.rag.llm.Fixtures.FIND_LESSONS;
import static il.co.voicely.rag.llm.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeminiChatModelTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    static final LlmSettings.Provider GEMINI = LlmSettings.Provider.gemini("AIza-test", "gemini-2.5-flash");
    static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
    static final String STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";

    // Shaped after GenerateContentResponse in shared/specs/gemini.
    static final String HELLO = """
            {"candidates":[{"content":{"parts":[{"text":"שלום, נועה!"}],"role":"model"},"finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":1000,"candidatesTokenCount":200,"totalTokenCount":1200},
             "modelVersion":"gemini-2.5-flash","responseId":"abc"}""";

    ChatModel model() {
        return Fixtures.model(GEMINI, api.baseUrl());
    }

    static ChatRequest greeting() {
        return ChatRequest.builder().system("You are Voicely's assistant.").user("שלום").temperature(0.3).maxTokens(300).build();
    }

    @Test
    void completionSendsContentsWithSystemInstructionAndReadsTextAndUsage() {
        api.stubFor(post(GENERATE).willReturn(okJson(HELLO)));

        ChatResponse reply = model().complete(greeting());

        assertThat(reply.text()).isEqualTo("שלום, נועה!");
        assertThat(reply.stopReason()).isEqualTo(ChatResponse.StopReason.END_TURN);
        assertThat(reply.provider()).isEqualTo("gemini/gemini-2.5-flash");
        assertThat(reply.usage().inputTokens()).isEqualTo(1000);
        assertThat(reply.usage().outputTokens()).isEqualTo(200);
        // 1000 × $0.30/M + 200 × $2.50/M
        assertThat(reply.usage().estimatedCostUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.0008"));
        api.verify(postRequestedFor(urlEqualTo(GENERATE))
                .withHeader("x-goog-api-key", equalTo("AIza-test"))
                .withRequestBody(equalToJson("""
                        {"contents":[{"role":"user","parts":[{"text":"שלום"}]}],
                         "systemInstruction":{"parts":[{"text":"You are Voicely's assistant."}]},
                         "generationConfig":{"maxOutputTokens":300,"temperature":0.3}}""")));
    }

    @Test
    void streamingDeliversTheDeltasInOrderAndTheFinalUsageIncludingThoughts() {
        api.stubFor(post(STREAM).willReturn(Fixtures.sse("gemini-stream.txt")));
        Fixtures.Recorder recorder = new Fixtures.Recorder();

        ChatResponse reply = model().stream(greeting(), recorder);

        assertThat(recorder.deltas).containsExactly("שלום", ", ", "נועה!");
        assertThat(reply.text()).isEqualTo("שלום, נועה!");
        assertThat(reply.stopReason()).isEqualTo(ChatResponse.StopReason.END_TURN);
        assertThat(reply.usage().inputTokens()).isEqualTo(12);
        assertThat(reply.usage().outputTokens()).isEqualTo(5 + 3);
        api.verify(1, postRequestedFor(urlEqualTo(STREAM)));
    }

    @Test
    void aFunctionCallComesBackAsAToolCallAndItsResultAsAFunctionResponse() {
        api.stubFor(post(GENERATE).inScenario("tool").whenScenarioStateIs(STARTED).willReturn(okJson("""
                {"candidates":[{"content":{"role":"model","parts":[
                   {"functionCall":{"id":"fc-1","name":"find_lessons","args":{"topic":"nasality"}}}]},
                   "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":80,"candidatesTokenCount":10,"totalTokenCount":90},
                 "modelVersion":"gemini-2.5-flash"}""")).willSetStateTo("called"));
        api.stubFor(post(GENERATE).inScenario("tool").whenScenarioStateIs("called").willReturn(okJson(HELLO)));
        ChatRequest ask = ChatRequest.builder().user("Where did I teach nasality?").tool(FIND_LESSONS).build();

        ChatResponse first = model().complete(ask);

        ToolCall call = new ToolCall("fc-1", "find_lessons", json("{\"topic\":\"nasality\"}"));
        assertThat(first.toolCalls()).containsExactly(call);
        assertThat(first.stopReason()).isEqualTo(ChatResponse.StopReason.TOOL_USE);

        model().complete(ChatRequest.builder().messages(ask.messages()).tool(FIND_LESSONS)
                .message(first.toMessage()).message(ChatMessage.toolResult(call, "[\"2026-11-03\"]")).build());

        api.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[{"text":"Where did I teach nasality?"}]}],
                 "tools":[{"functionDeclarations":[{"name":"find_lessons",
                    "description":"Finds the teacher's lessons where a topic was taught.",
                    "parametersJsonSchema":{"type":"object","properties":{"topic":{"type":"string"}},"required":["topic"]}}]}],
                 "generationConfig":{"maxOutputTokens":1024}}""")));
        api.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
                {"contents":[
                   {"role":"user","parts":[{"text":"Where did I teach nasality?"}]},
                   {"role":"model","parts":[{"functionCall":{"id":"fc-1","name":"find_lessons","args":{"topic":"nasality"}}}]},
                   {"role":"user","parts":[{"functionResponse":{"id":"fc-1","name":"find_lessons",
                      "response":{"result":"[\\"2026-11-03\\"]"}}}]}],
                 "tools":"${json-unit.ignore}","generationConfig":"${json-unit.ignore}"}""")));
    }

    @Test
    void aCallWithoutAnIdGetsALocalOneThatIsNeverSentBack() {
        api.stubFor(post(GENERATE).willReturn(okJson("""
                {"candidates":[{"content":{"role":"model","parts":[
                   {"functionCall":{"name":"find_lessons","args":{"topic":"vibrato"}}}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":1,"candidatesTokenCount":1}}""")));

        ToolCall call = model().complete(ChatRequest.builder().user("vibrato?").tool(FIND_LESSONS).build()).toolCalls().getFirst();
        model().complete(ChatRequest.builder().user("vibrato?").message(ChatMessage.assistant("", java.util.List.of(call)))
                .message(ChatMessage.toolResult(call, "{\"lessons\":2}")).build());

        assertThat(call.id()).isNotBlank();
        api.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[{"text":"vibrato?"}]},
                   {"role":"model","parts":[{"functionCall":{"name":"find_lessons","args":{"topic":"vibrato"}}}]},
                   {"role":"user","parts":[{"functionResponse":{"name":"find_lessons","response":{"lessons":2}}}]}],
                 "generationConfig":"${json-unit.ignore}"}""")));
    }

    @Test
    void resourceExhaustedIsWaitedOutAsRetryAfterSaysThenRetriedOnce() {
        api.stubFor(post(GENERATE).inScenario("quota").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED"}}"""))
                .willSetStateTo("ok"));
        api.stubFor(post(GENERATE).inScenario("quota").whenScenarioStateIs("ok").willReturn(okJson(HELLO)));

        long start = System.nanoTime();
        assertThat(model().complete(greeting()).text()).isEqualTo("שלום, נועה!");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        api.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
    }

    @Test
    void anInvalidKeyIsAnAuthenticationError() {
        api.stubFor(post(GENERATE).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"code":401,"message":"API key not valid. Please pass a valid API key.","status":"UNAUTHENTICATED"}}""")));

        assertThatThrownBy(() -> model().complete(greeting()))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmApiException.Kind.AUTHENTICATION);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorType()).isEqualTo("UNAUTHENTICATED");
                    assertThat(e.errorMessage()).startsWith("API key not valid");
                });
        api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
    }

    @Test
    void aBlockedPromptStopsWithContentFilter() {
        api.stubFor(post(GENERATE).willReturn(okJson("""
                {"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":9,"totalTokenCount":9}}""")));

        ChatResponse reply = model().complete(greeting());

        assertThat(reply.text()).isEmpty();
        assertThat(reply.stopReason()).isEqualTo(ChatResponse.StopReason.CONTENT_FILTER);
    }
}
