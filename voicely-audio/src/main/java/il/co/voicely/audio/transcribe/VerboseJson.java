package il.co.voicely.audio.transcribe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code verbose_json} answer of {@code /audio/transcriptions} (and the plain {@code json} one). */
final class VerboseJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LANGUAGE_CODES = languageCodes();

    record Chunk(Optional<String> language, String text, List<Transcript.Segment> segments, List<Transcript.Word> words) {
    }

    private VerboseJson() {
    }

    /**
     * @param chunkMs the chunk's length, the span given to a text that came without segments (plain
     *                {@code json} from servers that ignore {@code verbose_json})
     */
    static Chunk parse(String body, long chunkMs, URI from) throws TranscriptionException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TranscriptionException("%s answered 200 with something that is not JSON: %s"
                    .formatted(from, abbreviate(body)), 200, e);
        }
        if (root == null || !root.isObject() || !root.path("text").isTextual()) {
            throw new TranscriptionException("%s answered 200 without a transcription 'text': %s"
                    .formatted(from, abbreviate(body)), 200, null);
        }
        String text = root.get("text").asText();
        List<Transcript.Segment> segments = new ArrayList<>();
        for (JsonNode s : root.path("segments")) {
            long start = millis(s.path("start"));
            segments.add(new Transcript.Segment(start, Math.max(start, millis(s.path("end"))), s.path("text").asText("").strip()));
        }
        if (segments.isEmpty() && !text.isBlank()) {
            segments.add(new Transcript.Segment(0, chunkMs, text.strip()));
        }
        List<Transcript.Word> words = new ArrayList<>();
        for (JsonNode w : root.path("words")) {
            long start = millis(w.path("start"));
            words.add(new Transcript.Word(start, Math.max(start, millis(w.path("end"))), w.path("word").asText("").strip()));
        }
        Optional<String> language = root.path("language").isTextual()
                ? Optional.of(isoLanguage(root.get("language").asText())) : Optional.empty();
        return new Chunk(language, text, segments, words);
    }

    /** The server's own words about an error: OpenAI's {@code error.message}, FastAPI's {@code detail}, or the body. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root.path("error").path("message").isTextual()) {
                return root.path("error").path("message").asText();
            }
            if (root.path("error").isTextual()) {
                return root.path("error").asText();
            }
            if (root.path("detail").isTextual()) {
                return root.path("detail").asText();
            }
        } catch (JsonProcessingException notJson) {
            // fall through to the raw body
        }
        return abbreviate(body);
    }

    /** OpenAI reports {@code "hebrew"} where faster-whisper says {@code "he"}: answer ISO-639-1 when the name is known. */
    static String isoLanguage(String reported) {
        String name = reported.strip().toLowerCase(Locale.ROOT);
        return LANGUAGE_CODES.getOrDefault(name, reported.strip());
    }

    private static Map<String, String> languageCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            codes.putIfAbsent(Locale.of(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        return Map.copyOf(codes);
    }

    private static long millis(JsonNode seconds) {
        return Math.max(0, Math.round(seconds.asDouble(0) * 1000));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }
}
