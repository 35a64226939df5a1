package il.co.voicely.core.testing;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.postgres.LocalPostgres;
import il.co.voicely.core.postgres.LocalPostgresSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a real, migrated PostgreSQL database of its own.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class RecordingsTest {
 *     @Test
 *     void studentSeesOwnRecordings(Database db) { ... }
 * }
 * }</pre>
 *
 * <p>One cluster per test JVM, started on the same runtime the app uses; every schema module on the
 * test class path is migrated once into a template database; each test class then gets a fresh copy of
 * it ({@code CREATE DATABASE … TEMPLATE}, a few milliseconds), so classes never see each other's rows.
 * Parameters that can be injected: {@link Database} (the application role, RLS applies),
 * {@link TestDatabase} (the same plus owner access for fixtures and assertions).
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String TEMPLATE = "voicely_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) {
        testDatabase(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) throws ParameterResolutionException {
        TestDatabase db = testDatabase(extension);
        return parameter.getParameter().getType() == Database.class ? db.database() : db;
    }

    private static TestDatabase testDatabase(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() || classContext.getParent().filter(p -> p.getTestClass().isPresent()).isPresent()) {
            // Nested classes and methods share the outermost test class's database.
            classContext = classContext.getParent().orElseThrow();
        }
        Cluster cluster = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Cluster.class, k -> Cluster.start(), Cluster.class);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(TestDatabase.class, k -> cluster.newDatabase(), TestDatabase.class);
    }

    /** The per-JVM cluster with its migrated template; closed (stopped and deleted) when the JVM's tests end. */
    static final class Cluster implements AutoCloseable {
        private final LocalPostgres postgres;
        private final Path dir;

        private Cluster(LocalPostgres postgres, Path dir) {
            this.postgres = postgres;
            this.dir = dir;
        }

        static Cluster start() {
            try {
                Path dir = Files.createTempDirectory("voicely-test-pg-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                LocalPostgres pg = LocalPostgres.start(LocalPostgresSettings.of(dir).forTests());
                pg.createDatabase(TEMPLATE, LocalPostgresSettings.DATABASE);
                // Opening a Database migrates every schema module on the class path into the template.
                try (Database ignored = Database.open(settings(pg, TEMPLATE))) {
                    // migrated
                }
                return new Cluster(pg, dir);
            } catch (IOException e) {
                throw new IllegalStateException("Could not create a directory for the test cluster", e);
            }
        }

        TestDatabase newDatabase() {
            String name = ("test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet()).toLowerCase(Locale.ROOT);
            postgres.createDatabase(name, TEMPLATE);
            DatabaseSettings settings = settings(postgres, name);
            return new TestDatabase(Database.open(settings), settings, postgres, name);
        }

        private static DatabaseSettings settings(LocalPostgres pg, String database) {
            return new DatabaseSettings(pg.jdbcUrl(database), pg.ownerUser(), pg.ownerPassword(),
                    pg.appUser(), pg.appPassword(), 4);
        }

        @Override
        public void close() throws IOException {
            postgres.close();
            deleteQuietly(dir);
        }

        private static void deleteQuietly(Path dir) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp folder is harmless
            }
        }
    }
}
