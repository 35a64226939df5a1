/**
 * Large language models behind one interface, {@link il.co.voicely.rag.llm.ChatModel}: Anthropic
 * Messages, Gemini {@code generateContent}, and any OpenAI-compatible chat-completions server (OpenAI,
 * Ollama, vLLM, llama.cpp), with streaming, tool calls, retries honouring {@code Retry-After}, typed
 * errors, token usage with an estimated cost, and a fallback order.
 *
 * <pre>{@code
 * Optional<ChatModel> model = ChatModels.fromSettings(LlmSettings.fromEnvironment(System.getenv()));
 * model.ifPresent(m -> m.stream(ChatRequest.builder().user("שלום").build(), System.out::print));
 * }</pre>
 *
 * <p>With no provider configured, {@link il.co.voicely.rag.llm.ChatModels#fromSettings} is empty and
 * callers answer without a model.
 */
package il.co.voicely.rag.llm;
