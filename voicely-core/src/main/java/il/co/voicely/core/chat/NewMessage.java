package il.co.voicely.core.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to append: {@code NewMessage.text("שלום").withProviderId(wamid)}.
 *
 * @param payload           small structured data, stored as JSON (blob keys, buttons, template parameters)
 * @param providerMessageId the provider's id (WhatsApp {@code wamid}); a second message with the same id is
 *                          a redelivery and is not stored again
 */
public record NewMessage(ChatMessage.Type type, Optional<String> body, Map<String, Object> payload,
                         Optional<String> providerMessageId) {

    public NewMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        payload = Map.copyOf(Objects.requireNonNull(payload, "payload"));
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        if (type == ChatMessage.Type.NOTE) {
            throw new IllegalArgumentException("notes are added with Conversations.addNote, not as messages");
        }
        if (body.isEmpty() && payload.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " message needs a body or a payload");
        }
    }

    /** A plain text message. */
    public static NewMessage text(String body) {
        return new NewMessage(ChatMessage.Type.TEXT, Optional.of(body), Map.of(), Optional.empty());
    }

    /** A message of another type, e.g. a voice message whose payload names the blob. */
    public static NewMessage of(ChatMessage.Type type, String body, Map<String, Object> payload) {
        return new NewMessage(type, Optional.ofNullable(body), payload, Optional.empty());
    }

    public NewMessage withProviderId(String id) {
        return new NewMessage(type, body, payload, Optional.of(id));
    }
}
