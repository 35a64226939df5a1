package il.co.voicely.rag.assist;

import il.co.voicely.rag.llm.Usage;
import il.co.voicely.rag.search.Citation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an assistant says, and what the application should offer next.
 *
 * @param text             the reply, in {@code language}; empty when {@code silent}
 * @param language         the visitor's language
 * @param citations        the sources the reply rests on, best first (title, link, lesson time)
 * @param extractive       true when no language model wrote it: the reply quotes the sources and says so
 * @param offerTrialLesson the visitor wants to book or try a lesson
 * @param offerHuman       the visitor asked for a person, is frustrated, or the sources had no answer
 * @param silent           a person has the conversation, so the bot must not reply at all
 * @param usage            tokens and estimated cost when a model answered
 */
public record Answer(String text, Language language, List<Citation> citations, boolean extractive,
                     boolean offerTrialLesson, boolean offerHuman, boolean silent, Optional<Usage> usage) {

    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        citations = List.copyOf(citations);
        Objects.requireNonNull(usage, "usage");
    }

    static Answer silent(Language language) {
        return new Answer("", language, List.of(), false, false, false, true, Optional.empty());
    }

    Answer withOffers(boolean trialLesson, boolean human) {
        return new Answer(text, language, citations, extractive, offerTrialLesson || trialLesson,
                offerHuman || human, silent, usage);
    }
}
