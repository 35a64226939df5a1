package il.co.voicely.app.cli;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.InvalidSettingsException;
import il.co.voicely.app.VoicelyApp;
import il.co.voicely.core.db.MigrationException;
import il.co.voicely.core.postgres.PostgresRuntimeException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Starts the web app and returns; the server keeps the JVM alive until SIGTERM/SIGINT stops it in order. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the web app (the default).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final VoicelyCommand.Io io;

    ServeCommand(VoicelyCommand.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        AppSettings settings;
        try {
            settings = io.settings();
        } catch (InvalidSettingsException e) {
            io.err().println("Voicely: " + e.getMessage());
            return 2;
        }
        VoicelyApp app;
        try {
            app = VoicelyApp.start(settings);
        } catch (PostgresRuntimeException | MigrationException | InvalidSettingsException e) {
            log.error("Voicely could not start: {}", e.getMessage(), e);
            io.err().println("Voicely could not start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "voicely-shutdown"));
        log.info("Started in {} ms (JVM uptime)", ManagementFactory.getRuntimeMXBean().getUptime());
        io.out().println("Voicely is running at " + app.url());
        return 0;
    }
}
