package il.co.voicely.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import il.co.voicely.audio.decode.AudioDecoder;
import il.co.voicely.audio.decode.DecodedAudio;
import il.co.voicely.audio.fixtures.Praat;
import il.co.voicely.audio.fixtures.TestAudio;
import il.co.voicely.audio.pitch.PitchDetector;
import il.co.voicely.audio.pitch.PitchSettings;
import il.co.voicely.audio.pitch.PitchTrack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Praat is the reference: on a generated corpus (speech from espeak-ng, tones, perturbed voice,
 * vibrato, a noisy sung scale, a glide) our pitch track and voice report must match Praat 6's
 * "To Pitch (ac)" and "Voice report" run on the same file. Tolerances:
 * <ul>
 *   <li>median F0: within 1% on speech, within 5 cents on synthetic audio;</li>
 *   <li>voicing decision: the same on at least 95% of frames;</li>
 *   <li>jitter and shimmer (local, RAP/APQ3, PPQ5/APQ5): within 10% of Praat's value or 0.02 percentage points;</li>
 *   <li>mean HNR: within 0.5 dB.</li>
 * </ul>
 * The table of figures is written to {@code target/praat-comparison.md} (copied into the README).
 */
class VoiceReportMatchesPraatTest {
    @TempDir
    static Path dir;
    private static final List<String> TABLE = new ArrayList<>();

    static Stream<Arguments> corpus() {
        double[] scale = Stream.of("G3", "A3", "B3", "C4", "D4", "E4", "F#4", "G4").map(Note::parse).mapToDouble(Note::hz).toArray();
        return Stream.of(
                Arguments.of("speech, English, male (espeak-ng en)", true, (Corpus) d -> TestAudio.espeak(d.resolve("en.wav"), "en",
                        "The quick brown fox jumps over the lazy dog. Voice lessons every Sunday morning.")),
                Arguments.of("speech, English, female (espeak-ng en+f3)", true, (Corpus) d -> TestAudio.espeak(d.resolve("en-f.wav"), "en+f3",
                        "Sing a scale slowly, then hold the last note as long as you can.")),
                Arguments.of("speech, Hebrew (espeak-ng he)", true, (Corpus) d -> TestAudio.espeak(d.resolve("he.wav"), "he",
                        "שלום, אני לומדת לשיר. היום נתרגל סולם ונשמור על נשימה ארוכה.")),
                Arguments.of("harmonic tone 220 Hz in noise", false, (Corpus) d -> TestAudio.writeWav(d.resolve("tone.wav"),
                        TestAudio.tone(44_100, 2, t -> 220, 10, 0.01, 3), 44_100)),
                Arguments.of("voice 180 Hz, 1% jitter, 5% shimmer", false, (Corpus) d -> TestAudio.writeWav(d.resolve("perturbed.wav"),
                        TestAudio.perturbedVoice(44_100, 2, 180, 0.01, 0.05, 4), 44_100)),
                Arguments.of("vibrato 330 Hz, 5.5 Hz ±50 cents", false, (Corpus) d -> TestAudio.writeWav(d.resolve("vibrato.wav"),
                        TestAudio.tone(44_100, 2, t -> 330 * Math.pow(2, 50 * Math.sin(2 * Math.PI * 5.5 * t) / 1200), 8, 0.002, 5), 44_100)),
                Arguments.of("sung scale G3–G4, vibrato, noise", false, (Corpus) d -> TestAudio.writeWav(d.resolve("scale.wav"),
                        TestAudio.scale(44_100, scale, 0.4, 0, 20, 0.03, 6), 44_100)),
                Arguments.of("glide 150→600 Hz", false, (Corpus) d -> TestAudio.writeWav(d.resolve("glide.wav"),
                        TestAudio.tone(44_100, 2, t -> 150 * Math.pow(4, t / 2), 6, 0.005, 7), 44_100)));
    }

