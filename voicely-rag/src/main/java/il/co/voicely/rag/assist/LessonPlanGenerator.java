package il.co.voicely.rag.assist;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.llm.ChatModel;
import il.co.voicely.rag.llm.ChatRequest;
import il.co.voicely.rag.llm.ChatResponse;
import il.co.voicely.rag.llm.StreamListener;
import il.co.voicely.rag.search.HybridSearch;
import il.co.voicely.rag.search.SearchHit;
import il.co.voicely.rag.search.SearchQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A lesson plan for a student from their recent lessons with the calling teacher.
 *
 * <pre>{@code
 * Answer plan = new LessonPlanGenerator(db, search, model, Clock.systemUTC())
 *         .plan(SessionContext.user(teacherId, Role.TEACHER), studentId, "נשימה ותמיכה", Language.HEBREW, out::print);
 * }</pre>
 *
 * <p>With a model: a structured prompt (warm-up, exercises, repertoire, home practice) over the passages. Without
 * one: an outline that only quotes what the recent transcripts say, under the same headings left for the
 * teacher to fill, and says it was not written by a model — it proposes no exercise of its own.
 */
public final class LessonPlanGenerator {

    static final String PURPOSE = "lesson_plan";
    /** How far back "recent" reaches. */
    static final int RECENT_DAYS = 90;

    private final Database db;
    private final HybridSearch search;
    private final Optional<ChatModel> model;
    private final Clock clock;

    public LessonPlanGenerator(Database db, HybridSearch search, Optional<ChatModel> model, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.search = Objects.requireNonNull(search, "search");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Plans the next lesson for {@code studentId} from the teacher's transcripts of the last {@value #RECENT_DAYS}
     * days; {@code goals} steer retrieval (e.g. "breathing, high notes"), blank for the student's lessons in general.
     */
    public Answer plan(SessionContext teacher, UUID studentId, String goals, Language language, StreamListener listener) {
        UUID teacherId = TeacherAssistant.teacherId(teacher);
        LocalDate today = LocalDate.now(clock);
        String query = goals.isBlank() ? "exercise practice difficulty תרגיל תרגול קושי" : goals;
        // The student and date filters already say "relevant"; no score threshold, or a general plan finds nothing.
        List<SearchHit> hits = search.search(teacher, SearchQuery.of(query).collection("transcripts").teacher(teacherId)
                .student(studentId).between(today.minusDays(RECENT_DAYS), today).k(6).build());
        if (hits.isEmpty()) {
            String text = language.pick("אין תמלולי שיעורים מהחודשים האחרונים לתלמיד/ה הזה/ו, אז אין על מה לבסס תוכנית.",
                    "There are no lesson transcripts for this student from recent months, so there is nothing to base a plan on.");
            listener.onText(text);
            return new Answer(text, language, List.of(), true, false, false, false, Optional.empty());
        }
        if (model.isEmpty()) {
            String text = outline(hits, language);
            listener.onText(text);
            return new Answer(text, language, Passages.citations(hits), true, false, false, false, Optional.empty());
        }
        ChatRequest request = ChatRequest.builder()
                .system("You help a voice teacher plan the next lesson for one student, from passages of that student's "
                        + "recent lesson transcripts. Write the plan with exactly these sections: Goals, Warm-up, "
                        + "Exercises, Repertoire, Home practice. Base every point on the passages and cite them as [1], "
                        + "[2]; where the passages say nothing, write that the teacher should decide. "
                        + Passages.DATA_RULE + " Write in " + (language == Language.HEBREW ? "Hebrew." : "English."))
                .user(Passages.numbered(hits) + "\n\nTeacher's goals: " + (goals.isBlank() ? "(none given)" : goals))
                .temperature(0.3).maxTokens(1200).build();
        ChatResponse response = Passages.streamAndRecord(model.get(), request, listener, db, teacher, PURPOSE,
                Optional.empty(), clock);
        return new Answer(response.text(), language, Passages.citations(hits), false, false, false, false,
                Optional.of(response.usage()));
    }

    private static String outline(List<SearchHit> hits, Language l) {
        StringBuilder b = new StringBuilder(l.pick(
                "טיוטת מתווה — נבנתה מציטוטים מהשיעורים האחרונים, ללא מודל שפה. יש להשלים ולערוך לפני השימוש.",
                "Draft outline — built from quotes of recent lessons, without a language model. Complete and edit before use."));
        b.append("\n\n").append(l.pick("מה עלה בשיעורים האחרונים:", "What recent lessons covered:")).append('\n');
        for (SearchHit hit : hits) {
            b.append("• «").append(Passages.excerpt(hit.text())).append("» — ").append(hit.citation().label()).append('\n');
        }
        b.append('\n').append(l.pick("להשלמה על ידי המורה: חימום · תרגילים · רפרטואר · תרגול בבית",
                "For the teacher to fill in: Warm-up · Exercises · Repertoire · Home practice"));
        return b.toString();
    }
}
