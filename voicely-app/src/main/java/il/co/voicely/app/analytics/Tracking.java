package il.co.voicely.app.analytics;

import il.co.voicely.core.analytics.AnalyticsEvents;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.AuthenticatedUser;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app tells analytics: sign-ins, page views and what features did (recordings, lessons, chats,
 * bookings). Analytics is never worth a failed request, so a
 * failure to record is logged and swallowed.
 */
@Singleton
public final class Tracking {

    private static final Logger LOG = LoggerFactory.getLogger(Tracking.class);

    private final AnalyticsEvents events;

    @Inject
    Tracking(AnalyticsEvents events) {
        this.events = events;
    }

    /** {@code user} has just signed in, by {@code method} ({@code password}, {@code invitation}). */
    public void signedIn(AuthenticatedUser user, String method) {
        record(user.context(), AnalyticsEvents.SIGNIN, Map.of("method", method));
    }

    /** Somebody (or a visitor) read the page at {@code path}. */
    void pageView(Optional<AuthenticatedUser> user, String path) {
        record(user.map(AuthenticatedUser::context).orElseGet(SessionContext::anonymous), AnalyticsEvents.PAGE_VIEW, Map.of("path", path));
    }

    /** {@code user} uploaded a recording from {@code source} ({@code practice}, {@code upload}...). */
    public void recordingCreated(AuthenticatedUser user, UUID recordingId, String source) {
        record(user.context(), AnalyticsEvents.RECORDING_CREATED, Map.of("recording_id", recordingId.toString(), "source", source));
    }

    /** {@code teacher} marked the first attendance of a lesson: the lesson took place. */
    public void lessonHeld(AuthenticatedUser teacher, UUID lessonId) {
        record(teacher.context(), AnalyticsEvents.LESSON_HELD,
                Map.of("lesson_id", lessonId.toString(), "teacher_id", teacher.userId().toString()));
    }

    /** A conversation was opened on {@code channel} ({@code web}, {@code widget}...), by the context's user or a visitor. */
    public void chatStarted(SessionContext context, String channel) {
        record(context, AnalyticsEvents.CHAT_STARTED, Map.of("channel", channel));
    }

    /** A Cal.com booking arrived, of event type {@code eventType} (its id, or {@code unknown}). */
    public void bookingCreated(String eventType) {
        record(SessionContext.system(), AnalyticsEvents.BOOKING_CREATED, Map.of("event_type", eventType));
    }

    private void record(SessionContext context, String name, Map<String, ?> properties) {
        try {
            events.record(context, name, properties);
        } catch (RuntimeException e) {
            LOG.warn("Could not record analytics event {}", name, e);
        }
    }
}
