package il.co.voicely.rag.store;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A source document as the index knows it: where it came from and who it concerns. Its text lives in its
 * chunks.
 *
 * <pre>{@code
 * Document doc = Document.builder("transcripts", "lessons", recordingId.toString())
 *         .title("שיעור 12 — נשימה").teacher(teacherId).student(studentId).lessonDate(date).build();
 * }</pre>
 *
 * @param collection  a built-in collection ({@link #COLLECTIONS}) or a name of lower-case letters, digits, {@code -}
 *                    and {@code _}; named collections are read like {@code files} (signed-in users and staff)
 * @param source      where it came from: a Drive folder, a site root, {@code lessons}, a local folder
 * @param externalId  the source's own id (Drive file id, canonical URL, relative path)
 */
public record Document(String collection, String source, String externalId, Optional<String> uri, Optional<String> title,
                       Optional<String> mimeType, Optional<String> language, Map<String, String> metadata,
                       Optional<UUID> teacherId, Optional<UUID> studentId, Optional<LocalDate> lessonDate) {

    /** The built-in collections: {@code website} is public, {@code transcripts} for staff and the student concerned. */
    public static final Set<String> COLLECTIONS = Set.of("transcripts", "website", "drive", "files");

    public Document {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        if (collection == null || !collection.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw new IllegalArgumentException("collection must be lower-case letters, digits, '-' and '_' (e.g. "
                    + COLLECTIONS + "), was '" + collection + "'");
        }
        metadata = Map.copyOf(metadata);
    }

    public static Builder builder(String collection, String source, String externalId) {
        return new Builder(collection, source, externalId);
    }

    /** Builds a {@link Document}; everything but the identity is optional. */
    public static final class Builder {
        private final String collection;
        private final String source;
        private final String externalId;
        private String uri;
        private String title;
        private String mimeType;
        private String language;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private UUID teacher;
        private UUID student;
        private LocalDate lessonDate;

        private Builder(String collection, String source, String externalId) {
            this.collection = collection;
            this.source = source;
            this.externalId = externalId;
        }

        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public Builder metadata(Map<String, String> values) {
            metadata.putAll(values);
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

        public Builder lessonDate(LocalDate lessonDate) {
            this.lessonDate = lessonDate;
            return this;
        }

        public Document build() {
            return new Document(collection, source, externalId, Optional.ofNullable(uri), Optional.ofNullable(title),
                    Optional.ofNullable(mimeType), Optional.ofNullable(language), metadata, Optional.ofNullable(teacher),
                    Optional.ofNullable(student), Optional.ofNullable(lessonDate));
        }
    }
}
