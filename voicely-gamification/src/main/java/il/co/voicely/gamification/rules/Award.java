package il.co.voicely.gamification.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An achievement just awarded, with why: {@code reason} is what {@code user_achievements.reason} stores —
 * the event ({@code eventId}, {@code eventType}), the {@code rule} as JSON and the {@code values} that met it
 * (e.g. {@code {"count":5,"min":5}}).
 */
public record Award(String code, String titleHe, int stars, Instant awardedAt, Map<String, Object> reason) {

    public Award {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(titleHe, "titleHe");
        Objects.requireNonNull(awardedAt, "awardedAt");
        reason = Map.copyOf(reason);
    }
}
