package il.co.voicely.gamification.rules;

import il.co.voicely.gamification.events.GamificationEvent;
import il.co.voicely.gamification.streaks.Streak;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Decides whether one rule is met by an event, and with what values (the award's explanation). */
final class RuleEvaluator {

    private RuleEvaluator() {
    }

    static Optional<Map<String, Object>> evaluate(Handle h, GamificationEvent event, Streak streak, AchievementRule rule) {
        return switch (rule) {
            case AchievementRule.EventCount r -> {
                if (!r.event().equals(event.type())) {
                    yield Optional.empty();
                }
                // The event's own row is already in, and the streak lock serialises this student's events.
                long count = h.createQuery("select count(*) from gamification_events where user_id = :user and type = :type")
                        .bind("user", event.userId()).bind("type", r.event()).mapTo(long.class).one();
                yield count >= r.min() ? Optional.of(AchievementEngine.values("count", count, "min", r.min())) : Optional.empty();
            }
            case AchievementRule.StreakDays r -> streak.currentDays() >= r.days()
                    ? Optional.of(AchievementEngine.values("streakDays", streak.currentDays(), "days", r.days(),
                            "lastDay", streak.lastDay().map(Object::toString).orElse("")))
                    : Optional.empty();
            case AchievementRule.MetricAtLeast r -> metric(event, r.event(), r.metric())
                    .filter(v -> v >= r.min())
                    .map(v -> AchievementEngine.values(r.metric(), v, "min", r.min()));
            case AchievementRule.MetricImproved r -> metric(event, r.event(), r.metric()).flatMap(v -> {
                Optional<Double> first = h.createQuery("""
                                select (payload ->> :metric)::float8 from gamification_events
                                 where user_id = :user and type = :type and event_id <> :event
                                   and payload ->> :metric is not null
                                 order by occurred_at, id
                                 limit 1
                                """)
                        .bind("metric", r.metric()).bind("user", event.userId()).bind("type", r.event())
                        .bind("event", event.eventId()).mapTo(Double.class).findOne();
                return first.filter(f -> v - f >= r.delta())
                        .map(f -> AchievementEngine.values("first", f, "now", v, "improvement", v - f, "delta", r.delta()));
            });
            case AchievementRule.ExerciseStars r -> Optional.empty();
        };
    }

    /** Applies a stars rule: keeps the best stars per exercise in {@code user_progress}. */
    static Optional<StarsEarned> applyStars(Handle h, GamificationEvent event, AchievementRule.ExerciseStars rule) {
        Optional<Double> value = metric(event, rule.event(), rule.metric());
        Object exercise = event.payload().get("exerciseId");
        if (value.isEmpty() || exercise == null) {
            return Optional.empty();
        }
        UUID exerciseId = UUID.fromString(exercise.toString());
        double score = value.get();
        int stars = rule.starsFor(score);
        int before = h.createQuery("select stars from user_progress where user_id = :user and exercise_id = :exercise")
                .bind("user", event.userId()).bind("exercise", exerciseId).mapTo(int.class).findOne().orElse(0);
        h.createUpdate("""
                        insert into user_progress (user_id, exercise_id, attempts, best_score, last_score, stars, last_practiced_at)
                        values (:user, :exercise, 1, :score, :score, :stars, :at)
                        on conflict (user_id, exercise_id) do update set
                            attempts          = user_progress.attempts + 1,
                            best_score        = greatest(user_progress.best_score, excluded.best_score),
                            last_score        = excluded.last_score,
                            stars             = greatest(user_progress.stars, excluded.stars),
                            last_practiced_at = greatest(user_progress.last_practiced_at, excluded.last_practiced_at)
                        """)
                .bind("user", event.userId()).bind("exercise", exerciseId).bind("score", score)
                .bind("stars", stars).bind("at", event.occurredAt()).execute();
        int best = Math.max(before, stars);
        int gained = best - before;
        if (gained > 0) {
            h.createUpdate("""
                            insert into celebrations (user_id, kind, payload)
                            values (:user, 'stars', cast(:payload as jsonb))
                            """)
                    .bind("user", event.userId())
                    .bind("payload", Json.write(AchievementEngine.values("exerciseId", exerciseId.toString(),
                            "score", score, "stars", best, "gained", gained)))
                    .execute();
        }
        return Optional.of(new StarsEarned(exerciseId, score, best, gained));
    }

    private static Optional<Double> metric(GamificationEvent event, String type, String metric) {
        if (!type.equals(event.type())) {
            return Optional.empty();
        }
        return event.payload().get(metric) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }
}
