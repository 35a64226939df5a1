package il.co.voicely.rag.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A function the model may ask the application to call.
 *
 * @param name        identifier the model uses in a {@link ToolCall}, e.g. {@code find_lessons}
 * @param description what the tool does and when to use it; the model reads this
 * @param parameters  JSON Schema of the arguments object ({@code {"type":"object","properties":{...}}})
 */
public record ToolDefinition(String name, String description, JsonNode parameters) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.isObject()) {
            throw new IllegalArgumentException("parameters of tool '" + name + "' must be a JSON Schema object, was " + parameters);
        }
    }
}
