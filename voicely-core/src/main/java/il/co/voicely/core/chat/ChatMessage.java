package il.co.voicely.core.chat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One message. Ids grow within a conversation in commit order, so "everything after id N" is exactly
 * what a reconnecting client missed (see {@link Conversations#messagesAfter}).
 *
 * @param payloadJson      media blob keys, buttons, template parameters…; {@code {}} when none
 * @param deliveryStatus   outbound messages only
 * @param senderUserId     the agent (or signed-in visitor) who wrote it
 */
public record ChatMessage(long id, UUID conversationId, Direction direction, Sender sender,
                          Optional<UUID> senderUserId, Type type, Optional<String> body, String payloadJson,
                          Optional<String> providerMessageId, Optional<DeliveryStatus> deliveryStatus,
                          Optional<String> error, Instant createdAt) {

    /** Whether this is an internal note, which only staff can see. */
    public boolean isNote() {
        return type == Type.NOTE;
    }

    /** From the contact to us, or from us to the contact. */
    public enum Direction {
        INBOUND, OUTBOUND;

        static Direction fromSql(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** Who wrote it. */
    public enum Sender {
        VISITOR, BOT, AGENT, SYSTEM;

        String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sender fromSql(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** What it is. {@code NOTE} is an internal agent note, never shown to the visitor. */
    public enum Type {
        TEXT, VOICE, IMAGE, INTERACTIVE, TEMPLATE, NOTE;

        String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type fromSql(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
