package il.co.voicely.audio.transcribe;

import java.net.URI;
import java.nio.file.Path;

/**
 * Chooses the {@link Transcriber} that {@link TranscriptionSettings} describe.
 *
 * <pre>{@code
 * Transcriber t = Transcribers.create(TranscriptionSettings.fromEnvironment(System.getenv()));
 * log.info("transcription: {}", t.description());   // or "transcription is not configured: …"
 * }</pre>
 *
 * Configuration problems (nothing configured, a missing model file) do not throw here: they give a
 * transcriber whose {@link Transcriber#available()} is false, whose {@link Transcriber#description()}
 * says what is missing, and whose {@code transcribe} throws {@link TranscriberUnavailableException} with
 * the same words, so an app starts and shows the reason instead of failing, and never shows invented text.
 */
public final class Transcribers {
    static final String NOT_CONFIGURED = "transcription is not configured: set VOICELY_WHISPER_MODEL to a whisper.cpp "
            + "model file (in-process), or VOICELY_TRANSCRIBE_URL to an OpenAI-compatible server (faster-whisper, "
            + "whisper.cpp server), or VOICELY_TRANSCRIBE_API_KEY to use OpenAI";

    private Transcribers() {
    }

    /** @return the configured transcriber, or an unavailable one that says why */
    public static Transcriber create(TranscriptionSettings settings) {
        if (settings.whisperModel().isPresent()) {
            Path model = settings.whisperModel().get();
            try {
                return WhisperCppTranscriber.builder(model).language(settings.language()).build();
            } catch (TranscriberUnavailableException e) {
                return unavailable(e.getMessage());
            }
        }
        if (settings.serverUrl().isPresent() || settings.apiKey().isPresent()) {
            return OpenAiCompatibleTranscriber.builder()
                    .baseUrl(settings.serverUrl().orElse(URI.create("https://api.openai.com")))
                    .apiKey(settings.apiKey().orElse(null))
                    .model(settings.serverModel())
                    .language(settings.language())
                    .build();
        }
        return unavailable(NOT_CONFIGURED);
    }

    /** @return a transcriber that cannot transcribe and says why */
    public static Transcriber unavailable(String reason) {
        return new Transcriber() {
            @Override
            public Transcript transcribe(Path audio) throws TranscriberUnavailableException {
                throw new TranscriberUnavailableException(reason);
            }

            @Override
            public String description() {
                return reason;
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }
}
