package il.co.voicely.audio;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.audio.decode.AudioDecoder;
import il.co.voicely.audio.decode.DecodedAudio;
import il.co.voicely.audio.fixtures.TestAudio;
import il.co.voicely.audio.pitch.PitchDetector;
import il.co.voicely.audio.pitch.PitchSettings;
import il.co.voicely.audio.pitch.PitchTrack;
import il.co.voicely.audio.voice.Note;
import il.co.voicely.audio.voice.NoteAccuracy;
import il.co.voicely.audio.voice.VoiceAnalyzer;
import il.co.voicely.audio.voice.VoiceReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, kept compiling and true. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() throws Exception {
        double[] hz = Stream.of("C4", "D4", "E4", "F4", "G4").map(Note::parse).mapToDouble(Note::hz).toArray();
        Path wav = TestAudio.writeWav(dir.resolve("s.wav"), TestAudio.scale(44_100, hz, 0.5, 0, 15, 0.01, 1), 44_100);
        Path recording = TestAudio.ffmpeg(wav, dir.resolve("scale.webm"), "-c:a", "libopus");

        // --- README example ---
        AudioDecoder decoder = AudioDecoder.builder().sampleRate(22_050).maxDuration(Duration.ofMinutes(20)).build();
        DecodedAudio clip = decoder.decodeAll(recording);                        // WebM/Opus, M4A, Ogg, MP3, WAV…
        PitchTrack track = PitchDetector.create(PitchSettings.singing()).analyze(clip.samples(), clip.sampleRate());
        VoiceReport report = VoiceAnalyzer.create(PitchSettings.singing()).report(clip.samples(), clip.sampleRate(), track);
        report.range().ifPresent(r -> System.out.println(r.lowest().solfege() + "–" + r.highest().solfege())); // Do4–Sol4
        List<Note> exercise = Stream.of("C4", "D4", "E4", "F4", "G4").map(Note::parse).toList();
        NoteAccuracy accuracy = NoteAccuracy.inOrder(track, exercise);
        System.out.printf("score %.0f/100, jitter %s%n", accuracy.score(), report.perturbation().map(p -> p.jitterLocalPct()));
        // --- end ---

        assertThat(report.range().orElseThrow().lowest().solfege()).isEqualTo("Do4");
        assertThat(report.range().orElseThrow().highest().solfege()).isEqualTo("Sol4");
        assertThat(accuracy.score()).isGreaterThan(90);
    }
}
