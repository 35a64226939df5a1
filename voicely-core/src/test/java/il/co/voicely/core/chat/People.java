package il.co.voicely.core.chat;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.TestDatabase;
import java.util.UUID;

/** Accounts for chat tests, inserted as the owner; each comes back as the context it acts in. */
final class People {

    private final TestDatabase test;

    People(TestDatabase test) {
        this.test = test;
    }

    SessionContext teacher() {
        return person(Role.TEACHER, null);
    }

    SessionContext admin() {
        return person(Role.ADMIN, null);
    }

    SessionContext student(String displayName) {
        return person(Role.STUDENT, displayName);
    }

    static UUID id(SessionContext context) {
        return context.userId().orElseThrow();
    }

    private SessionContext person(Role role, String displayName) {
        UUID id = UUID.randomUUID();
        test.owner().useHandle(h -> {
            h.execute("insert into users (id, email) values (?, ?)", id, id + "@example.org");
            h.execute("insert into user_roles (user_id, role) values (?, ?)", id, role.sqlName());
            h.execute("insert into profiles (user_id, display_name) values (?, ?)", id, displayName);
        });
        return SessionContext.user(id, role);
    }
}
