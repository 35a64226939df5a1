package il.co.voicely.app.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import il.co.voicely.audio.voice.Note;

/** Test audio with known truth, made by the ffmpeg CLI: a scale of pure tones, exactly in tune. */
final class Scales {

    private Scales() {
    }

    /** The notes as consecutive sine tones of {@code secondsEach}, as 16-bit mono WAV at 22.05 kHz. */
    static Path inTune(Path dir, List<String> notes, double secondsEach) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "scale-", ".wav");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < notes.size(); i++) {
            command.addAll(List.of("-f", "lavfi", "-i",
                    String.format(java.util.Locale.ROOT, "sine=f=%.3f:d=%.2f:sample_rate=22050", Note.parse(notes.get(i)).hz(), secondsEach)));
            inputs.append('[').append(i).append(']');
        }
        command.addAll(List.of("-filter_complex", inputs + "concat=n=" + notes.size() + ":v=0:a=1,volume=0.5",
                "-ac", "1", "-c:a", "pcm_s16le", out.toString()));
        Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        if (ffmpeg.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + output);
        }
        return out;
    }
}
