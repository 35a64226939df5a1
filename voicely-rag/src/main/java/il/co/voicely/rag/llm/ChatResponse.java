package il.co.voicely.rag.llm;

import java.util.List;
import java.util.Objects;

/**
 * A model's answer.
 *
 * @param text       the answer text; empty when the model only called tools
 * @param toolCalls  tools the model wants run before it answers; empty for none
 * @param stopReason why generation stopped
 * @param usage      tokens read and written, with an estimated cost
 * @param model      the model that answered, as the provider reports it
 * @param provider   which {@link ChatModel#name()} answered (after a fallback, not necessarily the first)
 */
public record ChatResponse(String text, List<ToolCall> toolCalls, StopReason stopReason, Usage usage,
                           String model, String provider) {

    /** Why the model stopped writing, in the providers' common terms. */
    public enum StopReason {
        /** The model finished its answer. */
        END_TURN,
        /** The answer reached {@link ChatRequest#maxTokens()} and is cut off. */
        MAX_TOKENS,
        /** One of {@link ChatRequest#stopSequences()} was generated. */
        STOP_SEQUENCE,
        /** The model waits for the results of {@link #toolCalls()}. */
        TOOL_USE,
        /** The provider's safety system stopped or refused the answer. */
        CONTENT_FILTER,
        /** Anything else the provider reported. */
        OTHER
    }

    public ChatResponse {
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
    }

    /** This answer as an assistant turn, to continue the conversation (e.g. after running its tools). */
    public ChatMessage toMessage() {
        return ChatMessage.assistant(text, toolCalls);
    }
}
