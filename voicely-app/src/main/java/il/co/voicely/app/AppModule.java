package il.co.voicely.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import il.co.voicely.app.jobs.JobQueue;
import il.co.voicely.core.jobs.Jobs;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import il.co.voicely.app.achievements.AchievementsService;
import il.co.voicely.app.admin.AdminService;
import il.co.voicely.app.analytics.AnalyticsModule;
import il.co.voicely.app.api.AuthApi;
import il.co.voicely.app.auth.AuthModule;
import il.co.voicely.app.auth.AuthService;
import il.co.voicely.app.dashboard.DashboardService;
import il.co.voicely.app.dashboard.ProgressService;
import il.co.voicely.app.home.HomeService;
import il.co.voicely.app.lessons.LessonsModule;
import il.co.voicely.app.recordings.RecordingsModule;
import il.co.voicely.app.recordings.RecordingsService;
import il.co.voicely.app.livechat.LiveChatModule;
import il.co.voicely.app.livechat.LiveChatService;
import il.co.voicely.app.settings.SettingsService;
import il.co.voicely.app.webhooks.WebhooksModule;
import il.co.voicely.app.ops.HealthService;
import il.co.voicely.app.ops.Metrics;
import il.co.voicely.app.ops.MetricsService;
import il.co.voicely.app.web.Assets;
import il.co.voicely.app.web.Messages;
import il.co.voicely.app.web.Pages;
import il.co.voicely.app.web.StaticAssets;
import il.co.voicely.app.widget.WidgetService;
import il.co.voicely.core.db.Database;
import io.helidon.webserver.http.HttpService;

/**
 * Wires the app: settings and the already-open database in, one {@link HttpService} per feature out.
 * A new feature adds its service to {@link #features()}; the order there is the routing order.
 */
final class AppModule extends AbstractModule {

    private final AppSettings settings;
    private final Database database;
    private final Metrics metrics;

    AppModule(AppSettings settings, Database database, Metrics metrics) {
        this.settings = settings;
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    protected void configure() {
        bind(AppSettings.class).toInstance(settings);
        bind(Database.class).toInstance(database);
        bind(Metrics.class).toInstance(metrics);
        bind(Messages.class).toInstance(Messages.load());
        bind(Assets.class).toInstance(Assets.fromClassPath());
        // Templates are compiled by jte-maven-plugin at build time: no compiler or file watching at run time.
        bind(TemplateEngine.class).toInstance(TemplateEngine.createPrecompiled(ContentType.Html));
        bind(Pages.class).in(Singleton.class);
        install(new AuthModule());
        install(new LessonsModule());
        install(new WebhooksModule());
        install(new RecordingsModule());
        install(new LiveChatModule());
        install(new AnalyticsModule());
        features();
    }

    private void features() {
        Multibinder<HttpService> features = Multibinder.newSetBinder(binder(), HttpService.class);
        features.addBinding().to(HomeService.class);
        features.addBinding().to(AuthService.class);
        features.addBinding().to(DashboardService.class);
        features.addBinding().to(AchievementsService.class);
        features.addBinding().to(ProgressService.class);
        features.addBinding().to(SettingsService.class);
        features.addBinding().to(AdminService.class);
        features.addBinding().to(AuthApi.class);
        features.addBinding().to(RecordingsService.class);
        features.addBinding().to(LiveChatService.class);
        features.addBinding().to(WidgetService.class);
        features.addBinding().to(HealthService.class);
        features.addBinding().to(MetricsService.class);
        features.addBinding().to(StaticAssets.class);
    }

    @Provides
    @Singleton
    JobQueue jobQueue(Database db) {
        return new JobQueue(db, Jobs.JobSettings.defaults());
    }

    @Provides
    @Singleton
    HealthService health(Database db, AppSettings appSettings) {
        return new HealthService(db, appSettings.home());
    }
}
