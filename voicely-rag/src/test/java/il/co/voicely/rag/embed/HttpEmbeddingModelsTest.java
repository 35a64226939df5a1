package il.co.voicely.rag.embed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request and answer shapes follow shared/specs/openai (CreateEmbedding*) and shared/specs/gemini (BatchEmbedContents*). */
class HttpEmbeddingModelsTest {

    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    OpenAiEmbeddingModel openAi(int batchSize) {
        return OpenAiEmbeddingModel.builder().baseUrl(wm.baseUrl() + "/v1").apiKey("sk-test")
                .model("text-embedding-3-small").dimensions(3).batchSize(batchSize).retryDelay(Duration.ofMillis(10)).build();
    }

    @Test
    void openAiCompatibleEmbeddingsAreBatchedAndPutBackInInputOrder() {
        wm.stubFor(post("/v1/embeddings")
                .withRequestBody(equalToJson("{\"model\":\"text-embedding-3-small\",\"input\":[\"שלום\",\"hello\"],\"encoding_format\":\"float\",\"dimensions\":3}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"object":"list","model":"text-embedding-3-small","usage":{"prompt_tokens":4,"total_tokens":4},
                         "data":[{"object":"embedding","index":1,"embedding":[0.4,0.5,0.6]},
                                 {"object":"embedding","index":0,"embedding":[0.1,0.2,0.3]}]}""")));
        wm.stubFor(post("/v1/embeddings")
                .withRequestBody(equalToJson("{\"model\":\"text-embedding-3-small\",\"input\":[\"third\"],\"encoding_format\":\"float\",\"dimensions\":3}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.7,0.8,0.9]}]}""")));

        List<float[]> v = openAi(2).embedAll(List.of("שלום", "hello", "third"));

        assertThat(v.get(0)).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(v.get(1)).containsExactly(0.4f, 0.5f, 0.6f);
        assertThat(v.get(2)).containsExactly(0.7f, 0.8f, 0.9f);
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings")).withHeader("Authorization", equalTo("Bearer sk-test")));
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheGivenDelay() {
        wm.stubFor(post("/v1/embeddings").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("free"));
        wm.stubFor(post("/v1/embeddings").inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[{\"index\":0,\"embedding\":[1,0,0]}]}")));

        assertThat(openAi(8).embed("x")).containsExactly(1f, 0f, 0f);
        wm.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings")));
    }

    @Test
    void aRefusalSaysWhoRefusedAndWhy() {
        wm.stubFor(post("/v1/embeddings").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")));

        assertThatThrownBy(() -> openAi(8).embed("x")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Incorrect API key");
    }

    @Test
    void aVectorOfTheWrongLengthIsRefused() {
        wm.stubFor(post("/v1/embeddings").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[{\"index\":0,\"embedding\":[1,0]}]}")));

        assertThatThrownBy(() -> openAi(8).embed("x")).hasMessageContaining("2 dimensions, expected 3");
    }

    @Test
    void geminiBatchEmbedContentsAsksForTheSchemasDimensions() {
        wm.stubFor(post("/v1beta/models/gemini-embedding-001:batchEmbedContents")
                .withHeader("x-goog-api-key", equalTo("g-key"))
                .withRequestBody(equalToJson("""
                        {"requests":[
                          {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"שיעור פיתוח קול"}]},"outputDimensionality":3},
                          {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"voice lesson"}]},"outputDimensionality":3}]}"""))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"embeddings":[{"values":[0.1,0.2,0.3]},{"values":[0.3,0.2,0.1]}]}""")));
        GeminiEmbeddingModel gemini = GeminiEmbeddingModel.builder().baseUrl(wm.baseUrl()).apiKey("g-key").dimensions(3).build();

        List<float[]> v = gemini.embedAll(List.of("שיעור פיתוח קול", "voice lesson"));

        assertThat(gemini.name()).isEqualTo("gemini:gemini-embedding-001");
        assertThat(v.get(0)).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(v.get(1)).containsExactly(0.3f, 0.2f, 0.1f);
    }
}
