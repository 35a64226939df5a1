package il.co.voicely.core.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL cluster started from the installed server binaries: the embedded default
 * when no database URL is configured, and the database every test runs on.
 *
 * <pre>{@code
 * try (LocalPostgres pg = LocalPostgres.start(LocalPostgresSettings.of(Path.of("/home/me/.voicely/pg")))) {
 *     String url = pg.jdbcUrl(LocalPostgresSettings.DATABASE);
 *     // connect as pg.superuser() (owner) and pg.applicationUser() (row-level security applies)
 * }
 * }</pre>
 *
 * <p>The cluster is created on first start, reused by later runs, listens on a free loopback port only
 * (no Unix socket), and is protected by generated passwords kept beside it with owner-only permissions.
 * A cluster that is already running (another instance, or one left behind by a killed JVM) is reused and
 * left running; a stale pid file from a crash is cleared. When this JVM runs as root the server runs as
 * {@link LocalPostgresSettings#serverOsUser()}, because PostgreSQL refuses to run as root.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The role the application connects as: no superuser, no BYPASSRLS, so row-level security applies. */
    public static final String APP_ROLE = "voicely_app";
    /** The owner of the cluster and of every schema object; migrations run as it. */
    public static final String OWNER_ROLE = "voicely";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final LocalPostgresSettings settings;
    private final ServerCommands commands;
    private final Path clusterDir;
    private final Credentials credentials;
    private final int port;
    private final boolean startedHere;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private LocalPostgres(LocalPostgresSettings settings, ServerCommands commands, Path clusterDir,
                          Credentials credentials, int port, boolean startedHere) {
        this.settings = settings;
        this.commands = commands;
        this.clusterDir = clusterDir;
        this.credentials = credentials;
        this.port = port;
        this.startedHere = startedHere;
        this.shutdownHook = new Thread(this::stopQuietly, "voicely-postgres-shutdown");
        if (startedHere && settings.stopOnJvmExit()) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Starts (or reuses) the cluster in {@code settings.dataDirectory()}, creating it on first use, and
     * makes sure the {@value LocalPostgresSettings#DATABASE} database with the {@code vector} extension and
     * the application role exist.
     *
     * @throws PostgresRuntimeException naming the missing piece (binaries, pgvector, OS user) or the failure
     */
    public static LocalPostgres start(LocalPostgresSettings settings) {
        ServerCommands commands = ServerCommands.locate(settings);
        Path dataDir = settings.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            commands.prepareOwnership(dataDir);
            try (FileChannel channel = FileChannel.open(dataDir.resolve(".start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return startLocked(settings, commands, dataDir);
            }
        } catch (IOException e) {
            throw new PostgresRuntimeException("Could not prepare the PostgreSQL data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static LocalPostgres startLocked(LocalPostgresSettings settings, ServerCommands commands, Path dataDir)
            throws IOException {
        Path clusterDir = dataDir.resolve("cluster");
        Credentials credentials = Credentials.loadOrCreate(dataDir.resolve("credentials.properties"));
        if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
            initCluster(commands, dataDir, clusterDir, credentials);
        }
        var running = commands.runningPort(clusterDir);
        LocalPostgres pg;
        if (running.isPresent()) {
            log.info("Reusing the PostgreSQL cluster already running in {} on port {}", clusterDir, running.getAsInt());
            pg = new LocalPostgres(settings, commands, clusterDir, credentials, running.getAsInt(), false);
        } else {
            int port = startServer(settings, commands, dataDir, clusterDir);
            pg = new LocalPostgres(settings, commands, clusterDir, credentials, port, true);
        }
        try {
            pg.prepareDatabase();
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    private static void initCluster(ServerCommands commands, Path dataDir, Path clusterDir, Credentials credentials)
            throws IOException {
        deleteRecursively(clusterDir); // a half-made cluster from an interrupted initdb cannot be resumed
        Path pwFile = dataDir.resolve(".initdb-password");
        Files.writeString(pwFile, credentials.ownerPassword() + "\n", StandardCharsets.UTF_8);
        try {
            commands.handOver(pwFile);
            log.info("Creating a PostgreSQL cluster in {}", clusterDir);
            commands.run(List.of("initdb", "-D", clusterDir.toString(), "-U", OWNER_ROLE,
                    "--pwfile=" + pwFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"));
        } catch (PostgresRuntimeException e) {
            deleteRecursively(clusterDir);
            throw e;
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private static int startServer(LocalPostgresSettings settings, ServerCommands commands, Path dataDir, Path clusterDir)
            throws IOException {
        // A postmaster.pid whose process is gone is what a crash or a killed machine leaves behind.
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            log.warn("Removing the stale PostgreSQL pid file {} left by a server that is no longer running", pidFile);
            Files.delete(pidFile);
        }
        PostgresRuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freeLoopbackPort();
            StringBuilder options = new StringBuilder()
                    .append("-c port=").append(port)
                    .append(" -c listen_addresses=127.0.0.1")
                    .append(" -c unix_socket_directories=");
            settings.serverSettings().forEach((k, v) -> options.append(" -c ").append(k).append('=').append(v));
            try {
                commands.run(List.of("pg_ctl", "start", "-D", clusterDir.toString(), "-w", "-t", "60",
                        "-l", dataDir.resolve("server.log").toString(), "-o", options.toString()));
                log.info("PostgreSQL started from {} on 127.0.0.1:{}", clusterDir, port);
                return port;
            } catch (PostgresRuntimeException e) {
                // Another process may have taken the port between our probe and the server's bind.
                last = e;
                log.warn("PostgreSQL did not start on port {} (attempt {}): {}", port, attempt, e.getMessage());
            }
        }
        throw new PostgresRuntimeException("PostgreSQL would not start; see " + dataDir.resolve("server.log"), last);
    }

    private void prepareDatabase() {
        try (Connection c = connectAsOwner("postgres"); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + LocalPostgresSettings.DATABASE + "'");
            if (!rs.next()) {
                st.execute("create database " + LocalPostgresSettings.DATABASE);
            }
            rs = st.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'");
            if (!rs.next()) {
                st.execute("create role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole nobypassrls password '"
                        + credentials.appPassword() + "'");
            }
        } catch (SQLException e) {
            throw new PostgresRuntimeException("Could not prepare the '" + LocalPostgresSettings.DATABASE + "' database: " + e.getMessage(), e);
        }
        try (Connection c = connectAsOwner(LocalPostgresSettings.DATABASE); Statement st = c.createStatement()) {
            st.execute("create extension if not exists vector");
        } catch (SQLException e) {
            throw new PostgresRuntimeException("pgvector is installed but 'CREATE EXTENSION vector' failed: " + e.getMessage()
                    + ". Run scripts/install-postgres.sh to reinstall it.", e);
        }
    }

    /** A JDBC URL for one database of this cluster. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The loopback port the server listens on. */
    public int port() {
        return port;
    }

    /** The owner (superuser) role name. */
    public String ownerUser() {
        return OWNER_ROLE;
    }

    /** The owner's generated password. */
    public String ownerPassword() {
        return credentials.ownerPassword();
    }

    /** The application role name: row-level security applies to it. */
    public String appUser() {
        return APP_ROLE;
    }

    /** The application role's generated password. */
    public String appPassword() {
        return credentials.appPassword();
    }

    /** Whether this object started the server (and so stops it on {@link #close()}). */
    public boolean startedHere() {
        return startedHere;
    }

    /**
     * Creates a database, optionally as a copy of a template; for test isolation and tooling.
     *
     * @param name     lower-case letters, digits and underscores
     * @param template a database to copy, or {@code null} for an empty one
     */
    public void createDatabase(String name, String template) {
        requireIdentifier(name);
        String sql = "create database " + name;
        if (template != null) {
            requireIdentifier(template);
            sql += " template " + template;
        }
        try (Connection c = connectAsOwner("postgres"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new PostgresRuntimeException("Could not create database '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Drops a database if it exists, ending its sessions first. */
    public void dropDatabase(String name) {
        requireIdentifier(name);
        try (Connection c = connectAsOwner("postgres"); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new PostgresRuntimeException("Could not drop database '" + name + "': " + e.getMessage(), e);
        }
    }

    /** A new connection as the owner, for administration. The caller closes it. */
    public Connection connectAsOwner(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", OWNER_ROLE);
        props.setProperty("password", credentials.ownerPassword());
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Stops the server if this object started it; a reused server is left running for its owner. */
    @Override
    public void close() {
        if (startedHere && settings.stopOnJvmExit()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook itself is stopping the server
            }
        }
        stopQuietly();
    }

    private void stopQuietly() {
        if (!startedHere || stopped) {
            return;
        }
        stopped = true;
        try {
            commands.run(List.of("pg_ctl", "stop", "-D", clusterDir.toString(), "-m", "fast", "-w", "-t", "60"));
            log.info("PostgreSQL in {} stopped", clusterDir);
        } catch (RuntimeException e) {
            log.warn("Could not stop PostgreSQL in {}: {}", clusterDir, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + clusterDir + " on 127.0.0.1:" + port + "]";
    }

    private static void requireIdentifier(String name) {
        if (!SAFE_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: '" + name + "'");
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Generated passwords, kept beside the cluster readable by this OS user only. */
    record Credentials(String ownerPassword, String appPassword) {

        static Credentials loadOrCreate(Path file) throws IOException {
            Properties props = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    props.load(in);
                }
            }
            boolean changed = false;
            for (String key : List.of("owner.password", "app.password")) {
                if (props.getProperty(key, "").isBlank()) {
                    props.setProperty(key, randomSecret());
                    changed = true;
                }
            }
            if (changed) {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
                try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    props.store(out, "Voicely local PostgreSQL passwords; keep private");
                }
            }
            return new Credentials(props.getProperty("owner.password"), props.getProperty("app.password"));
        }

        private static String randomSecret() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
