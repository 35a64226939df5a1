package il.co.voicely.rag.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A conversation to answer and how to answer it. Build with {@link #builder()}.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .system("Answer only from the sources below.")
 *         .user("When is the juniors programme?")
 *         .temperature(0.2)
 *         .maxTokens(500)
 *         .tool(findLessonsTool)
 *         .build();
 * }</pre>
 *
 * @param messages      the turns, oldest first; at least one that is not {@code SYSTEM}
 * @param temperature   sampling temperature, or empty for the provider's default
 * @param maxTokens     the most tokens the answer may have
 * @param tools         the tools the model may call; empty for none
 * @param stopSequences texts that end the answer when generated
 */
public record ChatRequest(List<ChatMessage> messages, OptionalDouble temperature, int maxTokens,
                          List<ToolDefinition> tools, List<String> stopSequences) {

    /** Used when the builder is given no {@code maxTokens}: enough for a chat answer, bounded in cost. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    public ChatRequest {
        messages = List.copyOf(messages);
        Objects.requireNonNull(temperature, "temperature");
        tools = List.copyOf(tools);
        stopSequences = List.copyOf(stopSequences);
        if (messages.stream().allMatch(m -> m.role() == ChatMessage.Role.SYSTEM)) {
            throw new IllegalArgumentException("a request needs at least one user turn, had " + messages.size() + " system messages only");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code SYSTEM} turns joined by blank lines; empty when there are none. */
    public String systemPrompt() {
        return messages.stream().filter(m -> m.role() == ChatMessage.Role.SYSTEM)
                .map(ChatMessage::text).collect(Collectors.joining("\n\n"));
    }

    /** The turns other than {@code SYSTEM}, oldest first. */
    public List<ChatMessage> conversation() {
        return messages.stream().filter(m -> m.role() != ChatMessage.Role.SYSTEM).toList();
    }

    /** Collects the parts of a {@link ChatRequest}. */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<ToolDefinition> tools = new ArrayList<>();
        private final List<String> stopSequences = new ArrayList<>();
        private OptionalDouble temperature = OptionalDouble.empty();
        private int maxTokens = DEFAULT_MAX_TOKENS;

        private Builder() {
        }

        public Builder system(String text) {
            return message(ChatMessage.system(text));
        }

        public Builder user(String text) {
            return message(ChatMessage.user(text));
        }

        public Builder assistant(String text) {
            return message(ChatMessage.assistant(text));
        }

        public Builder message(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder messages(List<ChatMessage> more) {
            more.forEach(this::message);
            return this;
        }

        /** 0 (focused) to 2 (varied); Anthropic accepts at most 1 and answers more with an invalid-request error. */
        public Builder temperature(double value) {
            if (value < 0 || value > 2) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, was " + value);
            }
            temperature = OptionalDouble.of(value);
            return this;
        }

        public Builder maxTokens(int value) {
            maxTokens = value;
            return this;
        }

        public Builder tool(ToolDefinition tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        public Builder stopSequence(String text) {
            stopSequences.add(Objects.requireNonNull(text, "text"));
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(messages, temperature, maxTokens, tools, stopSequences);
        }
    }
}
