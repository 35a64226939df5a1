package il.co.voicely.rag.embed;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Google's Gemini API embeddings ({@code models/{model}:batchEmbedContents}, one request per batch).
 *
 * <pre>{@code
 * EmbeddingModel model = GeminiEmbeddingModel.builder().apiKey(key)
 *         .model("gemini-embedding-001").dimensions(384).build();
 * }</pre>
 *
 * <p>{@code outputDimensionality} asks the model for vectors of the schema's length.
 */
public final class GeminiEmbeddingModel implements EmbeddingModel {

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final int dimensions;
    private final int batchSize;
    private final JsonHttp http;

    private GeminiEmbeddingModel(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        this.endpoint = URI.create(b.baseUrl.replaceAll("/+$", "") + "/v1beta/models/" + model + ":batchEmbedContents");
        this.apiKey = Objects.requireNonNull(b.apiKey, "apiKey");
        this.dimensions = b.dimensions;
        this.batchSize = b.batchSize;
        this.http = new JsonHttp(b.http, "Gemini", b.retryDelay);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "gemini:" + model;
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
        List<Map<String, Object>> requests = texts.stream().<Map<String, Object>>map(t -> Map.of(
                "model", "models/" + model,
                "content", Map.of("parts", List.of(Map.of("text", t))),
                "outputDimensionality", dimensions)).toList();
        JsonNode embeddings = http.post(endpoint, Map.of("x-goog-api-key", apiKey), Map.of("requests", requests)).path("embeddings");
        if (embeddings.size() != texts.size()) {
            throw new EmbeddingException("Gemini answered " + embeddings.size() + " embeddings for " + texts.size() + " texts");
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (JsonNode e : embeddings) {
            out.add(Vectors.read(e.path("values"), dimensions, name()));
        }
        return out;
    }

    /** Settings of a {@link GeminiEmbeddingModel}. */
    public static final class Builder {
        private String baseUrl = "https://generativelanguage.googleapis.com";
        private String apiKey;
        private String model = "gemini-embedding-001";
        private int dimensions = 384;
        private int batchSize = 100;
        private HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private Duration retryDelay = Duration.ofMillis(500);

        private Builder() {
        }

        /** The API host, without {@code /v1beta}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Sent in {@code x-goog-api-key}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder dimensions(int dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        /** At most 100, the API's limit per batch. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 100) {
                throw new IllegalArgumentException("batchSize must be 1..100");
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public Builder retryDelay(Duration delay) {
            this.retryDelay = delay;
            return this;
        }

        public GeminiEmbeddingModel build() {
            return new GeminiEmbeddingModel(this);
        }
    }
}
