package il.co.voicely.app.webhooks;

import il.co.voicely.app.jobs.JobQueue;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.ConversationNotFoundException;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.DeliveryStatus;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.integrations.whatsapp.OutboundMessage;
import il.co.voicely.integrations.whatsapp.SentMessage;
import il.co.voicely.integrations.whatsapp.WhatsAppClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' replies to WhatsApp conversations, sent through an outbox: the reply is stored first
 * ({@code pending}, shown in the chat at once), then a db-scheduler job hands it to the Cloud API, retries
 * with backoff, and records Meta's message id, so the status webhooks ({@code sent → delivered → read})
 * find it. After the last retry the message is marked {@code failed}.
 *
 * <pre>{@code
 * ChatMessage pending = outbox.reply(agent.context(), conversationId, "See you on Sunday!");
 * }</pre>
 */
public final class WhatsAppOutbox {

    /** Meta's customer-service window: free-form messages only this long after the contact's last message. */
    public static final Duration WINDOW = Duration.ofHours(24);
    static final String TASK = "whatsapp-outbound";
    private static final Logger log = LoggerFactory.getLogger(WhatsAppOutbox.class);

    /** Which stored message to send. */
    record Outgoing(long messageId) {
    }

    private final Database db;
    private final Conversations conversations;
    private final JobQueue queue;
    private final Clock clock;
    private final Optional<WhatsAppClient> whatsapp;
    private final OneTimeTask<Outgoing> task;

    WhatsAppOutbox(Database db, Conversations conversations, JobQueue queue, Clock clock, Optional<WhatsAppClient> whatsapp) {
        this.db = db;
        this.conversations = conversations;
        this.queue = queue;
        this.clock = clock;
        this.whatsapp = whatsapp;
        this.task = Tasks.oneTime(TASK, Outgoing.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(6,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10), 2.0),
                        (complete, operations) -> {
                            operations.stop();
                            giveUp(((Outgoing) complete.getExecution().taskInstance.getData()).messageId(),
                                    complete.getCause().map(Throwable::getMessage).orElse("unknown error"));
                        }))
                .execute((instance, context) -> deliver(instance.getData().messageId()));
        queue.register(task);
    }

    /**
     * Stores an agent's text reply and queues it for sending.
     *
     * @throws CustomerServiceWindowClosedException when the contact's last message is older than {@link #WINDOW}
     * @throws ConversationNotFoundException        when the agent cannot see a WhatsApp conversation with this id
     */
    public ChatMessage reply(SessionContext agent, UUID conversationId, String text) {
        Optional<Optional<Instant>> lastInbound = db.inContext(agent, h -> h.createQuery(
                        "select last_inbound_at from chat_sessions where id = :id and channel = 'whatsapp'")
                .bind("id", conversationId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject("last_inbound_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .findOne());
        if (lastInbound.isEmpty()) {
            throw new ConversationNotFoundException(conversationId);
        }
        if (lastInbound.get().isEmpty() || lastInbound.get().get().plus(WINDOW).isBefore(clock.instant())) {
            throw new CustomerServiceWindowClosedException(conversationId, lastInbound.get());
        }
        ChatMessage pending = conversations.send(agent, conversationId, ChatMessage.Sender.AGENT, NewMessage.text(text));
        queue.client().scheduleIfNotExists(task.instance("message-" + pending.id(), new Outgoing(pending.id())), Instant.now());
        return pending;
    }

    private void deliver(long messageId) {
        Optional<String[]> message = db.inContext(SessionContext.system(), h -> h.createQuery("""
                        select m.body, s.external_contact_id, m.provider_message_id
                          from chat_messages m join chat_sessions s on s.id = m.session_id
                         where m.id = :id and m.direction = 'outbound'""")
                .bind("id", messageId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .findOne());
        if (message.isEmpty() || message.get()[2] != null) {
            return; // gone, or already accepted by Meta: a retry must not send it twice
        }
        WhatsAppClient client = whatsapp.orElseThrow(() -> new IllegalStateException("WhatsApp sending is not configured"));
        SentMessage sent = client.send(OutboundMessage.text("+" + message.get()[1], message.get()[0]));
        conversations.markSent(SessionContext.system(), messageId, sent.messageId());
    }

    private void giveUp(long messageId, String error) {
        log.warn("WhatsApp message {} not sent after the last retry: {}", messageId, error);
        conversations.updateDelivery(SessionContext.system(), messageId, DeliveryStatus.FAILED, error);
    }
}
