package il.co.voicely.gamification.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tile of a student's achievements grid: what the achievement is, how to earn it (its description and
 * rule), and when and why it was earned — {@code earnedAt} is empty while locked. {@code rule} is empty when
 * the stored rule cannot be understood (the engine skips such a row).
 */
public record AchievementStatus(String code, String titleHe, Optional<String> titleEn, Optional<String> descriptionHe,
                                Optional<String> descriptionEn, Optional<String> category, int stars,
                                Optional<AchievementRule> rule, Optional<Instant> earnedAt, Map<String, Object> reason) {

    public AchievementStatus {
        Objects.requireNonNull(code, "code");
        reason = Map.copyOf(reason);
    }

    /** True once awarded. */
    public boolean earned() {
        return earnedAt.isPresent();
    }
}
