package il.co.voicely.core.learning;

import static il.co.voicely.core.learning.School.asStudent;
import static il.co.voicely.core.learning.School.asTeacher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SchedulingTest {

    private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

    private final TestDatabase test;
    private final Database db;
    private final School school;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T06:00:00Z"));
    private final Scheduling scheduling;

    SchedulingTest(TestDatabase test) {
        this.test = test;
        this.db = test.database();
        this.school = new School(test);
        this.scheduling = new Scheduling(db, clock);
    }

    @Test
    void weeklyLessonStaysAtSixPmLocalAcrossTheSpringDaylightSavingChange() {
        UUID dana = school.teacher("Dana");
        // Israel moves to summer time on Friday 2026-03-27.
        List<Lesson> lessons = scheduling.schedule(asTeacher(dana),
                LessonPlan.of(dana, "Breathing", LocalDateTime.of(2026, 3, 15, 18, 0), 45)
                        .repeating(Recurrence.weeklyTimes(4, DayOfWeek.SUNDAY)));

        assertThat(lessons).extracting(Lesson::startsAt).containsExactly(
                Instant.parse("2026-03-15T16:00:00Z"), Instant.parse("2026-03-22T16:00:00Z"),
                Instant.parse("2026-03-29T15:00:00Z"), Instant.parse("2026-04-05T15:00:00Z"));
        assertThat(lessons).allSatisfy(l -> assertThat(l.startsAt().atZone(JERUSALEM).toLocalTime()).isEqualTo(LocalTime.of(18, 0)));
        assertThat(lessons).extracting(l -> l.seriesId().orElseThrow()).containsOnly(lessons.getFirst().seriesId().orElseThrow());
    }

    @Test
    void weeklyLessonStaysAtSixPmLocalAcrossTheAutumnChangeAndIsStoredInUtc() {
        UUID dana = school.teacher("Dana");
        // Winter time returns on Sunday 2026-10-25 at 02:00.
        List<Lesson> lessons = scheduling.schedule(asTeacher(dana),
                LessonPlan.of(dana, "Resonance", LocalDateTime.of(2026, 10, 18, 18, 0), 60)
                        .repeating(Recurrence.weeklyUntil(LocalDate.of(2026, 10, 25), DayOfWeek.SUNDAY)));

        List<String> stored = test.owner().withHandle(h -> h.createQuery(
                        "select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from lessons where teacher_id = ? order by starts_at")
                .bind(0, dana).mapTo(String.class).list());
        assertThat(stored).containsExactly("2026-10-18 15:00", "2026-10-25 16:00");
        assertThat(lessons).extracting(Lesson::startsAt).containsExactly(
                Instant.parse("2026-10-18T15:00:00Z"), Instant.parse("2026-10-25T16:00:00Z"));
    }

    @Test
    void seriesIsStoredWithItsRuleExceptionsAndWallClockTime() {
        UUID dana = school.teacher("Dana");
        scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 1, 18, 0), 60)
                .repeating(Recurrence.weeklyTimes(6, DayOfWeek.SUNDAY, DayOfWeek.TUESDAY).except(LocalDate.of(2026, 3, 3))));

        var series = test.owner().withHandle(h -> h.createQuery(
                "select by_weekday::text as days, start_time::text as at, time_zone, occurrence_count, exception_dates::text as skipped,"
                        + " (select count(*) from lessons l where l.series_id = s.id) as lessons from lesson_series s where teacher_id = ?")
                .bind(0, dana).mapToMap().one());
        assertThat(series).containsEntry("days", "{2,7}").containsEntry("at", "18:00:00")
                .containsEntry("time_zone", "Asia/Jerusalem").containsEntry("occurrence_count", 6)
                .containsEntry("skipped", "{2026-03-03}").containsEntry("lessons", 5L);
    }

    @Test
    void overlappingLessonIsRefusedNamingTheLessonInTheWay() {
        UUID dana = school.teacher("Dana");
        Lesson existing = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Yael one-to-one", LocalDateTime.of(2026, 3, 2, 17, 30), 45)).getFirst();

        assertThatThrownBy(() -> scheduling.schedule(asTeacher(dana),
                LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 2, 18, 0), 60)))
                .isInstanceOfSatisfying(LessonConflictException.class, e -> {
                    assertThat(e.clashing().id()).isEqualTo(existing.id());
                    assertThat(e.requestedStart()).isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
                })
                .hasMessageContaining("Yael one-to-one").hasMessageContaining(existing.id().toString());
        assertThat(school.countOf("lessons", dana)).isEqualTo(1);
    }

    @Test
    void aSeriesWithOneClashingOccurrenceCreatesNothing() {
        UUID dana = school.teacher("Dana");
        Lesson inTheWay = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Audition", LocalDateTime.of(2026, 3, 15, 18, 20), 20)).getFirst();

        assertThatThrownBy(() -> scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 1, 18, 0), 45)
                .repeating(Recurrence.weeklyTimes(5, DayOfWeek.SUNDAY))))
                .isInstanceOfSatisfying(LessonConflictException.class, e -> assertThat(e.clashing().id()).isEqualTo(inTheWay.id()));
        assertThat(school.countOf("lesson_series", dana)).isZero();
    }

    @Test
    void backToBackLessonsDoNotConflictAndOtherTeachersNeverDo() {
        UUID dana = school.teacher("Dana");
        UUID noa = school.teacher("Noa");
        scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "First", LocalDateTime.of(2026, 3, 2, 17, 0), 60));

        scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Second", LocalDateTime.of(2026, 3, 2, 18, 0), 20));
        scheduling.schedule(asTeacher(noa), LessonPlan.of(noa, "Noa's", LocalDateTime.of(2026, 3, 2, 17, 0), 60));

        assertThat(school.countOf("lessons", dana) + school.countOf("lessons", noa)).isEqualTo(3);
    }

    @Test
    void cancellingOneOccurrenceMakesItsDateAnExceptionOfTheSeries() {
        UUID dana = school.teacher("Dana");
        List<Lesson> lessons = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 1, 18, 0), 60)
                .repeating(Recurrence.weeklyTimes(3, DayOfWeek.SUNDAY)));

        Lesson cancelled = scheduling.cancel(asTeacher(dana), lessons.get(1).id());

        assertThat(cancelled.status()).isEqualTo(LessonStatus.CANCELLED);
        assertThat(school.text("select exception_dates::text from lesson_series where id = '" + lessons.get(1).seriesId().orElseThrow() + "'"))
                .isEqualTo("{2026-03-08}");
        assertThat(scheduling.lesson(asTeacher(dana), lessons.get(2).id()).orElseThrow().status()).isEqualTo(LessonStatus.SCHEDULED);
    }

    @Test
    void movingOneOccurrenceLeavesTheRestOfTheSeries() {
        UUID dana = school.teacher("Dana");
        List<Lesson> lessons = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 1, 18, 0), 60)
                .repeating(Recurrence.weeklyTimes(3, DayOfWeek.SUNDAY)));

        Lesson moved = scheduling.reschedule(asTeacher(dana), lessons.get(1).id(), LocalDateTime.of(2026, 3, 9, 19, 0).atZone(JERUSALEM));

        assertThat(moved.startsAt()).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
        assertThat(moved.seriesId()).isEqualTo(lessons.get(1).seriesId());
        assertThat(scheduling.lesson(asTeacher(dana), lessons.get(2).id()).orElseThrow().startsAt()).isEqualTo(lessons.get(2).startsAt());
    }

    @Test
    void oneOccurrenceMovesOnlineWhileTheRestStayInTheStudio() {
        UUID dana = school.teacher("Dana");
        List<Lesson> lessons = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 1, 18, 0), 60)
                .at("Studio 2").repeating(Recurrence.weeklyTimes(2, DayOfWeek.SUNDAY)));

        Lesson online = scheduling.relocate(asTeacher(dana), lessons.get(0).id(), java.util.Optional.empty(),
                java.util.Optional.of("https://meet.example/choir"));

        assertThat(online.location()).isEmpty();
        assertThat(online.meetingUrl()).contains("https://meet.example/choir");
        assertThat(scheduling.lesson(asTeacher(dana), lessons.get(1).id()).orElseThrow().location()).contains("Studio 2");
        assertThatThrownBy(() -> scheduling.relocate(asStudent(school.student("Yael")), lessons.get(1).id(),
                java.util.Optional.of("Home"), java.util.Optional.empty()))
                .isInstanceOf(LessonNotFoundException.class);
    }

    @Test
    void endingASeriesCancelsItsLaterLessonsOnly() {
        UUID dana = school.teacher("Dana");
        List<Lesson> lessons = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Term", LocalDateTime.of(2026, 3, 1, 18, 0), 60)
                .repeating(Recurrence.weeklyTimes(4, DayOfWeek.SUNDAY)));

        List<Lesson> cancelled = scheduling.endSeries(asTeacher(dana), lessons.getFirst().seriesId().orElseThrow(), lessons.get(2).startsAt());

        assertThat(cancelled).extracting(Lesson::id).containsExactly(lessons.get(2).id(), lessons.get(3).id());
        assertThat(cancelled).extracting(Lesson::status).containsOnly(LessonStatus.CANCELLED);
        assertThat(scheduling.lesson(asTeacher(dana), lessons.get(1).id()).orElseThrow().status()).isEqualTo(LessonStatus.SCHEDULED);
    }

    @Test
    void movingALessonOntoAnotherIsRefused() {
        UUID dana = school.teacher("Dana");
        Lesson a = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "A", LocalDateTime.of(2026, 3, 2, 17, 0), 60)).getFirst();
        Lesson b = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "B", LocalDateTime.of(2026, 3, 2, 19, 0), 60)).getFirst();

        assertThatThrownBy(() -> scheduling.reschedule(asTeacher(dana), b.id(), LocalDateTime.of(2026, 3, 2, 17, 30).atZone(JERUSALEM)))
                .isInstanceOfSatisfying(LessonConflictException.class, e -> assertThat(e.clashing().id()).isEqualTo(a.id()));
    }

    @Test
    void aStudentCannotScheduleNorATeacherForAnotherTeacher() {
        UUID dana = school.teacher("Dana");
        UUID noa = school.teacher("Noa");
        UUID yael = school.student("Yael");

        assertThatThrownBy(() -> scheduling.schedule(asStudent(yael), LessonPlan.of(yael, "Mine", LocalDateTime.of(2026, 3, 2, 17, 0), 20)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> scheduling.schedule(asTeacher(noa), LessonPlan.of(dana, "Dana's", LocalDateTime.of(2026, 3, 2, 17, 0), 20)))
                .isInstanceOf(PermissionDeniedException.class);
        UUID admin = school.person("Admin", Role.ADMIN);
        assertThat(scheduling.schedule(School.as(admin, Role.ADMIN), LessonPlan.of(dana, "By admin", LocalDateTime.of(2026, 3, 2, 17, 0), 20)))
                .singleElement().satisfies(l -> assertThat(l.teacherId()).contains(dana));
    }

    @Test
    void onlyDurationsOfTwentyFortyFiveAndSixtyMinutesAndFutureStartsAreAccepted() {
        UUID dana = school.teacher("Dana");
        assertThatThrownBy(() -> LessonPlan.of(dana, "Odd", LocalDateTime.of(2026, 3, 2, 17, 0), 30))
                .isInstanceOf(InvalidLessonException.class).hasMessageContaining("30");
        assertThatThrownBy(() -> scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Past", LocalDateTime.of(2026, 2, 1, 17, 0), 20)))
                .isInstanceOf(InvalidLessonException.class).hasMessageContaining("past");
    }

    @Test
    void calendarShowsTheTeacherTheirTeachingAndTheStudentOnlyLessonsTheyAreEnrolledIn() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID group = school.group(dana, yael);
        Lesson joined = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Joined", LocalDateTime.of(2026, 3, 2, 17, 0), 60).inGroup(group, 5)).getFirst();
        Lesson notJoined = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Not joined", LocalDateTime.of(2026, 3, 3, 17, 0), 60).inGroup(group, 5)).getFirst();
        Lesson nextMonth = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Later", LocalDateTime.of(2026, 4, 3, 17, 0), 60)).getFirst();
        new Enrolments(db, EnrolmentPolicy.defaults(), clock).join(asStudent(yael), joined.id());
        Instant weekStart = Instant.parse("2026-03-01T00:00:00Z");
        Instant weekEnd = weekStart.plus(Duration.ofDays(7));

        assertThat(scheduling.calendar(asTeacher(dana), weekStart, weekEnd)).extracting(Lesson::id).containsExactly(joined.id(), notJoined.id());
        assertThat(scheduling.calendar(asStudent(yael), weekStart, weekEnd)).extracting(Lesson::id).containsExactly(joined.id());
        assertThat(scheduling.calendar(asTeacher(dana), weekStart, weekStart.plus(Duration.ofDays(40)))).extracting(Lesson::id).contains(nextMonth.id());
    }
}
