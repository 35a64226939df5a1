package il.co.voicely.core.chat;

import java.util.UUID;

/** The bot tried to answer a conversation a person has taken (or is waiting for). */
public final class BotSilencedException extends RuntimeException {

    public BotSilencedException(UUID conversationId, ConversationState state) {
        super("Conversation " + conversationId + " is " + state + ": the bot stays silent until it is handed back or resolved");
    }
}
