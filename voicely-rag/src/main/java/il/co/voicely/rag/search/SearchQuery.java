package il.co.voicely.rag.search;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What to look for, and in what.
 *
 * <pre>{@code
 * SearchQuery q = SearchQuery.of("תרגילי נשימה").k(5).collection("transcripts")
 *         .teacher(teacherId).between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)).build();
 * }</pre>
 *
 * @param text        the user's words
 * @param k           how many hits to return
 * @param collections empty for every collection the caller may read
 * @param from        lesson date, inclusive; documents without a lesson date do not match a date filter
 * @param to          lesson date, inclusive
 * @param mode        hybrid by default; the single paths exist for tests and diagnostics
 */
public record SearchQuery(String text, int k, Set<String> collections, Optional<UUID> teacherId, Optional<UUID> studentId,
                          Optional<LocalDate> from, Optional<LocalDate> to, Mode mode) {

    /** Which retrieval paths run. */
    public enum Mode { HYBRID, VECTOR, LEXICAL }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k must be 1..1000, was " + k);
        }
        collections = Set.copyOf(collections);
    }

    public static Builder of(String text) {
        return new Builder(text);
    }

    /** Builds a {@link SearchQuery}: k 10, every collection, no filters, hybrid. */
    public static final class Builder {
        private final String text;
        private int k = 10;
        private final Set<String> collections = new LinkedHashSet<>();
        private UUID teacher;
        private UUID student;
        private LocalDate from;
        private LocalDate to;
        private Mode mode = Mode.HYBRID;

        private Builder(String text) {
            this.text = text;
        }

        public Builder k(int k) {
            this.k = k;
            return this;
        }

        public Builder collection(String collection) {
            collections.add(collection);
            return this;
        }

        public Builder teacher(UUID teacher) {
            this.teacher = teacher;
            return this;
        }

        public Builder student(UUID student) {
            this.student = student;
            return this;
        }

        public Builder between(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(text, k, collections, Optional.ofNullable(teacher), Optional.ofNullable(student),
                    Optional.ofNullable(from), Optional.ofNullable(to), mode);
        }
    }
}
