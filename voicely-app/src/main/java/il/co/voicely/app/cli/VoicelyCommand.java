package il.co.voicely.app.cli;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.InvalidSettingsException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code voicely} command line: with no command (or {@code serve}) it runs the web app; {@code users
 * add} creates an account on the configured database.
 *
 * <pre>
 * java -jar voicely-app.jar                       # serve
 * echo 'a long passphrase' | java -jar voicely-app.jar users add --email ops@school.example --role admin --password-stdin
 * </pre>
 */
@Command(name = "voicely", mixinStandardHelpOptions = true, subcommands = {ServeCommand.class, UsersCommand.class},
        description = "Voicely, the voice-coaching school's app. With no command, runs the web server.")
public final class VoicelyCommand implements Callable<Integer> {

    /** What every command reads: the environment's settings, the console, standard input. */
    record Io(Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        AppSettings settings() {
            return AppSettings.load(environment);
        }
    }

    private final Io io;

    VoicelyCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        return new ServeCommand(io).call();
    }

    /**
     * Runs {@code args} and returns the exit code: 0 done (for {@code serve}: started), 1 refused or failed,
     * 2 bad usage or settings.
     */
    public static int run(String[] args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        Io io = new Io(environment, in, out, err);
        CommandLine cli = new CommandLine(new VoicelyCommand(io), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(io));
                }
                if (type == UsersCommand.AddUser.class) {
                    return type.cast(new UsersCommand.AddUser(io));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidSettingsException) {
                err.println("voicely: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
