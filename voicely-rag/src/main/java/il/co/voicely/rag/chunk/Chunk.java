package il.co.voicely.rag.chunk;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A passage of a document small enough to embed and to show as a search hit.
 *
 * @param ordinal    position in the document, from 0
 * @param text       the normalised text (niqqud and direction marks removed)
 * @param tokenCount its size as the chunker's {@link TokenCounter} measured it
 * @param time       for transcripts, where the passage is in the recording
 * @param metadata   the document's metadata (teacher, student, lesson date, source URL, title...), on every chunk
 */
public record Chunk(int ordinal, String text, int tokenCount, Optional<TimeRange> time, Map<String, String> metadata) {

    public Chunk {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
        metadata = Map.copyOf(metadata);
    }
}
