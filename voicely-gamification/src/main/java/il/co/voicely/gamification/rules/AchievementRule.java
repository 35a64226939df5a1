package il.co.voicely.gamification.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The condition of an achievement, stored as data in {@code achievements.rule} (jsonb), so an admin adds an
 * achievement with an {@code INSERT} and no code. The five types and their JSON:
 *
 * <pre>
 * {"type":"count",       "event":"lesson.attended",    "min":5}                     at least N events of a type
 * {"type":"streak",      "days":7}                                                   a practice streak of N days
 * {"type":"metric",      "event":"recording.analysed", "metric":"noteAccuracyPercent", "min":90}
 * {"type":"improvement", "event":"recording.analysed", "metric":"rangeSemitones",      "delta":1}
 * {"type":"stars",       "event":"exercise.completed", "metric":"score", "thresholds":[60,80,95]}
 * </pre>
 *
 * <p>{@code metric} compares a number in the event's payload; {@code improvement} compares it with the
 * student's first measurement of the same metric; {@code stars} gives 1–3 stars per exercise (payload
 * {@code exerciseId}) by how many thresholds the metric reaches, keeps the best in {@code user_progress},
 * and awards its achievement with the first star.
 */
public sealed interface AchievementRule {

    /** The rule's JSON form, as stored. */
    String toJson();

    /** Parses a stored rule. @throws InvalidRuleException naming what is wrong and the input */
    static AchievementRule parse(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRuleException("rule is not JSON: " + json, e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRuleException("rule must be a JSON object: " + json);
        }
        String type = text(node, "type", json);
        return switch (type) {
            case "count" -> new EventCount(text(node, "event", json), (long) number(node, "min", json));
            case "streak" -> new StreakDays((int) number(node, "days", json));
            case "metric" -> new MetricAtLeast(text(node, "event", json), text(node, "metric", json), number(node, "min", json));
            case "improvement" -> new MetricImproved(text(node, "event", json), text(node, "metric", json), number(node, "delta", json));
            case "stars" -> {
                JsonNode t = node.get("thresholds");
                if (t == null || !t.isArray() || t.size() != 3 || !t.get(0).isNumber() || !t.get(1).isNumber() || !t.get(2).isNumber()) {
                    throw new InvalidRuleException("rule 'stars' needs \"thresholds\": three ascending numbers: " + json);
                }
                yield new ExerciseStars(text(node, "event", json), text(node, "metric", json),
                        List.of(t.get(0).asDouble(), t.get(1).asDouble(), t.get(2).asDouble()));
            }
            default -> throw new InvalidRuleException("unknown rule type '" + type
                    + "' (known: count, streak, metric, improvement, stars): " + json);
        };
    }

    /** At least {@code min} events of type {@code event}. */
    record EventCount(String event, long min) implements AchievementRule {
        public EventCount {
            Objects.requireNonNull(event, "event");
            if (min < 1) {
                throw new InvalidRuleException("rule 'count' needs min >= 1, was " + min);
            }
        }

        @Override
        public String toJson() {
            return Json.write(ordered("type", "count", "event", event, "min", min));
        }
    }

    /** A practice streak of at least {@code days} consecutive local days. */
    record StreakDays(int days) implements AchievementRule {
        public StreakDays {
            if (days < 1) {
                throw new InvalidRuleException("rule 'streak' needs days >= 1, was " + days);
            }
        }

        @Override
        public String toJson() {
            return Json.write(ordered("type", "streak", "days", days));
        }
    }

    /** An event of type {@code event} whose {@code metric} is at least {@code min}. */
    record MetricAtLeast(String event, String metric, double min) implements AchievementRule {
        public MetricAtLeast {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String toJson() {
            return Json.write(ordered("type", "metric", "event", event, "metric", metric, "min", min));
        }
    }

    /** {@code metric} in an event of type {@code event} is at least {@code delta} above the student's first one. */
    record MetricImproved(String event, String metric, double delta) implements AchievementRule {
        public MetricImproved {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(metric, "metric");
            if (!(delta > 0)) {
                throw new InvalidRuleException("rule 'improvement' needs delta > 0, was " + delta);
            }
        }

        @Override
        public String toJson() {
            return Json.write(ordered("type", "improvement", "event", event, "metric", metric, "delta", delta));
        }
    }

    /** One, two or three stars per exercise as {@code metric} reaches each of three ascending thresholds. */
    record ExerciseStars(String event, String metric, List<Double> thresholds) implements AchievementRule {
        public ExerciseStars {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(metric, "metric");
            thresholds = List.copyOf(thresholds);
            if (thresholds.size() != 3 || !(thresholds.get(0) <= thresholds.get(1) && thresholds.get(1) <= thresholds.get(2))) {
                throw new InvalidRuleException("rule 'stars' needs three ascending thresholds, was " + thresholds);
            }
        }

        /** Stars (0–3) for a value: how many thresholds it reaches. */
        public int starsFor(double value) {
            int stars = 0;
            for (double t : thresholds) {
                if (value >= t) {
                    stars++;
                }
            }
            return stars;
        }

        @Override
        public String toJson() {
            return Json.write(ordered("type", "stars", "event", event, "metric", metric, "thresholds", thresholds));
        }
    }

    private static String text(JsonNode node, String field, String json) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidRuleException("rule needs a text \"" + field + "\": " + json);
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field, String json) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new InvalidRuleException("rule needs a number \"" + field + "\": " + json);
        }
        return v.asDouble();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
