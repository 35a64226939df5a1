package il.co.voicely.core.learning;

import static il.co.voicely.core.learning.School.asStudent;
import static il.co.voicely.core.learning.School.asTeacher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AttendanceTest {

    private final Database db;
    private final School school;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T06:00:00Z"));
    private final Scheduling scheduling;
    private final Enrolments enrolments;
    private final List<LessonAttended> published = new ArrayList<>();
    private final Attendance attendance;

    AttendanceTest(TestDatabase test) {
        this.db = test.database();
        this.school = new School(test);
        this.scheduling = new Scheduling(db, clock);
        this.enrolments = new Enrolments(db, EnrolmentPolicy.defaults(), clock);
        this.attendance = new Attendance(db, clock, published::add);
    }

    private Lesson lessonWith(UUID teacher, UUID... students) {
        Lesson lesson = scheduling.schedule(asTeacher(teacher), LessonPlan.of(teacher, "Choir", LocalDateTime.of(2026, 3, 2, 18, 0), 60)
                .inGroup(school.group(teacher, students), 10)).getFirst();
        for (UUID s : students) {
            enrolments.join(asStudent(s), lesson.id());
        }
        return lesson;
    }

    @Test
    void theTeacherMarksAStudentLateAndTheEventIsPublished() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        Lesson lesson = lessonWith(dana, yael);
        clock.set(Instant.parse("2026-03-02T17:05:00Z"));

        LessonAttended event = attendance.mark(asTeacher(dana), lesson.id(), yael, AttendanceMark.LATE);

        assertThat(event.mark()).isEqualTo(AttendanceMark.LATE);
        assertThat(event.present()).isTrue();
        assertThat(event.studentId()).isEqualTo(yael);
        assertThat(event.teacherId()).contains(dana);
        assertThat(event.markedBy()).isEqualTo(dana);
        assertThat(event.lessonStartsAt()).isEqualTo(lesson.startsAt());
        assertThat(event.markedAt()).isEqualTo(Instant.parse("2026-03-02T17:05:00Z"));
        assertThat(published).containsExactly(event);
        assertThat(enrolments.participants(asStudent(yael), lesson.id()))
                .singleElement().satisfies(p -> assertThat(p.attendance()).contains(AttendanceMark.LATE));
    }

    @Test
    void markingAgainReplacesTheEarlierMark() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        Lesson lesson = lessonWith(dana, yael);

        attendance.mark(asTeacher(dana), lesson.id(), yael, AttendanceMark.ABSENT);
        attendance.mark(asTeacher(dana), lesson.id(), yael, AttendanceMark.ATTENDED);

        assertThat(enrolments.participants(asTeacher(dana), lesson.id()))
                .singleElement().satisfies(p -> assertThat(p.attendance()).contains(AttendanceMark.ATTENDED));
    }

    @Test
    void aStudentCannotMarkAttendanceEvenTheirOwn() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        Lesson lesson = lessonWith(dana, yael);

        assertThatThrownBy(() -> attendance.mark(asStudent(yael), lesson.id(), yael, AttendanceMark.ATTENDED))
                .isInstanceOf(PermissionDeniedException.class);
        // Row-level security holds even for SQL that skips the library's check.
        int updated = db.inContext(asStudent(yael), h -> h.createUpdate(
                        "update lesson_participants set attendance = 'attended' where lesson_id = :l and user_id = :u")
                .bind("l", lesson.id()).bind("u", yael).execute());
        assertThat(updated).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void anotherTeacherCannotMarkAttendanceInDanasLesson() {
        UUID dana = school.teacher("Dana");
        UUID noa = school.teacher("Noa");
        UUID yael = school.student("Yael");
        Lesson lesson = lessonWith(dana, yael);

        assertThatThrownBy(() -> attendance.mark(asTeacher(noa), lesson.id(), yael, AttendanceMark.ATTENDED))
                .isInstanceOfAny(PermissionDeniedException.class, LessonNotFoundException.class);
    }

    @Test
    void attendanceIsOnlyForEnrolledStudents() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID stranger = school.student("Stranger");
        Lesson lesson = lessonWith(dana, yael);

        assertThatThrownBy(() -> attendance.mark(asTeacher(dana), lesson.id(), stranger, AttendanceMark.ATTENDED))
                .isInstanceOf(NotEnrolledException.class).hasMessageContaining(stranger.toString());
    }
}
