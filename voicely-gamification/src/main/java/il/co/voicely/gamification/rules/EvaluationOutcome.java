package il.co.voicely.gamification.rules;

import il.co.voicely.gamification.streaks.Streak;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What processing one event changed. A {@link #duplicate()} event (already processed, by this or another
 * instance) changed nothing, so it has no streak, awards or stars.
 */
public record EvaluationOutcome(UUID eventId, boolean duplicate, Optional<Streak> streak, List<Award> awards,
                                List<StarsEarned> stars) {

    public EvaluationOutcome {
        awards = List.copyOf(awards);
        stars = List.copyOf(stars);
    }

    static EvaluationOutcome duplicateOf(UUID eventId) {
        return new EvaluationOutcome(eventId, true, Optional.empty(), List.of(), List.of());
    }
}
