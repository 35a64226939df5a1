package il.co.voicely.rag.search;

import il.co.voicely.rag.chunk.TimeRange;
import java.util.Optional;

/**
 * Where a hit comes from, to show under an answer: the document's title, its link (page URL, Drive link,
 * file path) and, for transcripts, the moment in the lesson.
 */
public record Citation(String title, Optional<String> uri, Optional<TimeRange> time) {

    /** "title (uri) @ m:ss", for plain-text answers. */
    public String label() {
        StringBuilder b = new StringBuilder(title);
        uri.ifPresent(u -> b.append(" (").append(u).append(')'));
        time.ifPresent(t -> b.append(" @ ").append(t.startMs() / 60_000).append(':')
                .append(String.format("%02d", t.startMs() / 1000 % 60)));
        return b.toString();
    }
}
