package il.co.voicely.rag.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiChatModelTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    static final LlmSettings.Provider OPENAI =
            LlmSettings.Provider.openAiCompatible(URI.create("https://api.openai.com/v1"), Optional.of("sk-test"), "gpt-4o-mini");
    static final String COMPLETIONS = "/v1/chat/completions";

    // Shaped after CreateChatCompletionResponse in shared/specs/openai.
    static final String HELLO = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1764040000,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"שלום, נועה!","refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1000,"completion_tokens":200,"total_tokens":1200}}""";

    ChatModel model() {
        return Fixtures.model(OPENAI, api.baseUrl() + "/v1");
    }

    static ChatRequest greeting() {
        return ChatRequest.builder().system("You are Voicely's assistant.").user("שלום").temperature(0.3).maxTokens(300).build();
    }

    @Test
    void completionSendsChatMessagesWithBearerKeyAndReadsTextAndUsage() {
        api.stubFor(post(COMPLETIONS).willReturn(okJson(HELLO)));

        ChatResponse reply = model().complete(greeting());

        assertThat(reply.text()).isEqualTo("שלום, נועה!");
        assertThat(reply.stopReason()).isEqualTo(ChatResponse.StopReason.END_TURN);
        assertThat(reply.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(reply.provider()).isEqualTo("openai/gpt-4o-mini");
        assertThat(reply.usage().inputTokens()).isEqualTo(1000);
        assertThat(reply.usage().outputTokens()).isEqualTo(200);
        // 1000 × $0.15/M + 200 × $0.60/M
        assertThat(reply.usage().estimatedCostUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.00027"));
        api.verify(postRequestedFor(urlEqualTo(COMPLETIONS))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-4o-mini","max_tokens":300,"temperature":0.3,
                         "messages":[{"role":"system","content":"You are Voicely's assistant."},
                                     {"role":"user","content":"שלום"}]}""")));
    }

    @Test
    void aLocalServerWithoutKeyGetsNoAuthorizationHeaderAndAnUnpricedModelHasNoCost() {
        api.stubFor(post(COMPLETIONS).willReturn(okJson(HELLO.replace("gpt-4o-mini-2024-07-18", "llama3.1:8b"))));
        ChatModel ollama = Fixtures.model(
                LlmSettings.Provider.openAiCompatible(URI.create("http://localhost:11434/v1"), Optional.empty(), "llama3.1:8b"),
                api.baseUrl() + "/v1");

        ChatResponse reply = ollama.complete(greeting());

        assertThat(reply.usage().estimatedCostUsd()).isEmpty();
        api.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withHeader("Authorization", absent()));
    }

    @Test
    void streamingDeliversTheDeltasInOrderAndTheUsageOfTheLastChunk() {
        api.stubFor(post(COMPLETIONS).willReturn(Fixtures.sse("openai-stream.txt")));
        Fixtures.Recorder recorder = new Fixtures.Recorder();

        ChatResponse reply = model().stream(greeting(), recorder);

        assertThat(recorder.deltas).containsExactly("שלום", ", ", "נועה!");
        assertThat(reply.text()).isEqualTo("שלום, נועה!");
        assertThat(reply.stopReason()).isEqualTo(ChatResponse.StopReason.END_TURN);
        assertThat(reply.usage().inputTokens()).isEqualTo(12);
        assertThat(reply.usage().outputTokens()).isEqualTo(5);
        api.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(equalToJson("""
                {"stream":true,"stream_options":{"include_usage":true}}""", false, true)));
    }

    @Test
    void aStreamedToolCallIsAssembledAndItsResultGoesBackAsAToolMessage() {
        api.stubFor(post(COMPLETIONS).inScenario("tool").whenScenarioStateIs(STARTED)
                .willReturn(Fixtures.sse("openai-tool-stream.txt")).willSetStateTo("called"));
        api.stubFor(post(COMPLETIONS).inScenario("tool").whenScenarioStateIs("called").willReturn(okJson(HELLO)));
        ChatRequest ask = ChatRequest.builder().user("Where did I teach nasality?").tool(FIND_LESSONS).build();
        Fixtures.Recorder recorder = new Fixtures.Recorder();

        ChatResponse first = model().stream(ask, recorder);

        ToolCall call = new ToolCall("call_abc", "find_lessons", json("{\"topic\":\"nasality\"}"));
        assertThat(first.toolCalls()).containsExactly(call);
        assertThat(recorder.calls).containsExactly(call);
        assertThat(recorder.deltas).isEmpty();
        assertThat(first.stopReason()).isEqualTo(ChatResponse.StopReason.TOOL_USE);
        assertThat(first.usage().outputTokens()).isEqualTo(17);

        model().complete(ChatRequest.builder().messages(ask.messages()).tool(FIND_LESSONS)
                .message(first.toMessage()).message(ChatMessage.toolResult(call, "[\"2026-11-03\"]")).build());

        api.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(equalToJson("""
                {"model":"gpt-4o-mini","max_tokens":1024,"stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Where did I teach nasality?"}],
                 "tools":[{"type":"function","function":{"name":"find_lessons",
                    "description":"Finds the teacher's lessons where a topic was taught.",
                    "parameters":{"type":"object","properties":{"topic":{"type":"string"}},"required":["topic"]}}}]}""")));
        api.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(equalToJson("""
                {"model":"gpt-4o-mini","max_tokens":1024,"tools":"${json-unit.ignore}",
                 "messages":[{"role":"user","content":"Where did I teach nasality?"},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"call_abc","type":"function",
                      "function":{"name":"find_lessons","arguments":"{\\"topic\\":\\"nasality\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_abc","content":"[\\"2026-11-03\\"]"}]}""")));
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSaysThenRetriedOnce() {
        api.stubFor(post(COMPLETIONS).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"""))
                .willSetStateTo("free"));
        api.stubFor(post(COMPLETIONS).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson(HELLO)));

        long start = System.nanoTime();
        assertThat(model().complete(greeting()).text()).isEqualTo("שלום, נועה!");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        api.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorNotARateLimit() {
        api.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"Incorrect API key provided: sk-test.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""")));

        assertThatThrownBy(() -> model().complete(greeting()))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmApiException.Kind.AUTHENTICATION);
                    assertThat(e.kind().retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorType()).isEqualTo("invalid_request_error");
                    assertThat(e.errorMessage()).startsWith("Incorrect API key");
                });
        api.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aServerErrorIsRetriedUntilTheAttemptsRunOut() {
        api.stubFor(post(COMPLETIONS).willReturn(aResponse().withStatus(500).withBody("upstream crashed")));

        assertThatThrownBy(() -> model().complete(greeting()))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmApiException.Kind.SERVER_ERROR);
                    assertThat(e.errorMessage()).isEqualTo("upstream crashed");
                });
        api.verify(3, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        api.stubFor(post(COMPLETIONS).willReturn(okJson(HELLO).withFixedDelay(1500)));
        ChatModel impatient = ChatModels.fromSettings(Fixtures.settings(OPENAI, api.baseUrl() + "/v1")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
                .withRetries(2, Duration.ofMillis(10), Duration.ofSeconds(1))).orElseThrow();

        assertThatThrownBy(() -> impatient.complete(greeting()))
                .isInstanceOfSatisfying(LlmApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmApiException.Kind.TIMEOUT);
                    assertThat(e.status()).isZero();
                });
        api.verify(2, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aStreamThatGoesSilentMidAnswerIsATimeout() throws Exception {
        // WireMock delays a dribbled response's head too; this server sends the head and one event, then stalls.
        HttpServer stalling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CountDownLatch testOver = new CountDownLatch(1);
        stalling.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        stalling.createContext("/v1/chat/completions", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(Fixtures.resource("openai-stream.txt").lines().limit(4)
                    .map(line -> line + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                testOver.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stalling.start();
        try {
            ChatModel impatient = ChatModels.fromSettings(Fixtures.settings(OPENAI,
                            "http://127.0.0.1:" + stalling.getAddress().getPort() + "/v1")
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500))).orElseThrow();
            Fixtures.Recorder recorder = new Fixtures.Recorder();

            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.stream(greeting(), recorder))
                    .isInstanceOfSatisfying(LlmApiException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LlmApiException.Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("went silent");
                    });

            assertThat(recorder.deltas).containsExactly("שלום");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            testOver.countDown();
            stalling.stop(0);
        }
    }
}
