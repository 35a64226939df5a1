package il.co.voicely.audio.transcribe;

import java.util.List;
import java.util.Objects;

/**
 * What was said, when.
 *
 * @param language the spoken language, ISO-639-1 ({@code he}) where the engine's answer maps to one, else
 *                 as the engine reported it; the requested hint when the engine did not say
 * @param text     the whole text, segments joined
 * @param segments phrases with their times from the start of the recording, in order
 * @param words    word timestamps when the engine was asked for them and gave them, else empty
 */
public record Transcript(String language, String text, List<Segment> segments, List<Word> words) {
    /** Validates and copies the lists. */
    public Transcript {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
        words = List.copyOf(words);
    }

    /**
     * A phrase.
     *
     * @param startMs start, milliseconds from the start of the recording
     * @param endMs   end, milliseconds from the start of the recording
     * @param text    the words, trimmed
     */
    public record Segment(long startMs, long endMs, String text) {
        /** Validates the times. */
        public Segment {
            Objects.requireNonNull(text, "text");
            if (startMs < 0 || endMs < startMs) {
                throw new IllegalArgumentException("segment times " + startMs + "–" + endMs + " ms are not an interval");
            }
        }
    }

    /**
     * A word.
     *
     * @param startMs start, milliseconds from the start of the recording
     * @param endMs   end, milliseconds from the start of the recording
     * @param word    the word, trimmed
     */
    public record Word(long startMs, long endMs, String word) {
        /** Validates the word. */
        public Word {
            Objects.requireNonNull(word, "word");
        }
    }
}
