package il.co.voicely.app.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app carries every schema module, so this is where the policies of core, RAG and gamification
 * tables are checked together: a student, a teacher, an admin and an anonymous visitor each see and
 * change exactly what they should (the script raises on the first wrong count).
 */
@ExtendWith(PostgresExtension.class)
class WholeSchemaRowLevelSecurityTest {

    @Test
    void everyRoleSeesAndChangesOnlyWhatItShouldAcrossAllModules(TestDatabase test) throws Exception {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/db/rls-smoke.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${app_role}", test.settings().appUser());
        }
        try (Connection c = test.ownerConnection(); Statement st = c.createStatement()) {
            assertThatCode(() -> st.execute(script)).doesNotThrowAnyException();
        }
    }

    @Test
    void everyTableOfEveryModuleHasRowLevelSecurityAndAPolicy(TestDatabase test) {
        List<String> unprotected = test.owner().withHandle(h -> h.createQuery("""
                select c.relname from pg_class c
                where c.relkind in ('r', 'p') and c.relnamespace = 'public'::regnamespace
                  and c.relname not like 'flyway_history_%'
                  and (not c.relrowsecurity or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
                order by 1""").mapTo(String.class).list());
        List<String> histories = test.owner().withHandle(h -> h.createQuery(
                "select tablename from pg_tables where tablename like 'flyway_history_%' order by 1").mapTo(String.class).list());

        assertThat(unprotected).isEmpty();
        assertThat(histories).containsExactly("flyway_history_core", "flyway_history_gamification", "flyway_history_rag");
    }
}
