package il.co.voicely.gamification.rules;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.gamification.events.ExerciseCompleted;
import il.co.voicely.gamification.events.GamificationEvent;
import il.co.voicely.gamification.events.LessonAttended;
import il.co.voicely.gamification.events.PracticeSession;
import il.co.voicely.gamification.events.RecordingAnalysed;
import il.co.voicely.gamification.streaks.Streak;
import il.co.voicely.gamification.streaks.Streaks;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the achievement rules stored in {@code achievements} on each event, in one transaction acting
 * as the system.
 *
 * <pre>{@code
 * AchievementEngine engine = new AchievementEngine(db);
 * EvaluationOutcome outcome = engine.process(new ExerciseCompleted(eventId, studentId, now, exerciseId, 92));
 * outcome.awards().forEach(a -> notify(studentId, a.titleHe()));
 * }</pre>
 *
 * <p>Safe to call from any number of threads and app instances, and to replay: the event row's unique
 * {@code event_id} makes a second delivery a no-op (a concurrent duplicate waits on the first's insert and
 * then sees the conflict); the student's streak row is locked first, so one student's events are applied in
 * turn; and every award is {@code INSERT … ON CONFLICT DO NOTHING} on {@code (user_id, achievement_id)}.
 * Each award stores its explanation and creates a celebration; stars per exercise go to
 * {@code user_progress}, running totals to {@code user_stats}.
 */
public final class AchievementEngine {

    private static final Logger log = LoggerFactory.getLogger(AchievementEngine.class);

    private final Database db;

    /** An engine on {@code db}; it keeps no state of its own, so any number may run side by side. */
    public AchievementEngine(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Records the event and applies everything it earns; see the class comment for the guarantees.
     *
     * @throws IllegalArgumentException when the event's user does not exist
     */
    public EvaluationOutcome process(GamificationEvent event) {
        Objects.requireNonNull(event, "event");
        return db.inContext(SessionContext.system(), h -> {
            if (!recordEvent(h, event)) {
                return EvaluationOutcome.duplicateOf(event.eventId());
            }
            Streak streak = Streaks.recordActivity(h, event.userId(), event.occurredAt());
            List<RuleRow> rules = activeRules(h, event.userId());
            List<StarsEarned> stars = new ArrayList<>();
            List<Award> awards = new ArrayList<>();
            for (RuleRow row : rules) {
                apply(h, event, streak, row, stars).ifPresent(awards::add);
            }
            int starsGained = stars.stream().mapToInt(StarsEarned::gained).sum();
            if (starsGained > 0) {
                h.createUpdate("update gamification_events set stars_gained = :stars where event_id = :event")
                        .bind("stars", starsGained).bind("event", event.eventId()).execute();
            }
            updateStats(h, event, starsGained + awards.stream().mapToInt(Award::stars).sum());
            return new EvaluationOutcome(event.eventId(), false, Optional.of(streak), awards, stars);
        });
    }

    /** Applies one achievement's rule: stars on every attempt, an award once; adds stars to {@code stars}. */
    private static Optional<Award> apply(Handle h, GamificationEvent event, Streak streak, RuleRow row, List<StarsEarned> stars) {
        AchievementRule rule;
        try {
            rule = AchievementRule.parse(row.ruleJson());
        } catch (InvalidRuleException e) {
            // One bad row written by hand must not stop every student's events.
            log.warn("Skipping achievement '{}': {}", row.code(), e.getMessage());
            return Optional.empty();
        }
        Optional<Map<String, Object>> met = Optional.empty();
        if (rule instanceof AchievementRule.ExerciseStars starsRule) {
            Optional<StarsEarned> earned = RuleEvaluator.applyStars(h, event, starsRule);
            earned.ifPresent(stars::add);
            met = earned.filter(e -> e.gained() > 0 && !row.awarded())
                    .map(e -> values("exerciseId", e.exerciseId().toString(), starsRule.metric(), e.score(), "stars", e.stars()));
        } else if (!row.awarded()) {
            met = RuleEvaluator.evaluate(h, event, streak, rule);
        }
        return met.flatMap(values -> award(h, event, row, rule, values));
    }

    /** Inserts the event row; false when this event id was processed before. */
    private static boolean recordEvent(Handle h, GamificationEvent event) {
        try {
            return h.createUpdate("""
                            insert into gamification_events (event_id, type, user_id, payload, occurred_at)
                            values (:event, :type, :user, cast(:payload as jsonb), :at)
                            on conflict (event_id) do nothing
                            """)
                    .bind("event", event.eventId()).bind("type", event.type()).bind("user", event.userId())
                    .bind("payload", Json.write(event.payload())).bind("at", event.occurredAt())
                    .execute() == 1;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                throw new IllegalArgumentException("event " + event.eventId() + " (" + event.type() + ") is about user "
                        + event.userId() + ", who does not exist", e);
            }
            throw e;
        }
    }

