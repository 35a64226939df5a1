package il.co.voicely.rag.assist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import il.co.voicely.rag.llm.ChatModel;
import il.co.voicely.rag.llm.ChatModels;
import il.co.voicely.rag.llm.LlmSettings;
import il.co.voicely.rag.search.Citation;
import il.co.voicely.rag.search.HybridSearch;
import il.co.voicely.rag.store.Document;
import il.co.voicely.rag.store.DocumentStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeacherAssistantTest {

    static final LocalEmbeddingModel MODEL = LocalEmbeddingModel.bundled();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    static final UUID DANA = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID YOSSI = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID NOA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final SessionContext DANA_CTX = SessionContext.user(DANA, Role.TEACHER);

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    Database db;
    HybridSearch search;
    final List<String> streamed = new ArrayList<>();

    @BeforeAll
    void lessons(Database db, TestDatabase tdb) {
        this.db = db;
        tdb.owner().useHandle(h -> {
            for (var u : Map.of(DANA, "dana@voicely.test", YOSSI, "yossi@voicely.test", NOA, "noa@voicely.test").entrySet()) {
                h.execute("insert into users (id, email) values (?, ?)", u.getKey(), u.getValue());
            }
        });
        DocumentStore store = new DocumentStore(db, new Embedder(MODEL, 32));
        lesson(store, DANA, "dana-12", "שיעור 12 עם נועה — נשימה", LocalDate.of(2026, 11, 10), List.of(
                new Cue(new TimeRange(0, 60_000), "שלום נועה, היום נתחיל בחימום קצר."),
                new Cue(new TimeRange(185_000, 240_000), "עכשיו נעבוד על נשימה סרעפתית: שואפים לבטן וסופרים עד ארבע.")));
        lesson(store, YOSSI, "yossi-3", "שיעור 3 של יוסי — נשימה", LocalDate.of(2026, 11, 12), List.of(
                new Cue(new TimeRange(30_000, 90_000), "בשיעור הזה נשימה סרעפתית היא הבסיס לכל צליל ארוך.")));
        search = new HybridSearch(db, MODEL);
    }

    static void lesson(DocumentStore store, UUID teacher, String id, String title, LocalDate date, List<Cue> cues) {
        store.index(SessionContext.system(), Document.builder("transcripts", "lessons", id).title(title)
                .teacher(teacher).student(NOA).lessonDate(date).build(), Chunker.defaults().chunkTranscript(cues, Map.of()));
    }

    @Test
    void aTeacherFindsOnlyTheirOwnLessonsWithLessonAndTime() {
        Answer dana = new TeacherAssistant(db, search, Optional.empty(), CLOCK)
                .ask(DANA_CTX, "איפה לימדתי נשימה סרעפתית?", streamed::add);
        Answer yossi = new TeacherAssistant(db, search, Optional.empty(), CLOCK)
                .ask(SessionContext.user(YOSSI, Role.TEACHER), "נשימה סרעפתית", streamed::add);

        assertThat(dana.extractive()).isTrue();
        assertThat(dana.citations()).isNotEmpty().allSatisfy(c -> assertThat(c.title()).startsWith("שיעור 12 עם נועה"));
        assertThat(dana.citations().getFirst().time()).isPresent();
        assertThat(dana.text()).contains("נשימה סרעפתית").doesNotContain("יוסי").contains("אין מודל שפה מחובר");
        assertThat(yossi.citations()).isNotEmpty().allSatisfy(c -> assertThat(c.title()).contains("יוסי"));
        assertThat(yossi.text()).doesNotContain("שואפים לבטן");
    }

    @Test
    void withAModelOnlyTheTeachersOwnPassagesAreSentAndUsageIsTheirs(TestDatabase tdb) throws Exception {
        api.resetAll();
        api.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(WebsiteAssistantTest.sse("בשיעור 12 [1]."))));
        ChatModel model = ChatModels.fromSettings(LlmSettings.of(LlmSettings.Provider.openAiCompatible(
                URI.create(api.baseUrl() + "/v1"), Optional.empty(), "llama3.1:8b"))).orElseThrow();

        Answer a = new TeacherAssistant(db, search, Optional.of(model), CLOCK).ask(DANA_CTX, "איפה לימדתי נשימה סרעפתית?", streamed::add);

        assertThat(a.text()).isEqualTo("בשיעור 12 [1].");
        String prompt = api.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(prompt).contains("שואפים לבטן").contains("שיעור 12 עם נועה — נשימה @ 0:00").doesNotContain("יוסי").doesNotContain("הבסיס לכל צליל ארוך");
        Map<String, Object> usage = tdb.owner().withHandle(h -> h.createQuery(
                "select purpose, user_id from llm_usage").mapToMap().one());
        assertThat(usage).containsEntry("purpose", "teacher_assistant").containsEntry("user_id", DANA);
    }

    @Test
    void sentimentFromAModelIsReadFromItsJson() {
        api.resetAll();
        api.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("""
                {"id":"c2","object":"chat.completion","created":1764040000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"label\\":\\"frustrated\\",\\"score\\":-0.7}"},
                             "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":9,"total_tokens":39}}""")));
        ChatModel model = ChatModels.fromSettings(LlmSettings.of(LlmSettings.Provider.openAiCompatible(
                URI.create(api.baseUrl() + "/v1"), Optional.empty(), "llama3.1:8b"))).orElseThrow();

        Sentiment s = new SentimentAnalyzer(Optional.of(model)).analyze("אני מנסה כבר שבוע ושום דבר לא זז");

        assertThat(s).isEqualTo(new Sentiment(Sentiment.Label.FRUSTRATED, -0.7, false));
    }

    @Test
    void aQuestionNoLessonAnswersSaysSo() {
        Answer a = new TeacherAssistant(db, search, Optional.empty(), CLOCK).ask(DANA_CTX, "What about microphone technique?", streamed::add);

        assertThat(a.citations()).isEmpty();
        assertThat(a.text()).isEqualTo("I found nothing about this in your lesson transcripts.");
    }

    @Test
    void onlyATeacherMayAsk() {
        TeacherAssistant assistant = new TeacherAssistant(db, search, Optional.empty(), CLOCK);
        assertThatThrownBy(() -> assistant.ask(SessionContext.user(NOA, Role.STUDENT), "נשימה", streamed::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teacher");
        assertThatThrownBy(() -> assistant.ask(SessionContext.anonymous(), "נשימה", streamed::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOfflineLessonPlanIsAnOutlineOfQuotesMarkedAsSuch() {
        Answer plan = new LessonPlanGenerator(db, search, Optional.empty(), CLOCK)
                .plan(DANA_CTX, NOA, "", Language.HEBREW, streamed::add);

        assertThat(plan.extractive()).isTrue();
        assertThat(plan.text()).startsWith("טיוטת מתווה — נבנתה מציטוטים מהשיעורים האחרונים, ללא מודל שפה.")
                .contains("שואפים לבטן").doesNotContain("יוסי").contains("חימום · תרגילים · רפרטואר · תרגול בבית");
        assertThat(plan.citations()).allSatisfy(c -> assertThat(c.title()).startsWith("שיעור 12 עם נועה"));
    }

    @Test
    void theOfflineSummaryIsAnExtractMarkedAsSuch() {
        Citation lesson = new Citation("שיעור 12 עם נועה", Optional.empty(), Optional.empty());
        Answer summary = new LessonSummarizer(db, Optional.empty(), CLOCK).summarize(DANA_CTX, lesson,
                "שלום נועה, היום נתחיל בחימום קצר. עכשיו נעבוד על נשימה סרעפתית ונספור עד ארבע. בבית תתרגלי נשימה סרעפתית כל בוקר.",
                streamed::add);

        assertThat(summary.extractive()).isTrue();
        assertThat(summary.text()).startsWith("תקציר אוטומטי בלי מודל שפה").contains("נשימה סרעפתית").endsWith("— שיעור 12 עם נועה");
        assertThat(summary.citations()).containsExactly(lesson);
    }
}
