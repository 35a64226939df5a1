package il.co.voicely.app;

import il.co.voicely.app.ops.Slf4jLogging;
import il.co.voicely.core.db.MigrationException;
import il.co.voicely.core.postgres.PostgresRuntimeException;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Voicely from the environment ({@code VOICELY_*}, see {@code .env.example}) and runs until
 * SIGTERM or SIGINT, then stops the server, the database pool and the embedded PostgreSQL, in that order.
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /** Runs the app; exits with 2 on bad settings, 1 when it cannot start. */
    public static void main(String[] args) {
        Slf4jLogging.install();

        AppSettings settings;
        try {
            settings = AppSettings.load(System.getenv());
        } catch (InvalidSettingsException e) {
            System.err.println("Voicely: " + e.getMessage());
            System.exit(2);
            return;
        }

        VoicelyApp app;
        try {
            app = VoicelyApp.start(settings);
        } catch (PostgresRuntimeException | MigrationException | InvalidSettingsException e) {
            log.error("Voicely could not start: {}", e.getMessage(), e);
            System.err.println("Voicely could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "voicely-shutdown"));
        log.info("Started in {} ms (JVM uptime)", ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.println("Voicely is running at " + app.url());
    }
}
