package il.co.voicely.core.chat;

import java.util.Locale;

/**
 * How far an outbound message got. Statuses only move forward, in the order of {@link #rank()}:
 * providers (WhatsApp) deliver status webhooks out of order, and a late {@code delivered} must not
 * overwrite {@code read}.
 */
public enum DeliveryStatus {
    PENDING(0),
    SENT(1),
    /** Ranked below {@code DELIVERED}: if the provider later says it arrived, it arrived. */
    FAILED(2),
    DELIVERED(3),
    READ(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** The order statuses may move in: an update with a lower or equal rank is ignored. */
    public int rank() {
        return rank;
    }

    String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus fromSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
