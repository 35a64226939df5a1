package il.co.voicely.gamification.celebrate;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.gamification.Fixtures;
import il.co.voicely.gamification.MutableClock;
import il.co.voicely.gamification.events.ExerciseCompleted;
import il.co.voicely.gamification.events.LessonAttended;
import il.co.voicely.gamification.rules.AchievementEngine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class CelebrationsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void anAwardAndNewStarsAreCelebratedUntilTheStudentHasSeenThem(TestDatabase t) {
        UUID student = Fixtures.student(t, "Rina");
        AchievementEngine engine = new AchievementEngine(t.database());
        engine.process(new LessonAttended(UUID.randomUUID(), student, NOW, UUID.randomUUID()));
        engine.process(new ExerciseCompleted(UUID.randomUUID(), student, NOW.plusSeconds(5), Fixtures.exercise(t), 70));
        Celebrations celebrations = new Celebrations(t.database(), new MutableClock(NOW));

        List<Celebration> unseen = celebrations.unseen(student);

        assertThat(unseen).extracting(Celebration::kind).containsExactlyInAnyOrder("achievement", "achievement", "stars");
        Celebration lesson = unseen.stream().filter(c -> c.achievementCode().equals(java.util.Optional.of("lessons.first"))).findFirst().orElseThrow();
        assertThat(lesson.details()).containsEntry("titleHe", "שיעור ראשון").containsKey("reason");
        assertThat(celebrations.markSeen(student, lesson.id())).isTrue();
        assertThat(celebrations.markSeen(student, lesson.id())).isFalse();
        assertThat(celebrations.unseen(student)).hasSize(2);
    }

    @Test
    void aStudentCannotSeeOrDismissAnotherStudentsCelebration(TestDatabase t) {
        UUID dana = Fixtures.student(t, "Dana");
        UUID other = Fixtures.student(t, "Other");
        new AchievementEngine(t.database()).process(new LessonAttended(UUID.randomUUID(), dana, NOW, UUID.randomUUID()));
        Celebrations celebrations = new Celebrations(t.database(), new MutableClock(NOW));
        UUID danas = celebrations.unseen(dana).get(0).id();

        assertThat(celebrations.unseen(other)).isEmpty();
        assertThat(celebrations.markSeen(other, danas)).isFalse();
        assertThat(celebrations.unseen(dana)).hasSize(1);
    }
}
