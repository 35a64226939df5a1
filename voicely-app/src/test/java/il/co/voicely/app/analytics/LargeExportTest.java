package il.co.voicely.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 200,000 people exported as CSV and XLSX by a JVM whose whole heap is 48 MiB: the rows alone, held in
 * memory as strings, would need several times that, so finishing proves the export streams.
 */
@ExtendWith(PostgresExtension.class)
class LargeExportTest {

    static final int PEOPLE = 200_000;
    static final String HEAP = "-Xmx48m";

    @Test
    void twoHundredThousandRowsExportInASmallHeap(TestDatabase db) throws IOException, InterruptedException {
        UUID admin = UUID.randomUUID();
        db.owner().useHandle(h -> {
            h.execute("insert into users (id, email) values (?, 'export-admin@example.com')", admin);
            h.execute("insert into user_roles (user_id, role) values (?, 'admin')", admin);
            h.execute("""
                    insert into users (id, email, created_at)
                    select md5('person' || n)::uuid, 'person' || n || '@example.com', now() - n * interval '1 minute'
                      from generate_series(1, %d) n
                    """.formatted(PEOPLE));
            h.execute("""
                    insert into profiles (user_id, display_name)
                    select md5('person' || n)::uuid, 'תלמידה מספר ' || n || ' שלומדת פיתוח קול' from generate_series(1, %d) n
                    """.formatted(PEOPLE));
        });
        DatabaseSettings s = db.settings();
        String java = ProcessHandle.current().info().command().orElse("java");

        Process child = new ProcessBuilder(List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
                ExportMemoryMain.class.getName(), s.jdbcUrl(), s.ownerUser(), s.ownerPassword(), s.appUser(), s.appPassword(),
                admin.toString())).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("csv rows=" + (PEOPLE + 1)).contains("xlsx rows=" + (PEOPLE + 1)).contains("heapMiB=");
    }
}
