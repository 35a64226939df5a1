package il.co.voicely.gamification.events;

import java.util.Objects;

/** Checks shared by the event records. */
final class Events {

    private Events() {
    }

    static void requireIdentity(Object eventId, Object userId, Object occurredAt) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    static double requirePercent(String name, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be between 0 and 100, was " + value);
        }
        return value;
    }
}
