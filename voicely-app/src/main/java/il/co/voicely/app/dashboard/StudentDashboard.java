package il.co.voicely.app.dashboard;

import il.co.voicely.gamification.streaks.Streak;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seven metric cards of a student's home, as read in the student's own row-level-security context.
 *
 * @param lessonsPerMonth   attended lessons in each of the last months, oldest first; the last is this month
 * @param practiceDays      for each of the last {@value DashboardQueries#PRACTICE_DAYS} local days, oldest
 *                          first, whether the student did anything counted as practice
 * @param accuracy          note accuracy of the latest analysed recordings, oldest first
 * @param ranges            the sung ranges of the latest analysed recordings, oldest first
 */
public record StudentDashboard(Optional<NextLesson> nextLesson, List<Integer> lessonsPerMonth, Streak streak,
                               List<Boolean> practiceDays, int stars, int recordings, List<Double> accuracy,
                               List<VocalRange> ranges, List<CelebrationCard> celebrations) {

    public StudentDashboard {
        lessonsPerMonth = List.copyOf(lessonsPerMonth);
        practiceDays = List.copyOf(practiceDays);
        accuracy = List.copyOf(accuracy);
        ranges = List.copyOf(ranges);
        celebrations = List.copyOf(celebrations);
    }

    /** Attended lessons in the current month (the school's zone). */
    public int lessonsThisMonth() {
        return lessonsPerMonth.isEmpty() ? 0 : lessonsPerMonth.getLast();
    }

    public Sparkline lessonsTrend() {
        return new Sparkline(lessonsPerMonth.stream().map(Integer::doubleValue).toList());
    }

    public Sparkline accuracyTrend() {
        return new Sparkline(accuracy);
    }

    public Sparkline rangeTrend() {
        return new Sparkline(ranges.stream().map(VocalRange::semitones).toList());
    }

    /** The latest note accuracy, rounded to a whole percent. */
    public Optional<Long> latestAccuracy() {
        return accuracy.isEmpty() ? Optional.empty() : Optional.of(Math.round(accuracy.getLast()));
    }

    /** The latest sung range. */
    public Optional<VocalRange> latestRange() {
        return ranges.isEmpty() ? Optional.empty() : Optional.of(ranges.getLast());
    }

    /** Whether the student has done nothing yet: the page then says what to do first. */
    public boolean brandNew() {
        return nextLesson.isEmpty() && lessonsPerMonth.stream().allMatch(n -> n == 0) && streak.longestDays() == 0
                && stars == 0 && recordings == 0;
    }

    /** A lesson to come. */
    public record NextLesson(String title, Instant startsAt, Optional<String> location) {
    }

    /** A moment to celebrate on the dashboard until the student dismisses it (the oldest first, one at a time). */
    public record CelebrationCard(java.util.UUID id, String titleHe, Optional<String> titleEn, int stars) {

        /** The title in {@code lang}'s code, Hebrew when no English title exists. */
        public String title(String langCode) {
            return "en".equals(langCode) ? titleEn.orElse(titleHe) : titleHe;
        }
    }
}
