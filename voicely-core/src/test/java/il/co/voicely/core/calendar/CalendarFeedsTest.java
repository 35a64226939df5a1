package il.co.voicely.core.calendar;

import static il.co.voicely.core.learning.School.asStudent;
import static il.co.voicely.core.learning.School.asTeacher;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.learning.EnrolmentPolicy;
import il.co.voicely.core.learning.Enrolments;
import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonPlan;
import il.co.voicely.core.learning.Recurrence;
import il.co.voicely.core.learning.Scheduling;
import il.co.voicely.core.learning.School;
import il.co.voicely.core.learning.TestClock;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.StringReader;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class CalendarFeedsTest {

    private final TestDatabase test;
    private final School school;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T06:00:00Z"));
    private final Scheduling scheduling;
    private final Enrolments enrolments;
    private final CalendarFeeds feeds;

    CalendarFeedsTest(TestDatabase test) {
        this.test = test;
        Database db = test.database();
        this.school = new School(test);
        this.scheduling = new Scheduling(db, clock);
        this.enrolments = new Enrolments(db, EnrolmentPolicy.defaults(), clock);
        this.feeds = new CalendarFeeds(db, scheduling, URI.create("https://voicely.test/lessons/"), clock);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + property));
    }

    @Test
    void aStudentsFeedIsValidIcalendarWithTheirLessonsInUtc() throws Exception {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID group = school.group(dana, yael);
        List<Lesson> series = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 22, 18, 0), 60)
                .inGroup(group, 10).at("Studio 2").repeating(Recurrence.weeklyTimes(2, DayOfWeek.SUNDAY)));
        Lesson online = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Online", LocalDateTime.of(2026, 3, 23, 18, 0), 20)
                .inGroup(group, 10).online("https://meet.example/abc")).getFirst();
        scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Not joined", LocalDateTime.of(2026, 3, 24, 18, 0), 20).inGroup(group, 10));
        for (Lesson l : List.of(series.get(0), series.get(1), online)) {
            enrolments.join(asStudent(yael), l.id());
        }
        FeedToken token = feeds.rotate(asStudent(yael));

        String ics = feeds.render(token.token()).orElseThrow();
        Calendar calendar = parse(ics);
        calendar.validate();

        List<VEvent> events = calendar.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
        assertThat(events).extracting(e -> value(e, "SUMMARY")).containsExactly("Choir", "Online", "Choir");
        VEvent first = events.getFirst();
        assertThat(value(first, "DTSTART")).isEqualTo("20260322T160000Z");
        assertThat(value(first, "UID")).isEqualTo(series.getFirst().id() + "@voicely");
        assertThat(value(first, "LOCATION")).isEqualTo("Studio 2");
        assertThat(value(first, "URL")).isEqualTo("https://voicely.test/lessons/" + series.getFirst().id());
        // 29 March is summer time: still 18:00 in Israel, 15:00 UTC.
        assertThat(value(events.get(2), "DTSTART")).isEqualTo("20260329T150000Z");
        assertThat(value(events.get(1), "LOCATION")).isEqualTo("https://meet.example/abc");
        assertThat(ics).contains("BEGIN:VCALENDAR").contains("VERSION:2.0").contains("PRODID:");
    }

    @Test
    void aTeachersFeedHoldsTheirTeachingScheduleWithStableUidsAndCancellations() throws Exception {
        UUID dana = school.teacher("Dana");
        List<Lesson> lessons = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Breathing", LocalDateTime.of(2026, 3, 2, 18, 0), 45)
                .repeating(Recurrence.weeklyTimes(3, DayOfWeek.MONDAY)));
        String token = feeds.rotate(asTeacher(dana)).token();
        List<String> uidsBefore = parse(feeds.render(token).orElseThrow()).getComponents("VEVENT").stream()
                .map(c -> value((VEvent) c, "UID")).toList();

        scheduling.cancel(asTeacher(dana), lessons.get(1).id());
        clock.advance(java.time.Duration.ofHours(1));
        List<VEvent> after = parse(feeds.render(token).orElseThrow()).getComponents("VEVENT").stream().map(VEvent.class::cast).toList();

        assertThat(uidsBefore).hasSize(3);
        assertThat(after).extracting(e -> value(e, "UID")).containsExactlyElementsOf(uidsBefore);
        assertThat(after).extracting(e -> value(e, "STATUS")).containsExactly("CONFIRMED", "CANCELLED", "CONFIRMED");
    }

    @Test
    void rotatingTheTokenKillsTheOldUrlAndOnlyAHashIsStored() {
        UUID yael = school.student("Yael");
        FeedToken old = feeds.rotate(asStudent(yael));

        FeedToken fresh = feeds.rotate(asStudent(yael));

        assertThat(feeds.render(old.token())).isEmpty();
        assertThat(feeds.render(fresh.token())).isPresent();
        assertThat(school.text("select string_agg(token_hash, ',') from ics_feed_tokens where user_id = '" + yael + "'"))
                .doesNotContain(fresh.token()).contains(CalendarFeeds.hash(fresh.token()));
        feeds.revoke(asStudent(yael));
        assertThat(feeds.render(fresh.token())).isEmpty();
        assertThat(feeds.render("not-a-token")).isEmpty();
    }
}
