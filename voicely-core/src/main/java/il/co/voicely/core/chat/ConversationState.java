package il.co.voicely.core.chat;

import java.util.Locale;

/**
 * Who is answering a conversation: {@code BOT → PENDING → OPEN → RESOLVED}, with {@code OPEN → BOT}
 * (hand back) and {@code RESOLVED → BOT} (the visitor writes again). See {@link Handoffs}.
 */
public enum ConversationState {
    /** The assistant answers. */
    BOT,
    /** The visitor asked for a person; the bot is silent while they wait. */
    PENDING,
    /** An agent has the conversation; the bot is silent. */
    OPEN,
    /** Closed; a new visitor message reopens it with the bot. */
    RESOLVED;

    String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConversationState fromSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
