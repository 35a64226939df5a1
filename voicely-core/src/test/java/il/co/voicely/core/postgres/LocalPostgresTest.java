package il.co.voicely.core.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    private Path dir;

    @BeforeEach
    void createDirectory() throws Exception {
        dir = Files.createTempDirectory("voicely-localpg-test-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void deleteDirectory() throws Exception {
        LocalPostgres.deleteRecursively(dir);
    }

    private LocalPostgresSettings settings() {
        return LocalPostgresSettings.of(dir.resolve("pg")).forTests();
    }

    @Test
    void firstStartCreatesAClusterWithTheDatabasePgvectorAndAnApplicationRoleThatCannotBypassRls() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(settings())) {
            assertThat(pg.startedHere()).isTrue();
            try (Connection c = pg.connectAsOwner(LocalPostgresSettings.DATABASE); Statement st = c.createStatement()) {
                assertThat(single(st, "select extversion from pg_extension where extname = 'vector'")).startsWith("0.");
                assertThat(single(st, "select ('[1,2,3]'::vector <-> '[1,2,4]'::vector)::text")).isEqualTo("1");
                assertThat(single(st, "select rolsuper or rolbypassrls from pg_roles where rolname = 'voicely_app'")).isEqualTo("f");
                assertThat(single(st, "show listen_addresses")).isEqualTo("127.0.0.1");
            }
            try (Connection app = DriverManager.getConnection(pg.jdbcUrl(LocalPostgresSettings.DATABASE), pg.appUser(), pg.appPassword())) {
                assertThat(app.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void passwordsAreRequiredAndKeptPrivately() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(settings())) {
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.ownerUser(), "wrong"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(Files.getPosixFilePermissions(dir.resolve("pg/credentials.properties")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void dataSurvivesAStopAndTheNextRunReusesTheCluster() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(settings()); Connection c = pg.connectAsOwner(LocalPostgresSettings.DATABASE);
             Statement st = c.createStatement()) {
            st.execute("create table kept (note text)");
            st.execute("insert into kept values ('שלום')");
        }
        try (LocalPostgres pg = LocalPostgres.start(settings()); Connection c = pg.connectAsOwner(LocalPostgresSettings.DATABASE);
             Statement st = c.createStatement()) {
            assertThat(pg.startedHere()).isTrue();
            assertThat(single(st, "select note from kept")).isEqualTo("שלום");
        }
    }

    @Test
    void aServerAlreadyRunningOnTheClusterIsReusedAndLeftRunning() throws Exception {
        try (LocalPostgres first = LocalPostgres.start(settings())) {
            try (LocalPostgres second = LocalPostgres.start(settings())) {
                assertThat(second.startedHere()).isFalse();
                assertThat(second.port()).isEqualTo(first.port());
            }
            try (Connection c = first.connectAsOwner("postgres")) {
                assertThat(c.isValid(2)).as("closing the reusing instance must not stop the server").isTrue();
            }
        }
    }

    @Test
    void aClusterWhoseServerWasKilledStartsAgain() throws Exception {
        int oldPort;
        try (LocalPostgres pg = LocalPostgres.start(settings())) {
            oldPort = pg.port();
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("pg/cluster/postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            assertThat(Files.exists(dir.resolve("pg/cluster/postmaster.pid"))).as("a crash leaves its pid file").isTrue();
        }
        try (LocalPostgres pg = LocalPostgres.start(settings()); Connection c = pg.connectAsOwner(LocalPostgresSettings.DATABASE)) {
            assertThat(pg.startedHere()).isTrue();
            assertThat(c.isValid(2)).isTrue();
            assertThat(oldPort).isPositive();
        }
    }

    @Test
    void missingBinariesAreNamedWithTheCommandThatInstallsThem() {
        var broken = new LocalPostgresSettings(dir.resolve("pg"), Optional.of(dir.resolve("no-such-bin")), "postgres", java.util.Map.of());
        assertThatThrownBy(() -> LocalPostgres.start(broken))
                .isInstanceOf(PostgresRuntimeException.class)
                .hasMessageContaining("initdb")
                .hasMessageContaining("scripts/install-postgres.sh");
    }

    @Test
    void createsAndDropsDatabasesFromATemplate() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(settings())) {
            pg.createDatabase("copy_one", LocalPostgresSettings.DATABASE);
            try (Connection c = pg.connectAsOwner("copy_one"); Statement st = c.createStatement()) {
                assertThat(single(st, "select count(*) from pg_extension where extname = 'vector'")).isEqualTo("1");
            }
            pg.dropDatabase("copy_one");
            assertThatThrownBy(() -> pg.createDatabase("bad name; drop", null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
