package il.co.voicely.app.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
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

/** Accounts for the live-chat tests, made the way an operator's {@code users add} does. */
final class TestPeople {

    static final String PASSWORD = "a singing lesson at noon";
    private static final AtomicInteger COUNT = new AtomicInteger();

    record Person(UUID id, String email) {
        /** Signs in through the form on {@code app}; returns the session token. */
        String signIn(TestApp app) {
            WebClient client = app.client();
            assertThat(client.signIn(email, PASSWORD).statusCode()).isEqualTo(303);
            return client.cookie("voicely_session").orElseThrow();
        }
    }

    private TestPeople() {
    }

    static Person create(Database db, Role role) {
        String email = "chat-" + role.sqlName() + COUNT.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        UserAdministration admin = new UserAdministration(db, new UserSessions(db, audit, SessionPolicy.defaults(), clock), audit,
                new il.co.voicely.core.identity.AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), clock);
        return new Person(admin.createAccount(email, role, PASSWORD, "he"), email);
    }
}
