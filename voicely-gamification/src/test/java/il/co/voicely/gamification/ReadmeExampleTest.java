package il.co.voicely.gamification;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.gamification.celebrate.Celebration;
import il.co.voicely.gamification.celebrate.Celebrations;
import il.co.voicely.gamification.events.ExerciseCompleted;
import il.co.voicely.gamification.leaderboard.Board;
import il.co.voicely.gamification.leaderboard.Leaderboards;
import il.co.voicely.gamification.leaderboard.Period;
import il.co.voicely.gamification.rules.AchievementEngine;
import il.co.voicely.gamification.rules.EvaluationOutcome;
import il.co.voicely.gamification.streaks.Streaks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's embedding example, line for line, so it cannot rot. */
@ExtendWith(PostgresExtension.class)
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRuns(TestDatabase t) {
        DatabaseSettings settings = t.settings();
        UUID studentId = Fixtures.student(t, "Readme");
        UUID exerciseId = Fixtures.exercise(t);
        UUID eventId = UUID.randomUUID();

        try (Database db = Database.open(settings)) {
            AchievementEngine engine = new AchievementEngine(db);                     // thread-safe, idempotent
            EvaluationOutcome out = engine.process(new ExerciseCompleted(eventId, studentId, Instant.now(), exerciseId, 92));
            out.awards().forEach(a -> System.out.println(a.titleHe() + " because " + a.reason()));

            Clock clock = Clock.systemUTC();
            int streak = new Streaks(db, clock).current(SessionContext.user(studentId, Role.STUDENT), studentId).currentDays();
            Board week = new Leaderboards(db, clock).recompute(Period.WEEKLY, Optional.empty()); // a job runs this
            List<Celebration> toShow = new Celebrations(db, clock).unseen(studentId);

            assertThat(out.stars()).singleElement().satisfies(s -> assertThat(s.stars()).isEqualTo(2));
            assertThat(streak).isEqualTo(1);
            assertThat(week.standings()).singleElement().satisfies(s -> assertThat(s.userId()).isEqualTo(studentId));
            assertThat(toShow).extracting(Celebration::kind).containsExactlyInAnyOrder("stars", "achievement");
        }
    }
}
