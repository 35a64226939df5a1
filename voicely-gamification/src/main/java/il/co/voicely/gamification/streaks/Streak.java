package il.co.voicely.gamification.streaks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A student's run of consecutive practice days, counted in their own time zone.
 *
 * @param currentDays      days in the current run, as of {@code lastDay}
 * @param longestDays      the longest run ever
 * @param lastDay          the last local day with practice, empty before the first
 * @param freezesAvailable missed days that can still be bridged without breaking the run
 */
public record Streak(UUID userId, int currentDays, int longestDays, Optional<LocalDate> lastDay, int freezesAvailable) {

    /** At most this many freezes can be banked (the schema's limit). */
    public static final int MAX_FREEZES = 10;

    public Streak {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lastDay, "lastDay");
    }

    /** A student who has never practised. */
    public static Streak none(UUID userId) {
        return new Streak(userId, 0, 0, Optional.empty(), 0);
    }

    /**
     * The run as a dashboard shows it on {@code today}: unchanged while practice today or tomorrow can still
     * continue it (bridging missed days with the available freezes), zero once it is broken.
     */
    public int currentDaysOn(LocalDate today) {
        if (lastDay.isEmpty()) {
            return 0;
        }
        long missed = ChronoUnit.DAYS.between(lastDay.get(), today) - 1;
        return missed <= freezesAvailable ? currentDays : 0;
    }

    /**
     * The streak after practice on local day {@code day}. Same-day practice and late events for an earlier
     * day change nothing (history is not rewritten); a next-day practice extends the run; a gap is bridged
     * when enough freezes are available (each missed day consumes one), otherwise the run restarts at 1.
     */
    public Streak practisedOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (lastDay.isEmpty()) {
            return new Streak(userId, 1, Math.max(1, longestDays), Optional.of(day), freezesAvailable);
        }
        long gap = ChronoUnit.DAYS.between(lastDay.get(), day);
        if (gap <= 0) {
            return this;
        }
        long missed = gap - 1;
        int current = currentDays + 1;
        int freezes = freezesAvailable;
        if (missed > 0) {
            if (missed <= freezesAvailable) {
                freezes -= (int) missed;
            } else {
                current = 1;
            }
        }
        return new Streak(userId, current, Math.max(longestDays, current), Optional.of(day), freezes);
    }
}
