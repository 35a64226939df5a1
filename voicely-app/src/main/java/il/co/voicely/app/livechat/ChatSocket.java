package il.co.voicely.app.livechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.app.web.Json;
import il.co.voicely.core.chat.ChatEvent;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.Conversation;
import il.co.voicely.core.chat.ConversationNotFoundException;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.InvalidTransitionException;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the visitor's and the agent's sockets share. Everything a socket does (client frames, database
 * events) runs one task at a time on its own virtual thread, so "what did this client get last" needs no
 * lock and every message goes out once, in id order: a message event, a resume and a resync all just
 * send what lies after the last id sent.
 *
 * <p>Frames are JSON objects with a {@code type}. Both sides speak {@code message}, {@code state},
 * {@code typing} and {@code error}; see the subclasses for the rest.
 */
abstract class ChatSocket implements WsListener {

    private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);
    private static final int PAGE = 200;
    static final int MAX_TEXT = 4000;

    protected final Conversations conversations;
    private final ChatHub hub;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("chat-socket").factory());
    private volatile WsSession session;
    private volatile AutoCloseable subscription;
    private long lastSent;
    private boolean resumed;

    ChatSocket(Conversations conversations, ChatHub hub) {
        this.conversations = conversations;
        this.hub = hub;
    }

    @Override
    public void onOpen(WsSession ws) {
        this.session = ws;
        this.subscription = hub.subscribe(event -> serial.execute(() -> guarded(() -> onEvent(event))));
    }

    @Override
    public void onMessage(WsSession ws, String text, boolean last) {
        serial.execute(() -> guarded(() -> {
            JsonNode frame;
            try {
                frame = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                error("bad_request");
                return;
            }
            if (frame == null || !frame.isObject()) {
                error("bad_request");
                return;
            }
            onFrame(frame.path("type").asText(""), frame);
        }));
    }

    @Override
    public void onClose(WsSession ws, int status, String reason) {
        stop();
    }

    @Override
    public void onError(WsSession ws, Throwable t) {
        log.debug("Chat socket failed", t);
        stop();
    }

    private void stop() {
        AutoCloseable s = subscription;
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // removing a subscriber cannot fail in a way worth reporting
            }
        }
        serial.shutdown();
    }

    /** A frame from the client, on the socket's thread. */
    abstract void onFrame(String type, JsonNode frame);

    /** An event from the database, on the socket's thread. */
    abstract void onEvent(ChatEvent event);

    /** Whether this client sees internal notes. */
    abstract boolean seesNotes();

    /** Resumes after {@code afterId}: the next delivery sends what lies after it. */
    final void resumeAfter(long afterId) {
        lastSent = Math.max(0, afterId);
        resumed = true;
    }

    /**
     * Sends every message of {@code conversation} after the last one sent, oldest first. Nothing before the
     * client said where it stands: an event that arrives first would otherwise send the whole history.
     */
    final void deliver(SessionContext context, UUID conversation) {
        if (!resumed) {
            return;
        }
        List<ChatMessage> page;
        do {
            page = conversations.messagesAfter(context, conversation, lastSent, PAGE);
            for (ChatMessage m : page) {
                lastSent = m.id();
                if (m.isNote() && !seesNotes()) {
                    continue;
                }
                send(message(m));
            }
        } while (page.size() == PAGE);
    }

    final Map<String, Object> message(ChatMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "message");
        out.put("id", m.id());
        out.put("conversation", m.conversationId().toString());
        out.put("sender", m.sender().name().toLowerCase(java.util.Locale.ROOT));
        out.put("kind", m.type().name().toLowerCase(java.util.Locale.ROOT));
        out.put("body", m.body().orElse(""));
        out.put("actions", actions(m.payloadJson()));
        out.put("at", m.createdAt().toString());
        return out;
    }

    // Buttons the bot offers under its message, e.g. ["human"]; anything else in the payload stays server-side.
    private static List<String> actions(String payloadJson) {
        try {
            JsonNode actions = Json.MAPPER.readTree(payloadJson).path("actions");
            List<String> out = new java.util.ArrayList<>();
            actions.forEach(a -> out.add(a.asText()));
            return out;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    static Map<String, Object> state(Conversation c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "state");
        out.put("conversation", c.id().toString());
        out.put("state", c.state().name().toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    /** The session token in a handshake's {@code Cookie} header (the HTTP filters do not run for upgrades). */
    static java.util.Optional<String> sessionCookie(io.helidon.http.Headers headers) {
        return headers.first(io.helidon.http.HeaderNames.COOKIE).flatMap(header -> {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(il.co.voicely.app.auth.SessionCookie.NAME)) {
                    return java.util.Optional.of(pair.substring(eq + 1).strip()).filter(v -> !v.isEmpty());
                }
            }
            return java.util.Optional.empty();
        });
    }

    static String text(JsonNode frame) {
        String text = frame.path("text").asText("").strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a message needs 1–" + MAX_TEXT + " characters");
        }
        return text;
    }

    final void error(String code) {
        send(Map.of("type", "error", "code", code));
    }

    final void send(Map<String, ?> frame) {
        WsSession ws = session;
        if (ws == null) {
            return;
        }
        try {
            ws.send(Json.MAPPER.writeValueAsString(frame), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chat frame is not serialisable", e);
        } catch (RuntimeException e) {
            log.debug("Could not send on a chat socket that is going away", e);
        }
    }

    // Library errors become error frames the page can explain; the socket stays open.
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (ConversationNotFoundException e) {
            error("not_found");
        } catch (InvalidTransitionException e) {
            error("invalid_transition");
        } catch (PermissionDeniedException e) {
            error("forbidden");
        } catch (IllegalArgumentException e) {
            error("bad_request");
        } catch (RuntimeException e) {
            log.warn("Chat socket task failed", e);
            error("server");
        }
    }
}
