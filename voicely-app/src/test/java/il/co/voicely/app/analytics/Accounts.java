package il.co.voicely.app.analytics;

import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AccountMail;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.identity.PasswordPolicy;
import il.co.voicely.core.identity.SessionPolicy;
import il.co.voicely.core.identity.UserAdministration;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.core.mail.Mailer;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Ready accounts for the analytics tests, made the way an operator's {@code users add} makes them. */
final class Accounts {

    static final String PASSWORD = "a singing lesson at noon";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private Accounts() {
    }

    /** A new account's e-mail. */
    static String create(Database db, Role role) {
        String email = "analytics-" + role.sqlName() + PEOPLE.incrementAndGet() + "@example.com";
        id(db, email, role);
        return email;
    }

    static UUID id(Database db, String email, Role role) {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        UserAdministration admin = new UserAdministration(db, new UserSessions(db, audit, SessionPolicy.defaults(), clock), audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), clock);
        return admin.createAccount(email, role, PASSWORD, "he");
    }
}
