package il.co.voicely.audio.transcribe;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import il.co.voicely.audio.fixtures.TestAudio;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's transcription example, against a loopback stand-in for a faster-whisper server. */
class TranscriptionReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeTranscriptionExampleRuns() throws Exception {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(post("/v1/audio/transcriptions").willReturn(okJson("""
                    {"language":"he","duration":2.0,"text":" שלום","segments":[{"id":0,"start":0.0,"end":1.5,"text":" שלום"}]}""")));
            Path recording = TestAudio.ffmpeg(
                    TestAudio.writeWav(dir.resolve("n.wav"), TestAudio.tone(16_000, 2, t -> 180, 6, 0.01, 3), 16_000),
                    dir.resolve("voice-note.ogg"), "-c:a", "libopus");
            String serverUrl = server.baseUrl();

            // --- README example ---
            Transcriber transcriber = Transcribers.create(TranscriptionSettings.fromEnvironment(Map.of(
                    "VOICELY_TRANSCRIBE_URL", serverUrl)));                         // or System.getenv()
            if (transcriber.available()) {
                Transcript transcript = transcriber.transcribe(recording);          // any format, any length
                for (Transcript.Segment s : transcript.segments()) {
                    System.out.printf("%d–%d ms %s%n", s.startMs(), s.endMs(), s.text()); // 0–1500 ms שלום
                }
            } else {
                System.out.println(transcriber.description());                    // transcription is not configured: …
            }
            // --- end ---

            assertThat(transcriber.transcribe(recording).segments()).containsExactly(new Transcript.Segment(0, 1500, "שלום"));
        } finally {
            server.stop();
        }
    }
}
