package il.co.voicely.app.lessons;

import il.co.voicely.app.web.Lang;
import il.co.voicely.core.learning.LessonPlan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Lesson times as people read them: in the viewer's zone (the school's, Asia/Jerusalem, until users pick
 * their own) and in the page's language (weekday, day and month names in Hebrew or English).
 */
final class LessonTimes {

    static final ZoneId ZONE = LessonPlan.SCHOOL_ZONE;

    private final DateTimeFormatter day;
    private final DateTimeFormatter time;
    private final DateTimeFormatter month;
    private final DateTimeFormatter shortDay;

    LessonTimes(Lang lang) {
        this.day = DateTimeFormatter.ofPattern("EEEE, d MMMM", lang.locale());
        this.time = DateTimeFormatter.ofPattern("HH:mm", lang.locale()).withZone(ZONE);
        this.month = DateTimeFormatter.ofPattern("LLLL yyyy", lang.locale());
        this.shortDay = DateTimeFormatter.ofPattern("d MMMM", lang.locale());
    }

    LocalDate date(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    String day(LocalDate date) {
        return day.format(date);
    }

    /** A date without the weekday, for the ends of a range. */
    String shortDay(LocalDate date) {
        return shortDay.format(date);
    }

    String time(Instant instant) {
        return time.format(instant);
    }

    String month(LocalDate date) {
        return month.format(date);
    }

    static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
