package il.co.voicely.rag.assist;

import java.util.Objects;

/**
 * How a message or conversation feels.
 *
 * @param label       frustrated, neutral or positive
 * @param score       -1 (most negative) to 1 (most positive)
 * @param approximate true when the offline lexicon decided, which misses irony, slang and context
 */
public record Sentiment(Label label, double score, boolean approximate) {

    /** The three moods the product shows. */
    public enum Label { FRUSTRATED, NEUTRAL, POSITIVE }

    public Sentiment {
        Objects.requireNonNull(label, "label");
        if (score < -1 || score > 1) {
            throw new IllegalArgumentException("score must be -1..1, was " + score);
        }
    }

    public boolean frustrated() {
        return label == Label.FRUSTRATED;
    }
}
