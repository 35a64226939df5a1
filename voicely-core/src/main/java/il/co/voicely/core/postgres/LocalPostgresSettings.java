package il.co.voicely.core.postgres;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the private cluster lives.
 *
 * @param dataDirectory   the folder that holds the cluster, its log and its credentials; created on first start
 * @param binDirectory    PostgreSQL's {@code bin} folder; empty to look under {@code /usr/lib/postgresql}
 * @param serverOsUser    the operating-system account that runs the server when this JVM runs as root
 *                        (PostgreSQL refuses to run as root)
 * @param serverSettings  extra {@code postgresql.conf} settings passed at start, e.g. {@code fsync=off} for tests
 * @param stopOnJvmExit   whether a JVM shutdown hook stops a server started here; an application that closes
 *                        the runtime itself, after its own server, turns it off to keep that order
 */
public record LocalPostgresSettings(
        Path dataDirectory, Optional<Path> binDirectory, String serverOsUser, Map<String, String> serverSettings,
        boolean stopOnJvmExit) {

    /** The database the application uses inside the cluster. */
    public static final String DATABASE = "voicely";

    public LocalPostgresSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(binDirectory, "binDirectory");
        Objects.requireNonNull(serverOsUser, "serverOsUser");
        serverSettings = Map.copyOf(serverSettings);
    }

    /** Settings that stop the server on JVM exit. */
    public LocalPostgresSettings(Path dataDirectory, Optional<Path> binDirectory, String serverOsUser,
                                 Map<String, String> serverSettings) {
        this(dataDirectory, binDirectory, serverOsUser, serverSettings, true);
    }

    /** The same settings, with or without the JVM shutdown hook. */
    public LocalPostgresSettings withStopOnJvmExit(boolean stop) {
        return new LocalPostgresSettings(dataDirectory, binDirectory, serverOsUser, serverSettings, stop);
    }

    /** Defaults: binaries found under {@code /usr/lib/postgresql}, the {@code postgres} account when root. */
    public static LocalPostgresSettings of(Path dataDirectory) {
        return new LocalPostgresSettings(dataDirectory, Optional.empty(), "postgres", Map.of());
    }

    /** Settings that trade durability for speed, for throwaway test clusters. */
    public LocalPostgresSettings forTests() {
        return new LocalPostgresSettings(dataDirectory, binDirectory, serverOsUser, Map.of(
                "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off",
                "max_connections", "200", "shared_buffers", "64MB"), stopOnJvmExit);
    }
}
