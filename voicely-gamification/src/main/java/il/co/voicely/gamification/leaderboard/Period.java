package il.co.voicely.gamification.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The span a board covers, in the school's zone. */
public enum Period {
    /** The Israeli week: Sunday 00:00 to the next Sunday 00:00. */
    WEEKLY("weekly"),
    /** A calendar month. */
    MONTHLY("monthly"),
    /** Everything up to the moment of computing. */
    ALL_TIME("all_time");

    private final String sqlName;

    Period(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The value of {@code leaderboards.period}. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * The local days of the period containing {@code at}; for {@link #ALL_TIME}, from 1970 to the day of
     * {@code at}. {@code end} is inclusive (a weekly board runs Sunday to Saturday).
     */
    public Range rangeAt(Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return switch (this) {
            case WEEKLY -> {
                LocalDate sunday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
                yield new Range(sunday, sunday.plusDays(6), sunday.atStartOfDay(zone).toInstant(),
                        sunday.plusDays(7).atStartOfDay(zone).toInstant());
            }
            case MONTHLY -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new Range(first, first.plusMonths(1).minusDays(1), first.atStartOfDay(zone).toInstant(),
                        first.plusMonths(1).atStartOfDay(zone).toInstant());
            }
            case ALL_TIME -> new Range(LocalDate.EPOCH, day, Instant.EPOCH, at);
        };
    }

    /** Local days {@code start..end} (inclusive) and the instants {@code [from, until)} they span. */
    public record Range(LocalDate start, LocalDate end, Instant from, Instant until) {
    }
}
