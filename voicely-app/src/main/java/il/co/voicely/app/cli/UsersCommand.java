package il.co.voicely.app.cli;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.DataStore;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AccountInputException;
import il.co.voicely.core.identity.AccountMail;
import il.co.voicely.core.identity.EmailTakenException;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.identity.PasswordPolicy;
import il.co.voicely.core.identity.SessionPolicy;
import il.co.voicely.core.identity.UserAdministration;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.core.mail.Mailer;
import il.co.voicely.core.postgres.PostgresRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voicely users …}: account administration from the shell. */
@Command(name = "users", mixinStandardHelpOptions = true, subcommands = UsersCommand.AddUser.class,
        description = "Manage accounts.")
final class UsersCommand {

    /** The roles an operator can give. */
    enum AccountRole {
        admin(Role.ADMIN), teacher(Role.TEACHER), student(Role.STUDENT);

        private final Role role;

        AccountRole(Role role) {
            this.role = role;
        }
    }

    private static final Map<String, String> INPUT_PROBLEMS = Map.of(
            "email.invalid", "the e-mail address is not valid",
            "password.too_short", "the password is too short (at least " + PasswordPolicy.MIN_LENGTH + " characters)",
            "password.too_long", "the password is too long",
            "password.too_common", "the password is one of the most common passwords; choose another");

    /**
     * Creates an active, verified account with a password read from standard input (never from the
     * command line, where other users of the machine could read it in the process list). Opens the
     * configured database (the embedded one by default) without starting the web server and without
     * seeding the demo school.
     */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account with a password.")
    static final class AddUser implements Callable<Integer> {

        @Option(names = "--email", required = true, description = "the account's e-mail address")
        String email;

        @Option(names = "--role", required = true, description = "admin, teacher or student")
        AccountRole role;

        @Option(names = "--password-stdin", required = true, description = "read the password from standard input (first line)")
        boolean passwordStdin;

        @Option(names = "--locale", defaultValue = "he", description = "he or en (default: he)")
        String locale;

        private final VoicelyCommand.Io io;

        AddUser(VoicelyCommand.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws IOException {
            quietLogs();
            String password = firstLine(io.in().readAllBytes());
            AppSettings settings = io.settings();
            try (DataStore data = DataStore.openWithoutDemo(settings)) {
                Clock clock = Clock.systemUTC();
                AuditLog audit = new AuditLog(data.database(), clock);
                UserSessions sessions = new UserSessions(data.database(), audit, SessionPolicy.defaults(), clock);
                AccountMail mail = new AccountMail(Mailer.configured(settings.smtp(), data.database(), clock), settings.baseUrl());
                UserAdministration admin = new UserAdministration(data.database(), sessions, audit, mail,
                        PasswordHasher.defaults(), PasswordPolicy.standard(), clock);
                UUID id = admin.createAccount(email, role.role, password, locale);
                io.out().println("Created " + role.name() + " " + email.strip().toLowerCase(java.util.Locale.ROOT) + " (id " + id + ")");
                return 0;
            } catch (EmailTakenException e) {
                io.err().println("voicely users add: " + email + " already has an account");
                return 1;
            } catch (AccountInputException e) {
                io.err().println("voicely users add: " + INPUT_PROBLEMS.getOrDefault(e.code(), e.getMessage()));
                return 1;
            } catch (PostgresRuntimeException e) {
                io.err().println("voicely users add: the database could not start: " + e.getMessage());
                return 1;
            }
        }

        /** The command answers in one line; the database's start-up chatter would bury it (warnings still show). */
        private static void quietLogs() {
            if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
                root.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }

        private static String firstLine(byte[] input) {
            String text = new String(input, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
    }
}
