package il.co.voicely.rag.embed;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any server speaking OpenAI's {@code POST /embeddings}: OpenAI, Ollama, vLLM, llama.cpp, LocalAI.
 *
 * <pre>{@code
 * EmbeddingModel model = OpenAiEmbeddingModel.builder()
 *         .baseUrl("https://api.openai.com/v1").apiKey(key)
 *         .model("text-embedding-3-small").dimensions(384).build();
 * }</pre>
 *
 * <p>Texts are sent {@code batchSize} at a time; 429 and 5xx are retried with backoff.
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final int dimensions;
    private final boolean sendDimensions;
    private final int batchSize;
    private final JsonHttp http;

    private OpenAiEmbeddingModel(Builder b) {
        this.endpoint = URI.create(b.baseUrl.replaceAll("/+$", "") + "/embeddings");
        this.apiKey = b.apiKey;
        this.model = Objects.requireNonNull(b.model, "model");
        this.dimensions = b.dimensions;
        this.sendDimensions = b.sendDimensions;
        this.batchSize = b.batchSize;
        this.http = new JsonHttp(b.http, "OpenAI-compatible", b.retryDelay);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "openai:" + model;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return Batches.embedInBatches(texts, batchSize, this::batch);
    }

    private List<float[]> batch(List<String> texts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", texts);
        body.put("encoding_format", "float");
        if (sendDimensions) {
            body.put("dimensions", dimensions);
        }
        Map<String, String> headers = apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
        JsonNode data = http.post(endpoint, headers, body).path("data");
        float[][] vectors = new float[texts.size()][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= vectors.length) {
                throw new EmbeddingException("OpenAI-compatible embeddings answered an item with index " + index + " for " + texts.size() + " inputs");
            }
            vectors[index] = Vectors.read(item.path("embedding"), dimensions, name());
        }
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null) {
                throw new EmbeddingException("OpenAI-compatible embeddings answered no vector for input " + i);
            }
        }
        return List.of(vectors);
    }

    /** Settings of an {@link OpenAiEmbeddingModel}. */
    public static final class Builder {
        private String baseUrl = "https://api.openai.com/v1";
        private String apiKey;
        private String model;
        private int dimensions = 384;
        private boolean sendDimensions = true;
        private int batchSize = 64;
        private HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private Duration retryDelay = Duration.ofMillis(500);

        private Builder() {
        }

        /** The API root, up to and including {@code /v1}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Sent as a bearer token; none for local servers that need none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The vector length expected (and asked for, see {@link #sendDimensions}); 384 by default, as the schema. */
        public Builder dimensions(int dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        /** Whether to ask the server for {@code dimensions} (text-embedding-3 can shorten; most local servers cannot). */
        public Builder sendDimensions(boolean send) {
            this.sendDimensions = send;
            return this;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        /** The first retry's delay when the server gives no {@code Retry-After}; doubles each time. */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = delay;
            return this;
        }

        public OpenAiEmbeddingModel build() {
            return new OpenAiEmbeddingModel(this);
        }
    }
}
