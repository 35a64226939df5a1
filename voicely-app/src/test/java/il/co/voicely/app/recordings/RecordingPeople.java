package il.co.voicely.app.recordings;

import il.co.voicely.app.WebClient;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.AccountMail;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.identity.PasswordPolicy;
import il.co.voicely.core.identity.SessionPolicy;
import il.co.voicely.core.identity.UserAdministration;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.core.mail.Mailer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts, a teacher–student link, raw uploads and waiting for the job, for the recordings tests. */
final class RecordingPeople {

    static final String PASSWORD = "a singing lesson at noon";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final Database db;
    private final String baseUrl;

    RecordingPeople(Database db, String baseUrl) {
        this.db = db;
        this.baseUrl = baseUrl;
    }

    /** A new account's e-mail. */
    String create(Role role) {
        String email = role.sqlName() + "-rec" + PEOPLE.incrementAndGet() + "@example.com";
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        new UserAdministration(db, new UserSessions(db, audit, SessionPolicy.defaults(), clock), audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), clock)
                .createAccount(email, role, PASSWORD, "he");
        return email;
    }

    UUID id(String email) {
        return db.inContext(SessionContext.system(), h -> h.createQuery("select id from users where email = :e")
                .bind("e", email).mapTo(UUID.class).one());
    }

    /** Makes {@code teacher} the teacher of a group {@code student} belongs to. */
    void teaches(String teacher, String student) {
        db.useContext(SessionContext.system(), h -> {
            UUID group = h.createQuery("insert into groups (name, teacher_id) values ('Choir', :t) returning id")
                    .bind("t", id(teacher)).mapTo(UUID.class).one();
            h.createUpdate("insert into group_members (group_id, user_id) values (:g, :s)").bind("g", group).bind("s", id(student)).execute();
        });
    }

    UUID exercise(String slug) {
        return db.inContext(SessionContext.system(), h -> h.createQuery("select id from vocal_exercises where slug = :s")
                .bind("s", slug).mapTo(UUID.class).one());
    }

    /** POSTs {@code bytes} as the page's script does: raw body, the session cookie and the anti-forgery header. */
    HttpResponse<String> upload(WebClient client, String query, String contentType, byte[] bytes) {
        client.get("/recordings");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl).resolve("/recordings/upload" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-CSRF-Token", client.csrf())
                .header("X-Forwarded-For", client.ip())
                .header("Cookie", "voicely_session=" + client.cookie("voicely_session").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static UUID idOf(HttpResponse<String> created) {
        String url = created.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Waits for the analysis job to finish with the recording; returns its final status. */
    String awaitDone(UUID recording) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            String status = status(recording);
            if (!status.equals("uploaded") && !status.equals("processing")) {
                return status;
            }
            Thread.sleep(200);
        }
        return status(recording);
    }

    String status(UUID recording) {
        return db.inContext(SessionContext.system(), h -> h.createQuery("select status from recordings where id = :id")
                .bind("id", recording).mapTo(String.class).one());
    }

    static Path tempDir() {
        return Path.of("target", "recordings-audio");
    }
}
