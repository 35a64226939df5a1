package il.co.voicely.rag.llm;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param role       who speaks
 * @param text       what was said; for a {@link Role#TOOL} message, the tool's result; may be empty
 *                   for an assistant turn that only calls tools
 * @param toolCalls  the tools an {@link Role#ASSISTANT} turn asked for; empty otherwise
 * @param toolCallId for a {@link Role#TOOL} message, the {@link ToolCall#id()} it answers; else empty
 * @param toolName   for a {@link Role#TOOL} message, the tool's name (Gemini matches results by name); else empty
 */
public record ChatMessage(Role role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {

    /**
     * Who speaks. {@code SYSTEM} turns are instructions; providers with a separate system field
     * (Anthropic, Gemini) receive all of them there, joined by blank lines.
     */
    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(toolName, "toolName");
        if (role != Role.ASSISTANT && !toolCalls.isEmpty()) {
            throw new IllegalArgumentException("only an assistant turn calls tools, not " + role);
        }
        if (role == Role.TOOL && toolCallId.isEmpty()) {
            throw new IllegalArgumentException("a tool result needs the id of the call it answers");
        }
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text, List.of(), "", "");
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text, List.of(), "", "");
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text, List.of(), "", "");
    }

    /** An earlier assistant turn that called tools, as returned in {@link ChatResponse#toMessage()}. */
    public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
        return new ChatMessage(Role.ASSISTANT, text, toolCalls, "", "");
    }

    /** The application's answer to {@code call}; {@code result} is usually JSON text. */
    public static ChatMessage toolResult(ToolCall call, String result) {
        return new ChatMessage(Role.TOOL, result, List.of(), call.id(), call.name());
    }
}
