package il.co.voicely.gamification.rules;

import static il.co.voicely.gamification.Fixtures.israel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.gamification.Fixtures;
import il.co.voicely.gamification.events.ChatPromptAnswered;
import il.co.voicely.gamification.events.ExerciseCompleted;
import il.co.voicely.gamification.events.GamificationEvent;
import il.co.voicely.gamification.events.LessonAttended;
import il.co.voicely.gamification.events.PracticeSession;
import il.co.voicely.gamification.events.RecordingAnalysed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AchievementEngineTest {

    private static final Instant MONDAY = israel("2026-06-01T18:00");

    private static LessonAttended lesson(UUID student, Instant at) {
        return new LessonAttended(UUID.randomUUID(), student, at, UUID.randomUUID());
    }

    private static RecordingAnalysed recording(UUID student, Instant at, double low, double high, double accuracy) {
        return new RecordingAnalysed(UUID.randomUUID(), student, at, UUID.randomUUID(), low, high, accuracy);
    }

    private static List<String> awarded(TestDatabase t, UUID student) {
        return t.owner().withHandle(h -> h.createQuery("""
                        select a.code from user_achievements ua join achievements a on a.id = ua.achievement_id
                         where ua.user_id = :u order by a.code""")
                .bind("u", student).mapTo(String.class).list());
    }

    private static List<String> codes(EvaluationOutcome outcome) {
        return outcome.awards().stream().map(Award::code).toList();
    }

    @Test
    void firstLessonIsAwardedOnceWithItsExplanationAndACelebration(TestDatabase t) {
        UUID dana = Fixtures.student(t, "Dana");
        AchievementEngine engine = new AchievementEngine(t.database());
        LessonAttended first = lesson(dana, MONDAY);

        EvaluationOutcome outcome = engine.process(first);
        EvaluationOutcome second = engine.process(lesson(dana, MONDAY.plus(Duration.ofDays(1))));

        assertThat(codes(outcome)).containsExactly("lessons.first");
        assertThat(codes(second)).isEmpty();
        Map<String, Object> reason = outcome.awards().get(0).reason();
        assertThat(reason).containsEntry("eventId", first.eventId().toString()).containsEntry("eventType", "lesson.attended");
        assertThat(reason.get("values")).isEqualTo(Map.of("count", 1L, "min", 1L));
        String stored = t.owner().withHandle(h -> h.createQuery("""
                        select ua.reason ->> 'rule' from user_achievements ua join achievements a on a.id = ua.achievement_id
                         where ua.user_id = :u and a.code = 'lessons.first'""").bind("u", dana).mapTo(String.class).one());
        assertThat(stored).contains("\"type\": \"count\"").contains("\"min\": 1");
        int celebrations = t.owner().withHandle(h -> h.createQuery(
                "select count(*) from celebrations where user_id = :u and kind = 'achievement'").bind("u", dana).mapTo(int.class).one());
        assertThat(celebrations).isEqualTo(1);
    }

    @Test
    void countRuleAwardsFiveLessonsOnTheFifth(TestDatabase t) {
        UUID student = Fixtures.student(t, "Noa");
        AchievementEngine engine = new AchievementEngine(t.database());
        List<EvaluationOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(engine.process(lesson(student, MONDAY.plus(Duration.ofDays(7L * i)))));
        }

        assertThat(codes(outcomes.get(3))).isEmpty();
        assertThat(codes(outcomes.get(4))).containsExactly("lessons.5");
        assertThat(outcomes.get(4).awards().get(0).reason().get("values")).isEqualTo(Map.of("count", 5L, "min", 5L));
        int lessons = t.owner().withHandle(h -> h.createQuery("select lessons_attended from user_stats where user_id = :u")
                .bind("u", student).mapTo(int.class).one());
        assertThat(lessons).isEqualTo(5);
    }

    @Test
    void streakRuleAwardsThreeConsecutiveLocalDays(TestDatabase t) {
        UUID student = Fixtures.student(t, "Yael");
        AchievementEngine engine = new AchievementEngine(t.database());

        engine.process(new PracticeSession(UUID.randomUUID(), student, israel("2026-06-01T21:00"), Duration.ofMinutes(10)));
        EvaluationOutcome sameDay = engine.process(new ChatPromptAnswered(UUID.randomUUID(), student, israel("2026-06-01T23:59"), "p1"));
        engine.process(new PracticeSession(UUID.randomUUID(), student, israel("2026-06-02T00:01"), Duration.ofMinutes(10)));
        EvaluationOutcome third = engine.process(new PracticeSession(UUID.randomUUID(), student, israel("2026-06-03T07:00"), Duration.ofMinutes(5)));

        assertThat(sameDay.streak().orElseThrow().currentDays()).isEqualTo(1);
        assertThat(third.streak().orElseThrow().currentDays()).isEqualTo(3);
        assertThat(codes(third)).containsExactly("streak.3");
        assertThat(third.awards().get(0).reason().get("values")).isEqualTo(Map.of("streakDays", 3, "days", 3, "lastDay", "2026-06-03"));
    }

    @Test
    void metricRuleAwardsNinetyPercentNoteAccuracyButNotEightyNineNine(TestDatabase t) {
        UUID student = Fixtures.student(t, "Avi");
        AchievementEngine engine = new AchievementEngine(t.database());

        EvaluationOutcome almost = engine.process(recording(student, MONDAY, 48, 60, 89.9));
        EvaluationOutcome exact = engine.process(recording(student, MONDAY.plusSeconds(60), 48, 60, 90));

        assertThat(codes(almost)).containsExactly("recordings.first");
        assertThat(codes(exact)).containsExactly("accuracy.90");
        assertThat(exact.awards().get(0).reason().get("values")).isEqualTo(Map.of("noteAccuracyPercent", 90.0, "min", 90.0));
    }

    @Test
    void improvementRuleAwardsARangeWidenedByASemitoneSinceTheFirstRecording(TestDatabase t) {
        UUID student = Fixtures.student(t, "Tamar");
        AchievementEngine engine = new AchievementEngine(t.database());

        EvaluationOutcome first = engine.process(recording(student, MONDAY, 50, 62, 70));
        EvaluationOutcome halfStep = engine.process(recording(student, MONDAY.plusSeconds(60), 49.5, 62, 70));
        EvaluationOutcome wider = engine.process(recording(student, MONDAY.plusSeconds(120), 49.5, 62.5, 70));

        assertThat(codes(first)).containsExactly("recordings.first");
        assertThat(codes(halfStep)).isEmpty();
        assertThat(codes(wider)).containsExactly("range.plus1");
        assertThat(wider.awards().get(0).reason().get("values"))
                .isEqualTo(Map.of("first", 12.0, "now", 13.0, "improvement", 1.0, "delta", 1.0));
    }

    @Test
    void starsPerExerciseFollowScoreThresholdsAndNeverDecrease(TestDatabase t) {
        UUID student = Fixtures.student(t, "Lior");
        UUID exercise = Fixtures.exercise(t);
        AchievementEngine engine = new AchievementEngine(t.database());

        EvaluationOutcome none = engine.process(new ExerciseCompleted(UUID.randomUUID(), student, MONDAY, exercise, 59));
        EvaluationOutcome two = engine.process(new ExerciseCompleted(UUID.randomUUID(), student, MONDAY.plusSeconds(60), exercise, 80));
        EvaluationOutcome worse = engine.process(new ExerciseCompleted(UUID.randomUUID(), student, MONDAY.plusSeconds(120), exercise, 61));
        EvaluationOutcome three = engine.process(new ExerciseCompleted(UUID.randomUUID(), student, MONDAY.plusSeconds(180), exercise, 95));

        assertThat(none.stars()).containsExactly(new StarsEarned(exercise, 59, 0, 0));
        assertThat(two.stars()).containsExactly(new StarsEarned(exercise, 80, 2, 2));
        assertThat(codes(two)).containsExactly("exercise.stars");
        assertThat(worse.stars()).containsExactly(new StarsEarned(exercise, 61, 2, 0));
        assertThat(three.stars()).containsExactly(new StarsEarned(exercise, 95, 3, 1));
        assertThat(codes(three)).isEmpty();
        Map<String, Object> progress = t.owner().withHandle(h -> h.createQuery(
                        "select stars::int as stars, attempts, best_score::float8 as best from user_progress where user_id = :u and exercise_id = :e")
                .bind("u", student).bind("e", exercise).mapToMap().one());
        assertThat(progress).containsEntry("stars", 3).containsEntry("attempts", 4).containsEntry("best", 95.0);
        int starCelebrations = t.owner().withHandle(h -> h.createQuery(
                "select count(*) from celebrations where user_id = :u and kind = 'stars'").bind("u", student).mapTo(int.class).one());
        assertThat(starCelebrations).isEqualTo(2);
    }

    @Test
    void anAdminAddsARuleWithoutCodeAndItIsEvaluated(TestDatabase t) {
        UUID student = Fixtures.student(t, "Shira");
        t.owner().useHandle(h -> h.execute("""
                insert into achievements (code, title_he, rule, stars)
                values ('chat.2', 'שתי תשובות בצ''אט', '{"type":"count","event":"chat.prompt.answered","min":2}', 1)"""));
        AchievementEngine engine = new AchievementEngine(t.database());

        engine.process(new ChatPromptAnswered(UUID.randomUUID(), student, MONDAY, "a"));
        EvaluationOutcome second = engine.process(new ChatPromptAnswered(UUID.randomUUID(), student, MONDAY.plusSeconds(5), "b"));

        assertThat(codes(second)).containsExactly("chat.2");
    }

    @Test
    void aBrokenRuleRowIsSkippedWithoutStoppingTheOthers(TestDatabase t) {
        UUID student = Fixtures.student(t, "Omer");
        t.owner().useHandle(h -> h.execute("""
                insert into achievements (code, title_he, rule, sort_order) values ('broken', 'שבור', '{"type":"count"}', -1)"""));
        AchievementEngine engine = new AchievementEngine(t.database());

        EvaluationOutcome outcome = engine.process(lesson(student, MONDAY));

        assertThat(codes(outcome)).containsExactly("lessons.first");
        t.owner().useHandle(h -> h.execute("delete from achievements where code = 'broken'"));
    }

    @Test
    void anEventAboutAnUnknownUserIsRejectedWithItsIds(TestDatabase t) {
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> new AchievementEngine(t.database()).process(lesson(nobody, MONDAY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(nobody.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void replayingTheSameEventsAwardsNothingNew(TestDatabase t) {
        UUID student = Fixtures.student(t, "Maya");
        UUID exercise = Fixtures.exercise(t);
        List<GamificationEvent> history = List.of(
                lesson(student, israel("2026-06-01T10:00")),
                recording(student, israel("2026-06-02T10:00"), 50, 60, 95),
                new ExerciseCompleted(UUID.randomUUID(), student, israel("2026-06-03T10:00"), exercise, 96),
                new PracticeSession(UUID.randomUUID(), student, israel("2026-06-03T11:00"), Duration.ofMinutes(20)));
        AchievementEngine engine = new AchievementEngine(t.database());
        history.forEach(engine::process);
        String before = snapshot(t, student);

        List<EvaluationOutcome> replay = history.stream().map(engine::process).toList();

        assertThat(replay).allSatisfy(o -> {
            assertThat(o.duplicate()).isTrue();
            assertThat(o.awards()).isEmpty();
        });
        assertThat(snapshot(t, student)).isEqualTo(before);
        assertThat(awarded(t, student)).containsExactly("accuracy.90", "exercise.stars", "lessons.first", "recordings.first", "streak.3");
    }

    /** Everything the engine writes about a student, as text. */
    private static String snapshot(TestDatabase t, UUID student) {
        return t.owner().withHandle(h -> h.createQuery("""
                        select concat_ws(' | ',
                          (select string_agg(achievement_id::text || reason::text, ',' order by achievement_id) from user_achievements where user_id = :u),
                          (select count(*)::text from celebrations where user_id = :u),
                          (select concat_ws(',', current_days, longest_days, last_day, freezes_available) from streaks where user_id = :u),
                          (select concat_ws(',', lessons_attended, practice_seconds, recordings_count, exercises_completed, total_stars) from user_stats where user_id = :u),
                          (select string_agg(concat_ws(',', attempts, stars, best_score), ';') from user_progress where user_id = :u),
                          (select count(*)::text from gamification_events where user_id = :u))""")
                .bind("u", student).mapTo(String.class).one());
    }

    @Test
    void twoThreadsProcessingTheSameEventAwardOnce(TestDatabase t) throws Exception {
        try (Database secondInstance = Database.open(t.settings())) {
            for (int round = 0; round < 10; round++) {
                UUID student = Fixtures.student(t, "Gal " + round);
                LessonAttended event = lesson(student, MONDAY);
                List<EvaluationOutcome> outcomes = race(t.database(), secondInstance, event, event);

                assertThat(outcomes).extracting(EvaluationOutcome::duplicate).containsExactlyInAnyOrder(true, false);
                assertThat(outcomes.stream().mapToInt(o -> o.awards().size()).sum()).isEqualTo(1);
                assertThat(awarded(t, student)).containsExactly("lessons.first");
                int events = t.owner().withHandle(h -> h.createQuery("select count(*) from gamification_events where user_id = :u")
                        .bind("u", student).mapTo(int.class).one());
                assertThat(events).isEqualTo(1);
            }
        }
    }

    @Test
    void twoDifferentEventsRacingForTheSameAchievementAwardItOnce(TestDatabase t) throws Exception {
        try (Database secondInstance = Database.open(t.settings())) {
            for (int round = 0; round < 10; round++) {
                UUID student = Fixtures.student(t, "Ido " + round);
                List<EvaluationOutcome> outcomes = race(t.database(), secondInstance, lesson(student, MONDAY), lesson(student, MONDAY.plusSeconds(1)));

                assertThat(outcomes).extracting(EvaluationOutcome::duplicate).containsOnly(false);
                assertThat(outcomes.stream().flatMap(o -> o.awards().stream()).map(Award::code)).containsExactly("lessons.first");
                assertThat(awarded(t, student)).containsExactly("lessons.first");
                int celebrations = t.owner().withHandle(h -> h.createQuery("select count(*) from celebrations where user_id = :u")
                        .bind("u", student).mapTo(int.class).one());
                assertThat(celebrations).isEqualTo(1);
            }
        }
    }

    /** Two engines on two connection pools, as two app instances have, process the events at the same moment. */
    private static List<EvaluationOutcome> race(Database one, Database two, GamificationEvent a, GamificationEvent b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<EvaluationOutcome> first = pool.submit(() -> {
                start.await();
                return new AchievementEngine(one).process(a);
            });
            Future<EvaluationOutcome> second = pool.submit(() -> {
                start.await();
                return new AchievementEngine(two).process(b);
            });
            start.countDown();
            return List.of(first.get(), second.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
