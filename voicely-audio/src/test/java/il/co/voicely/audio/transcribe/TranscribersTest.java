package il.co.voicely.audio.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscribersTest {
    @TempDir
    Path dir;

    @Test
    void nothingConfiguredSaysSoAndNeverInventsText() {
        Transcriber transcriber = Transcribers.create(TranscriptionSettings.fromEnvironment(Map.of()));

        assertThat(transcriber.available()).isFalse();
        assertThat(transcriber.description()).startsWith("transcription is not configured").contains("VOICELY_WHISPER_MODEL");
        assertThatThrownBy(() -> transcriber.transcribe(dir.resolve("any.ogg")))
                .isInstanceOf(TranscriberUnavailableException.class)
                .hasMessageStartingWith("transcription is not configured");
    }

    @Test
    void serverUrlSelectsTheOpenAiCompatibleTranscriber() {
        Transcriber transcriber = Transcribers.create(TranscriptionSettings.fromEnvironment(Map.of(
                "VOICELY_TRANSCRIBE_URL", "http://127.0.0.1:8000", "VOICELY_TRANSCRIBE_MODEL", "Systran/faster-whisper-small")));

        assertThat(transcriber).isInstanceOf(OpenAiCompatibleTranscriber.class);
        assertThat(transcriber.available()).isTrue();
        assertThat(transcriber.description()).isEqualTo(
                "OpenAI-compatible http://127.0.0.1:8000/v1/audio/transcriptions (Systran/faster-whisper-small)");
    }

    @Test
    void apiKeyAloneMeansOpenAi() {
        Transcriber transcriber = Transcribers.create(TranscriptionSettings.none().withServer(URI.create("https://api.openai.com"), "sk-x", "whisper-1"));

        assertThat(transcriber.description()).contains("https://api.openai.com/v1/audio/transcriptions");
    }

    @Test
    void missingWhisperModelIsReportedNotThrown() {
        Transcriber transcriber = Transcribers.create(TranscriptionSettings.fromEnvironment(Map.of(
                "VOICELY_HOME", dir.toString(), "VOICELY_WHISPER_MODEL", "ggml-small.bin",
                "VOICELY_TRANSCRIBE_URL", "http://127.0.0.1:8000")));

        assertThat(transcriber.available()).isFalse();
        assertThat(transcriber.description())
                .contains("'" + dir.resolve("models/ggml-small.bin").toAbsolutePath() + "' does not exist");
    }

    @Test
    void settingsNeverPrintTheKey() {
        TranscriptionSettings settings = TranscriptionSettings.fromEnvironment(Map.of(
                "VOICELY_TRANSCRIBE_API_KEY", "sk-secret", "VOICELY_TRANSCRIBE_LANGUAGE", "en"));

        assertThat(settings.toString()).doesNotContain("sk-secret").contains("apiKey=***");
        assertThat(settings.apiKey()).contains("sk-secret");
        assertThat(settings.language()).isEqualTo("en");
    }
}
