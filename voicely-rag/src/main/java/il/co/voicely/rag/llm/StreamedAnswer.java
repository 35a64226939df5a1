package il.co.voicely.rag.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects a streamed answer: passes text on to the listener as it comes, puts together tool calls
 * whose arguments arrive in fragments, and keeps the latest usage and stop reason.
 */
final class StreamedAnswer {

    private final StreamListener listener;
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private final List<ToolCall> wholeCalls = new ArrayList<>();
    private ChatResponse.StopReason stopReason = ChatResponse.StopReason.OTHER;
    private long inputTokens;
    private long outputTokens;
    private String model;

    StreamedAnswer(StreamListener listener, String model) {
        this.listener = listener;
        this.model = model;
    }

    void text(String delta) {
        if (delta != null && !delta.isEmpty()) {
            text.append(delta);
            listener.onText(delta);
        }
    }

    /** The start of the tool call at {@code index}, or a fragment of it: non-null parts are added. */
    void toolCallPart(int index, String id, String name, String argumentsFragment) {
        PartialCall call = calls.computeIfAbsent(index, i -> new PartialCall());
        if (id != null && !id.isEmpty()) {
            call.id = id;
        }
        if (name != null && !name.isEmpty()) {
            call.name = name;
        }
        if (argumentsFragment != null) {
            call.arguments.append(argumentsFragment);
        }
    }

    /** A tool call that arrived whole (Gemini). */
    void toolCall(ToolCall call) {
        wholeCalls.add(call);
        listener.onToolCall(call);
    }

    boolean hasToolCalls() {
        return !wholeCalls.isEmpty() || !calls.isEmpty();
    }

    void stopReason(ChatResponse.StopReason reason) {
        stopReason = reason;
    }

    void inputTokens(long tokens) {
        inputTokens = tokens;
    }

    void outputTokens(long tokens) {
        outputTokens = tokens;
    }

    void model(String name) {
        if (name != null && !name.isEmpty()) {
            model = name;
        }
    }

    ChatResponse finish(String provider, PriceTable prices) {
        List<ToolCall> toolCalls = new ArrayList<>(wholeCalls);
        for (PartialCall partial : calls.values()) {
            ToolCall call = new ToolCall(partial.id, partial.name, Json.arguments(partial.arguments.toString()));
            listener.onToolCall(call);
            toolCalls.add(call);
        }
        return new ChatResponse(text.toString(), toolCalls, stopReason,
                prices.usage(model, inputTokens, outputTokens), model, provider);
    }

    private static final class PartialCall {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }
}
