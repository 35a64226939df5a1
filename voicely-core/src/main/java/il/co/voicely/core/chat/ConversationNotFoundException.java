package il.co.voicely.core.chat;

import java.util.UUID;

/** No such conversation, or none the caller may see (row-level security makes the two look alike). */
public final class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException(UUID id) {
        super("No conversation " + id + " visible to the caller");
    }
}
