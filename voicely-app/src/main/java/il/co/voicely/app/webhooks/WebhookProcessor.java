package il.co.voicely.app.webhooks;

import il.co.voicely.app.jobs.JobQueue;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import il.co.voicely.integrations.calcom.CalComEvent;
import il.co.voicely.integrations.calcom.CalComWebhook;
import il.co.voicely.integrations.whatsapp.WhatsAppWebhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes stored webhook events on db-scheduler: one execution per event (instance id = the row id, so
 * scheduling twice runs once), retried with backoff, and a sweep that reschedules events whose job was
 * lost between the insert and the scheduling.
 */
final class WebhookProcessor {

    static final String TASK = "process-webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final WebhookEvents events;
    private final JobQueue queue;
    private final Optional<WhatsAppWebhook> whatsappWebhook;
    private final Optional<CalComWebhook> calcomWebhook;
    private final WhatsAppInbound whatsapp;
    private final CalComBookings bookings;
    private final OneTimeTask<Long> task;

    WebhookProcessor(WebhookEvents events, JobQueue queue, Optional<WhatsAppWebhook> whatsappWebhook,
                     Optional<CalComWebhook> calcomWebhook, WhatsAppInbound whatsapp, CalComBookings bookings) {
        this.events = events;
        this.queue = queue;
        this.whatsappWebhook = whatsappWebhook;
        this.calcomWebhook = calcomWebhook;
        this.whatsapp = whatsapp;
        this.bookings = bookings;
        this.task = Tasks.oneTime(TASK, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(8,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0)))
                .execute((instance, context) -> process(instance.getData()));
        RecurringTask<Void> sweep = Tasks.recurring("webhook-sweep", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> events.stranded().forEach(this::enqueue));
        queue.register(task);
        queue.register(sweep);
    }

    /** Runs the event's processing as soon as a worker is free. */
    void enqueue(long eventId) {
        queue.client().scheduleIfNotExists(task.instance(Long.toString(eventId), eventId), Instant.now());
    }

    private void process(long eventId) {
        Optional<WebhookEvents.Stored> stored = events.find(eventId);
        if (stored.isEmpty() || stored.get().processed()) {
            return;
        }
        byte[] raw = stored.get().rawBody();
        try {
            String type = switch (stored.get().provider()) {
                case "whatsapp" -> {
                    whatsapp.apply(whatsappWebhook.orElseThrow(() -> new IllegalStateException("WhatsApp is not configured"))
                            .parse(raw));
                    yield "messages";
                }
                case "calcom" -> {
                    CalComEvent event = calcomWebhook.orElseThrow(() -> new IllegalStateException("Cal.com is not configured")).parse(raw);
                    bookings.apply(event, new String(raw, StandardCharsets.UTF_8));
                    yield event.getClass().getSimpleName();
                }
                default -> throw new IllegalStateException("no processing for provider " + stored.get().provider());
            };
            events.markProcessed(eventId, type);
        } catch (RuntimeException e) {
            log.warn("Webhook event {} ({}) failed; it will be retried: {}", eventId, stored.get().provider(), e.toString());
            events.markFailed(eventId, e.toString());
            throw e;
        }
    }
}
