package il.co.voicely.gamification.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The student attended a lesson (attendance {@code attended} or {@code late}). Type {@value #TYPE}. */
public record LessonAttended(UUID eventId, UUID userId, Instant occurredAt, UUID lessonId) implements GamificationEvent {

    public static final String TYPE = "lesson.attended";

    public LessonAttended {
        Events.requireIdentity(eventId, userId, occurredAt);
        Objects.requireNonNull(lessonId, "lessonId");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("lessonId", lessonId.toString());
    }
}
