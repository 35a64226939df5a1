package il.co.voicely.core.chat;

import static il.co.voicely.core.chat.ChatRows.CONVERSATION_COLUMNS;
import static il.co.voicely.core.chat.ChatRows.MESSAGE_COLUMNS;
import static il.co.voicely.core.chat.ChatRows.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Conversations and their messages, on every channel. Every method acts for a {@link SessionContext}, so
 * row-level security decides what the caller sees: staff see every conversation, a student only their
 * own and never internal notes; the app serves anonymous widget visitors and webhooks as {@code system}.
 *
 * <pre>{@code
 * Conversations chats = new Conversations(db, Clock.systemUTC());
 * Conversation c = chats.openOrGet(SessionContext.system(), Channel.WHATSAPP, Contact.external(waId).withName(name));
 * Appended in = chats.receive(SessionContext.system(), c.id(), NewMessage.text(text).withProviderId(wamid));
 * if (!in.redelivery() && handoffs.botMayReply(SessionContext.system(), c.id())) {
 *     chats.send(SessionContext.system(), c.id(), ChatMessage.Sender.BOT, NewMessage.text(answer));
 * }
 * List<ChatMessage> missed = chats.messagesAfter(client.context(), c.id(), lastSeenId, 200);
 * }</pre>
 *
 * <p>Every write announces itself through {@link ChatEvents} in its own transaction.
 */
public final class Conversations {

    private static final ObjectMapper JSON = new ObjectMapper();

    // A lookup per contact key; the caller's value is always a bind parameter.
    private static final String BY_EXTERNAL = "select " + CONVERSATION_COLUMNS
            + " from chat_sessions s where s.channel = :channel and s.external_contact_id = :key order by s.created_at desc limit 1";
    private static final String BY_VISITOR = "select " + CONVERSATION_COLUMNS
            + " from chat_sessions s where s.channel = :channel and s.visitor_key = :key order by s.created_at desc limit 1";
    private static final String BY_USER = "select " + CONVERSATION_COLUMNS
            + " from chat_sessions s where s.channel = :channel and s.user_id = cast(:key as uuid)"
            + " and s.visitor_key is null and s.external_contact_id is null order by s.created_at desc limit 1";

    private static final String INSERT_MESSAGE = """
            insert into chat_messages as m (session_id, direction, sender_type, sender_user_id, message_type, body,
                                            payload, provider_message_id, delivery_status, created_at)
            values (:session, :direction, :sender, :senderUser, :type, :body, cast(:payload as jsonb), :provider,
                    :status, :at)
            on conflict (provider_message_id) do nothing
            returning\s""" + MESSAGE_COLUMNS;

    // Ranks as in DeliveryStatus.rank(): the update applies only when it moves the status forward.
    private static final String UPDATE_STATUS = """
            update chat_messages as m
               set delivery_status = :status, error = coalesce(:error, m.error), status_updated_at = :at
             where %s and m.direction = 'outbound' and m.message_type <> 'note'
               and (case coalesce(m.delivery_status, 'pending') when 'pending' then 0 when 'sent' then 1
                         when 'failed' then 2 when 'delivered' then 3 else 4 end) < :rank
            returning\s""" + MESSAGE_COLUMNS;

    private final Database db;
    private final Clock clock;

