package il.co.voicely.audio.transcribe;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a recording into a {@link Transcript} with timestamps.
 *
 * <pre>{@code
 * Transcriber transcriber = Transcribers.create(TranscriptionSettings.fromEnvironment(System.getenv()));
 * if (transcriber.available()) {
 *     Transcript t = transcriber.transcribe(Path.of("lesson.webm"));   // any format AudioDecoder reads
 *     t.segments().forEach(s -> System.out.println(s.startMs() + " " + s.text()));
 * } else {
 *     System.out.println(transcriber.description());                   // "transcription is not configured: …"
 * }
 * }</pre>
 *
 * Implementations never invent text: when they cannot transcribe they throw.
 */
public interface Transcriber {
    /**
     * Transcribes one recording of any length.
     *
     * @throws TranscriberUnavailableException no engine is configured or it cannot be loaded
     * @throws TranscriptionException          the engine refused or failed (the subtype says why)
     * @throws il.co.voicely.audio.decode.AudioDecodeException the file is not decodable audio
     * @throws IOException                     the file cannot be read
     */
    Transcript transcribe(Path audio) throws IOException;

    /** @return what transcribes, for logs and admin pages, e.g. {@code OpenAI-compatible https://api.openai.com (whisper-1)} */
    String description();

    /** @return false when {@link #transcribe} can only throw {@link TranscriberUnavailableException} */
    default boolean available() {
        return true;
    }
}
