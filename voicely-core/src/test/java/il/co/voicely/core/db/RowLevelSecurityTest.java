package il.co.voicely.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Row-level security is enforced by PostgreSQL itself, through the application role, whatever the SQL says. */
@ExtendWith(PostgresExtension.class)
class RowLevelSecurityTest {

    private final TestDatabase test;
    private final Database db;
    private UUID alice;
    private UUID bob;

    RowLevelSecurityTest(TestDatabase test) {
        this.test = test;
        this.db = test.database();
    }

    @BeforeEach
    void twoStudentsWithTheirOwnData() {
        alice = UUID.randomUUID();
        bob = UUID.randomUUID();
        test.owner().useHandle(h -> {
            h.execute("truncate users cascade");
            for (UUID id : List.of(alice, bob)) {
                String name = id.equals(alice) ? "alice" : "bob";
                h.execute("insert into users (id, email) values (?, ?)", id, name + "@example.org");
                h.execute("insert into user_roles (user_id, role) values (?, 'student')", id);
                h.execute("insert into profiles (user_id, display_name) values (?, ?)", id, name);
                h.execute("insert into user_sessions (user_id, token_hash, expires_at) values (?, ?, now() + interval '1 day')",
                        id, "hash-" + name);
                h.execute("insert into recordings (user_id, blob_key, sha256, mime_type, size_bytes) values (?, ?, ?, 'audio/webm', 10)",
                        id, "blob-" + name, "a".repeat(64));
            }
        });
    }

    private SessionContext asAlice() {
        return SessionContext.user(alice, Role.STUDENT);
    }

    @Test
    void aStudentSeesOnlyTheirOwnRows() {
        for (String table : List.of("users", "profiles", "user_sessions", "recordings")) {
            String owner = table.equals("users") ? "id" : "user_id";
            List<UUID> visible = db.inContext(asAlice(),
                    h -> h.createQuery("select " + owner + " from " + table).mapTo(UUID.class).list());
            assertThat(visible).as(table).containsOnly(alice);
        }
    }

    @Test
    void updatingOrDeletingAnotherUsersRowsAffectsNothing() {
        int updated = db.inContext(asAlice(), h -> h.createUpdate("update profiles set display_name = 'hacked' where user_id = :bob")
                .bind("bob", bob).execute());
        int deletedRecordings = db.inContext(asAlice(), h -> h.createUpdate("delete from recordings where user_id = :bob")
                .bind("bob", bob).execute());
        int deletedSessions = db.inContext(asAlice(), h -> h.createUpdate("delete from user_sessions where user_id = :bob")
                .bind("bob", bob).execute());

        assertThat(updated).isZero();
        assertThat(deletedRecordings).isZero();
        assertThat(deletedSessions).isZero();
        test.owner().useHandle(h -> {
            assertThat(h.createQuery("select display_name from profiles where user_id = ?").bind(0, bob).mapTo(String.class).one())
                    .isEqualTo("bob");
            assertThat(count(h, "select count(*) from recordings where user_id = '" + bob + "'")).isEqualTo(1);
            assertThat(count(h, "select count(*) from user_sessions where user_id = '" + bob + "'")).isEqualTo(1);
        });
    }

    @Test
    void aStudentCannotWriteRowsInSomeoneElsesName() {
        var attempt = org.assertj.core.api.Assertions.catchThrowable(() -> db.useContext(asAlice(), h ->
                h.execute("insert into recordings (user_id, blob_key, sha256, mime_type, size_bytes) values (?, 'x', ?, 'audio/ogg', 1)",
                        bob, "b".repeat(64))));
        assertThat(attempt).hasMessageContaining("row-level security");
    }

    @Test
    void anAdminSeesEveryonesRowsAndAnonymousSeesNoUsers() {
        UUID admin = UUID.randomUUID();
        test.owner().useHandle(h -> h.execute("insert into users (id, email) values (?, 'admin@example.org')", admin));
        long all = db.inContext(SessionContext.user(admin, Role.ADMIN), h -> count(h, "select count(*) from recordings"));
        long anonymousUsers = db.inContext(SessionContext.anonymous(), h -> count(h, "select count(*) from users"));
        long outsideAnyContext = db.inContext(SessionContext.anonymous(), h -> count(h, "select count(*) from user_sessions"));

        assertThat(all).isEqualTo(2);
        assertThat(anonymousUsers).isZero();
        assertThat(outsideAnyContext).isZero();
    }

    @Test
    void theContextEndsWithItsTransactionAndNeverReachesTheNextBorrower() throws Exception {
        db.useContext(asAlice(), h -> assertThat(count(h, "select count(*) from recordings")).isEqualTo(1));
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select coalesce(current_setting('voicely.user_id', true), ''), voicely_role(), "
                     + "(select count(*) from recordings)")) {
            rs.next();
            assertThat(rs.getString(1)).isEmpty();
            assertThat(rs.getString(2)).isEqualTo("anonymous");
            assertThat(rs.getLong(3)).isZero();
        }
    }

    @Test
    void theApplicationConnectsAsARoleThatCannotBypassRowLevelSecurity() {
        var role = db.inContext(SessionContext.system(), h -> h.createQuery(
                "select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .mapToMap().one());
        assertThat(role).containsEntry("name", "voicely_app").containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
    }

    @Test
    void everyTableOutsideTheMigrationHistoryHasRowLevelSecurityEnabled() {
        List<String> unprotected = test.owner().withHandle(h -> h.createQuery("""
                select relname from pg_class
                where relkind in ('r', 'p') and relnamespace = 'public'::regnamespace
                  and not relrowsecurity and relname not like 'flyway_history_%'
                order by relname""").mapTo(String.class).list());
        assertThat(unprotected).isEmpty();
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(long.class).one();
    }
}
