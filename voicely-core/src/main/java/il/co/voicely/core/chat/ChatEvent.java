package il.co.voicely.core.chat;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Something happened in a conversation. Events carry ids only, never content: a subscriber reads the
 * message with its own client's {@code SessionContext}, so row-level security still decides who sees it
 * (an internal note's event reaches a visitor's socket, but {@code messagesAfter} shows them nothing).
 *
 * @param conversationId empty only for {@link Kind#RESYNC}
 * @param messageId      for {@link Kind#MESSAGE} and {@link Kind#STATUS}
 * @param by             for {@link Kind#TYPING}: who types ({@code visitor} or an agent's user id)
 */
public record ChatEvent(Kind kind, Optional<UUID> conversationId, OptionalLong messageId, Optional<String> by) {

    public ChatEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(by, "by");
        if (conversationId.isEmpty() && kind != Kind.RESYNC) {
            throw new IllegalArgumentException(kind + " events need a conversation id");
        }
    }

    static ChatEvent message(UUID conversation, long messageId) {
        return new ChatEvent(Kind.MESSAGE, Optional.of(conversation), OptionalLong.of(messageId), Optional.empty());
    }

    static ChatEvent status(UUID conversation, long messageId) {
        return new ChatEvent(Kind.STATUS, Optional.of(conversation), OptionalLong.of(messageId), Optional.empty());
    }

    static ChatEvent state(UUID conversation) {
        return new ChatEvent(Kind.STATE, Optional.of(conversation), OptionalLong.empty(), Optional.empty());
    }

    static ChatEvent typing(UUID conversation, String by) {
        return new ChatEvent(Kind.TYPING, Optional.of(conversation), OptionalLong.empty(), Optional.of(by));
    }

    static ChatEvent resync() {
        return new ChatEvent(Kind.RESYNC, Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    public enum Kind {
        /** A new message: fetch it with {@code messagesAfter}. */
        MESSAGE,
        /** An outbound message's delivery status moved forward. */
        STATUS,
        /** The conversation's state or assignee changed. */
        STATE,
        /** Someone is typing; not stored. */
        TYPING,
        /**
         * The listener lost its connection and is back: events may have been missed meanwhile, so every
         * client should resume from its last message id.
         */
        RESYNC
    }
}
