package il.co.voicely.core.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * Inbox filters, built fluently: {@code InboxQuery.live().mine().channel(Channel.WHATSAPP).page(2, 25)}.
 * Without a state filter the inbox shows live conversations (everything but {@code RESOLVED}).
 *
 * @param onlyMine       only conversations assigned to the caller
 * @param onlyUnassigned only conversations nobody has
 * @param tag        only contacts carrying this tag (on the conversation or on its lead)
 */
public record InboxQuery(boolean onlyMine, boolean onlyUnassigned, Optional<ConversationState> state, Optional<Channel> channel,
                         Optional<String> tag, int page, int pageSize) {

    public InboxQuery {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tag, "tag");
        if (onlyMine && onlyUnassigned) {
            throw new IllegalArgumentException("'mine' and 'unassigned' exclude each other");
        }
        if (page < 1 || pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("page must be ≥ 1 and pageSize 1–200, were " + page + ", " + pageSize);
        }
    }

    /** Every live conversation, first page of 50. */
    public static InboxQuery live() {
        return new InboxQuery(false, false, Optional.empty(), Optional.empty(), Optional.empty(), 1, 50);
    }

    public InboxQuery mine() {
        return new InboxQuery(true, false, state, channel, tag, page, pageSize);
    }

    public InboxQuery unassigned() {
        return new InboxQuery(false, true, state, channel, tag, page, pageSize);
    }

    /** Only conversations in {@code value}; {@code PENDING} is the "waiting for a person" view. */
    public InboxQuery state(ConversationState value) {
        return new InboxQuery(onlyMine, onlyUnassigned, Optional.of(value), channel, tag, page, pageSize);
    }

    public InboxQuery channel(Channel value) {
        return new InboxQuery(onlyMine, onlyUnassigned, state, Optional.of(value), tag, page, pageSize);
    }

    public InboxQuery tag(String name) {
        return new InboxQuery(onlyMine, onlyUnassigned, state, channel, Optional.of(name), page, pageSize);
    }

    public InboxQuery page(int number, int size) {
        return new InboxQuery(onlyMine, onlyUnassigned, state, channel, tag, number, size);
    }
}