    public Conversations(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The contact's conversation on {@code channel}, created in state {@code BOT} if it has none. The same
     * contact always gets the same conversation, also when it was resolved (a new message reopens it).
     * Concurrent calls for one contact (two webhooks, two instances) serialise on an advisory lock.
     *
     * @throws PermissionDeniedException when a student opens a conversation for someone else
     */
    public Conversation openOrGet(SessionContext context, Channel channel, Contact contact) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contact, "contact");
        String sql;
        String key;
        if (contact.externalId().isPresent()) {
            sql = BY_EXTERNAL;
            key = contact.externalId().get();
        } else if (contact.visitorKey().isPresent()) {
            sql = BY_VISITOR;
            key = contact.visitorKey().get();
        } else {
            sql = BY_USER;
            key = contact.userId().orElseThrow().toString();
        }
        try {
            return openOrGet(context, channel, contact, sql, key);
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException cause && "42501".equals(cause.getSQLState())) {
                // Row-level security refused the new row: a student opening someone else's conversation.
                throw new PermissionDeniedException(context.userId().orElse(null), "chat.open",
                        "may not open a conversation for " + contact.userId().map(Object::toString).orElse("another contact"));
            }
            throw e;
        }
    }

    private Conversation openOrGet(SessionContext context, Channel channel, Contact contact, String sql, String key) {
        return db.inContext(context, h -> {
            h.createQuery("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                    .bind("lock", "chat:" + channel.sqlName() + ":" + sql.hashCode() + ":" + key)
                    .mapToMap().one();
            Optional<Conversation> existing = h.createQuery(sql).bind("channel", channel.sqlName()).bind("key", key)
                    .map((rs, ctx) -> ChatRows.conversation(rs)).findOne();
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            return h.createQuery("""
                            insert into chat_sessions as s (channel, user_id, visitor_key, external_contact_id, contact_name,
                                                            contact_phone, contact_email, created_at, last_message_at)
                            values (:channel, :user, :visitor, :external, :name, :phone, :email, :at, :at)
                            returning\s""" + CONVERSATION_COLUMNS)
                    .bind("channel", channel.sqlName())
                    .bind("user", contact.userId().orElse(null))
                    .bind("visitor", contact.visitorKey().orElse(null))
                    .bind("external", contact.externalId().orElse(null))
                    .bind("name", contact.name().orElse(null))
                    .bind("phone", contact.phone().orElse(null))
                    .bind("email", contact.email().orElse(null))
                    .bind("at", utc(now))
                    .map((rs, ctx) -> ChatRows.conversation(rs))
                    .one();
        });
    }

    /** The conversation, if it exists and the caller may see it. */
    public Optional<Conversation> find(SessionContext context, UUID conversationId) {
        return db.inContext(context, h -> ChatRows.find(h, conversationId, false));
    }

    /**
     * Stores a message from the contact. A message whose provider id is already stored is a redelivery:
     * nothing is written and the stored message comes back. A resolved conversation goes back to the bot.
     *
     * @throws ConversationNotFoundException when the caller cannot see the conversation
     */
    public Appended receive(SessionContext context, UUID conversationId, NewMessage message) {
        Objects.requireNonNull(message, "message");
        return db.inContext(context, h -> {
            // The row lock serialises writers of one conversation, so message ids commit in id order
            // and "messages after id N" can never skip one that commits late.
            Conversation c = ChatRows.find(h, conversationId, true).orElseThrow(() -> new ConversationNotFoundException(conversationId));
            Instant now = clock.instant();
            Optional<ChatMessage> stored = insert(h, c, ChatMessage.Direction.INBOUND, ChatMessage.Sender.VISITOR,
                    c.contact().userId().orElse(null), message, null, now);
            if (stored.isEmpty()) {
                return new Appended(existing(h, message.providerMessageId().orElseThrow()), true);
            }
            h.createUpdate("""
                            update chat_sessions
                               set last_message_at = :at, last_inbound_at = :at,
                                   state = case when state = 'resolved' then 'bot' else state end,
                                   assignee_id = case when state = 'resolved' then null else assignee_id end,
                                   resolved_at = case when state = 'resolved' then null else resolved_at end
                             where id = :id""")
                    .bind("at", utc(now)).bind("id", conversationId).execute();
            if (c.state() == ConversationState.RESOLVED) {
                ChatEvents.publish(h, ChatEvent.state(conversationId));
            }
            ChatEvents.publish(h, ChatEvent.message(conversationId, stored.get().id()));
            return new Appended(stored.get(), false);
        });
    }

    /**
     * Stores a message to the contact from the bot, an agent (staff only; the caller is the sender) or the
     * system. Web and widget messages are {@code SENT} at once; WhatsApp and Telegram ones start
     * {@code PENDING} until the sending job calls {@link #markSent}.
     *
     * @throws BotSilencedException when the bot writes to a conversation that is not in state {@code BOT}
     */
    public ChatMessage send(SessionContext context, UUID conversationId, ChatMessage.Sender sender, NewMessage message) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(message, "message");
        if (sender == ChatMessage.Sender.VISITOR) {
            throw new IllegalArgumentException("visitor messages are received, not sent: use receive");
        }
        if (sender == ChatMessage.Sender.AGENT) {
            ChatRows.requireStaff(context, "replying as an agent");
        }
        return db.inContext(context, h -> {
            Conversation c = ChatRows.find(h, conversationId, true).orElseThrow(() -> new ConversationNotFoundException(conversationId));
            if (sender == ChatMessage.Sender.BOT && c.state() != ConversationState.BOT) {
                throw new BotSilencedException(conversationId, c.state());
            }
            Instant now = clock.instant();
            DeliveryStatus status = c.channel() == Channel.WEB || c.channel() == Channel.WIDGET ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
            UUID author = sender == ChatMessage.Sender.AGENT ? context.userId().orElse(null) : null;
            Optional<ChatMessage> stored = insert(h, c, ChatMessage.Direction.OUTBOUND, sender, author, message, status, now);
            if (stored.isEmpty()) {
                return existing(h, message.providerMessageId().orElseThrow());
            }
            h.createUpdate("update chat_sessions set last_message_at = :at where id = :id")
                    .bind("at", utc(now)).bind("id", conversationId).execute();
            ChatEvents.publish(h, ChatEvent.message(conversationId, stored.get().id()));
            return stored.get();
        });
    }

    /** Adds an internal note, which only staff can ever read. Staff only. */
    public ChatMessage addNote(SessionContext context, UUID conversationId, String body) {
        ChatRows.requireStaff(context, "writing internal notes");
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
        NewMessage text = NewMessage.text(body);
        return db.inContext(context, h -> {
            Conversation c = ChatRows.find(h, conversationId, true).orElseThrow(() -> new ConversationNotFoundException(conversationId));
            ChatMessage note = h.createQuery(INSERT_MESSAGE)
                    .bindMap(messageParams(c, ChatMessage.Direction.OUTBOUND, ChatMessage.Sender.AGENT,
                            context.userId().orElse(null), text, null, clock.instant()))
                    .bind("type", ChatMessage.Type.NOTE.sqlName())
                    .map((rs, ctx) -> ChatRows.message(rs)).one();
            ChatEvents.publish(h, ChatEvent.message(conversationId, note.id()));
            return note;
        });
    }

    /** The provider accepted an outbound message: remembers its id (for status webhooks) and marks it sent. */
    public ChatMessage markSent(SessionContext context, long messageId, String providerMessageId) {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        return db.inContext(context, h -> {
            ChatMessage m = h.createQuery("""
                            update chat_messages as m set provider_message_id = :provider,
                                   delivery_status = case when m.delivery_status = 'pending' then 'sent' else m.delivery_status end,
                                   status_updated_at = :at
                             where m.id = :id and m.direction = 'outbound'
                            returning\s""" + MESSAGE_COLUMNS)
                    .bind("provider", providerMessageId).bind("at", utc(clock.instant())).bind("id", messageId)
                    .map((rs, ctx) -> ChatRows.message(rs)).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no outbound message " + messageId + " visible to the caller"));
            ChatEvents.publish(h, ChatEvent.status(m.conversationId(), m.id()));
            return m;
        });
    }

    /**
     * Moves an outbound message's delivery status forward; an update that would move it back (a late
     * {@code delivered} after {@code read}) is ignored. Returns the message as it now stands, or empty when
     * the caller sees no such outbound message.
     */
    public Optional<ChatMessage> updateDelivery(SessionContext context, long messageId, DeliveryStatus status, String error) {
        return updateStatus(context, "m.id = :key", messageId, status, error);
    }

    /** {@link #updateDelivery}, for a provider's status webhook that names its own message id. */
    public Optional<ChatMessage> updateDeliveryByProviderId(SessionContext context, String providerMessageId,
                                                            DeliveryStatus status, String error) {
        return updateStatus(context, "m.provider_message_id = :key", providerMessageId, status, error);
    }

    private Optional<ChatMessage> updateStatus(SessionContext context, String where, Object key, DeliveryStatus status, String error) {
        Objects.requireNonNull(status, "status");
        return db.inContext(context, h -> {
            Optional<ChatMessage> updated = h.createQuery(UPDATE_STATUS.formatted(where))
                    .bind("key", key).bind("status", status.sqlName()).bind("error", error)
                    .bind("at", utc(clock.instant())).bind("rank", status.rank())
                    .map((rs, ctx) -> ChatRows.message(rs)).findOne();
            if (updated.isPresent()) {
                ChatEvents.publish(h, ChatEvent.status(updated.get().conversationId(), updated.get().id()));
                return updated;
            }
            return h.createQuery("select " + MESSAGE_COLUMNS + " from chat_messages m where " + where + " and m.direction = 'outbound'")
                    .bind("key", key).map((rs, ctx) -> ChatRows.message(rs)).findOne();
        });
    }

    /**
     * Up to {@code limit} messages with ids above {@code afterId}, oldest first: what a client that
     * reconnects missed (pass 0 for the whole history). Notes only for staff.
     */
    public List<ChatMessage> messagesAfter(SessionContext context, UUID conversationId, long afterId, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1–500, was " + limit);
        }
        return db.inContext(context, h -> h.createQuery("select " + MESSAGE_COLUMNS
                        + " from chat_messages m where m.session_id = :id and m.id > :after order by m.id limit :limit")
                .bind("id", conversationId).bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> ChatRows.message(rs)).list());
    }

    /** Records that the signed-in caller has read up to {@code messageId}; the marker never moves back. */
    public void markRead(SessionContext context, UUID conversationId, long messageId) {
        UUID reader = context.userId().orElseThrow(() -> new IllegalArgumentException("only signed-in users have read markers"));
        db.useContext(context, h -> {
            ChatRows.find(h, conversationId, false).orElseThrow(() -> new ConversationNotFoundException(conversationId));
            h.createUpdate("""
                            insert into chat_read_markers (session_id, user_id, last_read_message_id) values (:id, :user, :msg)
                            on conflict (session_id, user_id) do update
                               set last_read_message_id = greatest(chat_read_markers.last_read_message_id, excluded.last_read_message_id)""")
                    .bind("id", conversationId).bind("user", reader).bind("msg", messageId).execute();
        });
    }

    /**
     * Unread messages per conversation for the signed-in caller, only conversations with some: for staff,
     * inbound messages in live conversations assigned to them; for a student, our replies in their own.
     */
    public Map<UUID, Long> unreadCounts(SessionContext context) {
        UUID reader = context.userId().orElseThrow(() -> new IllegalArgumentException("only signed-in users have unread counts"));
        boolean staff = ChatRows.isStaff(context);
        return db.inContext(context, h -> h.createQuery("""
                        select s.id, count(m.id) as unread
                          from chat_sessions s
                          join chat_messages m on m.session_id = s.id
                          left join chat_read_markers r on r.session_id = s.id and r.user_id = :me
                         where (case when :staff then s.assignee_id = :me else s.user_id = :me end)
                           and s.state <> 'resolved'
                           and m.direction = :direction and m.message_type <> 'note'
                           and m.id > coalesce(r.last_read_message_id, 0)
                         group by s.id""")
                .bind("me", reader).bind("staff", staff).bind("direction", staff ? "inbound" : "outbound")
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("unread")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Tells the other side that {@code by} ({@code visitor}, or an agent's id) is typing. Nothing is stored. */
    public void typing(SessionContext context, UUID conversationId, String by) {
        Objects.requireNonNull(by, "by");
        db.useContext(context, h -> {
            ChatRows.find(h, conversationId, false).orElseThrow(() -> new ConversationNotFoundException(conversationId));
            ChatEvents.publish(h, ChatEvent.typing(conversationId, by));
        });
    }

    private Optional<ChatMessage> insert(Handle h, Conversation c, ChatMessage.Direction direction, ChatMessage.Sender sender,
                                         UUID senderUser, NewMessage message, DeliveryStatus status, Instant at) {
        return h.createQuery(INSERT_MESSAGE)
                .bindMap(messageParams(c, direction, sender, senderUser, message, status, at))
                .bind("type", message.type().sqlName())
                .map((rs, ctx) -> ChatRows.message(rs))
                .findOne();
    }

    private static Map<String, Object> messageParams(Conversation c, ChatMessage.Direction direction, ChatMessage.Sender sender,
                                                     UUID senderUser, NewMessage message, DeliveryStatus status, Instant at) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("session", c.id());
        p.put("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
        p.put("sender", sender.sqlName());
        p.put("senderUser", senderUser);
        p.put("body", message.body().orElse(null));
        p.put("payload", json(message.payload()));
        p.put("provider", message.providerMessageId().orElse(null));
        p.put("status", status == null ? null : status.sqlName());
        p.put("at", utc(at));
        return p;
    }

    private static ChatMessage existing(Handle h, String providerMessageId) {
        return h.createQuery("select " + MESSAGE_COLUMNS + " from chat_messages m where m.provider_message_id = :p")
                .bind("p", providerMessageId).map((rs, ctx) -> ChatRows.message(rs)).one();
    }

    private static String json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message payload is not JSON-serialisable: " + e.getMessage(), e);
        }
    }
}
