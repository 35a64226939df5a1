package il.co.voicely.core.learning;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.TestDatabase;
import java.time.LocalDateTime;
import java.util.UUID;

/** People and groups for the learning tests, written as the owner (RLS does not apply to fixtures). */
public final class School {

    private final TestDatabase test;

    public School(TestDatabase test) {
        this.test = test;
    }

    /** A new user holding {@code role}, with a display name. */
    public UUID person(String name, Role role) {
        UUID id = UUID.randomUUID();
        test.owner().useHandle(h -> {
            h.execute("insert into users (id, email) values (?, ?)", id, name.toLowerCase() + "-" + id.toString().substring(0, 8) + "@example.org");
            h.execute("insert into user_roles (user_id, role) values (?, ?)", id, role.sqlName());
            h.execute("insert into profiles (user_id, display_name) values (?, ?)", id, name);
        });
        return id;
    }

    public UUID teacher(String name) {
        return person(name, Role.TEACHER);
    }

    public UUID student(String name) {
        return person(name, Role.STUDENT);
    }

    /** A group led by {@code teacher} with {@code members}. */
    public UUID group(UUID teacher, UUID... members) {
        UUID id = UUID.randomUUID();
        test.owner().useHandle(h -> {
            h.execute("insert into groups (id, name, teacher_id) values (?, 'Choir', ?)", id, teacher);
            for (UUID m : members) {
                h.execute("insert into group_members (group_id, user_id) values (?, ?)", id, m);
            }
        });
        return id;
    }

    /** The single value {@code sql} selects, as the owner. */
    public String text(String sql) {
        return test.owner().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    /** The rows in {@code table}, as the owner. */
    public int count(String table) {
        Integer n = test.owner().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
        return n;
    }

    /** How many rows of {@code table} have {@code teacher_id = teacher}. */
    public int countOf(String table, UUID teacher) {
        Integer n = test.owner().withHandle(h -> h.createQuery("select count(*) from " + table + " where teacher_id = :t")
                .bind("t", teacher).mapTo(Integer.class).one());
        return n;
    }

    public static SessionContext as(UUID user, Role role) {
        return SessionContext.user(user, role);
    }

    public static SessionContext asTeacher(UUID user) {
        return SessionContext.user(user, Role.TEACHER);
    }

    public static SessionContext asStudent(UUID user) {
        return SessionContext.user(user, Role.STUDENT);
    }

    /** 2026-03-01, a Sunday: the tests' "today". */
    public static final LocalDateTime SUNDAY_MARCH_1 = LocalDateTime.of(2026, 3, 1, 0, 0);
}
