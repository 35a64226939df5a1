package il.co.voicely.app.livechat;

import il.co.voicely.app.web.Lang;
import il.co.voicely.app.web.Messages;
import il.co.voicely.core.chat.BotSilencedException;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.Handoffs;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.db.SessionContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bot's turn until the assistant ships: it invents no answers, it says honestly that a person will
 * answer and offers the "talk to a person" button (payload {@code actions: [human]}). Silent whenever a
 * person is involved, as the handoff rule demands.
 */
final class InterimBot {

    private final Conversations conversations;
    private final Handoffs handoffs;
    private final Messages messages;

    InterimBot(Conversations conversations, Handoffs handoffs, Messages messages) {
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.messages = messages;
    }

    /** Answers the visitor's latest message if the conversation is with the bot. */
    void answer(UUID conversationId, Lang lang) {
        if (!handoffs.botMayReply(SessionContext.system(), conversationId)) {
            return;
        }
        try {
            conversations.send(SessionContext.system(), conversationId, ChatMessage.Sender.BOT,
                    NewMessage.of(ChatMessage.Type.TEXT, messages.text(lang, "livechat.bot.offer"), Map.of("actions", List.of("human"))));
        } catch (BotSilencedException e) {
            // An agent took the conversation between the check and the send: silence is right.
        }
    }
}
