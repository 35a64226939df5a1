package il.co.voicely.rag.chunk;

import java.util.Objects;

/**
 * One timed line of a transcript (an SRT or WebVTT cue, or a segment of a speech-to-text result).
 *
 * @param time when it is said
 * @param text what is said
 */
public record Cue(TimeRange time, String text) {

    public Cue {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
    }

    /** A cue from millisecond offsets. */
    public static Cue of(long startMs, long endMs, String text) {
        return new Cue(new TimeRange(startMs, endMs), text);
    }
}
