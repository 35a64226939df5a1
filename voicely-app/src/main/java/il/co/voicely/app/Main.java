package il.co.voicely.app;

import il.co.voicely.app.cli.VoicelyCommand;
import il.co.voicely.app.ops.Slf4jLogging;

/**
 * The jar's entry point: the {@code voicely} command line ({@link VoicelyCommand}). With no command it
 * starts Voicely from the environment ({@code VOICELY_*}, see {@code .env.example}) and runs until
 * SIGTERM or SIGINT, then stops the server, the database pool and the embedded PostgreSQL, in that order.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command; a command other than the server exits with its code (0 done, 1 refused, 2 bad usage). */
    public static void main(String[] args) {
        Slf4jLogging.install();
        int code = VoicelyCommand.run(args, System.getenv(), System.in, System.out, System.err);
        boolean serving = args.length == 0 || (args[0].equals("serve") && args.length == 1);
        if (code != 0 || !serving) {
            System.exit(code);
        }
    }
}
