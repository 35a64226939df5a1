package il.co.voicely.rag.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pgvector.PGvector;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.chunk.Chunk;
import il.co.voicely.rag.chunk.HebrewText;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.EmbeddingCache;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes documents and their embedded chunks to {@code rag_documents} / {@code rag_chunks}.
 *
 * <pre>{@code
 * DocumentStore store = new DocumentStore(database, new Embedder(LocalEmbeddingModel.bundled(), 32));
 * IndexResult r = store.index(SessionContext.system(), doc, Chunker.defaults().chunk(text, Map.of()));
 * }</pre>
 *
 * <p>Re-indexing is cheap when little changed: a document whose chunks hash to what is stored is left
 * alone, and a chunk whose text any stored chunk already has (same model) takes that vector instead of
 * calling the model. Writes need a staff or system context (row-level security).
 */
public final class DocumentStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Embedder embedder;

    /**
     * @throws IllegalArgumentException when the model's vectors do not fit the {@code embedding} column
     */
    public DocumentStore(Database db, Embedder embedder) {
        this.db = Objects.requireNonNull(db, "db");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        int column = db.inContext(SessionContext.system(), h -> h.createQuery("""
                        select atttypmod from pg_attribute where attrelid = 'rag_chunks'::regclass and attname = 'embedding'""")
                .mapTo(int.class).one());
        int dims = embedder.model().dimensions();
        if (column > 0 && column != dims) {
            throw new IllegalArgumentException("embedding model '" + embedder.model().name() + "' gives " + dims
                    + " dimensions but rag_chunks.embedding holds " + column + "; use a " + column
                    + "-dimension model (or ask the server for " + column + ", e.g. OpenAI 'dimensions') or migrate the column");
        }
    }

    /** Replaces what the index holds for {@code doc} with {@code chunks}, embedding only new texts. */
    public IndexResult index(SessionContext context, Document doc, List<Chunk> chunks) {
        String model = embedder.model().name();
        String hash = documentHash(doc, chunks, model);
        Optional<UUID> unchanged = db.inContext(context, h -> h.createQuery("""
                        select id from rag_documents
                        where collection = :collection and source = :source and external_id = :externalId and content_hash = :hash""")
                .bind("collection", doc.collection()).bind("source", doc.source()).bind("externalId", doc.externalId())
                .bind("hash", hash).mapTo(UUID.class).findOne());
        if (unchanged.isPresent()) {
            return new IndexResult(unchanged.get(), true, chunks.size(), 0, 0);
        }
        List<String> texts = chunks.stream().map(Chunk::text).toList();
        int[] reused = {0};
        EmbeddingCache cache = hashes -> {
            Map<String, float[]> hit = lookup(context, model, hashes);
            reused[0] = hit.size();
            return hit;
        };
        List<float[]> vectors = embedder.embed(texts, cache);
        int distinct = (int) texts.stream().map(Embedder::contentHash).distinct().count();
        UUID id = db.inContext(context, h -> {
            UUID docId = upsertDocument(h, doc, hash);
            h.createUpdate("delete from rag_chunks where document_id = :id").bind("id", docId).execute();
            insertChunks(h, docId, chunks, vectors, model);
            return docId;
        });
        return new IndexResult(id, false, chunks.size(), distinct - reused[0], chunks.size() - (distinct - reused[0]));
    }

    /**
     * Re-embeds up to {@code limit} chunks that another model embedded (or none did), e.g. after switching
     * models; call it from a background job until it returns 0. Searches keep working meanwhile: the
     * lexical path sees every chunk, the vector path the chunks the current model has embedded.
     *
     * @return how many chunks were re-embedded
     */
    public int reembedStale(SessionContext context, int limit) {
        String model = embedder.model().name();
        List<Map.Entry<Long, String>> stale = db.inContext(context, h -> h.createQuery("""
                        select id, text from rag_chunks
                        where embedding_model is distinct from :model
                        order by id limit :limit""")
                .bind("model", model).bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("text"))).list());
        if (stale.isEmpty()) {
            return 0;
        }
        List<String> texts = stale.stream().map(Map.Entry::getValue).toList();
        List<float[]> vectors = embedder.embed(texts, hashes -> lookup(context, model, hashes));
        db.useContext(context, h -> {
            PreparedBatch batch = h.prepareBatch("""
                    update rag_chunks set embedding = cast(:embedding as vector), embedding_model = :model, content_hash = :hash
                    where id = :id""");
            for (int i = 0; i < stale.size(); i++) {
                batch.bind("embedding", new PGvector(vectors.get(i)).toString()).bind("model", model)
                        .bind("hash", Embedder.contentHash(texts.get(i))).bind("id", stale.get(i).getKey()).add();
            }
            batch.execute();
        });
        return stale.size();
    }

    /** Removes a document and its chunks; false when it was not indexed. */
    public boolean delete(SessionContext context, String collection, String source, String externalId) {
        return db.inContext(context, h -> h.createUpdate(
                        "delete from rag_documents where collection = :c and source = :s and external_id = :e")
                .bind("c", collection).bind("s", source).bind("e", externalId).execute()) > 0;
    }

    /** The external ids indexed from {@code source} in {@code collection}, to find what disappeared from it. */
    public List<String> externalIds(SessionContext context, String collection, String source) {
        return db.inContext(context, h -> h.createQuery(
                        "select external_id from rag_documents where collection = :c and source = :s order by external_id")
                .bind("c", collection).bind("s", source).mapTo(String.class).list());
    }

    private Map<String, float[]> lookup(SessionContext context, String model, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        return db.inContext(context, h -> {
            Map<String, float[]> out = new HashMap<>();
            h.createQuery("""
                            select distinct on (content_hash) content_hash, embedding::text as embedding
                            from rag_chunks
                            where embedding_model = :model and content_hash = any(:hashes) and embedding is not null""")
                    .bind("model", model).bindArray("hashes", String.class, List.copyOf(hashes))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), parse(e.getValue())));
            return out;
        });
    }

    private static String json(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static float[] parse(String vector) {
        try {
            return new PGvector(vector).toArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("unreadable vector from the database", e);
        }
    }

    private static UUID upsertDocument(Handle h, Document doc, String hash) {
        return h.createQuery("""
                        insert into rag_documents (collection, source, external_id, uri, title, mime_type, language, metadata,
                                                   content_hash, teacher_id, student_id, lesson_date)
                        values (:collection, :source, :externalId, :uri, :title, :mimeType, :language, cast(:metadata as jsonb),
                                :hash, cast(:teacher as uuid), cast(:student as uuid), cast(:lessonDate as date))
                        on conflict (collection, source, external_id) do update set
                            uri = excluded.uri, title = excluded.title, mime_type = excluded.mime_type,
                            language = excluded.language, metadata = excluded.metadata, content_hash = excluded.content_hash,
                            teacher_id = excluded.teacher_id, student_id = excluded.student_id, lesson_date = excluded.lesson_date
                        returning id""")
                .bind("collection", doc.collection()).bind("source", doc.source()).bind("externalId", doc.externalId())
                .bind("uri", doc.uri().orElse(null)).bind("title", doc.title().orElse(null))
                .bind("mimeType", doc.mimeType().orElse(null)).bind("language", doc.language().orElse(null))
                .bind("metadata", json(doc.metadata())).bind("hash", hash)
                .bind("teacher", doc.teacherId().map(UUID::toString).orElse(null))
                .bind("student", doc.studentId().map(UUID::toString).orElse(null))
                .bind("lessonDate", doc.lessonDate().map(LocalDate::toString).orElse(null))
                .mapTo(UUID.class).one();
    }

    private static void insertChunks(Handle h, UUID docId, List<Chunk> chunks, List<float[]> vectors, String model) {
        PreparedBatch batch = h.prepareBatch("""
                insert into rag_chunks (document_id, ordinal, text, token_count, start_ms, end_ms, embedding, embedding_model,
                                        content_hash, lexical_text)
                values (:doc, :ordinal, :text, :tokens, :startMs, :endMs, cast(:embedding as vector), :model, :hash, :lexical)""");
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            batch.bind("doc", docId).bind("ordinal", i).bind("text", c.text()).bind("tokens", c.tokenCount())
                    .bind("startMs", c.time().map(t -> (Integer) Math.toIntExact(t.startMs())).orElse(null))
                    .bind("endMs", c.time().map(t -> (Integer) Math.toIntExact(t.endMs())).orElse(null))
                    .bind("embedding", new PGvector(vectors.get(i)).toString()).bind("model", model)
                    .bind("hash", Embedder.contentHash(c.text()))
                    .bind("lexical", String.join(" ", HebrewText.indexTerms(c.text())))
                    .add();
        }
        if (!chunks.isEmpty()) {
            batch.execute();
        }
    }

    /** Everything that, changed, must reach the index: a rename or a new teacher too, not only new text. */
    private static String documentHash(Document doc, List<Chunk> chunks, String model) {
        List<String> parts = new ArrayList<>();
        parts.add(model);
        parts.add(String.join("\u0000", doc.uri().orElse(""), doc.title().orElse(""), doc.mimeType().orElse(""),
                doc.language().orElse(""), new java.util.TreeMap<>(doc.metadata()).toString(), String.valueOf(doc.teacherId()),
                String.valueOf(doc.studentId()), String.valueOf(doc.lessonDate())));
        for (Chunk c : chunks) {
            parts.add(c.time().map(t -> t.startMs() + "-" + t.endMs()).orElse("") + "\u0000" + c.text());
        }
        return Embedder.contentHash(String.join("\u0001", parts));
    }
}
