package il.co.voicely.gamification.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The student practised on their own for a while. Type {@value #TYPE}. */
public record PracticeSession(UUID eventId, UUID userId, Instant occurredAt, Duration duration) implements GamificationEvent {

    public static final String TYPE = "practice.session";

    public PracticeSession {
        Events.requireIdentity(eventId, userId, occurredAt);
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("seconds", duration.toSeconds(), "minutes", duration.toSeconds() / 60.0);
    }
}
