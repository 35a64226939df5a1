package il.co.voicely.rag.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The model's request to run a tool. Answer it with {@link ChatMessage#toolResult(ToolCall, String)}.
 *
 * @param id        the provider's id for this call, echoed back in the result (generated when the
 *                  provider has none, as older Gemini models)
 * @param name      the {@link ToolDefinition#name()} to run
 * @param arguments the arguments object, shaped by the tool's schema
 */
public record ToolCall(String id, String name, JsonNode arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
