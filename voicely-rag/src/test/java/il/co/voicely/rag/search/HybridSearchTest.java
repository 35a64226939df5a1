package il.co.voicely.rag.search;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.chunk.Cue;
import il.co.voicely.rag.chunk.TimeRange;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.search.SearchQuery.Mode;
import il.co.voicely.rag.store.Document;
import il.co.voicely.rag.store.DocumentStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Relevance on a small Hebrew and English corpus, through the real model and the real database. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridSearchTest {

    static final LocalEmbeddingModel MODEL = LocalEmbeddingModel.bundled();
    static final UUID DANA = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID YOSSI = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID NOA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    HybridSearch search;

    @BeforeAll
    void corpus(Database db, TestDatabase tdb) {
        tdb.owner().useHandle(h -> {
            for (var u : Map.of(DANA, "dana@voicely.test", YOSSI, "yossi@voicely.test", NOA, "noa@voicely.test").entrySet()) {
                h.execute("insert into users (id, email) values (?, ?)", u.getKey(), u.getValue());
            }
        });
        DocumentStore store = new DocumentStore(db, new Embedder(MODEL, 32));
        Chunker chunker = Chunker.defaults();
        String[][] website = {
            {"/breathing", "Breathing for singers", "Diaphragmatic inhalation gives vocalists steady air support for long phrases."},
            {"/pricing", "Prices", "Private coaching costs 250 shekels per hour; packages of ten sessions get a discount."},
            {"/he/lessons", "שיעורים פרטיים", "בשיעורים הפרטיים נעבוד על טווח הקול, על הגייה ועל ביטחון על הבמה."},
            {"/he/army", "להקות צבאיות", "בוגרי להקות צה\"ל מלמדים אצלנו שירה ומשחק."},
            {"/he/kids", "חוג ילדים", "חוג שירה לילדים בגילאי שמונה עד שתים עשרה, פעם בשבוע אחרי הצהריים."},
            {"/he/contact", "צור קשר", "אפשר להשאיר הודעה בוואטסאפ ונחזור אליכם תוך יום עבודה."},
            {"/microphones", "Microphone technique", "Keep the microphone close and angle it slightly when you belt high notes."},
        };
        for (String[] p : website) {
            store.index(SessionContext.system(), Document.builder("website", "voicely.co.il", p[0]).uri("https://voicely.co.il" + p[0])
                    .title(p[1]).build(), chunker.chunk(p[2], Map.of()));
        }
        store.index(SessionContext.system(), Document.builder("transcripts", "lessons", "rec-noa-1").title("שיעור 12 עם נועה")
                        .teacher(DANA).student(NOA).lessonDate(LocalDate.of(2026, 3, 1)).metadata("teacher", "דנה").build(),
                chunker.chunkTranscript(List.of(Cue.of(0, 4000, "שלום נועה, היום נתחיל בחימום."),
                        Cue.of(65_000, 70_000, "עכשיו נעבוד על הנשימה מהסרעפת.")), Map.of()));
        store.index(SessionContext.system(), Document.builder("transcripts", "lessons", "rec-noa-2").title("שיעור 13 עם נועה")
                        .teacher(YOSSI).student(NOA).lessonDate(LocalDate.of(2026, 5, 1)).build(),
                chunker.chunkTranscript(List.of(Cue.of(0, 3000, "נמשיך עם תרגילי נשימה ארוכים.")), Map.of()));
        search = new HybridSearch(db, MODEL);
    }

    List<SearchHit> find(SearchQuery q) {
        return search.search(SessionContext.system(), q);
    }

    @Test
    void aHebrewWordFindsItsFormsWithAttachedPrefixes() {
        List<SearchHit> hits = find(SearchQuery.of("שיעורים פרטיים").k(3).mode(Mode.LEXICAL).build());

        assertThat(hits).first().satisfies(h -> {
            assertThat(h.externalId()).isEqualTo("/he/lessons");
            assertThat(h.snippet()).contains("<b>בשיעורים</b>").contains("<b>הפרטיים</b>");
        });
    }

    @Test
    void aPrefixedQueryFindsTheBareWordAndGershayimAreOneWord() {
        assertThat(find(SearchQuery.of("ובנשימה").k(5).mode(Mode.LEXICAL).build()))
                .extracting(SearchHit::externalId).contains("rec-noa-1", "rec-noa-2");
        assertThat(find(SearchQuery.of("צה״ל").k(1).mode(Mode.LEXICAL).build()))
                .extracting(SearchHit::externalId).containsExactly("/he/army");
    }

    @Test
    void englishFindsByMeaningWithoutSharedWords() {
        List<SearchHit> hits = find(SearchQuery.of("how do I breathe when I sing").k(3).collection("website").mode(Mode.VECTOR).build());

        assertThat(hits.getFirst().externalId()).isEqualTo("/breathing");
    }

    @Test
    void hybridRanksTheRightPageFirstInBothLanguages() {
        assertThat(find(SearchQuery.of("what does private coaching cost").k(3).build()).getFirst().externalId()).isEqualTo("/pricing");
        assertThat(find(SearchQuery.of("חוג לילדים").k(3).build()).getFirst().externalId()).isEqualTo("/he/kids");
        assertThat(find(SearchQuery.of("microphone technique for high notes").k(3).build()).getFirst().externalId()).isEqualTo("/microphones");
    }

    @Test
    void transcriptHitsCiteTheMomentInTheLesson() {
        SearchHit hit = find(SearchQuery.of("סרעפת").k(1).collection("transcripts").build()).getFirst();

        assertThat(hit.citation().title()).isEqualTo("שיעור 12 עם נועה");
        assertThat(hit.citation().time()).contains(new TimeRange(0, 70_000));
        assertThat(hit.metadata()).containsEntry("teacher", "דנה");
    }

    @Test
    void filtersByTeacherStudentAndDate() {
        SearchQuery.Builder q = SearchQuery.of("נשימה").k(10).collection("transcripts");

        assertThat(find(SearchQuery.of("נשימה").k(10).collection("transcripts").teacher(YOSSI).build()))
                .extracting(SearchHit::externalId).containsExactly("rec-noa-2");
        assertThat(find(q.between(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31)).build()))
                .extracting(SearchHit::externalId).containsExactly("rec-noa-1");
        assertThat(find(SearchQuery.of("נשימה").k(10).student(NOA).build())).hasSize(2);
    }

    @Test
    void visitorsFindTheWebsiteButNotLessonTranscripts() {
        List<SearchHit> asVisitor = search.search(SessionContext.anonymous(), SearchQuery.of("נשימה").k(10).build());
        List<SearchHit> asNoa = search.search(SessionContext.user(NOA, Role.STUDENT), SearchQuery.of("נשימה").k(10).collection("transcripts").build());

        assertThat(asVisitor).extracting(SearchHit::collection).containsOnly("website");
        assertThat(asNoa).hasSize(2);
    }

    @Test
    void everySearchIsRecordedInSearchHistory(TestDatabase tdb) {
        search.search(SessionContext.user(NOA, Role.STUDENT), SearchQuery.of("חימום").k(4).collection("transcripts").build());

        Map<String, Object> row = tdb.owner().withHandle(h -> h.createQuery(
                "select user_id, collection, result_count, filters::text as filters from search_history where query = 'חימום'").mapToMap().one());
        assertThat(row).containsEntry("user_id", NOA).containsEntry("collection", "transcripts").containsEntry("result_count", 2);
        assertThat((String) row.get("filters")).contains("\"k\": 4");
    }

    @Test
    void functionWordsAreLeftOutUnlessTheyAreAllTheQueryHas() {
        assertThat(HybridSearch.queryTerms("how do I breathe when singing")).containsExactly("breathe", "singing");
        assertThat(HybridSearch.queryTerms("מה זה נשימה")).containsExactly("נשימה");
        assertThat(HybridSearch.queryTerms("the who")).containsExactly("the", "who");
    }

    @Test
    void queryTermsCannotInjectTsqueryOperators() {
        assertThat(HybridSearch.queryTerms("a & b | !c:* (שלום)")).containsExactly("b", "c", "שלומ", "לומ");
        assertThat(find(SearchQuery.of("&|!():*").k(3).build())).isEmpty();
    }

    @Test
    void latencyOnTheFixture() {
        String[] queries = {"breathing support", "שיעורים פרטיים", "מחיר", "microphone", "חוג לילדים"};
        long[] nanos = new long[40];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            find(SearchQuery.of(queries[i % queries.length]).k(5).build());
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("hybrid search incl. query embedding: p50 %.1f ms, p95 %.1f ms%n", nanos[20] / 1e6, nanos[38] / 1e6);
        assertThat(nanos[20]).isLessThan(2_000_000_000L);
    }
}
