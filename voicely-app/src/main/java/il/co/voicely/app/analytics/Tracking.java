package il.co.voicely.app.analytics;

import il.co.voicely.core.analytics.AnalyticsEvents;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.AuthenticatedUser;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app tells analytics: sign-ins and page views. Analytics is never worth a failed request, so a
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

    private void record(SessionContext context, String name, Map<String, ?> properties) {
        try {
            events.record(context, name, properties);
        } catch (RuntimeException e) {
            LOG.warn("Could not record analytics event {}", name, e);
        }
    }
}
