package il.co.voicely.gamification.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GamificationEventTest {

    @Test
    void aRangeInHertzIsMeasuredInSemitones() {
        RecordingAnalysed r = RecordingAnalysed.ofHz(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(),
                220, 440, 80);

        assertThat(r.lowSemitone()).isCloseTo(57, within(1e-9));
        assertThat(r.rangeSemitones()).isCloseTo(12, within(1e-9));
        assertThat(r.payload()).containsEntry("noteAccuracyPercent", 80.0).containsKey("rangeSemitones");
    }

    @Test
    void impossibleMeasurementsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> new ExerciseCompleted(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(), 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score").hasMessageContaining("101");
        assertThatThrownBy(() -> new RecordingAnalysed(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(), 60, 50, 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below");
    }

    @Test
    void everyEventNamesItsTypeForRules() {
        UUID id = UUID.randomUUID();
        GamificationEvent e = new ChatPromptAnswered(id, UUID.randomUUID(), Instant.EPOCH, "warmup-1");

        String type = switch (e) {
            case LessonAttended l -> l.type();
            case RecordingAnalysed r -> r.type();
            case PracticeSession p -> p.type();
            case ExerciseCompleted x -> x.type();
            case ChatPromptAnswered c -> c.type();
        };

        assertThat(type).isEqualTo("chat.prompt.answered");
        assertThat(e.eventId()).isEqualTo(id);
    }
}
