package il.co.voicely.rag.llm;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks several models in order and returns the first answer. The next model is tried when one is
 * unavailable — rate-limited, failing, too slow, unreachable, or refusing our API key (its key is
 * another provider's problem, not the request's) — but not when the request itself is wrong
 * ({@link LlmApiException.Kind#INVALID_REQUEST}): the next provider would refuse it too, and the
 * caller needs to see why.
 *
 * <p>A stream falls back only until its first piece of text has reached the listener; after that a
 * failure is thrown, because the user has already seen part of one model's answer.
 *
 * <pre>{@code
 * ChatModel model = FallbackChatModel.of(List.of(anthropic, localOllama));
 * }</pre>
 */
public final class FallbackChatModel implements ChatModel {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackChatModel.class);

    private final List<ChatModel> models;

    private FallbackChatModel(List<ChatModel> models) {
        this.models = List.copyOf(models);
    }

    /** Tries {@code models} in this order. */
    public static FallbackChatModel of(List<ChatModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a fallback needs at least one model");
        }
        return new FallbackChatModel(models);
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return firstAnswer(model -> model.complete(request), () -> false);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        boolean[] started = {false};
        StreamListener tracking = new StreamListener() {
            @Override
            public void onText(String delta) {
                started[0] = true;
                listener.onText(delta);
            }

            @Override
            public void onToolCall(ToolCall call) {
                started[0] = true;
                listener.onToolCall(call);
            }
        };
        return firstAnswer(model -> model.stream(request, tracking), () -> started[0]);
    }

    private ChatResponse firstAnswer(Function<ChatModel, ChatResponse> ask, java.util.function.BooleanSupplier committed) {
        LlmApiException failure = null;
        for (ChatModel model : models) {
            try {
                return ask.apply(model);
            } catch (LlmApiException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
                if (e.kind() == LlmApiException.Kind.INVALID_REQUEST || committed.getAsBoolean()) {
                    throw e;
                }
                LOG.warn("{} failed, trying the next model: {}", model.name(), e.getMessage());
            }
        }
        throw failure;
    }

    /** {@code fallback(a, b, ...)} with the names of the models in order. */
    @Override
    public String name() {
        return models.stream().map(ChatModel::name).collect(Collectors.joining(", ", "fallback(", ")"));
    }
}
