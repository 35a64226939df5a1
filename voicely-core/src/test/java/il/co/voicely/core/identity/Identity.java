package il.co.voicely.core.identity;

import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.mail.Mailer;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The identity objects wired as the app wires them, with a cheap hasher and a hand-moved clock. */
final class Identity {

    static final PasswordHasher FAST_HASHER = PasswordHasher.withParameters(8 * 1024, 1, 1);
    static final String PASSWORD = "Violet-Scales-2024";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    final MutableClock clock = new MutableClock();
    final AuditLog audit;
    final UserSessions sessions;
    final UserAccounts accounts;
    final UserAdministration admin;
    final Permissions permissions;

    Identity(Database db, Mailer mailer) {
        audit = new AuditLog(db, clock);
        sessions = new UserSessions(db, audit, SessionPolicy.defaults(), clock);
        AccountMail mail = new AccountMail(mailer, URI.create("https://voicely.test/"));
        accounts = new UserAccounts(db, sessions, audit, mail, FAST_HASHER, PasswordPolicy.standard(), clock);
        admin = new UserAdministration(db, sessions, audit, mail, FAST_HASHER, PasswordPolicy.standard(), clock);
        permissions = new Permissions(db);
    }

    /** An active account created by the operator path, signed in. */
    AuthenticatedUser signedIn(String email, Role role) {
        admin.createAccount(email, role, PASSWORD, "he");
        return signIn(email, PASSWORD).user();
    }

    SignedIn signIn(String email, String password) {
        SignInResult result = accounts.authenticate(email, password, "203.0.113.7", "JUnit");
        if (result instanceof SignInResult.Success s) {
            return s.session();
        }
        throw new AssertionError("expected a successful sign-in, got " + result);
    }

    static String tokenIn(String mailBody) {
        Matcher m = TOKEN.matcher(mailBody);
        if (!m.find()) {
            throw new AssertionError("no token link in mail:\n" + mailBody);
        }
        return m.group(1);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
