package il.co.voicely.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import il.co.voicely.app.livechat.ChatHub;
import il.co.voicely.app.ops.Metrics;
import il.co.voicely.app.jobs.JobQueue;
import il.co.voicely.app.recordings.RecordingPipeline;
import il.co.voicely.core.db.Database;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Voicely: the web server with every feature's routes, on an open database.
 *
 * <pre>{@code
 * try (VoicelyApp app = VoicelyApp.start(AppSettings.load(System.getenv()).withPort(0))) {
 *     URI home = URI.create(app.url());
 * }
 * }</pre>
 *
 * <p>{@link #start(AppSettings)} opens the database the settings name (starting the embedded PostgreSQL
 * if none is configured) and closes it again on {@link #close()}; {@link #start(AppSettings, Database)}
 * runs on a database the caller owns, as tests do.
 */
public final class VoicelyApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VoicelyApp.class);

    static {
        // We use no method interception; without bytecode generation Guice needs no sun.misc.Unsafe,
        // which newer JDKs warn about on every start.
        System.getProperties().putIfAbsent("guice_bytecode_gen_option", "DISABLED");
    }

    private final WebServer server;
    private final Metrics metrics;
    private final Optional<DataStore> ownedData;
    private final JobQueue jobs;
    private final ChatHub chat;
    private final AtomicBoolean closed = new AtomicBoolean();

    private VoicelyApp(WebServer server, Metrics metrics, Optional<DataStore> ownedData, JobQueue jobs, ChatHub chat) {
        this.server = server;
        this.jobs = jobs;
        this.chat = chat;
        this.metrics = metrics;
        this.ownedData = ownedData;
    }

    /**
     * Opens the configured (or embedded) database, migrates it, seeds the embedded one on first use, and
     * starts the server.
     *
     * @throws il.co.voicely.core.postgres.PostgresRuntimeException when the embedded PostgreSQL cannot start
     */
    public static VoicelyApp start(AppSettings settings) {
        DataStore data = DataStore.open(settings, System.out);
        try {
            return start(settings, data.database(), Optional.of(data));
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /** Starts the server on {@code database}, which stays open after {@link #close()}. */
    public static VoicelyApp start(AppSettings settings, Database database) {
        return start(settings, database, Optional.empty());
    }

    private static VoicelyApp start(AppSettings settings, Database database, Optional<DataStore> ownedData) {
        Metrics metrics = Metrics.create();
        JobQueue jobs = null;
        try {
            metrics.bindPool(database.dataSource());
            Injector injector = Guice.createInjector(new AppModule(settings, database, metrics));
            jobs = injector.getInstance(JobQueue.class);
            // Building the routing creates every feature, and each registers its tasks; only then may jobs run.
            var routing = injector.getInstance(Routes.class).routing();
            RecordingPipeline recordings = injector.getInstance(RecordingPipeline.class);
            // Background jobs start with the app, so work left in the queue by a stopped instance resumes.
            jobs.start();
            recordings.resumePending();
            WebServer server = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    // close() stops the server before the database it uses; Helidon's own hook could not know that order.
                    .shutdownHook(false)
                    .routing(routing)
                    .addProtocol(injector.getInstance(WsConfig.class))
                    .addRouting(injector.getInstance(WsRouting.Builder.class))
                    .build()
                    .start();
            return new VoicelyApp(server, metrics, ownedData, jobs, injector.getInstance(ChatHub.class));
        } catch (RuntimeException e) {
            if (jobs != null) {
                jobs.close();
            }
            metrics.close();
            throw e;
        }
    }

    /** The port the server listens on (the real one when started with port 0). */
    public int port() {
        return server.port();
    }

    /** The address to open in a browser on this machine. */
    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** Stops the server, then closes the database and the embedded PostgreSQL if this app opened them. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping Voicely");
        server.stop();
        chat.close();
        // Jobs use the database: they stop (finishing running work) before it closes.
        jobs.close();
        metrics.close();
        ownedData.ifPresent(DataStore::close);
    }
}
