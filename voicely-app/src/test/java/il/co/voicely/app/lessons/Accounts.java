package il.co.voicely.app.lessons;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
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

/** Ready accounts for the lesson and group tests, each signed in through the form in its own "browser". */
public final class Accounts {

    public static final String PASSWORD = "a singing lesson at noon";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Database db;
    private final TestApp app;

    public Accounts(Database db, TestApp app) {
        this.db = db;
        this.app = app;
    }

    /** A new account with {@code role}, named {@code name}. */
    public UUID create(String name, Role role) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + SEQUENCE.incrementAndGet() + "@lessons.test";
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        UserAdministration admin = new UserAdministration(db, new UserSessions(db, audit, SessionPolicy.defaults(), clock), audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.withParameters(8 * 1024, 1, 1), PasswordPolicy.standard(), clock);
        UUID id = admin.createAccount(email, role, PASSWORD, "he");
        db.useContext(il.co.voicely.core.db.SessionContext.system(), h -> h.createUpdate(
                        "insert into profiles (user_id, display_name) values (:id, :name) on conflict (user_id) do update set display_name = :name")
                .bind("id", id).bind("name", name).execute());
        emails.put(id, email);
        return id;
    }

    private final java.util.Map<UUID, String> emails = new java.util.concurrent.ConcurrentHashMap<>();

    /** A browser signed in as {@code user}, speaking English. */
    public WebClient signedIn(UUID user) {
        WebClient browser = app.client();
        browser.signIn(emails.get(user), PASSWORD);
        browser.get("/lessons?lang=en");
        return browser;
    }

    public String email(UUID user) {
        return emails.get(user);
    }
}
