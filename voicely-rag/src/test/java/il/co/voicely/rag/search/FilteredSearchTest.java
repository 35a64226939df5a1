package il.co.voicely.rag.search;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.EmbeddingModel;
import il.co.voicely.rag.search.SearchQuery.Mode;
import il.co.voicely.rag.store.Document;
import il.co.voicely.rag.store.DocumentStore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A filter that keeps 4% of the rows must still yield k hits when the HNSW index answers: without
 * iterative scans the index hands over ef_search (40) candidates and the filter leaves about two.
 */
@ExtendWith(PostgresExtension.class)
class FilteredSearchTest {

    /** Random unit vectors, seeded by the text. */
    static final class RandomModel implements EmbeddingModel {
        @Override
        public String name() {
            return "random";
        }

        @Override
        public int dimensions() {
            return 384;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(t -> {
                Random r = new Random(t.hashCode());
                float[] v = new float[384];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) r.nextGaussian();
                }
                return v;
            }).toList();
        }
    }

    @Test
    void aFilteredQueryStillReturnsK(Database db, TestDatabase tdb) {
        RandomModel model = new RandomModel();
        DocumentStore store = new DocumentStore(db, new Embedder(model, 64));
        Chunker chunker = Chunker.defaults();
        for (int i = 0; i < 400; i++) {
            store.index(SessionContext.system(), Document.builder("website", "site", "/page/" + i).build(),
                    chunker.chunk("page number " + i, Map.of()));
        }
        for (int i = 0; i < 16; i++) {
            store.index(SessionContext.system(), Document.builder("drive", "folder", "file-" + i).build(),
                    chunker.chunk("drive file " + i, Map.of()));
        }
        // Make the planner use the HNSW index, as it would on a large table, for every new connection.
        tdb.owner().useHandle(h -> {
            h.execute("analyze rag_chunks");
            h.execute("alter database " + tdb.name() + " set enable_seqscan = off");
            h.execute("alter database " + tdb.name() + " set enable_sort = off");
        });

        try (Database indexed = Database.open(tdb.settings())) {
            SearchQuery q = SearchQuery.of("something").k(10).collection("drive").mode(Mode.VECTOR).build();
            List<SearchHit> hits = new HybridSearch(indexed, model).search(SessionContext.system(), q);

            assertThat(hits).hasSize(10).allSatisfy(h -> assertThat(h.collection()).isEqualTo("drive"));
            assertThat(withoutIterativeScan(indexed, model.embed("something"))).as("the same query without iterative scans").isLessThan(10);
        }
    }

    private static int withoutIterativeScan(Database db, float[] v) {
        return db.inContext(SessionContext.system(), h -> {
            h.execute("set local hnsw.iterative_scan = off");
            return h.createQuery("""
                            select count(*) from (
                                select c.id from rag_chunks c join rag_documents d on d.id = c.document_id
                                where d.collection = 'drive'
                                order by c.embedding <=> cast(:v as vector) limit 10) t""")
                    .bind("v", new com.pgvector.PGvector(v).toString()).mapTo(int.class).one();
        });
    }
}
