package il.co.voicely.gamification.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The student completed a vocal exercise ({@code vocal_exercises.id}) with a score of 0–100. Type {@value #TYPE}.
 */
public record ExerciseCompleted(UUID eventId, UUID userId, Instant occurredAt, UUID exerciseId, double score)
        implements GamificationEvent {

    public static final String TYPE = "exercise.completed";

    public ExerciseCompleted {
        Events.requireIdentity(eventId, userId, occurredAt);
        Objects.requireNonNull(exerciseId, "exerciseId");
        Events.requirePercent("score", score);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("exerciseId", exerciseId.toString(), "score", score);
    }
}
