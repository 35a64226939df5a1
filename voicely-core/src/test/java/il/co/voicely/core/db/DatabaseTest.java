package il.co.voicely.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DatabaseTest {

    @Test
    void eachSchemaModuleHasItsOwnMigrationHistory(TestDatabase test) {
        List<String> histories = test.owner().withHandle(h -> h.createQuery(
                "select tablename from pg_tables where tablename like 'flyway_history_%' order by 1").mapTo(String.class).list());
        assertThat(histories).contains("flyway_history_core");
    }

    @Test
    void openingAnAlreadyMigratedDatabaseAgainChangesNothing(TestDatabase test) {
        long before = test.owner().withHandle(h -> h.createQuery("select count(*) from flyway_history_core").mapTo(long.class).one());
        try (Database again = Database.open(test.settings())) {
            assertThat(again.health().up()).isTrue();
        }
        long after = test.owner().withHandle(h -> h.createQuery("select count(*) from flyway_history_core").mapTo(long.class).one());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void healthReportsTheServerVersionWhenUpAndTheErrorWhenDown(TestDatabase test) {
        assertThat(test.database().health()).satisfies(h -> {
            assertThat(h.up()).isTrue();
            assertThat(h.detail()).startsWith("PostgreSQL 1");
        });
        Database closed = Database.open(test.settings().withPoolSize(1));
        closed.close();
        assertThat(closed.health().up()).isFalse();
    }

    @Test
    void aFailedTransactionLeavesNothingBehind(Database db) {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> db.useContext(SessionContext.system(), h -> {
            h.execute("insert into users (id, email) values (?, 'rollback@example.org')", id);
            h.execute("insert into users (id, email) values (?, 'rollback@example.org')", id);
        })).hasMessageContaining("duplicate key");
        long left = db.inContext(SessionContext.system(), h -> h.createQuery("select count(*) from users where id = ?")
                .bind(0, id).mapTo(long.class).one());
        assertThat(left).isZero();
    }

    @Test
    void settingsRefuseAnApplicationRoleThatIsTheOwner() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://127.0.0.1/x", "voicely", "p", "voicely", "p", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row-level security");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://x", "o", "p", "a", "p", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a PostgreSQL JDBC URL");
    }

    @Test
    void anApplicationRoleThatCouldBypassRowLevelSecurityIsRefused(TestDatabase test) {
        test.owner().useHandle(h -> h.execute("do $$ begin if not exists (select from pg_roles where rolname = 'too_powerful') "
                + "then create role too_powerful login bypassrls password 'x'; end if; end $$"));
        var settings = new DatabaseSettings(test.settings().jdbcUrl(), test.settings().ownerUser(), test.settings().ownerPassword(),
                "too_powerful", "x", 1);
        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BYPASSRLS");
    }

    @Test
    void aMissingApplicationRoleIsCreatedWithoutPrivilegesBeyondItsGrants(TestDatabase test) {
        var settings = new DatabaseSettings(test.settings().jdbcUrl(), test.settings().ownerUser(), test.settings().ownerPassword(),
                "fresh_app_" + Math.abs(System.nanoTime() % 100000), "s3cret'quote", 1);
        try (Database created = Database.open(settings)) {
            assertThat(created.health().up()).isTrue();
        }
    }

    @Test
    void aStudentRoleWithoutAUserIsRefused() {
        assertThatThrownBy(() -> new SessionContext(java.util.Optional.empty(), Role.STUDENT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
