package il.co.voicely.core.learning;

import static il.co.voicely.core.learning.School.asStudent;
import static il.co.voicely.core.learning.School.asTeacher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class EnrolmentsTest {

    /** The lessons start at 2026-03-10 18:00 Israel time, 16:00 UTC. */
    private static final Instant LESSON_START = Instant.parse("2026-03-10T16:00:00Z");

    private final Database db;
    private final School school;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T06:00:00Z"));
    private final Scheduling scheduling;
    private final Enrolments enrolments;

    EnrolmentsTest(TestDatabase test) {
        this.db = test.database();
        this.school = new School(test);
        this.scheduling = new Scheduling(db, clock);
        this.enrolments = new Enrolments(db, new EnrolmentPolicy(Duration.ofHours(24)), clock);
    }

    private Lesson groupLesson(UUID teacher, UUID group, int capacity) {
        return scheduling.schedule(asTeacher(teacher),
                LessonPlan.of(teacher, "Choir", LocalDateTime.of(2026, 3, 10, 18, 0), 60).inGroup(group, capacity)).getFirst();
    }

    @Test
    void studentsBeyondCapacityAreWaitlistedInOrder() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID omer = school.student("Omer");
        UUID lior = school.student("Lior");
        Lesson lesson = groupLesson(dana, school.group(dana, yael, omer, lior), 1);

        Participant first = enrolments.join(asStudent(yael), lesson.id());
        Participant second = enrolments.join(asStudent(omer), lesson.id());
        Participant third = enrolments.join(asStudent(lior), lesson.id());

        assertThat(first.status()).isEqualTo(ParticipantStatus.ENROLLED);
        assertThat(second.status()).isEqualTo(ParticipantStatus.WAITLISTED);
        assertThat(second.waitlistPosition()).contains(1);
        assertThat(third.waitlistPosition()).contains(2);
        assertThat(enrolments.join(asStudent(omer), lesson.id())).isEqualTo(second);
    }

    @Test
    void twoStudentsRacingForTheLastPlaceGetExactlyOnePlaceAndOneWaitlistSpot() throws Exception {
        UUID dana = school.teacher("Dana");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                UUID early = school.student("Early");
                UUID a = school.student("A");
                UUID b = school.student("B");
                Lesson lesson = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Race " + round,
                        LocalDateTime.of(2026, 3, 10 + round, 18, 0), 60).inGroup(school.group(dana, early, a, b), 2)).getFirst();
                enrolments.join(asStudent(early), lesson.id());
                CyclicBarrier start = new CyclicBarrier(2);

                Future<Participant> first = pool.submit(() -> {
                    start.await();
                    return enrolments.join(asStudent(a), lesson.id());
                });
                Future<Participant> second = pool.submit(() -> {
                    start.await();
                    return enrolments.join(asStudent(b), lesson.id());
                });

                assertThat(List.of(first.get(30, TimeUnit.SECONDS).status(), second.get(30, TimeUnit.SECONDS).status()))
                        .containsExactlyInAnyOrder(ParticipantStatus.ENROLLED, ParticipantStatus.WAITLISTED);
                assertThat(enrolments.participants(asTeacher(dana), lesson.id()))
                        .filteredOn(p -> p.status() == ParticipantStatus.ENROLLED).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenAnEnrolledStudentLeavesTheFirstOnTheWaitlistIsPromotedAndTheRestMoveUp() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID omer = school.student("Omer");
        UUID lior = school.student("Lior");
        Lesson lesson = groupLesson(dana, school.group(dana, yael, omer, lior), 1);
        enrolments.join(asStudent(yael), lesson.id());
        enrolments.join(asStudent(omer), lesson.id());
        enrolments.join(asStudent(lior), lesson.id());

        List<WaitlistPromotion> promoted = enrolments.leave(asStudent(yael), lesson.id());

        assertThat(promoted).singleElement().satisfies(p -> {
            assertThat(p.userId()).isEqualTo(omer);
            assertThat(p.lessonId()).isEqualTo(lesson.id());
            assertThat(p.lessonStartsAt()).isEqualTo(LESSON_START);
        });
        assertThat(enrolments.participants(asTeacher(dana), lesson.id()))
                .extracting(Participant::userId, Participant::status, Participant::waitlistPosition)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(omer, ParticipantStatus.ENROLLED, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple(lior, ParticipantStatus.WAITLISTED, Optional.of(1)));
    }

    @Test
    void leavingTheWaitlistPromotesNobodyButClosesTheGap() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID omer = school.student("Omer");
        UUID lior = school.student("Lior");
        Lesson lesson = groupLesson(dana, school.group(dana, yael, omer, lior), 1);
        enrolments.join(asStudent(yael), lesson.id());
        enrolments.join(asStudent(omer), lesson.id());
        enrolments.join(asStudent(lior), lesson.id());

        assertThat(enrolments.leave(asStudent(omer), lesson.id())).isEmpty();

        assertThat(enrolments.participants(asTeacher(dana), lesson.id()))
                .filteredOn(p -> p.userId().equals(lior)).singleElement()
                .satisfies(p -> assertThat(p.waitlistPosition()).contains(1));
    }

    @Test
    void anEnrolledStudentCannotLeaveInsideTheCutOffButTheTeacherCanRemoveThem() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID omer = school.student("Omer");
        Lesson lesson = groupLesson(dana, school.group(dana, yael, omer), 1);
        enrolments.join(asStudent(yael), lesson.id());
        enrolments.join(asStudent(omer), lesson.id());
        clock.set(LESSON_START.minus(Duration.ofHours(23)));
        try {
            assertThatThrownBy(() -> enrolments.leave(asStudent(yael), lesson.id()))
                    .isInstanceOfSatisfying(CancellationTooLateException.class,
                            e -> assertThat(e.deadline()).isEqualTo(LESSON_START.minus(Duration.ofHours(24))));
            // Waiting in line binds nobody: the cut-off applies to places only.
            assertThat(enrolments.leave(asStudent(omer), lesson.id())).isEmpty();
            enrolments.join(asStudent(omer), lesson.id());

            List<WaitlistPromotion> promoted = enrolments.remove(asTeacher(dana), lesson.id(), yael);

            assertThat(promoted).extracting(WaitlistPromotion::userId).containsExactly(omer);
        } finally {
            clock.set(Instant.parse("2026-03-01T06:00:00Z"));
        }
    }

    @Test
    void aStudentMayLeaveBeforeTheCutOff() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        Lesson lesson = groupLesson(dana, school.group(dana, yael), 3);
        enrolments.join(asStudent(yael), lesson.id());

        enrolments.leave(asStudent(yael), lesson.id());

        assertThat(enrolments.participants(asTeacher(dana), lesson.id())).isEmpty();
    }

    @Test
    void aStudentCannotJoinALessonOfAGroupTheyAreNotIn() {
        UUID dana = school.teacher("Dana");
        UUID outsider = school.student("Outsider");
        Lesson lesson = groupLesson(dana, school.group(dana), 3);

        assertThatThrownBy(() -> enrolments.join(asStudent(outsider), lesson.id()))
                .isInstanceOf(LessonNotFoundException.class);
    }

    @Test
    void aJoinCodeGivesAPlaceInALessonTheStudentCouldNotSeeBefore() {
        UUID dana = school.teacher("Dana");
        UUID guest = school.student("Guest");
        Lesson lesson = groupLesson(dana, school.group(dana), 3);
        String code = enrolments.joinCode(asTeacher(dana), lesson.id(), false);

        Optional<Participant> place = enrolments.joinByCode(asStudent(guest), " " + code.toLowerCase() + " ");

        assertThat(place).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(ParticipantStatus.ENROLLED));
        assertThat(enrolments.joinCode(asTeacher(dana), lesson.id(), false)).isEqualTo(code);
        String replaced = enrolments.joinCode(asTeacher(dana), lesson.id(), true);
        assertThat(replaced).isNotEqualTo(code);
        assertThatThrownBy(() -> enrolments.joinByCode(asStudent(school.student("Late")), code))
                .isInstanceOf(UnknownJoinCodeException.class);
    }

    @Test
    void aGroupJoinCodeMakesTheStudentAMemberWhoCanThenJoinItsLessons() {
        UUID dana = school.teacher("Dana");
        UUID guest = school.student("Guest");
        UUID group = school.group(dana);
        Lesson lesson = groupLesson(dana, group, 3);
        String code = new Groups(db).joinCode(asTeacher(dana), group, false);

        assertThat(enrolments.joinByCode(asStudent(guest), code)).isEmpty();

        assertThat(enrolments.join(asStudent(guest), lesson.id()).status()).isEqualTo(ParticipantStatus.ENROLLED);
    }

    @Test
    void aTeacherInvitesAStudentAndAStudentCannotShareTheJoinCode() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        Lesson lesson = scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "One-to-one", LocalDateTime.of(2026, 3, 10, 18, 0), 45)).getFirst();

        Participant invited = enrolments.invite(asTeacher(dana), lesson.id(), yael);

        assertThat(invited.status()).isEqualTo(ParticipantStatus.ENROLLED);
        assertThatThrownBy(() -> enrolments.joinCode(asStudent(yael), lesson.id(), true))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void cancelledAndStartedLessonsTakeNobody() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID group = school.group(dana, yael);
        Lesson cancelled = groupLesson(dana, group, 3);
        scheduling.cancel(asTeacher(dana), cancelled.id());
        Lesson started = scheduling.schedule(asTeacher(dana),
                LessonPlan.of(dana, "Soon", LocalDateTime.of(2026, 3, 1, 9, 0), 20).inGroup(group, 3)).getFirst();

        assertThatThrownBy(() -> enrolments.join(asStudent(yael), cancelled.id()))
                .isInstanceOf(LessonNotJoinableException.class).hasMessageContaining("cancelled");
        clock.set(Instant.parse("2026-03-01T07:05:00Z"));
        try {
            assertThatThrownBy(() -> enrolments.join(asStudent(yael), started.id()))
                    .isInstanceOf(LessonNotJoinableException.class).hasMessageContaining("started");
        } finally {
            clock.set(Instant.parse("2026-03-01T06:00:00Z"));
        }
    }
}
