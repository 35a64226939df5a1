package il.co.voicely.gamification.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * An achievement as staff define it: a stable {@code code} (e.g. {@code lessons.5}), Hebrew and optional
 * English texts shown on the achievements grid (the description says how to earn it), the rule, and the
 * stars it is worth on leaderboards (0–3).
 */
public record AchievementDefinition(String code, String titleHe, Optional<String> titleEn, Optional<String> descriptionHe,
                                    Optional<String> descriptionEn, Optional<String> category, AchievementRule rule,
                                    int stars, int sortOrder) {

    public AchievementDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(titleHe, "titleHe");
        Objects.requireNonNull(titleEn, "titleEn");
        Objects.requireNonNull(descriptionHe, "descriptionHe");
        Objects.requireNonNull(descriptionEn, "descriptionEn");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        if (!code.matches("[a-z][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("achievement code must be lower-case letters, digits, '_', '.' or '-', was '" + code + "'");
        }
        if (stars < 0 || stars > 3) {
            throw new IllegalArgumentException("stars must be 0–3, was " + stars);
        }
    }

    /** A definition with a Hebrew title and rule only. */
    public static AchievementDefinition of(String code, String titleHe, AchievementRule rule, int stars) {
        return new AchievementDefinition(code, titleHe, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), rule, stars, 0);
    }
}
