package il.co.voicely.rag.assist;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.llm.ChatModel;
import il.co.voicely.rag.llm.ChatRequest;
import il.co.voicely.rag.llm.ChatResponse;
import il.co.voicely.rag.llm.StreamListener;
import il.co.voicely.rag.search.HybridSearch;
import il.co.voicely.rag.search.SearchHit;
import il.co.voicely.rag.search.SearchQuery;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a teacher's question over their own lesson transcripts, citing the lesson and the moment in it.
 *
 * <pre>{@code
 * TeacherAssistant assistant = new TeacherAssistant(db, search, model, Clock.systemUTC());
 * Answer a = assistant.ask(SessionContext.user(teacherId, Role.TEACHER), "איפה לימדתי נשימה סרעפתית?", out::print);
 * a.citations().forEach(c -> System.out.println(c.label()));   // "שיעור 12 — נשימה @ 3:05"
 * }</pre>
 *
 * <p>Retrieval runs in the teacher's own database context and is always filtered to the transcripts whose
 * teacher is the signed-in user: the row-level policy on {@code rag_documents} lets every staff member read
 * transcripts, so the filter, taken from the context and never from the question, keeps other teachers'
 * lessons out. Without a model the reply quotes the passages and says so.
 */
public final class TeacherAssistant {

    static final String PURPOSE = "teacher_assistant";

    private final Database db;
    private final HybridSearch search;
    private final Optional<ChatModel> model;
    private final Clock clock;

    public TeacherAssistant(Database db, HybridSearch search, Optional<ChatModel> model, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.search = Objects.requireNonNull(search, "search");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Answers from the calling teacher's transcripts; the text also goes to {@code listener}. */
    public Answer ask(SessionContext teacher, String question, StreamListener listener) {
        UUID teacherId = teacherId(teacher);
        Language language = Language.detect(question);
        List<SearchHit> hits = Passages.relevant(search.search(teacher, SearchQuery.of(question).collection("transcripts")
                .teacher(teacherId).k(Passages.PROMPT_PASSAGES).build()), Passages.MIN_SCORE);
        if (hits.isEmpty()) {
            String text = language.pick("לא מצאתי על כך דבר בתמלולי השיעורים שלך.",
                    "I found nothing about this in your lesson transcripts.");
            listener.onText(text);
            return new Answer(text, language, List.of(), true, false, false, false, Optional.empty());
        }
        if (model.isEmpty()) {
            List<SearchHit> quoted = hits.subList(0, Math.min(3, hits.size()));
            String text = Passages.quote(quoted, language.pick(
                    "אין מודל שפה מחובר, אז אלה הקטעים הרלוונטיים מתמלולי השיעורים שלך, מצוטטים כלשונם:",
                    "No language model is connected, so here are the relevant passages from your lesson transcripts, quoted as they are:"));
            listener.onText(text);
            return new Answer(text, language, Passages.citations(quoted), true, false, false, false, Optional.empty());
        }
        ChatRequest request = ChatRequest.builder()
                .system("You assist a voice teacher at Voicely. Answer the teacher's question only from the numbered "
                        + "passages of their own lesson transcripts, citing them as [1], [2] with the lesson and time. "
                        + "If they do not answer it, say so. " + Passages.DATA_RULE + " Reply in "
                        + (language == Language.HEBREW ? "Hebrew." : "English."))
                .user(Passages.numbered(hits) + "\n\nQuestion: " + question)
                .temperature(0.2).maxTokens(800).build();
        ChatResponse response = Passages.streamAndRecord(model.get(), request, listener, db, teacher, PURPOSE,
                Optional.empty(), clock);
        return new Answer(response.text(), language, Passages.citations(hits), false, false, false, false,
                Optional.of(response.usage()));
    }

    /** The signed-in teacher (or admin acting as one); anyone else is refused before anything is read. */
    static UUID teacherId(SessionContext context) {
        if (context.userId().isEmpty() || (context.role() != Role.TEACHER && context.role() != Role.ADMIN)) {
            throw new IllegalArgumentException("only a signed-in teacher may ask over transcripts, not " + context);
        }
        return context.userId().get();
    }
}
