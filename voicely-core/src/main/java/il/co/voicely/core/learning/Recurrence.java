package il.co.voicely.core.learning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A weekly repetition on given days, until a date or a number of times, with skipped dates (holidays).
 *
 * <pre>{@code
 * Recurrence.weeklyTimes(10, DayOfWeek.SUNDAY, DayOfWeek.TUESDAY).except(LocalDate.of(2026, 4, 2))
 * }</pre>
 *
 * <p>Expansion follows iCalendar (RFC 5545, through ical4j's {@code Recur}) on local wall-clock times, so a
 * lesson at 18:00 stays at 18:00 across daylight-saving changes; as with EXDATE, a skipped date still counts
 * towards {@code count}.
 *
 * @param days       the weekdays; the first lesson is the first of these on or after the plan's start date
 * @param until      the last date a lesson may fall on (inclusive); exactly one of until and count is set
 * @param count      how many occurrences, skipped ones included
 * @param exceptions dates without a lesson
 */
public record Recurrence(Set<DayOfWeek> days, Optional<LocalDate> until, Optional<Integer> count, Set<LocalDate> exceptions) {

    /** The most lessons one plan may expand to (about four years of a weekly pair). */
    static final int MAX_OCCURRENCES = 400;

    public Recurrence {
        if (days == null || days.isEmpty()) {
            throw new InvalidLessonException("a weekly recurrence needs at least one weekday");
        }
        days = Set.copyOf(days);
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(count, "count");
        if (until.isPresent() == count.isPresent()) {
            throw new InvalidLessonException("a recurrence ends either on a date or after a number of times, exactly one of them");
        }
        if (count.isPresent() && (count.get() < 1 || count.get() > MAX_OCCURRENCES)) {
            throw new InvalidLessonException("a recurrence repeats 1 to " + MAX_OCCURRENCES + " times, not " + count.get());
        }
        exceptions = Set.copyOf(exceptions);
    }

    /** Weekly on {@code days} up to and including {@code until}. */
    public static Recurrence weeklyUntil(LocalDate until, DayOfWeek... days) {
        return new Recurrence(asSet(days), Optional.of(until), Optional.empty(), Set.of());
    }

    /** Weekly on {@code days}, {@code count} lessons in all. */
    public static Recurrence weeklyTimes(int count, DayOfWeek... days) {
        return new Recurrence(asSet(days), Optional.empty(), Optional.of(count), Set.of());
    }

    /** The same recurrence without lessons on {@code dates}. */
    public Recurrence except(LocalDate... dates) {
        Set<LocalDate> all = new java.util.HashSet<>(exceptions);
        all.addAll(Arrays.asList(dates));
        return new Recurrence(days, until, count, all);
    }

    /** The local start of every lesson, skipped dates left out, in order. */
    List<LocalDateTime> occurrences(LocalDateTime first) {
        Recur.Builder<LocalDateTime> rule = new Recur.Builder<LocalDateTime>()
                .frequency(Frequency.WEEKLY)
                .dayList(days.stream().sorted().map(WeekDay::getWeekDay).toList());
        LocalDateTime periodEnd;
        if (until.isPresent()) {
            if (until.get().isBefore(first.toLocalDate())) {
                throw new InvalidLessonException("the recurrence ends on " + until.get() + ", before its first lesson on "
                        + first.toLocalDate());
            }
            LocalDateTime last = until.get().atTime(first.toLocalTime());
            rule.until(last);
            periodEnd = last.plusDays(1);
        } else {
            rule.count(count.get());
            // Enough weeks for the count on a single weekday.
            periodEnd = first.plusWeeks(count.get() + 1L);
        }
        List<LocalDateTime> dates = rule.build().getDates(first, first, periodEnd);
        if (dates.size() > MAX_OCCURRENCES) {
            throw new InvalidLessonException("the recurrence expands to " + dates.size() + " lessons; at most "
                    + MAX_OCCURRENCES + " may be scheduled at once");
        }
        return dates.stream().filter(d -> !d.isBefore(first)).filter(d -> !exceptions.contains(d.toLocalDate())).sorted().toList();
    }

    private static Set<DayOfWeek> asSet(DayOfWeek... days) {
        return days.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(days));
    }
}
