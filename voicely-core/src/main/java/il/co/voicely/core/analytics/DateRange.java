package il.co.voicely.core.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Whole days {@code from} to {@code to}, both included, in the school's time zone; {@link #previous()} is
 * the period of the same length just before, for comparisons.
 */
public record DateRange(LocalDate from, LocalDate to, ZoneId zone) {

    /** Reports are bucketed per day; two years of days is the most a chart is asked to draw. */
    public static final int MAX_DAYS = 731;

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("the range " + from + " to " + to + " is longer than " + MAX_DAYS + " days");
        }
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static DateRange lastDays(int days, LocalDate today, ZoneId zone) {
        return new DateRange(today.minusDays(days - 1L), today, zone);
    }

    /** How many days the range covers. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The same number of days just before this range. */
    public DateRange previous() {
        return new DateRange(from.minusDays(days()), from.minusDays(1), zone);
    }

    /** The first instant of the range. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
