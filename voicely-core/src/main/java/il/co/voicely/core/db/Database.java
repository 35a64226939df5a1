package il.co.voicely.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way into PostgreSQL: migrates every module's schema as the owner, then serves all work through a
 * pool that connects as the application role, inside transactions that carry who they run for.
 *
 * <pre>{@code
 * try (Database db = Database.open(settings)) {
 *     int mine = db.inContext(SessionContext.user(userId, Role.STUDENT),
 *             h -> h.createQuery("select count(*) from recordings").mapTo(int.class).one());
 * }
 * }</pre>
 *
 * <p>Row-level security policies read {@code voicely.user_id} and {@code voicely.role}; this class sets
 * both with {@code set_config(…, true)} at the start of each transaction, so they end with it and never
 * reach the next borrower of the connection. Work outside a context runs as {@code anonymous}.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin()).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Migrates every schema module on the class path, makes sure the application role may use it, and
     * opens the application pool.
     *
     * @throws MigrationException when a migration fails
     * @throws IllegalStateException when the application role could bypass row-level security
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        migrate(settings, Thread.currentThread().getContextClassLoader());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.appUser());
        config.setPassword(settings.appPassword());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setPoolName("voicely");
        config.addDataSourceProperty("ApplicationName", "voicely");
        return new Database(settings, new HikariDataSource(config));
    }

    /** Runs {@code work} in one transaction acting for {@code context}, and returns its result. */
    public <R, X extends Exception> R inContext(SessionContext context, HandleCallback<R, X> work) throws X {
        Objects.requireNonNull(context, "context");
        return jdbi.inTransaction(handle -> {
            applyContext(handle, context);
            return work.withHandle(handle);
        });
    }

    /** Runs {@code work} in one transaction acting for {@code context}. */
    public <X extends Exception> void useContext(SessionContext context, HandleConsumer<X> work) throws X {
        inContext(context, handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    private static void applyContext(Handle handle, SessionContext context) {
        handle.createQuery("select set_config('voicely.user_id', :userId, true) as user_id, set_config('voicely.role', :role, true) as role")
                .bind("userId", context.userId().map(Object::toString).orElse(""))
                .bind("role", context.role().sqlName())
                .mapToMap()
                .one();
    }

    /**
     * The application pool, for libraries that manage their own statements (e.g. the job scheduler).
     * Row-level security applies to it; without a context it acts as {@code anonymous}.
     */
    public DataSource dataSource() {
        return pool;
    }

    /** A quick round trip, for {@code /health}. Never throws. */
    public DatabaseHealth health() {
        long start = System.nanoTime();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(3);
            try (ResultSet rs = st.executeQuery("show server_version")) {
                rs.next();
                return new DatabaseHealth(true, "PostgreSQL " + rs.getString(1), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            return new DatabaseHealth(false, e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The settings this database was opened with. */
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void migrate(DatabaseSettings settings, ClassLoader loader) {
        ensureApplicationRole(settings);
        List<SchemaModules.SchemaModule> modules = SchemaModules.onClassPath(loader);
        for (SchemaModules.SchemaModule module : modules) {
            try {
                var result = Flyway.configure(loader)
                        .dataSource(settings.jdbcUrl(), settings.ownerUser(), settings.ownerPassword())
                        .locations(module.location())
                        .table(module.historyTable())
                        .placeholders(Map.of("app_role", settings.appUser()))
                        // Modules share one schema: the second module finds it non-empty but must still run its V1.
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
                if (result.migrationsExecuted > 0) {
                    log.info("Schema module '{}': applied {} migration(s), now at version {}",
                            module.name(), result.migrationsExecuted, result.targetSchemaVersion);
                }
            } catch (FlywayException e) {
                throw new MigrationException("Migrating schema module '" + module.name() + "' failed: " + e.getMessage(), e);
            }
        }
    }

    /** Creates the application role when missing, and refuses one that would see past row-level security. */
    private static void ensureApplicationRole(DatabaseSettings settings) {
        Properties props = new Properties();
        props.setProperty("user", settings.ownerUser());
        props.setProperty("password", settings.ownerPassword());
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), props)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select rolsuper, rolbypassrls from pg_roles where rolname = ?")) {
                ps.setString(1, settings.appUser());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getBoolean(1) || rs.getBoolean(2)) {
                            throw new IllegalStateException("The application role '" + settings.appUser()
                                    + "' is a superuser or has BYPASSRLS, so row-level security would not protect users' data."
                                    + " Use a plain role: ALTER ROLE " + settings.appUser() + " NOSUPERUSER NOBYPASSRLS;");
                        }
                    } else {
                        createApplicationRole(c, settings);
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("grant connect on database \"" + c.getCatalog() + "\" to \"" + settings.appUser() + "\"");
                st.execute("grant usage on schema public to \"" + settings.appUser() + "\"");
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not prepare the application role '" + settings.appUser() + "' on "
                    + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private static void createApplicationRole(Connection c, DatabaseSettings settings) throws SQLException {
        if (!settings.appUser().matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("application role name must be a plain identifier: '" + settings.appUser() + "'");
        }
        try (Statement st = c.createStatement()) {
            // CREATE ROLE takes no bind parameters; the password is quoted by the server's own function.
            String quoted;
            try (ResultSet rs = st.executeQuery("select quote_literal('" + settings.appPassword().replace("'", "''") + "')")) {
                rs.next();
                quoted = rs.getString(1);
            }
            st.execute("create role " + settings.appUser() + " login nosuperuser nocreatedb nocreaterole nobypassrls password " + quoted);
            log.info("Created the application role '{}'", settings.appUser());
        }
    }
}
