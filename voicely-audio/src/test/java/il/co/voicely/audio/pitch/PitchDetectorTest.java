package il.co.voicely.audio.pitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import il.co.voicely.audio.fixtures.TestAudio;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PitchDetectorTest {
    private static final int RATE = 44_100;
    private final PitchDetector singing = PitchDetector.create(PitchSettings.singing());

    private static double cents(double hz, double reference) {
        return 1200 * Math.log(hz / reference) / Math.log(2);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @ParameterizedTest(name = "{0} Hz, {1} harmonics")
    @CsvSource({"65.41, 10", "82.41, 1", "110, 8", "220, 1", "261.63, 12", "440, 1", "659.26, 6", "880, 1", "1046.5, 4"})
    void steadyTonesAcrossTheSingingRangeAreWithinFiveCents(double hz, int harmonics) {
        float[] tone = TestAudio.tone(RATE, 1.0, t -> hz, harmonics, 0.005, 1);

        PitchTrack track = singing.analyze(tone, RATE);

        assertThat(track.voicedFraction()).isGreaterThan(0.95);
        assertThat(cents(median(track.voicedF0s()), hz)).isCloseTo(0, within(5.0));
    }

    @Test
    void framesAreTenMillisecondsApartAndCentredOnTheAudio() {
        PitchTrack track = singing.analyze(TestAudio.tone(RATE, 2.0, t -> 300, 4, 0, 1), RATE);

        assertThat(track.timeStep()).isEqualTo(0.01);
        // 2 s minus one 50 ms window (3 periods of 60 Hz), in 10 ms steps: Praat's frame layout.
        assertThat(track.frameCount()).isEqualTo(196);
        assertThat(track.time(0) + track.time(track.frameCount() - 1)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void noisyToneWithAWeakFundamentalMakesNoOctaveErrors() {
        // Fundamental at a tenth of the 2nd and 3rd harmonics, in noise at about 10 dB SNR.
        Random noise = new Random(5);
        int n = RATE * 2;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double p = 2 * Math.PI * 196 * i / RATE;
            x[i] = (float) (0.03 * Math.sin(p) + 0.3 * Math.sin(2 * p) + 0.3 * Math.sin(3 * p) + 0.2 * Math.sin(4 * p)
                    + 0.1 * noise.nextGaussian());
        }

        PitchTrack track = singing.analyze(x, RATE);

        assertThat(track.voicedFraction()).isGreaterThan(0.95);
        long octaveErrors = Arrays.stream(track.voicedF0s()).filter(f -> Math.abs(cents(f, 196)) > 600).count();
        assertThat(octaveErrors).isZero();
        assertThat(cents(median(track.voicedF0s()), 196)).isCloseTo(0, within(5.0));
    }

    @Test
    void glideIsFollowedFrameByFrame() {
        // A siren: 150 Hz to 600 Hz exponentially over 2 s.
        PitchTrack track = singing.analyze(TestAudio.tone(RATE, 2.0, t -> 150 * Math.pow(4, t / 2.0), 6, 0.005, 2), RATE);

        int checked = 0;
        for (int i = 0; i < track.frameCount(); i++) {
            if (track.isVoiced(i)) {
                assertThat(cents(track.f0Hz()[i], 150 * Math.pow(4, track.time(i) / 2.0))).isCloseTo(0, within(20.0));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(track.frameCount() * 9 / 10);
    }

    @Test
    void vibratoIsTrackedNotSmoothedAway() {
        PitchTrack track = singing.analyze(TestAudio.tone(RATE, 2.0,
                t -> 392 * Math.pow(2, 60 * Math.sin(2 * Math.PI * 5.5 * t) / 1200), 6, 0.005, 3), RATE);

        double max = Arrays.stream(track.voicedF0s()).map(f -> cents(f, 392)).max().orElseThrow();
        double min = Arrays.stream(track.voicedF0s()).map(f -> cents(f, 392)).min().orElseThrow();
        assertThat(max).isCloseTo(60, within(8.0));
        assertThat(min).isCloseTo(-60, within(8.0));
    }

    @Test
    void silenceAndNoiseAreUnvoiced() {
        assertThat(singing.analyze(new float[RATE], RATE).voicedFraction()).isZero();
        Random random = new Random(9);
        float[] noise = new float[RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.2 * random.nextGaussian());
        }
        assertThat(singing.analyze(noise, RATE).voicedFraction()).isLessThan(0.05);
    }

    @Test
    void streamedAnalysisOfAFileEqualsTheInMemoryOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        float[] audio = TestAudio.concat(java.util.List.of(TestAudio.tone(RATE, 1.5, t -> 180 * Math.pow(2, t / 3), 6, 0.01, 4),
                new float[RATE / 3], TestAudio.tone(RATE, 1.0, t -> 300, 6, 0.01, 5)));
        java.nio.file.Path file = TestAudio.writeWav(dir.resolve("long.wav"), audio, RATE);
        var decoder = il.co.voicely.audio.decode.AudioDecoder.builder().sampleRate(RATE).build();

        PitchTrack streamed = singing.analyze(decoder, file);
        PitchTrack inMemory = singing.analyze(decoder.decodeAll(file).samples(), RATE);

        assertThat(streamed.firstTime()).isEqualTo(inMemory.firstTime());
        assertThat(streamed.f0Hz()).containsExactly(inMemory.f0Hz());
        assertThat(streamed.strength()).containsExactly(inMemory.strength());
    }

    @Test
    void audioShorterThanOneWindowGivesAnEmptyTrack() {
        PitchTrack track = singing.analyze(new float[100], RATE);
        assertThat(track.frameCount()).isZero();
        assertThat(track.voicedFraction()).isZero();
    }
}
