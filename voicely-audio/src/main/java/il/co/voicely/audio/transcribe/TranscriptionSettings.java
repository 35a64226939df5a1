package il.co.voicely.audio.transcribe;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which engine transcribes, as configuration says. {@link Transcribers#create} reads it: a whisper.cpp
 * model file wins (no network, no cost); else a server URL or an API key selects an OpenAI-compatible
 * server (OpenAI when only a key is given); else transcription is not configured.
 *
 * @param serverUrl    an OpenAI-compatible server, e.g. {@code http://localhost:8000}
 * @param apiKey       its bearer token, never printed by {@link #toString()}
 * @param serverModel  the model id the server expects ({@code whisper-1} for OpenAI)
 * @param whisperModel a whisper.cpp ggml model file for in-process transcription
 * @param language     ISO-639-1 hint, {@code he} for the school
 */
public record TranscriptionSettings(Optional<URI> serverUrl, Optional<String> apiKey, String serverModel,
                                    Optional<Path> whisperModel, String language) {
    /** Validates. */
    public TranscriptionSettings {
        Objects.requireNonNull(serverUrl, "serverUrl");
        apiKey = Objects.requireNonNull(apiKey, "apiKey").filter(k -> !k.isBlank());
        Objects.requireNonNull(serverModel, "serverModel");
        Objects.requireNonNull(whisperModel, "whisperModel");
        Objects.requireNonNull(language, "language");
    }

    /** @return nothing configured */
    public static TranscriptionSettings none() {
        return new TranscriptionSettings(Optional.empty(), Optional.empty(), "whisper-1", Optional.empty(), "he");
    }

    /**
     * Reads {@code VOICELY_TRANSCRIBE_URL}, {@code VOICELY_TRANSCRIBE_API_KEY}, {@code VOICELY_TRANSCRIBE_MODEL}
     * (default {@code whisper-1}), {@code VOICELY_WHISPER_MODEL} (a path, or a bare file name such as
     * {@code ggml-small.bin} looked up in {@code $VOICELY_HOME/models}) and {@code VOICELY_TRANSCRIBE_LANGUAGE}
     * (default {@code he}). {@code OPENAI_API_KEY} is deliberately not read: sending students' recordings
     * to a third party must be an explicit choice.
     */
    public static TranscriptionSettings fromEnvironment(Map<String, String> env) {
        Optional<URI> url = text(env, "VOICELY_TRANSCRIBE_URL").map(URI::create);
        Optional<Path> model = text(env, "VOICELY_WHISPER_MODEL").map(m -> {
            Path p = Path.of(m);
            return p.getParent() == null ? WhisperModelDownloader.defaultModelsDir(env).resolve(p) : p;
        });
        return new TranscriptionSettings(url, text(env, "VOICELY_TRANSCRIBE_API_KEY"),
                text(env, "VOICELY_TRANSCRIBE_MODEL").orElse("whisper-1"), model,
                text(env, "VOICELY_TRANSCRIBE_LANGUAGE").orElse("he"));
    }

    /** @return these settings using an OpenAI-compatible server */
    public TranscriptionSettings withServer(URI url, String key, String model) {
        return new TranscriptionSettings(Optional.of(url), Optional.ofNullable(key), model, whisperModel, language);
    }

    /** @return these settings using an in-process whisper.cpp model */
    public TranscriptionSettings withWhisperModel(Path model) {
        return new TranscriptionSettings(serverUrl, apiKey, serverModel, Optional.of(model), language);
    }

    @Override
    public String toString() {
        return "TranscriptionSettings[serverUrl=%s, apiKey=%s, serverModel=%s, whisperModel=%s, language=%s]"
                .formatted(serverUrl.map(URI::toString).orElse("-"), apiKey.isPresent() ? "***" : "-", serverModel,
                        whisperModel.map(Path::toString).orElse("-"), language);
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
