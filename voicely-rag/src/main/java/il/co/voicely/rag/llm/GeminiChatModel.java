package il.co.voicely.rag.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gemini's {@code models/{model}:generateContent}, streamed by {@code :streamGenerateContent?alt=sse}
 * where every event is a partial {@code GenerateContentResponse}. Shapes from {@code shared/specs/gemini}.
 */
final class GeminiChatModel implements ChatModel {

    /** Prefix of ids we make up for function calls that came without one; never sent back. */
    private static final String LOCAL_ID = "gemini-call-";

    private final LlmSettings.Provider provider;
    private final HttpTransport http;
    private final PriceTable prices;
    private final String modelPath;

    GeminiChatModel(LlmSettings.Provider provider, HttpTransport http, PriceTable prices) {
        this.provider = provider;
        this.http = http;
        this.prices = prices;
        this.modelPath = provider.baseUrl() + "/v1beta/models/"
                + URLEncoder.encode(provider.model(), StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return http.provider();
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        JsonNode response = http.postJson(URI.create(modelPath + ":generateContent"), headers(), body(request));
        StreamedAnswer answer = new StreamedAnswer(delta -> { }, provider.model());
        collect(response, answer, new AtomicInteger());
        return answer.finish(name(), prices);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        StreamedAnswer answer = new StreamedAnswer(listener, provider.model());
        AtomicInteger calls = new AtomicInteger();
        URI uri = URI.create(modelPath + ":streamGenerateContent?alt=sse");
        http.postForEvents(uri, headers(), body(request), event -> {
            collect(Json.parse(event.data(), name()), answer, calls);
            return true;
        });
        return answer.finish(name(), prices);
    }

    /** Adds one (partial) GenerateContentResponse to the answer. */
    private void collect(JsonNode response, StreamedAnswer answer, AtomicInteger calls) {
        if (response.has("error")) {
            throw http.streamError(response.path("error"));
        }
        answer.model(response.path("modelVersion").asText());
        JsonNode usage = response.path("usageMetadata");
        if (!usage.isMissingNode()) {
            answer.inputTokens(usage.path("promptTokenCount").asLong());
            // Thinking tokens are billed as output.
            answer.outputTokens(usage.path("candidatesTokenCount").asLong() + usage.path("thoughtsTokenCount").asLong());
        }
        if (response.path("promptFeedback").has("blockReason")) {
            answer.stopReason(ChatResponse.StopReason.CONTENT_FILTER);
        }
        JsonNode candidate = response.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("thought").asBoolean(false)) {
                continue;
            }
            if (part.has("text")) {
                answer.text(part.path("text").asText());
            }
            if (part.has("functionCall")) {
                JsonNode call = part.path("functionCall");
                String id = call.path("id").asText("");
                answer.toolCall(new ToolCall(id.isEmpty() ? LOCAL_ID + calls.incrementAndGet() : id,
                        call.path("name").asText(), call.has("args") ? call.path("args") : Json.object()));
                answer.stopReason(ChatResponse.StopReason.TOOL_USE);
            }
        }
        String finish = candidate.path("finishReason").asText("");
        // Gemini ends a function-calling turn with STOP; the calls are what matter to the caller.
        if (!finish.isEmpty() && !answer.hasToolCalls()) {
            answer.stopReason(stopReason(finish));
        }
    }

    private Map<String, String> headers() {
        return Map.of("x-goog-api-key", provider.apiKey().orElseThrow());
    }

    ObjectNode body(ChatRequest request) {
        ObjectNode body = Json.object();
        body.set("contents", contents(request.conversation()));
        if (!request.systemPrompt().isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.systemPrompt());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (ToolDefinition tool : request.tools()) {
                // parametersJsonSchema takes plain JSON Schema; `parameters` wants Google's OpenAPI subset.
                declarations.addObject().put("name", tool.name()).put("description", tool.description())
                        .set("parametersJsonSchema", tool.parameters());
            }
        }
        ObjectNode config = body.putObject("generationConfig");
        config.put("maxOutputTokens", request.maxTokens());
        request.temperature().ifPresent(t -> config.put("temperature", t));
        if (!request.stopSequences().isEmpty()) {
            ArrayNode stops = config.putArray("stopSequences");
            request.stopSequences().forEach(stops::add);
        }
        return body;
    }

    private static ArrayNode contents(List<ChatMessage> turns) {
        ArrayNode contents = Json.MAPPER.createArrayNode();
        ArrayNode pendingResults = null;
        for (ChatMessage turn : turns) {
            if (turn.role() == ChatMessage.Role.TOOL) {
                // The answers to one model turn's calls go back together, in one user turn.
                if (pendingResults == null) {
                    pendingResults = contents.addObject().put("role", "user").putArray("parts");
                }
                ObjectNode response = pendingResults.addObject().putObject("functionResponse");
                if (!turn.toolCallId().startsWith(LOCAL_ID)) {
                    response.put("id", turn.toolCallId());
                }
                response.put("name", turn.toolName()).set("response", Json.resultObject(turn.text()));
                continue;
            }
            pendingResults = null;
            ObjectNode content = contents.addObject()
                    .put("role", turn.role() == ChatMessage.Role.ASSISTANT ? "model" : "user");
            ArrayNode parts = content.putArray("parts");
            if (!turn.text().isEmpty() || turn.toolCalls().isEmpty()) {
                parts.addObject().put("text", turn.text());
            }
            for (ToolCall call : turn.toolCalls()) {
                ObjectNode functionCall = parts.addObject().putObject("functionCall");
                if (!call.id().startsWith(LOCAL_ID)) {
                    functionCall.put("id", call.id());
                }
                functionCall.put("name", call.name()).set("args", call.arguments());
            }
        }
        return contents;
    }

    static ChatResponse.StopReason stopReason(String reason) {
        return switch (reason) {
            case "STOP" -> ChatResponse.StopReason.END_TURN;
            case "MAX_TOKENS" -> ChatResponse.StopReason.MAX_TOKENS;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                    ChatResponse.StopReason.CONTENT_FILTER;
            default -> ChatResponse.StopReason.OTHER;
        };
    }
}
