package il.co.voicely.app.livechat;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.app.analytics.Tracking;
import il.co.voicely.app.web.Lang;
import il.co.voicely.core.chat.ChatEvent;
import il.co.voicely.core.chat.Channel;
import il.co.voicely.core.chat.Contact;
import il.co.voicely.core.chat.Conversation;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.Handoffs;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.identity.UserSessions;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code /ws/chat?visitor=KEY&lang=he}: one visitor's socket to their own conversation. A signed-in user
 * on our own pages is known by the session cookie and chats on channel {@code web} in their own RLS
 * context; anyone else (the widget on an allowed site, or our page before sign-in) by the random visitor
 * key their browser keeps, served as {@code system} but only ever on the conversation of that key: the
 * client never names a conversation, so it cannot reach another's.
 *
 * <p>Client frames: {@code hello {after}} (resume after the last message id it has), {@code send {text}},
 * {@code human} (talk to a person), {@code typing}. Server frames: {@code ready}, {@code message},
 * {@code state}, {@code typing}, {@code error}. Internal notes never reach this socket.
 */
final class VisitorSocket extends ChatSocket {

    // crypto.randomUUID() in the browser; long enough that keys cannot be guessed.
    private static final Pattern VISITOR_KEY = Pattern.compile("[A-Za-z0-9-]{32,64}");

    private final Handoffs handoffs;
    private final AssistantBot bot;
    private final UserSessions sessions;
    private final Origins origins;
    private final Tracking tracking;
    private SessionContext context;
    private Conversation conversation;
    private Lang lang = Lang.defaultLang();

    VisitorSocket(Conversations conversations, ChatHub hub, Handoffs handoffs, AssistantBot bot, UserSessions sessions, Origins origins,
                  Tracking tracking) {
        super(conversations, hub);
        this.tracking = tracking;
        this.handoffs = handoffs;
        this.bot = bot;
        this.sessions = sessions;
        this.origins = origins;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        boolean ours = origins.sameOrigin(headers);
        if (!ours && !origins.widgetAllowed(headers)) {
            throw new WsUpgradeException("chat is not allowed from origin " + headers.first(HeaderNames.ORIGIN).orElse("?"));
        }
        lang = prologue.query().first("lang").asOptional().flatMap(Lang::fromCode).orElse(Lang.defaultLang());
        // A cookie counts only on our own pages: on another site it would be a page we do not control acting for the user.
        Optional<AuthenticatedUser> user = ours ? sessionCookie(headers).flatMap(sessions::resolve) : Optional.empty();
        // Truncated as the database stores it, so a conversation created by this call is never "before" it.
        Instant asked = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (user.isPresent()) {
            context = user.get().context();
            conversation = conversations.openOrGet(context, Channel.WEB, Contact.user(user.get().userId()));
        } else {
            String key = prologue.query().first("visitor").asOptional().filter(k -> VISITOR_KEY.matcher(k).matches())
                    .orElseThrow(() -> new WsUpgradeException("a visitor key (32–64 letters, digits, dashes) is required"));
            context = SessionContext.system();
            conversation = conversations.openOrGet(context, Channel.WIDGET, Contact.visitor(key));
        }
        if (!conversation.createdAt().isBefore(asked)) {
            tracking.chatStarted(context, conversation.channel().name().toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession ws) {
        super.onOpen(ws);
        send(Map.of("type", "ready", "conversation", conversation.id().toString()));
    }

    @Override
    void onFrame(String type, JsonNode frame) {
        UUID id = conversation.id();
        switch (type) {
            case "hello" -> {
                resumeAfter(frame.path("after").asLong(0));
                conversations.find(context, id).ifPresent(c -> send(state(c)));
                deliver(context, id);
            }
            case "send" -> {
                String question = text(frame);
                conversations.receive(context, id, NewMessage.text(question));
                bot.answer(id, question, lang);
            }
            case "human" -> handoffs.requestHuman(context, id);
            case "typing" -> conversations.typing(context, id, "visitor");
            default -> error("bad_request");
        }
    }

    @Override
    void onEvent(ChatEvent event) {
        UUID id = conversation.id();
        if (event.kind() == ChatEvent.Kind.RESYNC) {
            deliver(context, id);
            conversations.find(context, id).ifPresent(c -> send(state(c)));
            return;
        }
        if (!event.conversationId().orElseThrow().equals(id)) {
            return;
        }
        switch (event.kind()) {
            case MESSAGE -> deliver(context, id);
            case STATE -> conversations.find(context, id).ifPresent(c -> send(state(c)));
            case TYPING -> {
                if (!"visitor".equals(event.by().orElse(""))) {
                    send(Map.of("type", "typing"));
                }
            }
            default -> { }
        }
    }

    @Override
    boolean seesNotes() {
        return false;
    }
}
