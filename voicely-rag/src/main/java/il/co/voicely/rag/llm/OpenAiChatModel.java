package il.co.voicely.rag.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's chat completions, {@code POST {baseUrl}/chat/completions}, as OpenAI, Ollama, vLLM and
 * llama.cpp's server speak it; streamed as {@code data:} chunks ending in {@code data: [DONE]}.
 * Shapes from {@code shared/specs/openai}.
 */
final class OpenAiChatModel implements ChatModel {

    private final LlmSettings.Provider provider;
    private final HttpTransport http;
    private final PriceTable prices;
    private final URI uri;

    OpenAiChatModel(LlmSettings.Provider provider, HttpTransport http, PriceTable prices) {
        this.provider = provider;
        this.http = http;
        this.prices = prices;
        this.uri = URI.create(provider.baseUrl() + "/chat/completions");
    }

    @Override
    public String name() {
        return http.provider();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        JsonNode completion = http.postJson(uri, headers(), body(request, false));
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            calls.add(new ToolCall(call.path("id").asText(), call.path("function").path("name").asText(),
                    Json.arguments(call.path("function").path("arguments").asText())));
        }
        String model = completion.path("model").asText(provider.model());
        JsonNode usage = completion.path("usage");
        return new ChatResponse(message.path("content").asText(""), calls,
                stopReason(choice.path("finish_reason").asText()),
                prices.usage(model, usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong()),
                model, name());
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        StreamedAnswer answer = new StreamedAnswer(listener, provider.model());
        http.postForEvents(uri, headers(), body(request, true), event -> {
            if (event.data().equals("[DONE]")) {
                return false;
            }
            handle(Json.parse(event.data(), name()), answer);
            return true;
        });
        return answer.finish(name(), prices);
    }

    private void handle(JsonNode chunk, StreamedAnswer answer) {
        if (chunk.has("error")) {
            throw http.streamError(chunk.path("error"));
        }
        answer.model(chunk.path("model").asText());
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual()) {
            answer.text(delta.path("content").asText());
        }
        for (JsonNode call : delta.path("tool_calls")) {
            JsonNode function = call.path("function");
            answer.toolCallPart(call.path("index").asInt(), call.path("id").asText(null),
                    function.path("name").asText(null), function.path("arguments").asText(null));
        }
        String finish = choice.path("finish_reason").asText("");
        if (!finish.isEmpty() && !finish.equals("null")) {
            answer.stopReason(stopReason(finish));
        }
        // With stream_options.include_usage the last chunk (with no choices) carries the usage.
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            answer.inputTokens(usage.path("prompt_tokens").asLong());
            answer.outputTokens(usage.path("completion_tokens").asLong());
        }
    }

    private Map<String, String> headers() {
        return provider.apiKey().filter(k -> !k.isBlank())
                .map(key -> Map.of("Authorization", "Bearer " + key))
                .orElse(Map.of());
    }

    ObjectNode body(ChatRequest request, boolean stream) {
        ObjectNode body = Json.object();
        body.put("model", provider.model());
        body.set("messages", messages(request.messages()));
        // max_tokens rather than max_completion_tokens: Ollama, vLLM and llama.cpp all read it;
        // OpenAI still accepts it for its chat (non-reasoning) models.
        body.put("max_tokens", request.maxTokens());
        request.temperature().ifPresent(t -> body.put("temperature", t));
        if (!request.stopSequences().isEmpty()) {
            ArrayNode stops = body.putArray("stop");
            request.stopSequences().forEach(stops::add);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                tools.addObject().put("type", "function").putObject("function")
                        .put("name", tool.name()).put("description", tool.description())
                        .set("parameters", tool.parameters());
            }
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private static ArrayNode messages(List<ChatMessage> turns) {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (ChatMessage turn : turns) {
            ObjectNode message = messages.addObject();
            switch (turn.role()) {
                case SYSTEM -> message.put("role", "system").put("content", turn.text());
                case USER -> message.put("role", "user").put("content", turn.text());
                case TOOL -> message.put("role", "tool").put("tool_call_id", turn.toolCallId()).put("content", turn.text());
                case ASSISTANT -> {
                    message.put("role", "assistant");
                    if (turn.toolCalls().isEmpty() || !turn.text().isEmpty()) {
                        message.put("content", turn.text());
                    } else {
                        message.putNull("content");
                    }
                    if (!turn.toolCalls().isEmpty()) {
                        ArrayNode calls = message.putArray("tool_calls");
                        for (ToolCall call : turn.toolCalls()) {
                            // The API carries arguments as a JSON string, not an object.
                            calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                                    .put("name", call.name())
                                    .put("arguments", call.arguments().isTextual()
                                            ? call.arguments().asText() : Json.write(call.arguments()));
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown role " + turn.role());
            }
        }
        return messages;
    }

    static ChatResponse.StopReason stopReason(String reason) {
        return switch (reason) {
            case "stop" -> ChatResponse.StopReason.END_TURN;
            case "length" -> ChatResponse.StopReason.MAX_TOKENS;
            case "tool_calls", "function_call" -> ChatResponse.StopReason.TOOL_USE;
            case "content_filter" -> ChatResponse.StopReason.CONTENT_FILTER;
            default -> ChatResponse.StopReason.OTHER;
        };
    }
}
