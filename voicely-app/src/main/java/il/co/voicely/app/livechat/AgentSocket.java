package il.co.voicely.app.livechat;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.core.chat.ChatEvent;
import il.co.voicely.core.chat.Channel;
import il.co.voicely.core.chat.Conversation;
import il.co.voicely.core.chat.ConversationState;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.Handoffs;
import il.co.voicely.core.chat.Inbox;
import il.co.voicely.core.chat.InboxItem;
import il.co.voicely.core.chat.InboxQuery;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.chat.QuickReplies;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.identity.UserSessions;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsUpgradeException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /ws/agent}: a teacher's or admin's console socket, signed in by the session cookie and only from
 * our own pages. It watches one conversation at a time and hears about every other one, so the inbox
 * refreshes itself and a new handoff can ring.
 *
 * <p>Client frames: {@code inbox {filter, channel, tag}}, {@code watch {conversation, after}},
 * {@code send {text}}, {@code note {text}}, {@code take}, {@code assign {agent}}, {@code handBack},
 * {@code resolve}, {@code expand {shortcut}}, {@code read {id}}, {@code typing}. Server frames:
 * {@code inbox {items}}, {@code conversation}, {@code message}, {@code state}, {@code changed},
 * {@code handoff}, {@code expanded}, {@code typing}, {@code error}.
 */
final class AgentSocket extends ChatSocket {

    private final Handoffs handoffs;
    private final Inbox inbox;
    private final QuickReplies quickReplies;
    private final UserSessions sessions;
    private final Origins origins;
    private AuthenticatedUser agent;
    private Optional<UUID> watched = Optional.empty();

    AgentSocket(Conversations conversations, ChatHub hub, Handoffs handoffs, Inbox inbox, QuickReplies quickReplies,
                UserSessions sessions, Origins origins) {
        super(conversations, hub);
        this.handoffs = handoffs;
        this.inbox = inbox;
        this.quickReplies = quickReplies;
        this.sessions = sessions;
        this.origins = origins;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        if (!origins.sameOrigin(headers)) {
            throw new WsUpgradeException("the agent console connects from this site only");
        }
        agent = sessionCookie(headers).flatMap(sessions::resolve)
                .filter(u -> u.has(Role.TEACHER) || u.has(Role.ADMIN))
                .orElseThrow(() -> new WsUpgradeException("the agent console needs a signed-in teacher or admin"));
        return Optional.empty();
    }

    @Override
    void onFrame(String type, JsonNode frame) {
        switch (type) {
            case "inbox" -> send(Map.of("type", "inbox", "items", inbox.list(agent.context(), query(frame)).items().stream()
                    .map(AgentSocket::item).toList()));
            case "watch" -> {
                UUID id = uuid(frame, "conversation");
                Conversation c = conversations.find(agent.context(), id)
                        .orElseThrow(() -> new il.co.voicely.core.chat.ConversationNotFoundException(id));
                watched = Optional.of(id);
                resumeAfter(frame.path("after").asLong(0));
                send(conversation(c));
                deliver(agent.context(), id);
            }
            case "send" -> conversations.send(agent.context(), current(), ChatMessage.Sender.AGENT, NewMessage.text(text(frame)));
            case "note" -> conversations.addNote(agent.context(), current(), text(frame));
            case "take" -> handoffs.takeOver(agent.context(), current());
            case "assign" -> handoffs.assign(agent.context(), current(), uuid(frame, "agent"));
            case "handBack" -> handoffs.handBack(agent.context(), current());
            case "resolve" -> handoffs.resolve(agent.context(), current());
            case "expand" -> {
                String shortcut = frame.path("shortcut").asText("").replaceFirst("^/", "");
                send(Map.of("type", "expanded", "shortcut", shortcut,
                        "text", quickReplies.expand(agent.context(), shortcut, current()).orElse("")));
            }
            case "read" -> conversations.markRead(agent.context(), current(), frame.path("id").asLong());
            case "typing" -> conversations.typing(agent.context(), current(), agent.userId().toString());
            default -> error("bad_request");
        }
    }

    @Override
    void onEvent(ChatEvent event) {
        if (event.kind() == ChatEvent.Kind.RESYNC) {
            send(Map.of("type", "changed", "conversation", "", "kind", "resync"));
            watched.ifPresent(id -> deliver(agent.context(), id));
            return;
        }
        UUID id = event.conversationId().orElseThrow();
        boolean mine = watched.filter(id::equals).isPresent();
        switch (event.kind()) {
            case MESSAGE -> {
                send(Map.of("type", "changed", "conversation", id.toString(), "kind", "message"));
                if (mine) {
                    deliver(agent.context(), id);
                }
            }
            case STATE -> {
                Optional<Conversation> c = conversations.find(agent.context(), id);
                send(Map.of("type", "changed", "conversation", id.toString(), "kind", "state"));
                c.filter(x -> x.state() == ConversationState.PENDING)
                        .ifPresent(x -> send(Map.of("type", "handoff", "conversation", id.toString(), "name", name(x))));
                if (mine) {
                    c.ifPresent(x -> send(conversation(x)));
                }
            }
            case TYPING -> {
                if (mine && !agent.userId().toString().equals(event.by().orElse(""))) {
                    send(Map.of("type", "typing"));
                }
            }
            default -> { }
        }
    }

    @Override
    boolean seesNotes() {
        return true;
    }

    private UUID current() {
        return watched.orElseThrow(() -> new IllegalArgumentException("open a conversation first"));
    }

    private static InboxQuery query(JsonNode frame) {
        InboxQuery q = InboxQuery.live();
        switch (frame.path("filter").asText("")) {
            case "mine" -> q = q.mine();
            case "unassigned" -> q = q.unassigned();
            case "pending" -> q = q.state(ConversationState.PENDING);
            case "resolved" -> q = q.state(ConversationState.RESOLVED);
            default -> { }
        }
        String channel = frame.path("channel").asText("");
        if (!channel.isEmpty()) {
            q = q.channel(Channel.valueOf(channel.toUpperCase(Locale.ROOT)));
        }
        String tag = frame.path("tag").asText("").strip();
        if (!tag.isEmpty()) {
            q = q.tag(tag);
        }
        return q;
    }

    private static UUID uuid(JsonNode frame, String field) {
        return UUID.fromString(frame.path(field).asText(""));
    }

    private static String name(Conversation c) {
        return c.contact().name().or(c.contact()::email).or(c.contact()::phone).orElse("");
    }

    private static Map<String, Object> item(InboxItem i) {
        Map<String, Object> out = new LinkedHashMap<>(conversation(i.conversation()));
        out.remove("type");
        out.put("preview", i.lastMessage().orElse(""));
        out.put("unread", i.unread());
        out.put("tags", i.tags());
        return out;
    }

    private static Map<String, Object> conversation(Conversation c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "conversation");
        out.put("id", c.id().toString());
        out.put("channel", c.channel().name().toLowerCase(Locale.ROOT));
        out.put("state", c.state().name().toLowerCase(Locale.ROOT));
        out.put("assignee", c.assigneeId().map(UUID::toString).orElse(""));
        out.put("name", name(c));
        out.put("user", c.contact().userId().map(UUID::toString).orElse(""));
        out.put("at", c.lastMessageAt().toString());
        return out;
    }
}
