package il.co.voicely.app.auth;

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

/** Creates ready accounts for tests, the way an operator's {@code users add} does. */
final class TestAccounts {

    static final String PASSWORD = "a singing lesson at noon";

    private TestAccounts() {
    }

    static UUID create(Database db, String email, Role role) {
        return administration(db).createAccount(email, role, PASSWORD, "he");
    }

    /** Administration whose mail goes to the database outbox, where tests read the links. */
    static UserAdministration administration(Database db) {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        return new UserAdministration(db, sessions(db), audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), clock);
    }

    static UserSessions sessions(Database db) {
        Clock clock = Clock.systemUTC();
        return new UserSessions(db, new AuditLog(db, clock), SessionPolicy.defaults(), clock);
    }
}
