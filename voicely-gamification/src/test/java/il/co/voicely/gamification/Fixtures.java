package il.co.voicely.gamification;

import il.co.voicely.core.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.UUID;

/** Rows the specifications arrange through the owner connection (row-level security does not apply). */
public final class Fixtures {

    public static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");

    private Fixtures() {
    }

    /** An adult student in Israel who appears on boards. */
    public static UUID student(TestDatabase t, String displayName) {
        return student(t, displayName, null, false, "Asia/Jerusalem");
    }

    public static UUID student(TestDatabase t, String displayName, LocalDate birthDate, boolean optOut, String timeZone) {
        UUID id = UUID.randomUUID();
        t.owner().useHandle(h -> {
            h.createUpdate("insert into users (id, email, time_zone, birth_date) values (:id, :email, :zone, :birth)")
                    .bind("id", id).bind("email", id + "@example.com").bind("zone", timeZone)
                    .bindByType("birth", birthDate, LocalDate.class).execute();
            h.createUpdate("insert into user_roles (user_id, role) values (:id, 'student')").bind("id", id).execute();
            h.createUpdate("insert into profiles (user_id, display_name, leaderboard_opt_out) values (:id, :name, :optOut)")
                    .bind("id", id).bind("name", displayName).bind("optOut", optOut).execute();
        });
        return id;
    }

    /** A vocal exercise to score attempts on. */
    public static UUID exercise(TestDatabase t) {
        UUID id = UUID.randomUUID();
        t.owner().useHandle(h -> h.createUpdate("insert into vocal_exercises (id, slug, title) values (:id, :slug, 'Scale')")
                .bind("id", id).bind("slug", "ex-" + id).execute());
        return id;
    }

    /** A group with these members. */
    public static UUID group(TestDatabase t, UUID... members) {
        UUID id = UUID.randomUUID();
        t.owner().useHandle(h -> {
            h.createUpdate("insert into groups (id, name) values (:id, 'Choir')").bind("id", id).execute();
            for (UUID m : members) {
                h.createUpdate("insert into group_members (group_id, user_id) values (:g, :u)").bind("g", id).bind("u", m).execute();
            }
        });
        return id;
    }

    /** The instant of a wall-clock time in Israel. */
    public static Instant israel(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ISRAEL).toInstant();
    }
}
