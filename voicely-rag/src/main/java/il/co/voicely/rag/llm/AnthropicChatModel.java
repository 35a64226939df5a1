package il.co.voicely.rag.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API: {@code POST /v1/messages}, streamed as the events {@code message_start},
 * {@code content_block_start|delta|stop}, {@code message_delta}, {@code message_stop} (plus
 * {@code ping} and {@code error}). Shapes from {@code shared/specs/anthropic}.
 */
final class AnthropicChatModel implements ChatModel {

    static final String VERSION = "2023-06-01";

    private final LlmSettings.Provider provider;
    private final HttpTransport http;
    private final PriceTable prices;
    private final URI uri;

    AnthropicChatModel(LlmSettings.Provider provider, HttpTransport http, PriceTable prices) {
        this.provider = provider;
        this.http = http;
        this.prices = prices;
        this.uri = URI.create(provider.baseUrl() + "/v1/messages");
    }

    @Override
    public String name() {
        return http.provider();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        JsonNode message = http.postJson(uri, headers(), body(request, false));
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "tool_use" -> calls.add(new ToolCall(block.path("id").asText(), block.path("name").asText(),
                        block.path("input")));
                default -> { } // thinking and server-tool blocks are not part of the answer
            }
        }
        String model = message.path("model").asText(provider.model());
        JsonNode usage = message.path("usage");
        return new ChatResponse(text.toString(), calls, stopReason(message.path("stop_reason").asText()),
                prices.usage(model, usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong()),
                model, name());
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        StreamedAnswer answer = new StreamedAnswer(listener, provider.model());
        http.postForEvents(uri, headers(), body(request, true), event -> {
            JsonNode data = Json.parse(event.data(), name());
            return handle(data.path("type").asText(event.name()), data, answer);
        });
        return answer.finish(name(), prices);
    }

    private boolean handle(String type, JsonNode data, StreamedAnswer answer) {
        switch (type) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                answer.model(message.path("model").asText());
                answer.inputTokens(message.path("usage").path("input_tokens").asLong());
                answer.outputTokens(message.path("usage").path("output_tokens").asLong());
            }
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                if (block.path("type").asText().equals("tool_use")) {
                    // The input arrives as input_json_delta fragments; the start holds an empty {}.
                    answer.toolCallPart(data.path("index").asInt(), block.path("id").asText(),
                            block.path("name").asText(), null);
                } else if (block.path("type").asText().equals("text")) {
                    answer.text(block.path("text").asText());
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                switch (delta.path("type").asText()) {
                    case "text_delta" -> answer.text(delta.path("text").asText());
                    case "input_json_delta" -> answer.toolCallPart(data.path("index").asInt(), null, null,
                            delta.path("partial_json").asText());
                    default -> { } // thinking, signature, citations
                }
            }
            case "message_delta" -> {
                answer.stopReason(stopReason(data.path("delta").path("stop_reason").asText()));
                // message_delta's usage is cumulative, so it replaces what message_start said.
                JsonNode usage = data.path("usage");
                if (usage.has("output_tokens")) {
                    answer.outputTokens(usage.path("output_tokens").asLong());
                }
                if (usage.path("input_tokens").isNumber()) {
                    answer.inputTokens(usage.path("input_tokens").asLong());
                }
            }
            case "message_stop" -> {
                return false;
            }
            case "error" -> throw http.streamError(data.path("error"));
            default -> { } // ping, content_block_stop
        }
        return true;
    }

    private Map<String, String> headers() {
        return Map.of("x-api-key", provider.apiKey().orElseThrow(), "anthropic-version", VERSION);
    }

    ObjectNode body(ChatRequest request, boolean stream) {
        ObjectNode body = Json.object();
        body.put("model", provider.model());
        body.put("max_tokens", request.maxTokens());
        if (!request.systemPrompt().isEmpty()) {
            body.put("system", request.systemPrompt());
        }
        body.set("messages", messages(request.conversation()));
        request.temperature().ifPresent(t -> body.put("temperature", t));
        if (!request.stopSequences().isEmpty()) {
            ArrayNode stops = body.putArray("stop_sequences");
            request.stopSequences().forEach(stops::add);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                tools.addObject().put("name", tool.name()).put("description", tool.description())
                        .set("input_schema", tool.parameters());
            }
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    private static ArrayNode messages(List<ChatMessage> turns) {
        ArrayNode messages = Json.MAPPER.createArrayNode();
        ArrayNode pendingResults = null;
        for (ChatMessage turn : turns) {
            if (turn.role() == ChatMessage.Role.TOOL) {
                // All results for one assistant turn go back in a single user message.
                if (pendingResults == null) {
                    ObjectNode user = messages.addObject().put("role", "user");
                    pendingResults = user.putArray("content");
                }
                pendingResults.addObject().put("type", "tool_result")
                        .put("tool_use_id", turn.toolCallId()).put("content", turn.text());
                continue;
            }
            pendingResults = null;
            ObjectNode message = messages.addObject()
                    .put("role", turn.role() == ChatMessage.Role.ASSISTANT ? "assistant" : "user");
            if (turn.toolCalls().isEmpty()) {
                message.put("content", turn.text());
            } else {
                ArrayNode content = message.putArray("content");
                if (!turn.text().isEmpty()) {
                    content.addObject().put("type", "text").put("text", turn.text());
                }
                for (ToolCall call : turn.toolCalls()) {
                    content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                            .set("input", call.arguments());
                }
            }
        }
        return messages;
    }

    static ChatResponse.StopReason stopReason(String reason) {
        return switch (reason) {
            case "end_turn" -> ChatResponse.StopReason.END_TURN;
            case "max_tokens" -> ChatResponse.StopReason.MAX_TOKENS;
            case "stop_sequence" -> ChatResponse.StopReason.STOP_SEQUENCE;
            case "tool_use" -> ChatResponse.StopReason.TOOL_USE;
            case "refusal" -> ChatResponse.StopReason.CONTENT_FILTER;
            default -> ChatResponse.StopReason.OTHER;
        };
    }
}
