package il.co.voicely.rag.llm;

/**
 * A large language model that answers a conversation, in one piece or streamed.
 *
 * <pre>{@code
 * Optional<ChatModel> model = ChatModels.fromSettings(LlmSettings.fromEnvironment(System.getenv()));
 * ChatResponse reply = model.orElseThrow().complete(ChatRequest.builder()
 *         .system("You answer questions about singing lessons.")
 *         .user("מה המחיר של שיעור ניסיון?")
 *         .maxTokens(400)
 *         .build());
 * }</pre>
 *
 * <p>Implementations are thread-safe. Both methods block the calling thread until the answer is
 * complete, so call them from a virtual thread or a worker; a failure is an {@link LlmApiException}.
 */
public interface ChatModel {

    /** Sends the conversation and returns the whole answer. */
    ChatResponse complete(ChatRequest request);

    /**
     * Sends the conversation and hands each piece of text to {@code listener} as it arrives, in order,
     * on the calling thread; returns the assembled answer with its usage once the stream ends.
     */
    ChatResponse stream(ChatRequest request, StreamListener listener);

    /** The provider and model answering, e.g. {@code anthropic/claude-sonnet-4-5}, for logs and usage records. */
    String name();
}
