package il.co.voicely.app.dashboard;

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
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** Accounts, names and lessons for the progress tests, created the way the app's own operations do. */
public final class Students {

    public static final String PASSWORD = "a singing lesson at noon";
    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");

    private final Database db;
    private final UserAdministration administration;

    public Students(Database db) {
        this.db = db;
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        this.administration = new UserAdministration(db, new UserSessions(db, audit, SessionPolicy.defaults(), clock), audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), clock);
    }

    /** A ready account with a display name. */
    public UUID create(String email, Role role, String name) {
        UUID id = administration.createAccount(email, role, PASSWORD, "he");
        db.useContext(SessionContext.system(), h -> h.createUpdate("""
                        insert into profiles (user_id, display_name) values (:id, :name)
                        on conflict (user_id) do update set display_name = excluded.display_name
                        """)
                .bind("id", id).bind("name", name).execute());
        return id;
    }

    /** A lesson by {@code teacher} at {@code startsAt} with {@code student} enrolled, attendance as given (or none). */
    public UUID lesson(UUID teacher, UUID student, String title, Instant startsAt, String status, String attendance) {
        return db.inContext(SessionContext.system(), h -> {
            UUID lesson = h.createQuery("""
                            insert into lessons (teacher_id, title, kind, starts_at, duration_minutes, status)
                            values (:teacher, :title, 'private', :at, 45, :status) returning id
                            """)
                    .bind("teacher", teacher).bind("title", title).bind("at", startsAt).bind("status", status)
                    .mapTo(UUID.class).one();
            h.createUpdate("insert into lesson_participants (lesson_id, user_id, attendance) values (:lesson, :student, :attendance)")
                    .bind("lesson", lesson).bind("student", student).bind("attendance", attendance).execute();
            return lesson;
        });
    }

    /** A moment early in this month in Israel, already past: the lesson then counts as "this month". */
    public static Instant earlyThisMonth() {
        Instant start = YearMonth.now(ISRAEL).atDay(1).atStartOfDay(ISRAEL).toInstant();
        Instant candidate = start.plusSeconds(60);
        return candidate.isBefore(Instant.now()) ? candidate : start;
    }

    /** Sets whether the student hides from the boards. */
    public void optOut(UUID student, boolean optOut) {
        db.useContext(SessionContext.system(), h -> h.createUpdate("update profiles set leaderboard_opt_out = :o where user_id = :id")
                .bind("o", optOut).bind("id", student).execute());
    }
}
