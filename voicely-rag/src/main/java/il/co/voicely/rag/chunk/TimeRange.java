package il.co.voicely.rag.chunk;

/**
 * Where a piece of a transcript sits in its recording, so a search hit can link to that moment.
 *
 * @param startMs offset of the first word, in milliseconds
 * @param endMs   offset of the end of the last word, in milliseconds
 */
public record TimeRange(long startMs, long endMs) {

    public TimeRange {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("invalid time range " + startMs + ".." + endMs + " ms");
        }
    }
}
