package il.co.voicely.rag.llm;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the configured {@link ChatModel}.
 *
 * <pre>{@code
 * Optional<ChatModel> model = ChatModels.fromSettings(LlmSettings.fromEnvironment(System.getenv()));
 * String answer = model.map(m -> m.complete(request).text())
 *         .orElseGet(() -> quoteTopPassages(hits)); // no model configured: answer extractively
 * }</pre>
 */
public final class ChatModels {

    private ChatModels() {
    }

    /**
     * The model for {@code settings}: empty when no provider is configured (the offline default),
     * the provider's model when there is one, a {@link FallbackChatModel} over them in order when
     * there are several.
     */
    public static Optional<ChatModel> fromSettings(LlmSettings settings) {
        if (settings.providers().isEmpty()) {
            return Optional.empty();
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        List<ChatModel> models = settings.providers().stream().map(p -> create(p, settings, client)).toList();
        return Optional.of(models.size() == 1 ? models.getFirst() : FallbackChatModel.of(models));
    }

    private static ChatModel create(LlmSettings.Provider provider, LlmSettings settings, HttpClient client) {
        String name = provider.type().name().toLowerCase(Locale.ROOT).replace("_compatible", "") + "/" + provider.model();
        HttpTransport http = new HttpTransport(name, client, settings);
        return switch (provider.type()) {
            case ANTHROPIC -> new AnthropicChatModel(provider, http, settings.prices());
            case GEMINI -> new GeminiChatModel(provider, http, settings.prices());
            case OPENAI_COMPATIBLE -> new OpenAiChatModel(provider, http, settings.prices());
        };
    }
}
