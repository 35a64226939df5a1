package il.co.voicely.app.webhooks;

import il.co.voicely.app.jobs.JobQueue;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import il.co.voicely.app.AppSettings;
import il.co.voicely.app.analytics.Tracking;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.learning.EnrolmentPolicy;
import il.co.voicely.core.learning.Enrolments;
import il.co.voicely.core.learning.Scheduling;
import il.co.voicely.core.mail.Mailer;
import il.co.voicely.integrations.calcom.CalComWebhook;
import il.co.voicely.integrations.http.Retries;
import il.co.voicely.integrations.whatsapp.WhatsAppClient;
import il.co.voicely.integrations.whatsapp.WhatsAppWebhook;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;
import java.util.Optional;

/**
 * Wires the WhatsApp and Cal.com webhooks, their processing jobs and the lesson reminders from
 * {@link AppSettings#integrations()}. Installing it adds {@link WebhooksService} to the app's features.
 */
public final class WebhooksModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), HttpService.class).addBinding().to(WebhooksService.class);
    }

    @Provides @Singleton
    Optional<WhatsAppWebhook> whatsappWebhook(AppSettings settings) {
        IntegrationSettings s = settings.integrations();
        return s.whatsappAppSecret().map(secret -> new WhatsAppWebhook(secret, s.whatsappVerifyToken().orElse("")));
    }

    @Provides @Singleton
    Optional<CalComWebhook> calcomWebhook(AppSettings settings) {
        return settings.integrations().calcomWebhookSecret().map(CalComWebhook::new);
    }

    @Provides @Singleton
    Optional<WhatsAppClient> whatsappClient(AppSettings settings) {
        IntegrationSettings s = settings.integrations();
        if (s.whatsappAccessToken().isEmpty() || s.whatsappPhoneNumberId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(WhatsAppClient.builder().accessToken(s.whatsappAccessToken().get())
                .phoneNumberId(s.whatsappPhoneNumberId().get()).baseUri(s.whatsappApiBase()).build());
    }

    /** Its own client without in-call retries: the Cloud API has no idempotency key, so only the job retries. */
    @Provides @Singleton
    WhatsAppOutbox outbox(Database db, JobQueue queue, Clock clock, AppSettings settings) {
        IntegrationSettings s = settings.integrations();
        Optional<WhatsAppClient> client = s.whatsappAccessToken().isEmpty() || s.whatsappPhoneNumberId().isEmpty()
                ? Optional.empty()
                : Optional.of(WhatsAppClient.builder().accessToken(s.whatsappAccessToken().get())
                        .phoneNumberId(s.whatsappPhoneNumberId().get()).baseUri(s.whatsappApiBase()).retries(Retries.none()).build());
        return new WhatsAppOutbox(db, new Conversations(db, clock), queue, clock, client);
    }

    @Provides @Singleton
    LessonReminders reminders(Database db, JobQueue queue, Clock clock, Optional<WhatsAppClient> whatsapp, AppSettings settings) {
        return new LessonReminders(db, queue, clock, whatsapp, Mailer.configured(settings.smtp(), db, clock));
    }

    @Provides @Singleton
    WebhookProcessor processor(Database db, JobQueue queue, Clock clock, Optional<WhatsAppWebhook> whatsappWebhook,
                               Optional<CalComWebhook> calcomWebhook, LessonReminders reminders, Tracking tracking) {
        CalComBookings bookings = new CalComBookings(db, new Scheduling(db, clock),
                new Enrolments(db, EnrolmentPolicy.defaults(), clock), reminders, tracking);
        return new WebhookProcessor(new WebhookEvents(db, clock), queue, whatsappWebhook, calcomWebhook,
                new WhatsAppInbound(new Conversations(db, clock)), bookings);
    }

    /** Takes the outbox too, so its task is registered before the service starts the scheduler. */
    @Provides @Singleton
    WebhooksService service(Database db, Clock clock, Optional<WhatsAppWebhook> whatsappWebhook,
                            Optional<CalComWebhook> calcomWebhook, WebhookProcessor processor, JobQueue queue,
                            WhatsAppOutbox outbox) {
        return new WebhooksService(whatsappWebhook, calcomWebhook, new WebhookEvents(db, clock), processor, queue);
    }
}
