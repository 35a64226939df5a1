package il.co.voicely.bench.rag;

import com.pgvector.PGvector;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.postgres.LocalPostgres;
import il.co.voicely.core.postgres.LocalPostgresSettings;
import il.co.voicely.rag.embed.EmbeddingModel;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.search.HybridSearch;
import il.co.voicely.rag.search.SearchQuery;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Measures, on a private PostgreSQL cluster: HNSW build time for N chunks of 384 dimensions, p50/p95 of
 * the vector query and of {@link HybridSearch} (query embedding excluded), recall@10 of HNSW against exact
 * search at several ef_search values, and the bundled model's embedding throughput.
 *
 * <p>Vectors are drawn around 2,000 random centroids (embeddings of real text cluster; uniform random
 * vectors would understate HNSW recall), texts from a 20,000-word synthetic vocabulary.
 * Usage: {@code RagBench [chunks=100000] [queries=200]}.
 */
public final class RagBench {

    static final int DIMS = 384;
    static final int CENTROIDS = 2000;
    static final int VOCABULARY = 20_000;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random random = new Random(42);
        float[][] centroids = new float[CENTROIDS][];
        for (int i = 0; i < CENTROIDS; i++) {
            centroids[i] = gaussian(random, 1.0);
        }
        // Readable by the postgres account that runs the server when this runs as root.
        Path dir = Files.createTempDirectory("voicely-bench-pg-",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        try (LocalPostgres pg = LocalPostgres.start(new LocalPostgresSettings(dir, java.util.Optional.empty(), "postgres",
                Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
                        "shared_buffers", "1GB", "maintenance_work_mem", "2GB", "max_parallel_maintenance_workers", "2")));
             Database db = Database.open(new DatabaseSettings(pg.jdbcUrl(LocalPostgresSettings.DATABASE), pg.ownerUser(),
                     pg.ownerPassword(), pg.appUser(), pg.appPassword(), 2))) {
            List<float[]> qs = new ArrayList<>();
            try (Connection c = pg.connectAsOwner(LocalPostgresSettings.DATABASE)) {
                load(c, n, centroids, random);
                long start = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    st.execute("create index rag_chunks_embedding_hnsw on rag_chunks using hnsw (embedding vector_cosine_ops)");
                }
                System.out.printf("chunks: %,d  HNSW build (m=16, ef_construction=64, 2 workers): %.1f s%n", n, (System.nanoTime() - start) / 1e9);
                try (Statement st = c.createStatement()) {
                    // Steady state: autovacuum would have merged the GIN pending list that COPY filled.
                    st.execute("vacuum analyze rag_chunks");
                    st.execute("vacuum analyze rag_documents");
                }
                qs.addAll(qs(centroids, random, queries));
                recall(c, qs);
            }
            latency(db, qs, random);
            if (Boolean.getBoolean("explain")) {
                explain(db, qs.getFirst());
            }
        } finally {
            deleteQuietly(dir);
        }
        embeddingThroughput();
    }

    static List<float[]> qs(float[][] centroids, Random random, int queries) {
        List<float[]> qs = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            qs.add(noisy(centroids[random.nextInt(CENTROIDS)], random, 0.35));
        }
        return qs;
    }

    static void load(Connection c, int n, float[][] centroids, Random random) throws Exception {
        long start = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("drop index rag_chunks_embedding_hnsw");
        }
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        int perDoc = 100;
        StringBuilder docs = new StringBuilder();
        List<UUID> ids = new ArrayList<>();
        for (int d = 0; d < (n + perDoc - 1) / perDoc; d++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            docs.append(id).append('\t').append(d % 10 == 0 ? "drive" : "website").append("\tbench\tdoc-").append(d).append('\n');
        }
        copy.copyIn("copy rag_documents (id, collection, source, external_id) from stdin", new StringReader(docs.toString()));
        int batch = 5000;
        for (int from = 0; from < n; from += batch) {
            StringBuilder rows = new StringBuilder();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 40; w++) {
                    text.append(w == 0 ? "" : " ").append("w").append((int) Math.abs(random.nextGaussian() * VOCABULARY / 4) % VOCABULARY);
                }
                float[] v = noisy(centroids[random.nextInt(CENTROIDS)], random, 0.35);
                rows.append(ids.get(i / perDoc)).append('\t').append(i % perDoc).append('\t').append(text).append('\t')
                        .append(text).append('\t').append(new PGvector(v)).append("\tbench\n");
            }
            copy.copyIn("copy rag_chunks (document_id, ordinal, text, lexical_text, embedding, embedding_model) from stdin",
                    new StringReader(rows.toString()));
        }
        System.out.printf("load (COPY): %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    static void recall(Connection c, List<float[]> qs) throws Exception {
        List<Set<Long>> exact = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("set enable_indexscan = off");
            for (float[] q : qs) {
                exact.add(top10(st, q));
            }
            st.execute("set enable_indexscan = on");
            for (int ef : new int[] {40, 64, 100, 200}) {
                st.execute("set hnsw.ef_search = " + ef);
                double hit = 0;
                long[] nanos = new long[qs.size()];
                for (int i = 0; i < qs.size(); i++) {
                    long t = System.nanoTime();
                    Set<Long> got = top10(st, qs.get(i));
                    nanos[i] = System.nanoTime() - t;
                    got.retainAll(exact.get(i));
                    hit += got.size() / 10.0;
                }
                Arrays.sort(nanos);
                System.out.printf("vector top-10, ef_search=%d: recall@10 %.3f, p50 %.1f ms, p95 %.1f ms%n", ef, hit / qs.size(),
                        nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6);
            }
        }
    }

    static Set<Long> top10(Statement st, float[] q) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (ResultSet rs = st.executeQuery("select id from rag_chunks order by embedding <=> '" + new PGvector(q) + "' limit 10")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** HybridSearch end to end through the application role and RLS, with the query vector precomputed. */
    static void latency(Database db, List<float[]> qs, Random random) {
        int[] next = {0};
        EmbeddingModel fixed = new EmbeddingModel() {
            @Override
            public String name() {
                return "bench";
            }

            @Override
            public int dimensions() {
                return DIMS;
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(t -> qs.get(next[0]++ % qs.size())).toList();
            }
        };
        HybridSearch search = new HybridSearch(db, fixed);
        for (String label : new String[] {"vector only", "lexical only", "hybrid", "hybrid, collection=drive (10%)"}) {
            long[] nanos = new long[qs.size()];
            for (int i = 0; i < qs.size(); i++) {
                String text = "w" + (int) Math.abs(random.nextGaussian() * VOCABULARY / 4) % VOCABULARY + " w" + random.nextInt(VOCABULARY);
                SearchQuery.Builder q = SearchQuery.of(text).k(10);
                if (label.contains("drive")) {
                    q.collection("drive");
                }
                q.mode(label.startsWith("vector") ? SearchQuery.Mode.VECTOR
                        : label.startsWith("lexical") ? SearchQuery.Mode.LEXICAL : SearchQuery.Mode.HYBRID);
                long t = System.nanoTime();
                int found = search.search(SessionContext.system(), q.build()).size();
                nanos[i] = System.nanoTime() - t;
                if (found < 10) {
                    System.out.println("  only " + found + " hits for '" + text + "'");
                }
            }
            Arrays.sort(nanos);
            System.out.printf("%s k=10 (incl. search_history insert): p50 %.1f ms, p95 %.1f ms%n", label,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6);
        }
    }

    /** The plan of one hybrid query as the application role runs it ({@code -Dexplain=true}). */
    static void explain(Database db, float[] q) throws Exception {
        var field = HybridSearch.class.getDeclaredField("SQL");
        field.setAccessible(true);
        String sql = (String) field.get(null);
        db.useContext(SessionContext.system(), h -> {
            h.execute("set local hnsw.iterative_scan = relaxed_order");
            h.execute("set local plan_cache_mode = force_custom_plan");
            h.createQuery("explain (analyze, buffers) " + sql)
                    .bind("useVector", true).bind("useLexical", true).bind("vector", new PGvector(q).toString()).bind("model", "bench")
                    .bind("tsquery", "w12 | w345").bind("depth", 50).bind("rrfK", 60).bind("k", 10).bind("anyCollection", true)
                    .bindArray("collections", String.class, List.of()).bind("teacher", (String) null).bind("student", (String) null)
                    .bind("fromDate", (String) null).bind("toDate", (String) null)
                    .mapTo(String.class).forEach(System.out::println);
        });
    }

    static void embeddingThroughput() {
        LocalEmbeddingModel model = LocalEmbeddingModel.bundled();
        String chunk = "In today's lesson we worked on diaphragmatic breathing, lip trills and sirens across the passaggio, "
                + "then sang the scale slowly on an open vowel while keeping the larynx relaxed and the shoulders loose. ";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            texts.add(i + ". " + chunk + chunk);
        }
        model.embedAll(texts.subList(0, 16));
        long start = System.nanoTime();
        model.embedAll(texts);
        System.out.printf("local embedding (all-MiniLM-L6-v2-q, ~90-token chunks, %d cores): %.0f chunks/s%n",
                Runtime.getRuntime().availableProcessors(), texts.size() / ((System.nanoTime() - start) / 1e9));
    }

    static float[] gaussian(Random r, double sigma) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) (r.nextGaussian() * sigma);
        }
        return v;
    }

    static float[] noisy(float[] centre, Random r, double sigma) {
        float[] v = gaussian(r, sigma / Math.sqrt(1.0));
        for (int i = 0; i < DIMS; i++) {
            v[i] += centre[i];
        }
        return v;
    }

    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a leftover temp folder is harmless
        }
    }
}
