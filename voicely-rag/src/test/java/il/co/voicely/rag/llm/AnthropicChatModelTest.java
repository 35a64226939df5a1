package il.co.voicely.rag.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnthropicChatModelTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    static final LlmSettings.Provider CLAUDE = LlmSettings.Provider.anthropic("sk-ant-test", "claude-sonnet-4-5");

    // Shaped after Message in shared/specs/anthropic.
    static final String HELLO = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"שלום, נועה!"}],"stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":1000,"output_tokens":200}}""";

    ChatModel model() {
        return Fixtures.model(CLAUDE, api.baseUrl());
    }

    static ChatRequest greeting() {
        return ChatRequest.builder().system("You are Voicely's assistant.").user("שלום").temperature(0.3).maxTokens(300).build();
    }

    @Test
    void completionSendsTheMessagesShapeAndReadsTextUsageAndCost() {
        api.stubFor(post("/v1/messages").willReturn(okJson(HELLO)));

        ChatResponse reply = model().complete(greeting());

        assertThat(reply.text()).isEqualTo("שלום, נועה!");
        assertThat(reply.stopReason()).isEqualTo(ChatResponse.StopReason.END_TURN);
        assertThat(reply.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(reply.provider()).isEqualTo("anthropic/claude-sonnet-4-5");
        assertThat(reply.usage().inputTokens()).isEqualTo(1000);
        assertThat(reply.usage().outputTokens()).isEqualTo(200);
        // 1000 × $3/M + 200 × $15/M
        assertThat(reply.usage().estimatedCostUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.006"));
        api.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo("sk-ant-test"))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model":"claude-sonnet-4-5","max_tokens":300,"system":"You are Voicely's assistant.",
                         "temperature":0.3,"messages":[{"role":"user","content":"שלום"}]}""")));
    }

    @Test
    void streamingDeliversTheDeltasInOrderAndTheFinalUsage() {
        api.stubFor(post("/v1/messages").willReturn(Fixtures.sse("anthropic-stream.txt")));
        Fixtures.Recorder recorder = new Fixtures.Recorder();

        ChatResponse reply = model().stream(greeting(), recorder);

        assertThat(recorder.deltas).containsExactly("שלום", ", ", "נועה!");
        assertThat(reply.text()).isEqualTo("שלום, נועה!");
        assertThat(reply.stopReason()).isEqualTo(ChatResponse.StopReason.END_TURN);
        assertThat(reply.usage().inputTokens()).isEqualTo(25);
        assertThat(reply.usage().outputTokens()).isEqualTo(15);
        api.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void aStreamedToolCallIsAssembledAndItsResultGoesBackAsAToolResultBlock() {
        api.stubFor(post("/v1/messages").inScenario("tool").whenScenarioStateIs(STARTED)
                .willReturn(Fixtures.sse("anthropic-tool-stream.txt")).willSetStateTo("called"));
        api.stubFor(post("/v1/messages").inScenario("tool").whenScenarioStateIs("called").willReturn(okJson("""
                {"id":"msg_04","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"You taught nasality on 3 November."}],"stop_reason":"end_turn",
                 "stop_sequence":null,"usage":{"input_tokens":400,"output_tokens":12}}""")));
        ChatRequest ask = ChatRequest.builder().user("Where did I teach nasality?").tool(FIND_LESSONS).build();
        Fixtures.Recorder recorder = new Fixtures.Recorder();

        ChatResponse first = model().stream(ask, recorder);

        ToolCall call = new ToolCall("toolu_01", "find_lessons", json("{\"topic\":\"nasality\"}"));
        assertThat(first.stopReason()).isEqualTo(ChatResponse.StopReason.TOOL_USE);
        assertThat(first.toolCalls()).containsExactly(call);
        assertThat(recorder.calls).containsExactly(call);
        assertThat(first.text()).isEqualTo("Let me look.");

        ChatResponse second = model().complete(ChatRequest.builder().messages(ask.messages()).tool(FIND_LESSONS)
                .message(first.toMessage())
                .message(ChatMessage.toolResult(call, "[{\"date\":\"2026-11-03\"}]"))
                .build());

        assertThat(second.text()).isEqualTo("You taught nasality on 3 November.");
        api.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model":"claude-sonnet-4-5","max_tokens":1024,"stream":true,
                 "tools":[{"name":"find_lessons","description":"Finds the teacher's lessons where a topic was taught.",
                           "input_schema":{"type":"object","properties":{"topic":{"type":"string"}},"required":["topic"]}}],
                 "messages":[{"role":"user","content":"Where did I teach nasality?"}]}""")));
        api.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model":"claude-sonnet-4-5","max_tokens":1024,"tools":"${json-unit.ignore}",
                 "messages":[
                   {"role":"user","content":"Where did I teach nasality?"},
                   {"role":"assistant","content":[
                      {"type":"text","text":"Let me look."},
                      {"type":"tool_use","id":"toolu_01","name":"find_lessons","input":{"topic":"nasality"}}]},
                   {"role":"user","content":[
                      {"type":"tool_result","tool_use_id":"toolu_01","content":"[{\\"date\\":\\"2026-11-03\\"}]"}]}]}""")));
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSaysThenRetriedOnce() {
        api.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"))
                .willSetStateTo("free"));
        api.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs("free").willReturn(okJson(HELLO)));

        long start = System.nanoTime();
        ChatResponse reply = model().complete(greeting());

        assertThat(reply.text()).isEqualTo("שלום, נועה!");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        api.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void aRejectedKeyIsAnAuthenticationErrorAndIsNotRetried() {
        api.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_1"}""")));

        assertThatThrownBy(() -> model().complete(greeting()))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmApiException.Kind.AUTHENTICATION);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.provider()).isEqualTo("anthropic/claude-sonnet-4-5");
                    assertThat(e.errorType()).isEqualTo("authentication_error");
                    assertThat(e.errorMessage()).isEqualTo("invalid x-api-key");
                });
        api.verify(1, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void anErrorEventInsideTheStreamIsATypedServerError() {
        api.stubFor(post("/v1/messages").willReturn(Fixtures.sse("anthropic-overloaded-stream.txt")));

        assertThatThrownBy(() -> model().stream(greeting(), delta -> { }))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmApiException.Kind.SERVER_ERROR);
                    assertThat(e.errorType()).isEqualTo("overloaded_error");
                });
    }

    @Test
    void consecutiveToolResultsTravelInOneUserMessage() {
        api.stubFor(post("/v1/messages").willReturn(okJson(HELLO)));
        ToolCall a = new ToolCall("toolu_a", "find_lessons", json("{\"topic\":\"vibrato\"}"));
        ToolCall b = new ToolCall("toolu_b", "find_lessons", json("{\"topic\":\"belting\"}"));

        model().complete(ChatRequest.builder().user("Compare").message(ChatMessage.assistant("", List.of(a, b)))
                .message(ChatMessage.toolResult(a, "one")).message(ChatMessage.toolResult(b, "two")).build());

        api.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"messages":[{"role":"user","content":"Compare"},
                  {"role":"assistant","content":[
                    {"type":"tool_use","id":"toolu_a","name":"find_lessons","input":{"topic":"vibrato"}},
                    {"type":"tool_use","id":"toolu_b","name":"find_lessons","input":{"topic":"belting"}}]},
                  {"role":"user","content":[
                    {"type":"tool_result","tool_use_id":"toolu_a","content":"one"},
                    {"type":"tool_result","tool_use_id":"toolu_b","content":"two"}]}]}""", false, true)));
    }
}
