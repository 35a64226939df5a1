package il.co.voicely.app.analytics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import il.co.voicely.app.users.UsersService;
import il.co.voicely.core.analytics.AnalyticsEvents;
import il.co.voicely.core.analytics.AnalyticsReports;
import il.co.voicely.core.db.Database;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the admin panel: analytics recording, the analytics pages and their API, data exports and user management. */
public final class AnalyticsModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<HttpService> features = Multibinder.newSetBinder(binder(), HttpService.class);
        features.addBinding().to(AnalyticsService.class);
        features.addBinding().to(UsersService.class);
        features.addBinding().to(ExportService.class);
    }

    @Provides @Singleton
    AnalyticsEvents events(Database db, Clock clock) {
        return new AnalyticsEvents(db, clock);
    }

    @Provides @Singleton
    AnalyticsReports reports(Database db) {
        return new AnalyticsReports(db);
    }
}
