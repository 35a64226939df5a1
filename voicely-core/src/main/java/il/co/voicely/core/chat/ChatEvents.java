package il.co.voicely.core.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Publishes {@link ChatEvent}s to every app instance with PostgreSQL {@code NOTIFY} on the channel
 * {@value #CHANNEL}; {@link ChatEventListener} receives them.
 *
 * <pre>{@code
 * db.useContext(ctx, h -> { insertSomething(h); ChatEvents.publish(h, event); });
 * }</pre>
 *
 * <p>Publishing inside the writing transaction is the point: PostgreSQL delivers a notification only
 * when its transaction commits, and in commit order, so no listener hears of a message it cannot read
 * yet, and a rolled-back write is never announced.
 */
public final class ChatEvents {

    /** The {@code LISTEN}/{@code NOTIFY} channel. */
    public static final String CHANNEL = "voicely_chat";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public ChatEvents(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Publishes {@code event} in a transaction of its own (typing indicators). */
    public void publish(SessionContext context, ChatEvent event) {
        db.useContext(context, h -> publish(h, event));
    }

    /** Publishes {@code event} when the caller's transaction commits. */
    public static void publish(Handle handle, ChatEvent event) {
        handle.createQuery("select pg_notify(:channel, :payload)")
                .bind("channel", CHANNEL)
                .bind("payload", toJson(event))
                .mapToMap().one();
    }

    /** The small JSON payload, e.g. {@code {"kind":"message","conversation":"…","message":42}}. */
    static String toJson(ChatEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", event.kind().name().toLowerCase(Locale.ROOT));
        event.conversationId().ifPresent(id -> node.put("conversation", id.toString()));
        event.messageId().ifPresent(id -> node.put("message", id));
        // NOTIFY payloads must stay under 8000 bytes; a typing marker is short by construction.
        event.by().ifPresent(by -> node.put("by", by.length() > 100 ? by.substring(0, 100) : by));
        return node.toString();
    }

    static ChatEvent fromJson(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return new ChatEvent(
                    ChatEvent.Kind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT)),
                    node.hasNonNull("conversation") ? Optional.of(UUID.fromString(node.get("conversation").asText())) : Optional.empty(),
                    node.hasNonNull("message") ? OptionalLong.of(node.get("message").asLong()) : OptionalLong.empty(),
                    node.hasNonNull("by") ? Optional.of(node.get("by").asText()) : Optional.empty());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a chat event payload: '" + payload + "'", e);
        }
    }
}
