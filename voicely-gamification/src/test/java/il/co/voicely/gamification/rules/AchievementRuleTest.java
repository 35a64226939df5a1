package il.co.voicely.gamification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AchievementRuleTest {

    @Test
    void eachRuleTypeParsesFromItsStoredJsonAndWritesItBack() {
        List<String> stored = List.of(
                "{\"type\":\"count\",\"event\":\"lesson.attended\",\"min\":5}",
                "{\"type\":\"streak\",\"days\":7}",
                "{\"type\":\"metric\",\"event\":\"recording.analysed\",\"metric\":\"noteAccuracyPercent\",\"min\":90.0}",
                "{\"type\":\"improvement\",\"event\":\"recording.analysed\",\"metric\":\"rangeSemitones\",\"delta\":1.0}",
                "{\"type\":\"stars\",\"event\":\"exercise.completed\",\"metric\":\"score\",\"thresholds\":[60.0,80.0,95.0]}");

        assertThat(stored).allSatisfy(json -> assertThat(AchievementRule.parse(json).toJson()).isEqualTo(json));
        assertThat(AchievementRule.parse(stored.get(0))).isEqualTo(new AchievementRule.EventCount("lesson.attended", 5));
    }

    @Test
    void starsCountTheThresholdsReached() {
        var rule = new AchievementRule.ExerciseStars("exercise.completed", "score", List.of(60.0, 80.0, 95.0));

        assertThat(List.of(0.0, 59.9, 60.0, 94.9, 95.0, 100.0)).map(rule::starsFor).containsExactly(0, 0, 1, 2, 3, 3);
    }

    @Test
    void aRuleWithAnUnknownTypeOrAMissingParameterSaysWhatIsWrong() {
        assertThatThrownBy(() -> AchievementRule.parse("{\"type\":\"hours\",\"min\":3}"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("unknown rule type 'hours'");
        assertThatThrownBy(() -> AchievementRule.parse("{\"type\":\"count\",\"event\":\"lesson.attended\"}"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("\"min\"");
        assertThatThrownBy(() -> AchievementRule.parse("{\"type\":\"stars\",\"event\":\"e\",\"metric\":\"m\",\"thresholds\":[90,80,95]}"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> AchievementRule.parse("not json"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("not JSON");
    }
}