    interface Corpus {
        Path make(Path dir) throws IOException;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void pitchAndVoiceReportMatchPraat(String name, boolean speech, Corpus corpus) throws Exception {
        Path file = corpus.make(dir);
        PitchSettings settings = speech ? PitchSettings.speech() : PitchSettings.singing();
        DecodedAudio audio = AudioDecoder.builder().sampleRate(nativeRate(file)).build().decodeAll(file);

        PitchTrack ours = PitchDetector.create(settings).analyze(audio.samples(), audio.sampleRate());
        VoiceReport report = VoiceAnalyzer.create(settings).report(audio.samples(), audio.sampleRate(), ours);
        double[][] praatTrack = Praat.pitch(file, settings.floorHz(), settings.ceilingHz());
        Map<String, Double> praat = Praat.voiceReport(file, settings.floorHz(), settings.ceilingHz());

        assertThat(ours.frameCount()).isEqualTo(praatTrack.length);
        int agree = 0;
        for (int i = 0; i < praatTrack.length; i++) {
            assertThat(ours.time(i)).isCloseTo(praatTrack[i][0], within(1e-5));
            agree += (ours.isVoiced(i) == praatTrack[i][1] > 0) ? 1 : 0;
        }
        double agreement = agree / (double) praatTrack.length;
        double median = report.pitch().orElseThrow().medianHz();
        double praatMedian = praat.get("Median pitch");
        Perturbation p = report.perturbation().orElseThrow();
        double hnr = report.hnrDb().orElseThrow();
        TABLE.add("| %s | %.2f / %.2f | %.1f%% | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.2f / %.2f |".formatted(
                name, median, praatMedian, 100 * agreement,
                p.jitterLocalPct(), praat.get("Jitter (local)"), p.jitterRapPct(), praat.get("Jitter (rap)"),
                p.jitterPpq5Pct(), praat.get("Jitter (ppq5)"), p.shimmerLocalPct(), praat.get("Shimmer (local)"),
                p.shimmerApq3Pct(), praat.get("Shimmer (apq3)"), p.shimmerApq5Pct(), praat.get("Shimmer (apq5)"),
                hnr, praat.get("Mean harmonics-to-noise ratio")));

        if (speech) {
            assertThat(median).isCloseTo(praatMedian, within(0.01 * praatMedian));
        } else {
            assertThat(Note.cents(median, praatMedian)).isCloseTo(0, within(5.0));
        }
        assertThat(agreement).isGreaterThanOrEqualTo(0.95);
        close(p.jitterLocalPct(), praat.get("Jitter (local)"));
        close(p.jitterRapPct(), praat.get("Jitter (rap)"));
        close(p.jitterPpq5Pct(), praat.get("Jitter (ppq5)"));
        close(p.shimmerLocalPct(), praat.get("Shimmer (local)"));
        close(p.shimmerApq3Pct(), praat.get("Shimmer (apq3)"));
        close(p.shimmerApq5Pct(), praat.get("Shimmer (apq5)"));
        assertThat(hnr).isCloseTo(praat.get("Mean harmonics-to-noise ratio"), within(0.5));
    }

    private static void close(double ours, double praat) {
        assertThat(ours).isCloseTo(praat, within(Math.max(0.02, 0.10 * praat)));
    }

    private static int nativeRate(Path wav) throws IOException {
        byte[] header = Arrays.copyOf(Files.readAllBytes(wav), 28);
        return (header[24] & 0xFF) | (header[25] & 0xFF) << 8 | (header[26] & 0xFF) << 16 | (header[27] & 0xFF) << 24;
    }

    @AfterAll
    static void writeTable() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "| audio | median F0 Hz (ours / Praat) | voicing agreement | jitter local % | jitter RAP % | jitter PPQ5 % | shimmer local % | shimmer APQ3 % | shimmer APQ5 % | HNR dB |",
                "|---|---|---|---|---|---|---|---|---|---|"));
        lines.addAll(TABLE);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "praat-comparison.md"), lines);
        lines.forEach(System.out::println);
    }
}
