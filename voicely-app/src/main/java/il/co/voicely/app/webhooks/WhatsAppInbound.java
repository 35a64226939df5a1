package il.co.voicely.app.webhooks;

import il.co.voicely.core.chat.Channel;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.Contact;
import il.co.voicely.core.chat.Conversation;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.DeliveryStatus;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.integrations.whatsapp.MessageContent;
import il.co.voicely.integrations.whatsapp.WebhookEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns parsed WhatsApp webhook events into the live-chat inbox: inbound messages become messages of the
 * contact's {@code whatsapp} conversation (the {@code wamid} is the provider id, so a redelivery stores
 * nothing), status updates move our outbound messages forward.
 */
final class WhatsAppInbound {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppInbound.class);

    private final Conversations conversations;

    WhatsAppInbound(Conversations conversations) {
        this.conversations = conversations;
    }

    void apply(List<WebhookEvent> events) {
        for (WebhookEvent event : events) {
            switch (event) {
                case WebhookEvent.InboundMessage message -> receive(message);
                case WebhookEvent.StatusUpdate status -> track(status);
            }
        }
    }

    private void receive(WebhookEvent.InboundMessage message) {
        Optional<NewMessage> content = toMessage(message.content());
        if (content.isEmpty()) {
            log.info("WhatsApp {} from {}: {} is not a chat message, not stored", message.messageId(), message.from(),
                    message.content().getClass().getSimpleName());
            return;
        }
        // WhatsApp ids are E.164 digits without the plus.
        Contact contact = Contact.external(message.from()).withPhone("+" + message.from());
        if (message.profileName().isPresent()) {
            contact = contact.withName(message.profileName().get());
        }
        Conversation conversation = conversations.openOrGet(SessionContext.system(), Channel.WHATSAPP, contact);
        conversations.receive(SessionContext.system(), conversation.id(), content.get().withProviderId(message.messageId()));
    }

    private void track(WebhookEvent.StatusUpdate update) {
        DeliveryStatus status = switch (update.status()) {
            case SENT -> DeliveryStatus.SENT;
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case READ -> DeliveryStatus.READ;
            case FAILED -> DeliveryStatus.FAILED;
            case OTHER -> null;
        };
        if (status == null) {
            return;
        }
        String error = update.errors().stream().findFirst()
                .map(e -> e.code() + " " + e.title() + e.details().map(d -> ": " + d).orElse("")).orElse(null);
        conversations.updateDeliveryByProviderId(SessionContext.system(), update.messageId(), status, error);
    }

    static Optional<NewMessage> toMessage(MessageContent content) {
        return switch (content) {
            case MessageContent.Text text -> Optional.of(NewMessage.text(text.body()));
            case MessageContent.Audio audio -> Optional.of(NewMessage.of(ChatMessage.Type.VOICE, null,
                    media(audio.mediaId(), audio.mimeType(), Map.of("voice", audio.voice()))));
            case MessageContent.Image image -> Optional.of(NewMessage.of(ChatMessage.Type.IMAGE, image.caption().orElse(null),
                    media(image.mediaId(), image.mimeType(), Map.of())));
            case MessageContent.Document document -> Optional.of(NewMessage.of(ChatMessage.Type.TEXT,
                    document.caption().or(document::filename).orElse(null),
                    media(document.mediaId(), document.mimeType(), Map.of("document", true))));
            case MessageContent.ButtonReply reply -> Optional.of(NewMessage.of(ChatMessage.Type.INTERACTIVE, reply.title(),
                    Map.of("replyId", reply.id())));
            case MessageContent.ListReply reply -> Optional.of(NewMessage.of(ChatMessage.Type.INTERACTIVE, reply.title(),
                    Map.of("replyId", reply.id())));
            case MessageContent.TemplateButtonReply reply -> Optional.of(NewMessage.of(ChatMessage.Type.INTERACTIVE, reply.text(),
                    Map.of("payload", reply.payload())));
            // A reaction annotates a message rather than being one; unsupported types carry nothing to show.
            case MessageContent.Reaction reaction -> Optional.empty();
            case MessageContent.Unsupported unsupported -> Optional.empty();
        };
    }

    private static Map<String, Object> media(String mediaId, String mimeType, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>(extra);
        payload.put("whatsappMediaId", mediaId);
        payload.put("mimeType", mimeType);
        return payload;
    }
}
