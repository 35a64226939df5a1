package il.co.voicely.core.chat;

import java.util.List;

/** One page of the inbox, most recent activity first, and how many rows match in all. */
public record InboxPage(List<InboxItem> items, long total, int page, int pageSize) {

    public InboxPage {
        items = List.copyOf(items);
    }
}