    private static List<RuleRow> activeRules(Handle h, UUID userId) {
        return h.createQuery("""
                        select a.id, a.code, a.title_he, a.stars, a.rule::text as rule,
                               exists (select 1 from user_achievements ua
                                        where ua.user_id = :user and ua.achievement_id = a.id) as awarded
                          from achievements a
                         where a.active
                         order by a.sort_order, a.code
                        """)
                .bind("user", userId)
                .map((rs, ctx) -> new RuleRow(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("title_he"), rs.getInt("stars"), rs.getString("rule"), rs.getBoolean("awarded")))
                .list();
    }

    private static Optional<Award> award(Handle h, GamificationEvent event, RuleRow row, AchievementRule rule,
                                         Map<String, Object> values) {
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("eventId", event.eventId().toString());
        reason.put("eventType", event.type());
        reason.put("rule", Json.readMap(rule.toJson()));
        reason.put("values", values);
        String reasonJson = Json.write(reason);
        boolean inserted = h.createUpdate("""
                        insert into user_achievements (user_id, achievement_id, awarded_at, reason)
                        values (:user, :achievement, :at, cast(:reason as jsonb))
                        on conflict (user_id, achievement_id) do nothing
                        """)
                .bind("user", event.userId()).bind("achievement", row.id()).bind("at", event.occurredAt())
                .bind("reason", reasonJson).execute() == 1;
        if (!inserted) {
            return Optional.empty();
        }
        Map<String, Object> celebration = new LinkedHashMap<>();
        celebration.put("code", row.code());
        celebration.put("titleHe", row.titleHe());
        celebration.put("stars", row.stars());
        celebration.put("reason", reason);
        h.createUpdate("""
                        insert into celebrations (user_id, achievement_id, kind, payload)
                        values (:user, :achievement, 'achievement', cast(:payload as jsonb))
                        on conflict (user_id, achievement_id) do nothing
                        """)
                .bind("user", event.userId()).bind("achievement", row.id())
                .bind("payload", Json.write(celebration)).execute();
        return Optional.of(new Award(row.code(), row.titleHe(), row.stars(), event.occurredAt(), reason));
    }

    /** Running totals for the dashboard, so it never aggregates history on a page view. */
    private static void updateStats(Handle h, GamificationEvent event, int stars) {
        int lessons = event instanceof LessonAttended ? 1 : 0;
        int recordings = event instanceof RecordingAnalysed ? 1 : 0;
        int exercises = event instanceof ExerciseCompleted ? 1 : 0;
        long seconds = event instanceof PracticeSession p ? p.duration().toSeconds() : 0;
        h.createUpdate("""
                        insert into user_stats (user_id, lessons_attended, practice_seconds, recordings_count,
                                                exercises_completed, total_stars, last_practice_at)
                        values (:user, :lessons, :seconds, :recordings, :exercises, :stars, :at)
                        on conflict (user_id) do update set
                            lessons_attended    = user_stats.lessons_attended + excluded.lessons_attended,
                            practice_seconds    = user_stats.practice_seconds + excluded.practice_seconds,
                            recordings_count    = user_stats.recordings_count + excluded.recordings_count,
                            exercises_completed = user_stats.exercises_completed + excluded.exercises_completed,
                            total_stars         = user_stats.total_stars + excluded.total_stars,
                            last_practice_at    = greatest(user_stats.last_practice_at, excluded.last_practice_at)
                        """)
                .bind("user", event.userId()).bind("lessons", lessons).bind("seconds", seconds)
                .bind("recordings", recordings).bind("exercises", exercises).bind("stars", stars)
                .bind("at", event.occurredAt()).execute();
    }

    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
