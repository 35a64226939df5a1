package il.co.voicely.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import il.co.voicely.audio.fixtures.TestAudio;
import il.co.voicely.audio.pitch.PitchDetector;
import il.co.voicely.audio.pitch.PitchSettings;
import il.co.voicely.audio.pitch.PitchTrack;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NoteAccuracyTest {
    private static final int RATE = 22_050;
    private static final List<Note> C_MAJOR = Stream.of("C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5").map(Note::parse).toList();
    private static final double NOTE = 0.5;
    private static final double GAP = 0.08;

    private static PitchTrack sing(List<Note> notes, double detuneCents) {
        double[] hz = notes.stream().mapToDouble(Note::hz).toArray();
        float[] audio = TestAudio.scale(RATE, hz, NOTE, detuneCents, 15, 0.01, 11);
        return PitchDetector.create(PitchSettings.singing()).analyze(audio, RATE);
    }

    @Test
    void inTuneScaleScoresHigh() {
        NoteAccuracy result = NoteAccuracy.inOrder(sing(C_MAJOR, 0), C_MAJOR);

        assertThat(result.score()).isGreaterThan(95);
        assertThat(result.notes()).hasSize(8).allSatisfy(n -> {
            assertThat(n.deviationCents()).hasValueSatisfying(c -> assertThat(c).isCloseTo(0, within(5.0)));
            assertThat(n.onPitchFraction()).isGreaterThan(0.9);
        });
    }

    @Test
    void scaleFortyCentsSharpScoresLowerAndEachNoteShowsPlusForty() {
        double inTune = NoteAccuracy.inOrder(sing(C_MAJOR, 0), C_MAJOR).score();

        NoteAccuracy sharp = NoteAccuracy.inOrder(sing(C_MAJOR, 40), C_MAJOR);

        assertThat(sharp.notes()).hasSize(8).allSatisfy(n ->
                assertThat(n.deviationCents()).hasValueSatisfying(c -> assertThat(c).isCloseTo(40, within(5.0))));
        // ±15-cent vibrato around +40 leaves the note outside ±50 cents part of the time, so about 60.
        assertThat(sharp.score()).isBetween(50.0, 85.0).isLessThan(inTune - 10);
    }

    @Test
    void flatScaleShowsNegativeDeviations() {
        NoteAccuracy flat = NoteAccuracy.inOrder(sing(C_MAJOR, -25), C_MAJOR);

        assertThat(flat.notes()).allSatisfy(n ->
                assertThat(n.deviationCents()).hasValueSatisfying(c -> assertThat(c).isCloseTo(-25, within(5.0))));
    }

    @Test
    void skippedNoteScoresZeroAndTheRestAreAligned() {
        List<Note> sung = C_MAJOR.stream().filter(n -> !n.name().equals("F4")).toList();

        NoteAccuracy result = NoteAccuracy.inOrder(sing(sung, 0), C_MAJOR);

        assertThat(result.notes().get(3).target().name()).isEqualTo("F4");
        assertThat(result.notes().get(3).deviationCents()).isEmpty();
        assertThat(result.notes().get(3).score()).isZero();
        assertThat(result.notes().get(4).deviationCents()).hasValueSatisfying(c -> assertThat(c).isCloseTo(0, within(5.0)));
        assertThat(result.score()).isBetween(80.0, 90.0);
    }

    @Test
    void timedTargetsScoreTheSameScale() {
        List<NoteTarget> targets = NoteTarget.evenly(C_MAJOR, 0, NOTE + GAP);

        NoteAccuracy inTune = NoteAccuracy.timed(sing(C_MAJOR, 0), targets);
        NoteAccuracy sharp = NoteAccuracy.timed(sing(C_MAJOR, 40), targets);

        assertThat(inTune.score()).isGreaterThan(85);
        assertThat(sharp.score()).isLessThan(inTune.score() - 10);
        assertThat(sharp.notes().get(5).deviationCents()).hasValueSatisfying(c -> assertThat(c).isCloseTo(40, within(5.0)));
    }
}
