package il.co.voicely.core.learning;

import static il.co.voicely.core.learning.School.asStudent;
import static il.co.voicely.core.learning.School.asTeacher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class GroupsTest {

    private final School school;
    private final Groups groups;
    private final Scheduling scheduling;

    GroupsTest(TestDatabase test) {
        Database db = test.database();
        this.school = new School(test);
        this.groups = new Groups(db);
        this.scheduling = new Scheduling(db, new TestClock(Instant.parse("2026-03-01T06:00:00Z")));
    }

    @Test
    void aTeacherCreatesAGroupAddsAndRemovesMembers() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        UUID omer = school.student("Omer");

        Group choir = groups.create(asTeacher(dana), dana, "Juniors choir", Optional.of("Sundays"));
        groups.addMember(asTeacher(dana), choir.id(), yael);
        groups.addMember(asTeacher(dana), choir.id(), omer);
        groups.addMember(asTeacher(dana), choir.id(), omer);

        assertThat(groups.members(asTeacher(dana), choir.id())).extracting(GroupMember::displayName)
                .containsExactly(Optional.of("Omer"), Optional.of("Yael"));
        assertThat(groups.removeMember(asTeacher(dana), choir.id(), omer)).isTrue();
        assertThat(groups.members(asTeacher(dana), choir.id())).extracting(GroupMember::userId).containsExactly(yael);
        assertThat(groups.list(asStudent(yael))).extracting(Group::name).containsExactly("Juniors choir");
        assertThat(groups.list(asStudent(omer))).isEmpty();
    }

    @Test
    void aStudentCannotCreateGroupsOrManageMembers() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        Group choir = groups.create(asTeacher(dana), dana, "Choir", Optional.empty());
        groups.addMember(asTeacher(dana), choir.id(), yael);

        assertThatThrownBy(() -> groups.create(asStudent(yael), yael, "Mine", Optional.empty()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> groups.addMember(asStudent(yael), choir.id(), school.student("Friend")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> groups.removeMember(asStudent(yael), choir.id(), yael))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aGroupsScheduleListsItsLessonsForMembers() {
        UUID dana = school.teacher("Dana");
        UUID yael = school.student("Yael");
        Group choir = groups.create(asTeacher(dana), dana, "Choir", Optional.empty());
        groups.addMember(asTeacher(dana), choir.id(), yael);
        scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Choir", LocalDateTime.of(2026, 3, 1, 18, 0), 60)
                .inGroup(choir.id(), 20).repeating(Recurrence.weeklyTimes(3, DayOfWeek.SUNDAY)));
        scheduling.schedule(asTeacher(dana), LessonPlan.of(dana, "Private", LocalDateTime.of(2026, 3, 2, 18, 0), 45));

        assertThat(groups.schedule(asStudent(yael), choir.id(), Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")))
                .extracting(Lesson::startsAt).containsExactly(Instant.parse("2026-03-01T16:00:00Z"),
                        Instant.parse("2026-03-08T16:00:00Z"), Instant.parse("2026-03-15T16:00:00Z"));
    }
}
