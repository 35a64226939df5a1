package il.co.voicely.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.chunk.TimeRange;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.search.HybridSearch;
import il.co.voicely.rag.search.SearchHit;
import il.co.voicely.rag.search.SearchQuery;
import il.co.voicely.rag.store.DocumentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class FolderIndexerTest {

    static final LocalEmbeddingModel MODEL = LocalEmbeddingModel.bundled();

    @Test
    void tikaReadsEveryFixtureType(@TempDir Path dir) throws Exception {
        Path folder = Fixtures.lessonFolder(dir);
        TextExtractor tika = TextExtractor.create();

        Extracted docx = tika.extract(folder.resolve("plan.docx"));
        Extracted pdf = tika.extract(folder.resolve("posture.pdf"));
        Extracted html = tika.extract(folder.resolve("about.html"));
        Extracted srt = tika.extract(folder.resolve("transcripts/lesson-1.srt"));

        assertThat(docx.text()).contains("נשימה סרעפתית");
        assertThat(docx.title()).contains("תוכנית שיעור");
        assertThat(docx.language()).isEqualTo("he");
        assertThat(pdf.text()).contains("Good posture keeps the larynx relaxed");
        assertThat(pdf.mimeType()).isEqualTo("application/pdf");
        assertThat(html.text()).contains("We teach singing").doesNotContain("<p>");
        assertThat(html.title()).contains("About the school");
        assertThat(srt.cues()).hasSize(2);
        assertThat(srt.language()).isEqualTo("he");
    }

    @Test
    void aCorruptFileIsReportedByName(@TempDir Path dir) throws IOException {
        Path bad = Files.write(dir.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});

        assertThatThrownBy(() -> TextExtractor.create().extract(bad)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("broken.docx");
    }

    @Test
    void aFolderIsIndexedOnceAndThenOnlyWhatChanged(@TempDir Path dir, Database db, TestDatabase tdb) throws IOException {
        Path folder = Fixtures.lessonFolder(dir.resolve("lessons"));
        Files.write(folder.resolve("empty.txt"), new byte[0]);
        FolderIndexer indexer = new FolderIndexer(new DocumentStore(db, new Embedder(MODEL, 32)), Chunker.defaults(), TextExtractor.create());
        List<String> progress = new ArrayList<>();

        FolderSummary first = indexer.index(SessionContext.system(), folder, "files", (done, total, file) -> progress.add(done + "/" + total));
        Files.writeString(folder.resolve("notes.txt"), "הערות חדשות: לנוח בין השירים.");
        Files.delete(folder.resolve("about.html"));
        FolderSummary second = indexer.index(SessionContext.system(), folder, "files", FolderIndexer.Progress.NONE);

        assertThat(first).extracting(FolderSummary::files, FolderSummary::indexed, FolderSummary::skipped).containsExactly(7, 6, 1);
        assertThat(first.failed()).isEmpty();
        assertThat(progress).containsExactly("1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7");
        assertThat(second).extracting(FolderSummary::indexed, FolderSummary::unchanged, FolderSummary::removed, FolderSummary::embedded)
                .containsExactly(1, 4, 1, 1);

        HybridSearch search = new HybridSearch(db, MODEL);
        SearchHit vibrato = search.search(SessionContext.system(), SearchQuery.of("ויברטו").k(1).collection("files").build()).getFirst();
        assertThat(vibrato.externalId()).isEqualTo("transcripts/lesson-2.vtt");
        assertThat(vibrato.citation().time()).contains(new TimeRange(10_000, 12_500));
        assertThat(search.search(SessionContext.system(), SearchQuery.of("Good posture").k(1).build()).getFirst().externalId())
                .isEqualTo("posture.pdf");
    }
}
