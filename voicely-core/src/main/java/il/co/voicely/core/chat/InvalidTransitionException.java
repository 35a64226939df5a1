package il.co.voicely.core.chat;

import java.util.UUID;

/** A handoff step that the conversation's current state does not allow, e.g. hand back a resolved one. */
public final class InvalidTransitionException extends RuntimeException {

    private final ConversationState from;
    private final String action;

    public InvalidTransitionException(UUID conversationId, ConversationState from, String action) {
        super("Conversation " + conversationId + " is " + from + "; cannot " + action);
        this.from = from;
        this.action = action;
    }

    /** The state the conversation was in. */
    public ConversationState from() {
        return from;
    }

    /** What was attempted: {@code take over}, {@code assign}, {@code hand back}, {@code resolve}, … */
    public String action() {
        return action;
    }
}
