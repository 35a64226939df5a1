package il.co.voicely.gamification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.gamification.Fixtures;
import il.co.voicely.gamification.events.ChatPromptAnswered;
import il.co.voicely.gamification.events.LessonAttended;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AchievementsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void theSeededCatalogueShowsEarnedAndLockedAchievementsWithHowToEarnThem(TestDatabase t) {
        UUID student = Fixtures.student(t, "Dana");
        LessonAttended lesson = new LessonAttended(UUID.randomUUID(), student, NOW, UUID.randomUUID());
        new AchievementEngine(t.database()).process(lesson);

        List<AchievementStatus> grid = new Achievements(t.database()).of(SessionContext.user(student, Role.STUDENT), student);

        assertThat(grid).extracting(AchievementStatus::code).containsSubsequence(
                "lessons.first", "lessons.5", "lessons.25", "lessons.100", "streak.3", "streak.7", "streak.30",
                "recordings.first", "range.plus1", "accuracy.90", "exercise.stars");
        AchievementStatus first = status(grid, "lessons.first");
        assertThat(first.earnedAt()).contains(NOW);
        assertThat(first.reason()).containsEntry("eventId", lesson.eventId().toString());
        AchievementStatus five = status(grid, "lessons.5");
        assertThat(five.earned()).isFalse();
        assertThat(five.rule()).contains(new AchievementRule.EventCount(LessonAttended.TYPE, 5));
        assertThat(five.descriptionHe()).isPresent();
    }

    private static AchievementStatus status(List<AchievementStatus> grid, String code) {
        return grid.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aTeacherDefinesAnAchievementThatTheNextEventsEarn(TestDatabase t) {
        UUID teacher = UUID.randomUUID();
        t.owner().useHandle(h -> h.execute("insert into users (id, email) values (?, 't@example.com')", teacher));
        UUID student = Fixtures.student(t, "Noam");
        Achievements achievements = new Achievements(t.database());

        achievements.define(SessionContext.user(teacher, Role.TEACHER),
                AchievementDefinition.of("chat.first", "תשובה ראשונה", new AchievementRule.EventCount(ChatPromptAnswered.TYPE, 1), 1));
        EvaluationOutcome outcome = new AchievementEngine(t.database())
                .process(new ChatPromptAnswered(UUID.randomUUID(), student, NOW, "warmup"));

        assertThat(outcome.awards()).extracting(Award::code).containsExactly("chat.first");
    }

    @Test
    void aStudentCannotDefineAchievements(TestDatabase t) {
        UUID student = Fixtures.student(t, "Sneaky");

        assertThatThrownBy(() -> new Achievements(t.database()).define(SessionContext.user(student, Role.STUDENT),
                AchievementDefinition.of("free.stars", "כוכבים בחינם", new AchievementRule.StreakDays(1), 3)))
                .isInstanceOf(UnableToExecuteStatementException.class).hasMessageContaining("row-level security");
    }

    @Test
    void aRetiredAchievementIsNoLongerAwarded(TestDatabase t) {
        UUID student = Fixtures.student(t, "Late");
        Achievements achievements = new Achievements(t.database());
        achievements.define(SessionContext.system(), AchievementDefinition.of("lessons.any", "שיעור",
                new AchievementRule.EventCount(LessonAttended.TYPE, 1), 0));

        assertThat(achievements.retire(SessionContext.system(), "lessons.any")).isTrue();
        EvaluationOutcome outcome = new AchievementEngine(t.database())
                .process(new LessonAttended(UUID.randomUUID(), student, NOW, UUID.randomUUID()));

        assertThat(outcome.awards()).extracting(Award::code).containsExactly("lessons.first");
        assertThat(achievements.of(SessionContext.system(), student)).extracting(AchievementStatus::code).doesNotContain("lessons.any");
    }
}
