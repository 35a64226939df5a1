package il.co.voicely.rag.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The one ObjectMapper of this package, and the few JSON chores the providers share. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String text, String provider) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LlmApiException(provider, LlmApiException.Kind.SERVER_ERROR, 0, "malformed_response",
                    "not JSON: " + abbreviate(text), null, e);
        }
    }

    /**
     * Tool arguments as a model wrote them. Models occasionally emit invalid JSON; that is kept as a
     * text node so the application can tell the model, rather than failing the whole answer.
     */
    static JsonNode arguments(String text) {
        if (text == null || text.isBlank()) {
            return object();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    /** A tool result for APIs that want an object (Gemini): the JSON object itself, else {@code {"result": text}}. */
    static ObjectNode resultObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                return (ObjectNode) node;
            }
        } catch (JsonProcessingException notJson) {
            // plain text result
        }
        ObjectNode wrapped = object();
        wrapped.put("result", text);
        return wrapped;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + node, e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
