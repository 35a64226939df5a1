package il.co.voicely.rag.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pgvector.PGvector;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.chunk.HebrewText;
import il.co.voicely.rag.chunk.TimeRange;
import il.co.voicely.rag.embed.EmbeddingModel;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Finds passages by meaning and by words at once: a pgvector HNSW (cosine) query and a PostgreSQL
 * full-text query over Hebrew-folded terms, fused by reciprocal rank (score = Σ 1/(60 + rank)).
 *
 * <pre>{@code
 * HybridSearch search = new HybridSearch(database, LocalEmbeddingModel.bundled());
 * List<SearchHit> hits = search.search(SessionContext.anonymous(), SearchQuery.of("שיעורי פיתוח קול").k(5).build());
 * hits.forEach(h -> System.out.println(h.rank() + " " + h.citation().label() + "\n  " + h.snippet()));
 * }</pre>
 *
 * <p>It runs in the caller's context, so row-level security decides what they may find (a student only
 * their own lesson transcripts, a visitor only the website). Filters apply inside both paths; with HNSW
 * that alone could return fewer than k rows (the index yields ef_search candidates, then the filter drops
 * some), so iterative index scans are switched on ({@code hnsw.iterative_scan = relaxed_order}, pgvector
 * 0.8) and the candidates re-sorted by distance. Every search is recorded in {@code search_history}.
 */
public final class HybridSearch {

    /** The k constant of reciprocal rank fusion from Cormack et al. (2009); damps the weight of top ranks. */
    private static final int RRF_K = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FILTERS = """
              and (:anyCollection or d.collection = any(:collections))
              and (cast(:teacher as uuid) is null or d.teacher_id = cast(:teacher as uuid))
              and (cast(:student as uuid) is null or d.student_id = cast(:student as uuid))
              and (cast(:fromDate as date) is null or d.lesson_date >= cast(:fromDate as date))
              and (cast(:toDate as date) is null or d.lesson_date <= cast(:toDate as date))
            """;

    private static final String SQL = """
            with vector_candidates as materialized (
                select c.id, c.embedding <=> cast(:vector as vector) as distance
                from rag_chunks c join rag_documents d on d.id = c.document_id
                where :useVector and c.embedding is not null and c.embedding_model = :model
            """ + FILTERS + """
                order by c.embedding <=> cast(:vector as vector)
                limit :depth
            ), vector_ranked as (
                select id, row_number() over (order by distance, id) as r from vector_candidates
            ), lexical_ranked as (
                select id, row_number() over (order by rank desc, id) as r
                from (
                    select c.id, ts_rank(c.lexical, to_tsquery('simple', :tsquery)) as rank
                    from rag_chunks c join rag_documents d on d.id = c.document_id
                    where :useLexical and c.lexical @@ to_tsquery('simple', :tsquery)
            """ + FILTERS + """
                    order by rank desc, c.id
                    limit :depth
                ) l
            ), fused as (
                select id, sum(1.0 / (:rrfK + r)) as score
                from (select id, r from vector_ranked union all select id, r from lexical_ranked) u
                group by id
            )
            select c.id, c.document_id, c.text, c.start_ms, c.end_ms, d.collection, d.external_id, d.title, d.uri,
                   d.metadata::text as metadata, f.score
            from fused f join rag_chunks c on c.id = f.id join rag_documents d on d.id = c.document_id
            order by f.score desc, c.id
            limit :k
            """;

    /** Folded Hebrew and English function words. */
    private static final Set<String> STOPWORDS = Set.of(
            "של", "את", "על", "עמ", "זה", "זו", "זאת", "הוא", "היא", "הם", "הנ", "אני", "אתה", "אנחנו", "אתמ", "לא", "כנ",
            "גמ", "או", "כל", "מה", "יש", "אינ", "אמ", "כי", "אבל", "רק", "עוד", "אל", "מי", "איכ", "למה", "מתי", "איפה",
            "שלי", "שלכמ", "לי", "לכ", "לו", "לה", "בו", "בה", "היה", "הייתה", "יהיה", "אשר", "כמו", "כמה", "מאוד", "אצל",
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
            "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "you", "he", "she",
            "we", "they", "me", "my", "your", "our", "their", "do", "does", "did", "how", "what", "when", "where", "why",
            "who", "which", "can", "could", "should", "would", "will", "not", "no", "so", "if", "about", "into", "than");

    private final Database db;
    private final EmbeddingModel model;

