package il.co.voicely.audio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.audio.fixtures.TestAudio;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonReportOfAnOggVoiceNoteHasTheContractFields() throws Exception {
        Path wav = TestAudio.writeWav(dir.resolve("a.wav"), TestAudio.tone(44_100, 1.5, t -> 440, 6, 0.005, 1), 44_100);
        Path ogg = TestAudio.ffmpeg(wav, dir.resolve("note.ogg"), "-c:a", "libopus");

        assertThat(run(ogg.toString(), "--json")).isZero();

        String json = stdout().strip();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("\"duration_s\":1.5", "\"range_low_note\":\"A4\"", "\"range_high_note\":\"A4\"",
                "\"range_low_solfege\":\"La4\"");
        assertThat(json).containsPattern("\"f0_median_hz\":4(39\\.9|40\\.0)");
        for (String key : new String[] {"f0_mean_hz", "f0_p05_hz", "f0_p95_hz", "voiced_fraction", "jitter_local_pct",
                "shimmer_local_pct", "hnr_db", "loudness_dbfs"}) {
            assertThat(json).containsPattern("\"" + key + "\":-?[0-9]");
        }
    }

    @Test
    void silenceGivesNullsNotZeros() throws Exception {
        Path wav = TestAudio.writeWav(dir.resolve("silence.wav"), new float[44_100], 44_100);

        assertThat(run(wav.toString(), "--json")).isZero();

        assertThat(stdout()).contains("\"f0_median_hz\":null", "\"range_low_note\":null", "\"jitter_local_pct\":null",
                "\"hnr_db\":null", "\"loudness_dbfs\":null", "\"voiced_fraction\":0.0");
    }

    @Test
    void trackIsCsvAtTenMillisecondsWithZeroWhenUnvoiced() throws Exception {
        Path wav = TestAudio.writeWav(dir.resolve("b.wav"), TestAudio.concat(java.util.List.of(
                TestAudio.tone(44_100, 0.5, t -> 220, 6, 0, 1), new float[22_050])), 44_100);

        assertThat(run(wav.toString(), "--track")).isZero();

        String[] lines = stdout().strip().split("\n");
        assertThat(lines[0]).isEqualTo("time_s,f0_hz");
        assertThat(lines[10]).matches("0\\.[0-9]{3},2(19|20)\\.[0-9]{2}");
        assertThat(lines[lines.length - 1]).endsWith(",0.00");
        double t1 = Double.parseDouble(lines[1].split(",")[0]);
        double t2 = Double.parseDouble(lines[2].split(",")[0]);
        assertThat(t2 - t1).isEqualTo(0.01, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void unreadableFileExitsNonZeroWithOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("lyrics.txt"), "la la la\n".repeat(20));

        assertThat(run(text.toString(), "--json")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8).strip()).contains("'lyrics.txt'").doesNotContain("\n");
        assertThat(stdout()).isEmpty();
        assertThat(run(dir.resolve("missing.webm").toString())).isEqualTo(1);
        assertThat(run()).isEqualTo(2);
    }
}
