package il.co.voicely.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import il.co.voicely.audio.decode.AudioDecoder;
import il.co.voicely.audio.decode.DecodedAudio;
import il.co.voicely.audio.fixtures.TestAudio;
import il.co.voicely.audio.pitch.PitchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceAnalyzerTest {
    private static final int RATE = 44_100;
    private final VoiceAnalyzer analyzer = VoiceAnalyzer.create(PitchSettings.singing());

    @TempDir
    Path dir;

    @Test
    void scaleRecordedInTheBrowserGivesRangeInScientificPitchAndSolfege() throws Exception {
        double[] scale = Stream.of("C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5").map(Note::parse).mapToDouble(Note::hz).toArray();
        Path wav = TestAudio.writeWav(dir.resolve("scale.wav"), TestAudio.scale(RATE, scale, 0.5, 0, 20, 0.02, 3), RATE);
        Path webm = TestAudio.ffmpeg(wav, dir.resolve("scale.webm"), "-c:a", "libopus", "-b:a", "48k");

        DecodedAudio audio = AudioDecoder.builder().sampleRate(RATE).build().decodeAll(webm);
        VoiceReport report = analyzer.analyze(audio);

        VoiceReport.VocalRange range = report.range().orElseThrow();
        assertThat(range.lowest().name()).isEqualTo("C4");
        assertThat(range.highest().name()).isEqualTo("C5");
        assertThat(range.lowest().solfege() + "–" + range.highest().solfege()).isEqualTo("Do4–Do5");
        assertThat(range.highest().hebrew()).isEqualTo("דו");
        assertThat(range.semitones()).isEqualTo(12);
        assertThat(range.tessituraLow().midi()).isBetween(60, 64);
        assertThat(range.tessituraHigh().midi()).isBetween(69, 72);
        assertThat(report.pitch().orElseThrow().p05Hz()).isLessThan(report.pitch().orElseThrow().medianHz());
        assertThat(report.voicedFraction()).isBetween(0.8, 0.9);
    }

    @Test
    void vibratoRateAndExtentAreMeasured() {
        float[] tone = TestAudio.tone(RATE, 2.5, t -> 330 * Math.pow(2, 50 * Math.sin(2 * Math.PI * 5.5 * t) / 1200), 8, 0.005, 1);

        VoiceReport report = analyzer.analyze(tone, RATE);

        VoiceReport.Vibrato vibrato = report.vibrato().orElseThrow();
        assertThat(vibrato.rateHz()).isCloseTo(5.5, within(0.3));
        assertThat(vibrato.extentCents()).isCloseTo(50, within(6.0));
        assertThat(vibrato.heldFraction()).isEqualTo(1.0);
        assertThat(report.stabilityCents()).hasValueSatisfying(sd -> assertThat(sd).isCloseTo(50 / Math.sqrt(2), within(6.0)));
    }

    @Test
    void steadyNoteHasNoVibratoAndHighStability() {
        VoiceReport report = analyzer.analyze(TestAudio.tone(RATE, 2.0, t -> 247, 8, 0.005, 2), RATE);

        assertThat(report.vibrato()).isEmpty();
        assertThat(report.stabilityCents()).hasValueSatisfying(sd -> assertThat(sd).isLessThan(3));
        assertThat(report.pitch().orElseThrow().medianNote().name()).isEqualTo("B3");
    }

    @Test
    void sirenHasNoHeldNotes() {
        VoiceReport report = analyzer.analyze(TestAudio.tone(RATE, 2.0, t -> 150 * Math.pow(4, t / 2.0), 6, 0.005, 2), RATE);

        assertThat(report.voicedFraction()).isGreaterThan(0.9);
        assertThat(report.range()).isEmpty();
        assertThat(report.pitch().orElseThrow().p95Hz()).isGreaterThan(500);
    }

    @Test
    void phrasesAreSplitAtBreaths() {
        float[] first = TestAudio.tone(RATE, 1.0, t -> 220, 6, 0, 1);
        float[] second = TestAudio.tone(RATE, 1.5, t -> 262, 6, 0, 2);
        float[] audio = TestAudio.concat(List.of(first, new float[RATE / 2], second));

        List<VoiceReport.Phrase> phrases = analyzer.analyze(audio, RATE).phrases();

        assertThat(phrases).hasSize(2);
        assertThat(phrases.get(0).seconds()).isCloseTo(1.0, within(0.06));
        assertThat(phrases.get(1).seconds()).isCloseTo(1.5, within(0.06));
        assertThat(phrases.get(1).startSeconds()).isCloseTo(1.5, within(0.04));
    }

    @Test
    void silenceLeavesEveryVoiceMeasureEmpty() {
        VoiceReport report = analyzer.analyze(new float[RATE * 2], RATE);

        assertThat(report.durationSeconds()).isEqualTo(2.0);
        assertThat(report.voicedFraction()).isZero();
        assertThat(report.pitch()).isEmpty();
        assertThat(report.range()).isEmpty();
        assertThat(report.stabilityCents()).isEmpty();
        assertThat(report.vibrato()).isEmpty();
        assertThat(report.perturbation()).isEmpty();
        assertThat(report.hnrDb()).isEmpty();
        assertThat(report.loudness().rmsDbfs()).isEmpty();
        assertThat(report.loudness().lufs()).isEmpty();
        assertThat(report.phrases()).isEmpty();
    }

    @Test
    void loudnessMatchesFfmpegEbur128() throws Exception {
        float[] sine = new float[RATE * 3];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.1 * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
        Path wav = TestAudio.writeWav(dir.resolve("sine.wav"), sine, RATE);
        String out = TestAudio.run(List.of("ffmpeg", "-nostdin", "-nostats", "-i", wav.toString(), "-af", "ebur128", "-f", "null", "-"));
        Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(out);
        double lastReported = Double.NaN;
        while (m.find()) {
            lastReported = Double.parseDouble(m.group(1));
        }
        double ffmpegLufs = lastReported;

        VoiceReport.Loudness loudness = analyzer.analyze(sine, RATE).loudness();

        // BS.1770: a 1 kHz sine reads its RMS level in dBFS, −20 dB peak → −23.0 LUFS.
        assertThat(loudness.lufs()).hasValueSatisfying(l -> assertThat(l).isCloseTo(-23.0, within(0.1)).isCloseTo(ffmpegLufs, within(0.15)));
        assertThat(loudness.rmsDbfs()).hasValueSatisfying(l -> assertThat(l).isCloseTo(-23.01, within(0.05)));
        assertThat(loudness.peakDbfs()).hasValueSatisfying(l -> assertThat(l).isCloseTo(-20.0, within(0.05)));
    }
}
