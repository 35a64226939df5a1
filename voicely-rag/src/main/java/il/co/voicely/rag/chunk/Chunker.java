package il.co.voicely.rag.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts documents into passages of at most a token budget, on sentence boundaries, each starting with the
 * last sentences of the one before it (the overlap) so that an idea split between two chunks is whole in
 * one of them.
 *
 * <pre>{@code
 * Chunker chunker = Chunker.builder().maxTokens(200).overlapTokens(40).build();
 * List<Chunk> chunks = chunker.chunk(text, Map.of("title", "שיעור 12", "teacher", "דנה"));
 * List<Chunk> timed = chunker.chunkTranscript(Subtitles.parse(srt), Map.of());
 * }</pre>
 *
 * <p>A sentence longer than the budget is cut between words. Transcripts are cut between cues, and each
 * chunk keeps the time from its first cue's start to its last cue's end.
 */
public final class Chunker {

    private final int maxTokens;
    private final int overlapTokens;
    private final TokenCounter counter;

    private Chunker(Builder b) {
        this.maxTokens = b.maxTokens;
        this.overlapTokens = b.overlapTokens;
        this.counter = b.counter;
    }

    /** A builder with a 256-token budget, 32 tokens of overlap and {@link TokenCounter#approximate()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults of {@link #builder()}. */
    public static Chunker defaults() {
        return builder().build();
    }

    /** Chunks plain text (already extracted from its file format). */
    public List<Chunk> chunk(String text, Map<String, String> metadata) {
        List<Unit> units = new ArrayList<>();
        for (String sentence : Sentences.split(HebrewText.normalise(text))) {
            addUnit(units, sentence, null);
        }
        return assemble(units, metadata);
    }

    /** Chunks a transcript, keeping the time span of each chunk. */
    public List<Chunk> chunkTranscript(List<Cue> cues, Map<String, String> metadata) {
        List<Unit> units = new ArrayList<>();
        for (Cue cue : cues) {
            String text = HebrewText.normalise(cue.text()).replace('\n', ' ');
            if (!text.isBlank()) {
                addUnit(units, text, cue.time());
            }
        }
        return assemble(units, metadata);
    }

    private void addUnit(List<Unit> units, String text, TimeRange time) {
        int tokens = counter.count(text);
        if (tokens <= maxTokens) {
            units.add(new Unit(text, tokens, time));
            return;
        }
        // Too long for one chunk: cut between words.
        StringBuilder piece = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = piece.isEmpty() ? word : piece + " " + word;
            if (!piece.isEmpty() && counter.count(candidate) > maxTokens) {
                units.add(new Unit(piece.toString(), counter.count(piece.toString()), time));
                piece.setLength(0);
                piece.append(word);
            } else {
                piece.setLength(0);
                piece.append(candidate);
            }
        }
        if (!piece.isEmpty()) {
            units.add(new Unit(piece.toString(), counter.count(piece.toString()), time));
        }
    }

    private List<Chunk> assemble(List<Unit> units, Map<String, String> metadata) {
        List<Chunk> chunks = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int tokens = 0;
        int fresh = 0; // units in current that no earlier chunk holds
        for (Unit unit : units) {
            if (!current.isEmpty() && tokens + unit.tokens() > maxTokens) {
                chunks.add(toChunk(chunks.size(), current, metadata));
                List<Unit> overlap = overlap(current, unit.tokens());
                current = new ArrayList<>(overlap);
                tokens = overlap.stream().mapToInt(Unit::tokens).sum();
                fresh = 0;
            }
            current.add(unit);
            tokens += unit.tokens();
            fresh++;
        }
        if (fresh > 0) {
            chunks.add(toChunk(chunks.size(), current, metadata));
        }
        return List.copyOf(chunks);
    }

    /** The trailing units of {@code previous} that fit in the overlap and still leave room for the next unit. */
    private List<Unit> overlap(List<Unit> previous, int nextTokens) {
        List<Unit> tail = new ArrayList<>();
        int tokens = 0;
        for (int i = previous.size() - 1; i > 0; i--) {
            Unit u = previous.get(i);
            if (tokens + u.tokens() > overlapTokens || tokens + u.tokens() + nextTokens > maxTokens) {
                break;
            }
            tail.addFirst(u);
            tokens += u.tokens();
        }
        return tail;
    }

    private Chunk toChunk(int ordinal, List<Unit> units, Map<String, String> metadata) {
        String text = String.join(" ", units.stream().map(Unit::text).toList());
        Optional<TimeRange> time = Optional.empty();
        Unit first = units.getFirst();
        Unit last = units.getLast();
        if (first.time() != null && last.time() != null) {
            time = Optional.of(new TimeRange(first.time().startMs(), Math.max(first.time().startMs(), last.time().endMs())));
        }
        return new Chunk(ordinal, text, counter.count(text), time, metadata);
    }

    private record Unit(String text, int tokens, TimeRange time) {
    }

    /** Settings of a {@link Chunker}. */
    public static final class Builder {
        private int maxTokens = 256;
        private int overlapTokens = 32;
        private TokenCounter counter = TokenCounter.approximate();

        private Builder() {
        }

        /** The most tokens a chunk may hold (the embedding model's window, or less). */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 8) {
                throw new IllegalArgumentException("maxTokens must be at least 8, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /** How many tokens of trailing sentences a chunk repeats from the one before; 0 for none. */
        public Builder overlapTokens(int overlapTokens) {
            if (overlapTokens < 0) {
                throw new IllegalArgumentException("overlapTokens must not be negative, was " + overlapTokens);
            }
            this.overlapTokens = overlapTokens;
            return this;
        }

        /** How text is measured. */
        public Builder tokenCounter(TokenCounter counter) {
            this.counter = Objects.requireNonNull(counter, "counter");
            return this;
        }

        public Chunker build() {
            if (overlapTokens >= maxTokens) {
                throw new IllegalArgumentException("overlapTokens (" + overlapTokens + ") must be less than maxTokens (" + maxTokens + ")");
            }
            return new Chunker(this);
        }
    }
}
