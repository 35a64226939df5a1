package il.co.voicely.gamification.celebrate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A moment to celebrate with the student: an animation, then a card on the dashboard until seen.
 *
 * @param kind            {@code achievement} (an award) or {@code stars} (more stars on an exercise)
 * @param achievementCode the award's {@code achievements.code}, empty for stars
 * @param details         what the engine stored: for an award its code, Hebrew title, stars and reason;
 *                        for stars the exercise, score, stars and how many were gained
 */
public record Celebration(UUID id, UUID userId, String kind, Optional<String> achievementCode,
                          Map<String, Object> details, Instant createdAt) {

    public Celebration {
        details = Map.copyOf(details);
    }
}
