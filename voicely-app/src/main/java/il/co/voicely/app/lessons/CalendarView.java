package il.co.voicely.app.lessons;

import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One screen of the calendar: an agenda (the next four weeks, days with lessons only), a week (every
 * day, empty ones say so) or a month, with links to the previous and next screen.
 *
 * @param view  agenda, week or month
 * @param title the range, e.g. "March 2026" or "Sunday, 1 March"
 */
public record CalendarView(String view, String title, String prevHref, String nextHref, String todayHref, List<Day> days) {

    /** One day's lessons. */
    public record Day(String label, boolean today, List<Entry> entries) {
    }

    /** One lesson as a calendar line. */
    public record Entry(UUID id, String time, String endTime, String title, String place, boolean cancelled) {
    }

    /** The kind of screen and the range it covers. */
    enum Mode {
        AGENDA, WEEK, MONTH;

        static Mode of(String text) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text)) {
                    return m;
                }
            }
            return AGENDA;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The first day of the screen that shows {@code anchor} (weeks start on Sunday, as in Israel). */
        LocalDate start(LocalDate anchor) {
            return switch (this) {
                case AGENDA -> anchor;
                case WEEK -> anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
                case MONTH -> anchor.withDayOfMonth(1);
            };
        }

        LocalDate end(LocalDate start) {
            return switch (this) {
                case AGENDA -> start.plusWeeks(4);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }

        Instant from(LocalDate start) {
            return start.atStartOfDay(LessonTimes.ZONE).toInstant();
        }

        Instant to(LocalDate start) {
            return end(start).atStartOfDay(LessonTimes.ZONE).toInstant();
        }
    }

    static CalendarView of(Mode mode, LocalDate start, LocalDate today, List<Lesson> lessons, LessonTimes times) {
        Map<LocalDate, List<Entry>> byDay = new TreeMap<>();
        if (mode == Mode.WEEK) {
            for (LocalDate d = start; d.isBefore(mode.end(start)); d = d.plusDays(1)) {
                byDay.put(d, new ArrayList<>());
            }
        }
        for (Lesson lesson : lessons) {
            byDay.computeIfAbsent(times.date(lesson.startsAt()), d -> new ArrayList<>())
                    .add(new Entry(lesson.id(), times.time(lesson.startsAt()), times.time(lesson.endsAt()), lesson.title(),
                            lesson.location().orElse(""), lesson.status() == LessonStatus.CANCELLED));
        }
        List<Day> days = byDay.entrySet().stream()
                .map(e -> new Day(times.day(e.getKey()), e.getKey().equals(today), e.getValue())).toList();
        LocalDate prev = switch (mode) {
            case AGENDA -> start.minusWeeks(4);
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
        };
        String title = mode == Mode.MONTH ? times.month(start)
                : times.shortDay(start) + " – " + times.shortDay(mode.end(start).minusDays(1));
        return new CalendarView(mode.id(), title, href(mode, prev), href(mode, mode.end(start)), "/lessons?view=" + mode.id(), days);
    }

    private static String href(Mode mode, LocalDate from) {
        return "/lessons?view=" + mode.id() + "&from=" + from;
    }
}
