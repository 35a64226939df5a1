package il.co.voicely.rag.llm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model providers to use, in fallback order, and how patiently. Pass to
 * {@link ChatModels#fromSettings(LlmSettings)}.
 *
 * <pre>{@code
 * LlmSettings settings = LlmSettings.of(
 *         LlmSettings.Provider.anthropic(System.getenv("ANTHROPIC_API_KEY"), "claude-sonnet-4-5"),
 *         LlmSettings.Provider.openAiCompatible(URI.create("http://localhost:11434/v1"), Optional.empty(), "llama3.1"));
 * }</pre>
 *
 * @param providers      tried in this order; empty means no model (the offline default)
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for the response to begin, and the longest silence allowed
 *                       while it is read (a stream may take minutes in all, as long as it keeps flowing)
 * @param maxAttempts    attempts per provider on 429, 5xx, timeouts and connection errors (1 = no retry)
 * @param initialBackoff first wait between attempts, doubled each time, when the server gives no {@code Retry-After}
 * @param maxBackoff     longest wait; a {@code Retry-After} above it is not waited out (the next provider is tried)
 * @param prices         for the cost estimate in {@link Usage}
 */
public record LlmSettings(List<Provider> providers, Duration connectTimeout, Duration requestTimeout,
                          int maxAttempts, Duration initialBackoff, Duration maxBackoff, PriceTable prices) {

    public LlmSettings {
        providers = List.copyOf(providers);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(prices, "prices");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (!initialBackoff.isPositive() || maxBackoff.compareTo(initialBackoff) <= 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff < maxBackoff, was " + initialBackoff + ", " + maxBackoff);
        }
    }

    /**
     * These providers with default patience: connect within 10 s, first byte within 120 s (long
     * answers from slow local models), 3 attempts with backoff from 1 s to 20 s, default prices.
     */
    public static LlmSettings of(Provider... providers) {
        return new LlmSettings(Arrays.asList(providers), Duration.ofSeconds(10), Duration.ofSeconds(120),
                3, Duration.ofSeconds(1), Duration.ofSeconds(20), PriceTable.defaults());
    }

    /** No provider: {@link ChatModels#fromSettings} returns empty. */
    public static LlmSettings none() {
        return of();
    }

    public LlmSettings withTimeouts(Duration connect, Duration request) {
        return new LlmSettings(providers, connect, request, maxAttempts, initialBackoff, maxBackoff, prices);
    }

    public LlmSettings withRetries(int attempts, Duration initial, Duration max) {
        return new LlmSettings(providers, connectTimeout, requestTimeout, attempts, initial, max, prices);
    }

    public LlmSettings withPrices(PriceTable table) {
        return new LlmSettings(providers, connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, table);
    }

    /**
     * Reads providers from environment-style variables. A provider is configured when its key (or,
     * for OpenAI-compatible servers, its base URL) is set:
     * <ul>
     * <li>{@code ANTHROPIC_API_KEY}, {@code VOICELY_ANTHROPIC_MODEL} (default {@code claude-sonnet-4-5}),
     *     {@code VOICELY_ANTHROPIC_BASE_URL}</li>
     * <li>{@code GEMINI_API_KEY}, {@code VOICELY_GEMINI_MODEL} (default {@code gemini-2.5-flash}),
     *     {@code VOICELY_GEMINI_BASE_URL}</li>
     * <li>{@code OPENAI_API_KEY} and/or {@code VOICELY_OPENAI_BASE_URL} (default
     *     {@code https://api.openai.com/v1}; e.g. {@code http://localhost:11434/v1} for Ollama),
     *     {@code VOICELY_OPENAI_MODEL} (default {@code gpt-4o-mini})</li>
     * <li>{@code VOICELY_LLM_ORDER}: fallback order, e.g. {@code openai,anthropic} (default
     *     anthropic, gemini, openai); configured providers missing from it are not used</li>
     * </ul>
     */
    public static LlmSettings fromEnvironment(Map<String, String> env) {
        Map<String, Provider> configured = new java.util.LinkedHashMap<>();
        value(env, "ANTHROPIC_API_KEY").ifPresent(key -> configured.put("anthropic", new Provider(Provider.Type.ANTHROPIC,
                URI.create(value(env, "VOICELY_ANTHROPIC_BASE_URL").orElse("https://api.anthropic.com")),
                Optional.of(key), value(env, "VOICELY_ANTHROPIC_MODEL").orElse("claude-sonnet-4-5"))));
        value(env, "GEMINI_API_KEY").ifPresent(key -> configured.put("gemini", new Provider(Provider.Type.GEMINI,
                URI.create(value(env, "VOICELY_GEMINI_BASE_URL").orElse("https://generativelanguage.googleapis.com")),
                Optional.of(key), value(env, "VOICELY_GEMINI_MODEL").orElse("gemini-2.5-flash"))));
        Optional<String> openAiKey = value(env, "OPENAI_API_KEY");
        Optional<String> openAiUrl = value(env, "VOICELY_OPENAI_BASE_URL");
        if (openAiKey.isPresent() || openAiUrl.isPresent()) {
            configured.put("openai", new Provider(Provider.Type.OPENAI_COMPATIBLE,
                    URI.create(openAiUrl.orElse("https://api.openai.com/v1")), openAiKey,
                    value(env, "VOICELY_OPENAI_MODEL").orElse("gpt-4o-mini")));
        }
        List<Provider> ordered = new ArrayList<>();
        for (String name : value(env, "VOICELY_LLM_ORDER").orElse("anthropic,gemini,openai").split(",")) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && !List.of("anthropic", "gemini", "openai").contains(key)) {
                throw new IllegalArgumentException("VOICELY_LLM_ORDER: unknown provider '" + name.trim()
                        + "' (known: anthropic, gemini, openai)");
            }
            Optional.ofNullable(configured.remove(key)).ifPresent(ordered::add);
        }
        return of(ordered.toArray(Provider[]::new));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * One model at one provider.
     *
     * @param type    which API the server speaks
     * @param baseUrl the API root: {@code https://api.anthropic.com},
     *                {@code https://generativelanguage.googleapis.com}, or an OpenAI-compatible root
     *                that ends in {@code /v1}
     * @param apiKey  the key; optional only for OpenAI-compatible local servers
     * @param model   the model id at that provider, e.g. {@code claude-sonnet-4-5}, {@code gemini-2.5-flash}, {@code llama3.1}
     */
    public record Provider(Type type, URI baseUrl, Optional<String> apiKey, String model) {

        /** The wire protocol of a provider. */
        public enum Type { ANTHROPIC, GEMINI, OPENAI_COMPATIBLE }

        public Provider {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(model, "model");
            if (model.isBlank()) {
                throw new IllegalArgumentException(type + " provider needs a model name");
            }
            if (type != Type.OPENAI_COMPATIBLE && apiKey.filter(k -> !k.isBlank()).isEmpty()) {
                throw new IllegalArgumentException(type + " provider needs an API key");
            }
            String url = baseUrl.toString();
            if (url.endsWith("/")) {
                baseUrl = URI.create(url.substring(0, url.length() - 1));
            }
        }

        /** Anthropic's Messages API at {@code https://api.anthropic.com}. */
        public static Provider anthropic(String apiKey, String model) {
            return new Provider(Type.ANTHROPIC, URI.create("https://api.anthropic.com"), Optional.ofNullable(apiKey), model);
        }

        /** Google's Gemini API at {@code https://generativelanguage.googleapis.com}. */
        public static Provider gemini(String apiKey, String model) {
            return new Provider(Type.GEMINI, URI.create("https://generativelanguage.googleapis.com"), Optional.ofNullable(apiKey), model);
        }

        /** Any chat-completions server: OpenAI, Ollama, vLLM, llama.cpp; {@code baseUrl} ends in {@code /v1}. */
        public static Provider openAiCompatible(URI baseUrl, Optional<String> apiKey, String model) {
            return new Provider(Type.OPENAI_COMPATIBLE, baseUrl, apiKey, model);
        }

        /** The same provider at another address, e.g. a proxy or a test server. */
        public Provider withBaseUrl(URI url) {
            return new Provider(type, url, apiKey, model);
        }

        /** Never shows the key, so settings can be logged. */
        @Override
        public String toString() {
            return "Provider[" + type + " " + baseUrl + " model=" + model + " key=" + (apiKey.isPresent() ? "***" : "none") + "]";
        }
    }
}
