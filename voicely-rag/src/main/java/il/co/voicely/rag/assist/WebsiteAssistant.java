package il.co.voicely.rag.assist;

import il.co.voicely.core.chat.Handoffs;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a website visitor from the {@code website} collection, with citations, in the visitor's language.
 *
 * <pre>{@code
 * WebsiteAssistant assistant = new WebsiteAssistant(db, new HybridSearch(db, LocalEmbeddingModel.bundled()),
 *         ChatModels.fromSettings(LlmSettings.fromEnvironment(System.getenv())), handoffs, Clock.systemUTC());
 * Answer a = assistant.ask(Optional.of(conversationId), "כמה עולה שיעור ניסיון?", System.out::print);
 * a.citations().forEach(c -> System.out.println(c.label()));
 * if (a.offerTrialLesson()) { ... }   if (a.offerHuman()) { ... }
 * }</pre>
 *
 * <p>With a model, the model answers from the retrieved passages only and cites them; its text streams to
 * the listener and its usage is recorded in {@code llm_usage}. With none (the offline default), the reply
 * quotes the best passages with their sources and says it is quoting the school's site. When no passage is
 * relevant it says so and offers a person, without asking a model to guess. While a person has the
 * conversation ({@link Handoffs#botMayReply}) the answer is {@link Answer#silent()}. Frustration is judged by
 * the offline lexicon ({@link SentimentAnalyzer#lexicon}), so a message costs at most one model call.
 */
public final class WebsiteAssistant {

    static final String PURPOSE = "website_assistant";

    private final Database db;
    private final HybridSearch search;
    private final Optional<ChatModel> model;
    private final Handoffs handoffs;
    private final Clock clock;

    public WebsiteAssistant(Database db, HybridSearch search, Optional<ChatModel> model, Handoffs handoffs, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.search = Objects.requireNonNull(search, "search");
        this.model = Objects.requireNonNull(model, "model");
        this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Answers {@code question}; the reply's text also goes to {@code listener} (streamed from a model, in one
     * piece when quoting).
     *
     * @param conversation the chat session, when there is one: usage is recorded against it, and the bot
     *                     stays silent while a person has it
     */
    public Answer ask(Optional<UUID> conversation, String question, StreamListener listener) {
        Language language = Language.detect(question);
        if (conversation.isPresent() && !handoffs.botMayReply(SessionContext.system(), conversation.get())) {
            return Answer.silent(language);
        }
        boolean booking = Intents.wantsBooking(question);
        boolean human = Intents.wantsHuman(question) || SentimentAnalyzer.lexicon(question).frustrated();
        List<SearchHit> hits = Passages.relevant(search.search(SessionContext.anonymous(),
                SearchQuery.of(question).collection("website").k(Passages.PROMPT_PASSAGES).build()), Passages.MIN_SCORE);
        Answer answer;
        if (hits.isEmpty()) {
            answer = notFound(language);
        } else if (model.isPresent()) {
            answer = generated(model.get(), conversation, question, language, hits, listener);
        } else {
            List<SearchHit> quoted = hits.subList(0, Math.min(Passages.QUOTED, hits.size()));
            String text = Passages.quote(quoted, language.pick(
                    "אין כרגע עוזר חכם מחובר, אז אני מצטט מאתר בית הספר:",
                    "No AI model is connected right now, so I am quoting the school's website:"));
            answer = new Answer(text, language, Passages.citations(quoted), true, false, false, false, Optional.empty());
        }
        if (answer.extractive()) {
            listener.onText(answer.text());
        }
        return answer.withOffers(booking, human);
    }

    private static Answer notFound(Language language) {
        String text = language.pick(
                "לא מצאתי על כך מידע באתר בית הספר. אפשר להעביר אותך לנציג או נציגה מהצוות — רוצה?",
                "I could not find this on the school's website. I can pass you to someone from our team — would you like that?");
        return new Answer(text, language, List.of(), true, false, true, false, Optional.empty());
    }

    private Answer generated(ChatModel chat, Optional<UUID> conversation, String question, Language language,
                             List<SearchHit> hits, StreamListener listener) {
        ChatRequest request = ChatRequest.builder()
                .system("You are the assistant of Voicely, a voice-coaching school in Israel. Answer the visitor's "
                        + "question only from the numbered passages of the school's website. Cite the passages you use "
                        + "as [1], [2]. If they do not answer the question, say so and offer to pass the visitor to a "
                        + "person. Never invent prices, dates or names. " + Passages.DATA_RULE + " Reply in "
                        + (language == Language.HEBREW ? "Hebrew." : "English."))
                .user(Passages.numbered(hits) + "\n\nQuestion: " + question)
                .temperature(0.2).maxTokens(600).build();
        ChatResponse response = Passages.streamAndRecord(chat, request, listener, db, SessionContext.anonymous(),
                PURPOSE, conversation, clock);
        return new Answer(response.text(), language, Passages.citations(hits), false, false, false, false,
                Optional.of(response.usage()));
    }
}
