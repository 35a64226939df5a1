package il.co.voicely.core.chat;

import java.util.Locale;

/** Where a conversation takes place. Stored lower case in {@code chat_sessions.channel}. */
public enum Channel {
    /** The chat on our own pages, for signed-in users. */
    WEB,
    /** The embeddable widget on any allowed site (anonymous visitors, served as {@code system}). */
    WIDGET,
    WHATSAPP,
    TELEGRAM;

    String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Channel fromSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
