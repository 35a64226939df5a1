package il.co.voicely.rag.llm;

/**
 * Receives a streamed answer as it is generated. Called on the thread that called
 * {@link ChatModel#stream}, one call at a time, in the order the provider sent the pieces.
 */
@FunctionalInterface
public interface StreamListener {

    /** The next piece of answer text (a few characters to a few words). */
    void onText(String delta);

    /** A complete tool call, once all of its arguments have arrived. Ignored unless overridden. */
    default void onToolCall(ToolCall call) {
    }
}
