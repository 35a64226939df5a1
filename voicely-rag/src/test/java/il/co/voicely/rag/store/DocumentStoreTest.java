package il.co.voicely.rag.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.rag.chunk.Chunk;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.chunk.Cue;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
public class DocumentStoreTest {

    /** 384 dimensions from the text's hash; records every text it is asked to embed. */
    public static class FakeModel implements EmbeddingModel {
        final List<String> embedded = new ArrayList<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int dimensions() {
            return 384;
        }

        @Override
        public synchronized List<float[]> embedAll(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream().map(t -> {
                float[] v = new float[384];
                v[Math.floorMod(t.hashCode(), 384)] = 1;
                v[(Math.floorMod(t.hashCode(), 383) + 1) % 384] += 0.5f;
                return v;
            }).toList();
        }
    }

    final Chunker chunker = Chunker.builder().maxTokens(12).overlapTokens(0).build();

    @Test
    void unchangedDocumentsAndChunksAreNeverEmbeddedAgain(Database db, TestDatabase tdb) {
        FakeModel model = new FakeModel();
        DocumentStore store = new DocumentStore(db, new Embedder(model, 16));
        Document doc = Document.builder("files", "notes", "a.txt").title("A").build();
        List<Chunk> v1 = chunker.chunk("הפסקה הראשונה על נשימה. The second paragraph about posture. שלישית על תהודה.", Map.of());
        List<Chunk> v2 = chunker.chunk("הפסקה הראשונה על נשימה. The second paragraph about posture. רביעית וחדשה לגמרי.", Map.of());

        IndexResult first = store.index(SessionContext.system(), doc, v1);
        IndexResult again = store.index(SessionContext.system(), doc, v1);
        int before = model.embedded.size();
        IndexResult edited = store.index(SessionContext.system(), doc, v2);

        assertThat(first).extracting(IndexResult::unchanged, IndexResult::chunks, IndexResult::embedded).containsExactly(false, 3, 3);
        assertThat(again.unchanged()).isTrue();
        assertThat(edited).extracting(IndexResult::embedded, IndexResult::reused).containsExactly(1, 2);
        assertThat(model.embedded.subList(before, model.embedded.size())).containsExactly("רביעית וחדשה לגמרי.");
        int stored = tdb.owner().withHandle(h -> h.createQuery("select count(*) from rag_chunks where embedding is not null")
                .mapTo(int.class).one());
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void transcriptTimesAndLexicalTermsAreStored(Database db, TestDatabase tdb) {
        DocumentStore store = new DocumentStore(db, new Embedder(new FakeModel(), 16));
        Document doc = Document.builder("transcripts", "lessons", "rec-1").title("שיעור").build();

        store.index(SessionContext.system(), doc, chunker.chunkTranscript(List.of(Cue.of(1000, 2500, "ובשיעורים שלום")), Map.of()));

        Map<String, Object> row = tdb.owner().withHandle(h -> h.createQuery(
                "select start_ms, end_ms, lexical_text, embedding_model from rag_chunks c join rag_documents d on d.id = c.document_id where d.external_id = 'rec-1'").mapToMap().one());
        assertThat(row).containsEntry("start_ms", 1000).containsEntry("end_ms", 2500).containsEntry("embedding_model", "fake");
        assertThat((String) row.get("lexical_text")).isEqualTo("ובשיעורימ בשיעורימ שיעורימ שלומ לומ");
    }

    @Test
    void deletedDocumentsLeaveTheIndex(Database db) {
        DocumentStore store = new DocumentStore(db, new Embedder(new FakeModel(), 16));
        store.index(SessionContext.system(), Document.builder("files", "trash", "gone.txt").build(), chunker.chunk("bye.", Map.of()));

        assertThat(store.externalIds(SessionContext.system(), "files", "trash")).containsExactly("gone.txt");
        assertThat(store.delete(SessionContext.system(), "files", "trash", "gone.txt")).isTrue();
        assertThat(store.externalIds(SessionContext.system(), "files", "trash")).isEmpty();
    }

    @Test
    void visitorsMayNotWriteTheIndex(Database db) {
        DocumentStore store = new DocumentStore(db, new Embedder(new FakeModel(), 16));

        assertThatThrownBy(() -> store.index(SessionContext.anonymous(), Document.builder("website", "site", "x").build(),
                chunker.chunk("hi.", Map.of()))).hasMessageContaining("row-level security");
    }

    @Test
    void switchingModelsReembedsStaleChunksInBatches(Database db, TestDatabase tdb) {
        new DocumentStore(db, new Embedder(new FakeModel(), 16)).index(SessionContext.system(),
                Document.builder("files", "switch", "s.txt").build(), chunker.chunk("אחת שתיים שלוש. ארבע חמש שש. שבע שמונה תשע.", Map.of()));
        FakeModel next = new FakeModel() {
            @Override
            public String name() {
                return "next";
            }
        };
        DocumentStore store = new DocumentStore(db, new Embedder(next, 16));

        int total = 0;
        for (int n; (n = store.reembedStale(SessionContext.system(), 2)) > 0; ) {
            total += n;
        }

        int stale = tdb.owner().withHandle(h -> h.createQuery(
                "select count(*) from rag_chunks where embedding_model <> 'next'").mapTo(int.class).one());
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(stale).isZero();
    }

    @Test
    void aModelOfAnotherDimensionIsRefusedWithTheReason(Database db) {
        EmbeddingModel wide = new FakeModel() {
            @Override
            public int dimensions() {
                return 768;
            }
        };

        assertThatThrownBy(() -> new DocumentStore(db, new Embedder(wide, 16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("768").hasMessageContaining("384");
    }
}
