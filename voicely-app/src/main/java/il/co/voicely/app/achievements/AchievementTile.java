package il.co.voicely.app.achievements;

import il.co.voicely.gamification.rules.AchievementStatus;
import java.time.Instant;
import java.util.Optional;

/** One achievement on the grid, in the page's language: Hebrew is the fallback when no English text exists. */
public record AchievementTile(String code, String title, String howToEarn, int stars, Optional<Instant> earnedAt) {

    static AchievementTile of(AchievementStatus status, String langCode) {
        boolean english = "en".equals(langCode);
        String title = english ? status.titleEn().orElse(status.titleHe()) : status.titleHe();
        Optional<String> description = english ? status.descriptionEn().or(status::descriptionHe) : status.descriptionHe();
        return new AchievementTile(status.code(), title, description.orElse(""), status.stars(), status.earnedAt());
    }

    /** Whether the student has it. */
    public boolean earned() {
        return earnedAt.isPresent();
    }
}
