package il.co.voicely.core.chat;

import java.util.List;
import java.util.Optional;

/**
 * One inbox row.
 *
 * @param lastMessage the latest message's text (notes excluded), for the preview line
 * @param unread      inbound messages after the caller's read marker
 * @param tags        tag names on the conversation and its lead, sorted
 */
public record InboxItem(Conversation conversation, Optional<String> lastMessage, long unread, List<String> tags) {

    public InboxItem {
        tags = List.copyOf(tags);
    }
}
