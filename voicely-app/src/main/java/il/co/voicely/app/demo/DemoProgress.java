package il.co.voicely.app.demo;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.gamification.events.ExerciseCompleted;
import il.co.voicely.gamification.events.GamificationEvent;
import il.co.voicely.gamification.events.LessonAttended;
import il.co.voicely.gamification.events.PracticeSession;
import il.co.voicely.gamification.events.RecordingAnalysed;
import il.co.voicely.gamification.rules.AchievementEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the demo students did, played through the achievement engine so the dashboard, the achievements and
 * the boards show real numbers: Noa attended the past lesson, practised the last four days, had three
 * recordings analysed (range widening, accuracy rising to 92 %) and earned stars on both exercises; Yonatan
 * practised once and sang one recording at 95 %.
 *
 * <p>Idempotent: every event has a fixed id, so playing again is a no-op for the engine. Events are played in
 * time order because the engine does not rewrite a streak for a late event.
 */
final class DemoProgress {

    static final UUID NOA = UUID.fromString("d0000000-0000-4000-8000-000000000003");
    static final UUID YONATAN = UUID.fromString("d0000000-0000-4000-8000-000000000004");
    private static final UUID PAST_LESSON = UUID.fromString("d0000000-0000-4000-8000-000000000201");
    private static final UUID SIRENS = UUID.fromString("d0000000-0000-4000-8000-000000000301");
    private static final UUID SCALE = UUID.fromString("d0000000-0000-4000-8000-000000000302");
    private static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

    private DemoProgress() {
    }

    /** Plays the demo events when the demo students exist (the demo school was seeded), else does nothing. */
    static void playIfDemo(Database db, Clock clock) {
        boolean demo = db.inContext(SessionContext.system(), h -> h.createQuery("select count(*) from users where id in (:noa, :yonatan)")
                .bind("noa", NOA).bind("yonatan", YONATAN).mapTo(Integer.class).one() == 2);
        if (!demo) {
            return;
        }
        AchievementEngine engine = new AchievementEngine(db);
        events(LocalDate.now(clock.withZone(ZONE))).stream()
                .sorted(Comparator.comparing(GamificationEvent::occurredAt))
                .forEach(engine::process);
    }

    static List<GamificationEvent> events(LocalDate today) {
        List<GamificationEvent> events = new ArrayList<>();
        events.add(new LessonAttended(id(1), NOA, at(today.minusDays(3), 17, 0), PAST_LESSON));
        for (int daysAgo = 3; daysAgo >= 0; daysAgo--) {
            // Just after midnight, so even today's session lies in the past whenever the demo starts.
            events.add(new PracticeSession(id(10 + daysAgo), NOA, at(today.minusDays(daysAgo), 0, 5), Duration.ofMinutes(15)));
        }
        // G3–C5, then F3–C5, then F3–D5: 17, 19 and 21 semitones; accuracy 78 → 85 → 92 %.
        events.add(RecordingAnalysed.ofHz(id(20), NOA, at(today.minusDays(10), 18, 0), id(120), 196.0, 523.25, 78));
        events.add(RecordingAnalysed.ofHz(id(21), NOA, at(today.minusDays(5), 18, 0), id(121), 174.61, 523.25, 85));
        events.add(RecordingAnalysed.ofHz(id(22), NOA, at(today.minusDays(1), 18, 0), id(122), 174.61, 587.33, 92));
        events.add(new ExerciseCompleted(id(30), NOA, at(today.minusDays(2), 8, 10), SIRENS, 84));
        events.add(new ExerciseCompleted(id(31), NOA, at(today.minusDays(1), 8, 10), SCALE, 96));
        events.add(new PracticeSession(id(40), YONATAN, at(today.minusDays(1), 9, 0), Duration.ofMinutes(10)));
        events.add(RecordingAnalysed.ofHz(id(41), YONATAN, at(today.minusDays(1), 9, 5), id(141), 110.0, 392.0, 95));
        return events;
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("d0000000-0000-4000-8000-%012d", 500 + n));
    }
}
