package il.co.voicely.integrations.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.integrations.internal.Hmac;
import il.co.voicely.integrations.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The receiving side of WhatsApp webhooks: the GET subscription handshake, the
 * {@code X-Hub-Signature-256} check and parsing into {@link WebhookEvent}s. Pure functions, no I/O.
 *
 * <pre>{@code
 * WhatsAppWebhook webhook = new WhatsAppWebhook(appSecret, verifyToken);
 * if (!webhook.isSignatureValid(rawBody, request.header("X-Hub-Signature-256"))) return 401;
 * for (WebhookEvent event : webhook.parse(rawBody)) { ... }
 * }</pre>
 */
public final class WhatsAppWebhook {

    private static final String SIGNATURE_PREFIX = "sha256=";

    private final String appSecret;
    private final String verifyToken;

    /**
     * @param appSecret   the Meta app secret that signs deliveries
     * @param verifyToken the token configured for the callback URL in the app dashboard
     */
    public WhatsAppWebhook(String appSecret, String verifyToken) {
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.verifyToken = Objects.requireNonNull(verifyToken, "verifyToken");
    }

    /**
     * Answers Meta's GET handshake: the {@code hub.challenge} to echo with 200 when
     * {@code hub.mode} is {@code subscribe} and {@code hub.verify_token} matches; empty means 403.
     */
    public Optional<String> verifySubscription(String mode, String token, String challenge) {
        if (!"subscribe".equals(mode) || token == null || challenge == null || challenge.isEmpty()) {
            return Optional.empty();
        }
        boolean tokenMatches = MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                verifyToken.getBytes(StandardCharsets.UTF_8));
        return tokenMatches ? Optional.of(challenge) : Optional.empty();
    }

    /**
     * Whether {@code signatureHeader} ({@code sha256=<hex>}) is the HMAC-SHA256 of {@code rawBody}
     * under the app secret. Meta signs the raw bytes (with unicode escaped as {@code \u00e4}), so
     * check before parsing: re-serialised JSON would not match.
     */
    public boolean isSignatureValid(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || !signatureHeader.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())) {
            return false;
        }
        return Hmac.matches(appSecret, rawBody, signatureHeader.substring(SIGNATURE_PREFIX.length()));
    }

    /**
     * Every message and status in a delivery, in order. Unknown fields and change types are skipped,
     * unknown message types become {@link MessageContent.Unsupported}.
     *
     * @throws java.io.UncheckedIOException when the body is not JSON
     */
    public List<WebhookEvent> parse(byte[] rawBody) {
        JsonNode root = Json.read(rawBody);
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!"messages".equals(change.path("field").asText())) {
                    continue;
                }
                JsonNode value = change.path("value");
                String phoneNumberId = value.path("metadata").path("phone_number_id").asText();
                for (JsonNode message : value.path("messages")) {
                    events.add(inbound(phoneNumberId, message, value.path("contacts")));
                }
                for (JsonNode status : value.path("statuses")) {
                    events.add(status(phoneNumberId, status));
                }
            }
        }
        return List.copyOf(events);
    }

    private static WebhookEvent.InboundMessage inbound(String phoneNumberId, JsonNode m, JsonNode contacts) {
        String from = m.path("from").asText();
        Optional<String> name = Optional.empty();
        for (JsonNode contact : contacts) {
            if (from.equals(contact.path("wa_id").asText())) {
                name = Json.text(contact.path("profile"), "name");
            }
        }
        return new WebhookEvent.InboundMessage(phoneNumberId, m.path("id").asText(), timestamp(m), from, name,
                Json.text(m.path("context"), "id"), content(m));
    }

    private static MessageContent content(JsonNode m) {
        String type = m.path("type").asText();
        JsonNode body = m.path(type);
        return switch (type) {
            case "text" -> new MessageContent.Text(body.path("body").asText());
            case "audio" -> new MessageContent.Audio(body.path("id").asText(), body.path("mime_type").asText(),
                    Json.text(body, "sha256"), body.path("voice").asBoolean(false));
            case "image" -> new MessageContent.Image(body.path("id").asText(), body.path("mime_type").asText(),
                    Json.text(body, "sha256"), Json.text(body, "caption"));
            case "document" -> new MessageContent.Document(body.path("id").asText(), body.path("mime_type").asText(),
                    Json.text(body, "sha256"), Json.text(body, "filename"), Json.text(body, "caption"));
            case "button" -> new MessageContent.TemplateButtonReply(body.path("payload").asText(), body.path("text").asText());
            case "reaction" -> new MessageContent.Reaction(body.path("message_id").asText(), body.path("emoji").asText(""));
            case "interactive" -> interactive(body, m);
            default -> new MessageContent.Unsupported(type, errors(m.path("errors")));
        };
    }

    private static MessageContent interactive(JsonNode interactive, JsonNode m) {
        JsonNode button = interactive.path("button_reply");
        JsonNode row = interactive.path("list_reply");
        return switch (interactive.path("type").asText()) {
            case "button_reply" -> new MessageContent.ButtonReply(button.path("id").asText(), button.path("title").asText());
            case "list_reply" -> new MessageContent.ListReply(row.path("id").asText(), row.path("title").asText(),
                    Json.text(row, "description"));
            default -> new MessageContent.Unsupported("interactive." + interactive.path("type").asText(), errors(m.path("errors")));
        };
    }

    private static WebhookEvent.StatusUpdate status(String phoneNumberId, JsonNode s) {
        WebhookEvent.Status status;
        try {
            status = WebhookEvent.Status.valueOf(s.path("status").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            status = WebhookEvent.Status.OTHER;
        }
        return new WebhookEvent.StatusUpdate(phoneNumberId, s.path("id").asText(), timestamp(s), status,
                s.path("recipient_id").asText(), Json.text(s.path("conversation"), "id"),
                Json.text(s.path("pricing"), "category"), errors(s.path("errors")));
    }

    private static List<WebhookEvent.ErrorDetail> errors(JsonNode errors) {
        List<WebhookEvent.ErrorDetail> list = new ArrayList<>();
        for (JsonNode e : errors) {
            list.add(new WebhookEvent.ErrorDetail(e.path("code").asInt(), e.path("title").asText(),
                    Json.text(e, "message"), Json.text(e.path("error_data"), "details")));
        }
        return list;
    }

    // Meta sends Unix seconds as a string.
    private static Instant timestamp(JsonNode node) {
        return Instant.ofEpochSecond(node.path("timestamp").asLong(0));
    }
}