    public HybridSearch(Database db, EmbeddingModel model) {
        this.db = Objects.requireNonNull(db, "db");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The best {@code query.k()} passages {@code context} may read, best first. */
    public List<SearchHit> search(SessionContext context, SearchQuery query) {
        Set<String> terms = queryTerms(query.text());
        boolean useLexical = query.mode() != SearchQuery.Mode.VECTOR && !terms.isEmpty();
        boolean useVector = query.mode() != SearchQuery.Mode.LEXICAL && !HebrewText.words(query.text()).isEmpty();
        float[] vector = useVector ? model.embed(HebrewText.normalise(query.text())) : new float[model.dimensions()];
        return db.inContext(context, h -> {
            // Both settings end with the transaction (is_local = true), in one round trip. Which path runs and
            // which filters are set change the best plan; a generic plan cached for the prepared statement
            // can lose the GIN or HNSW index (seen: 13 ms becoming 920 ms at 20k chunks).
            h.createQuery("select set_config('hnsw.iterative_scan', 'relaxed_order', true) as iterative_scan, "
                    + "set_config('plan_cache_mode', 'force_custom_plan', true) as plan_cache_mode").mapToMap().one();
            List<SearchHit> hits = run(h, query, terms, useVector, useLexical, vector);
            record(h, context, query, hits.size());
            return hits;
        });
    }

    private List<SearchHit> run(Handle h, SearchQuery q, Set<String> terms, boolean useVector, boolean useLexical, float[] vector) {
        Query stmt = h.createQuery(SQL)
                .bind("useVector", useVector).bind("useLexical", useLexical)
                .bind("vector", new PGvector(vector).toString()).bind("model", model.name())
                .bind("tsquery", useLexical ? String.join(" | ", terms) : "")
                .bind("depth", Math.max(50, q.k() * 4)).bind("rrfK", RRF_K).bind("k", q.k())
                .bind("anyCollection", q.collections().isEmpty())
                .bindArray("collections", String.class, List.copyOf(q.collections()))
                .bind("teacher", q.teacherId().map(UUID::toString).orElse(null))
                .bind("student", q.studentId().map(UUID::toString).orElse(null))
                .bind("fromDate", q.from().map(LocalDate::toString).orElse(null))
                .bind("toDate", q.to().map(LocalDate::toString).orElse(null));
        List<SearchHit> hits = new ArrayList<>();
        stmt.map((rs, ctx) -> {
            String text = rs.getString("text");
            Optional<TimeRange> time = rs.getObject("start_ms") == null ? Optional.empty()
                    : Optional.of(new TimeRange(rs.getInt("start_ms"), rs.getObject("end_ms") == null ? rs.getInt("start_ms") : rs.getInt("end_ms")));
            String externalId = rs.getString("external_id");
            String title = Optional.ofNullable(rs.getString("title")).orElse(externalId);
            return new SearchHit(hits.size() + 1, rs.getLong("id"), rs.getObject("document_id", UUID.class),
                    rs.getString("collection"), externalId, text, Snippets.highlight(text, terms), rs.getDouble("score"),
                    new Citation(title, Optional.ofNullable(rs.getString("uri")), time), metadata(rs.getString("metadata")));
        }).forEach(hits::add);
        return hits;
    }

    /**
     * Each query word in all its forms (folded, prefixes read off), as to_tsquery terms of letters and digits
     * only. Function words are left out while content words remain: 'simple' has no stop list, and "how do
     * I breathe" would otherwise rank nearly every chunk for "how", "do" and "i".
     */
    static Set<String> queryTerms(String text) {
        List<String> words = HebrewText.words(text);
        List<String> content = words.stream().filter(w -> !STOPWORDS.contains(HebrewText.fold(w))).toList();
        Set<String> terms = new LinkedHashSet<>();
        for (String word : content.isEmpty() ? words : content) {
            for (String form : HebrewText.forms(word)) {
                // Only letters and digits reach to_tsquery, so no query text can be read as an operator.
                String clean = form.replaceAll("[^\\p{L}\\p{N}]", "");
                if (!clean.isEmpty()) {
                    terms.add(clean);
                }
            }
        }
        return terms;
    }

    private static void record(Handle h, SessionContext context, SearchQuery q, int results) {
        Map<String, Object> filters = new LinkedHashMap<>();
        if (!q.collections().isEmpty()) {
            filters.put("collections", q.collections().stream().sorted().toList());
        }
        q.teacherId().ifPresent(t -> filters.put("teacher_id", t.toString()));
        q.studentId().ifPresent(s -> filters.put("student_id", s.toString()));
        q.from().ifPresent(d -> filters.put("from", d.toString()));
        q.to().ifPresent(d -> filters.put("to", d.toString()));
        filters.put("k", q.k());
        h.createUpdate("""
                        insert into search_history (user_id, query, collection, filters, result_count)
                        values (cast(:user as uuid), :query, :collection, cast(:filters as jsonb), :results)""")
                .bind("user", context.userId().map(UUID::toString).orElse(null))
                .bind("query", q.text())
                .bind("collection", q.collections().size() == 1 ? q.collections().iterator().next() : null)
                .bind("filters", json(filters)).bind("results", results)
                .execute();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> metadata(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
