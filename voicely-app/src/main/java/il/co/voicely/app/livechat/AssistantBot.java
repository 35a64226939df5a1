package il.co.voicely.app.livechat;

import com.google.inject.Provider;
import il.co.voicely.app.web.Lang;
import il.co.voicely.app.web.Messages;
import il.co.voicely.core.chat.BotSilencedException;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.Handoffs;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.assist.Answer;
import il.co.voicely.rag.assist.Language;
import il.co.voicely.rag.assist.WebsiteAssistant;
import il.co.voicely.rag.search.Citation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's turn: the {@link WebsiteAssistant} answers the visitor from the school's website, in the
 * visitor's language, with its sources. The payload's {@code actions} become buttons under the message:
 * {@code human} ("talk to a person") when the assistant offers one, {@code trial} ("book a trial lesson") when
 * the visitor wants to book. Silent whenever a person has the conversation, as the handoff rule demands.
 */
final class AssistantBot {

    private static final Logger log = LoggerFactory.getLogger(AssistantBot.class);

    private final Conversations conversations;
    private final Handoffs handoffs;
    // A provider: the embedding model loads on the first question, not when the server starts.
    private final Provider<WebsiteAssistant> assistant;
    private final Messages messages;

    AssistantBot(Conversations conversations, Handoffs handoffs, Provider<WebsiteAssistant> assistant, Messages messages) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.assistant = assistant;
        this.messages = messages;
    }

    /**
     * Answers the visitor's {@code question} if the conversation is with the bot. Returns at once: search
     * and a model may take seconds, and the socket's thread must keep reading frames meanwhile.
     */
    void answer(UUID conversationId, String question, Lang lang) {
        if (!handoffs.botMayReply(SessionContext.system(), conversationId)) {
            return;
        }
        Thread.ofVirtual().name("chat-bot-" + conversationId).start(() -> reply(conversationId, question, lang));
    }

    private void reply(UUID conversationId, String question, Lang lang) {
        NewMessage message;
        try {
            Answer answer = assistant.get().ask(java.util.Optional.of(conversationId), question, text -> { });
            if (answer.silent()) {
                return;
            }
            message = message(answer);
        } catch (RuntimeException e) {
            // A model or search failure must not leave the visitor unanswered: say so and offer a person.
            log.warn("The website assistant failed on conversation {}", conversationId, e);
            message = NewMessage.of(ChatMessage.Type.TEXT, messages.text(lang, "assistant.unavailable"),
                    Map.of("actions", List.of("human")));
        }
        try {
            conversations.send(SessionContext.system(), conversationId, ChatMessage.Sender.BOT, message);
        } catch (BotSilencedException e) {
            // An agent took the conversation while the assistant was thinking: silence is right.
        }
    }

    private NewMessage message(Answer answer) {
        Lang lang = answer.language() == Language.HEBREW ? Lang.HE : Lang.EN;
        StringBuilder body = new StringBuilder(answer.text().strip());
        // A quoting answer already names each source beside its quote; a model's answer cites [1], [2] only.
        if (!answer.extractive() && !answer.citations().isEmpty()) {
            body.append("\n\n").append(messages.text(lang, "assistant.sources"));
            for (int i = 0; i < answer.citations().size(); i++) {
                body.append("\n[").append(i + 1).append("] ").append(answer.citations().get(i).label());
            }
        }
        List<String> actions = new ArrayList<>();
        if (answer.offerHuman()) {
            actions.add("human");
        }
        if (answer.offerTrialLesson()) {
            actions.add("trial");
        }
        List<Map<String, String>> citations = answer.citations().stream().map(AssistantBot::citation).toList();
        return NewMessage.of(ChatMessage.Type.TEXT, body.toString(), Map.of("actions", actions, "citations", citations));
    }

    private static Map<String, String> citation(Citation c) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("title", c.title());
        c.uri().ifPresent(uri -> out.put("url", uri));
        return out;
    }
}
