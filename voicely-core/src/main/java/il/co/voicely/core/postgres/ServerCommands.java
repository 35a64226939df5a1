package il.co.voicely.core.postgres;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PostgreSQL's own tools (initdb, pg_ctl) for {@link LocalPostgres}, as an unprivileged account
 * when this JVM is root.
 */
final class ServerCommands {

    private static final Logger log = LoggerFactory.getLogger(ServerCommands.class);
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final String INSTALL_HINT = "Run scripts/install-postgres.sh (as root) to install it.";

    private final Path binDir;
    private final Optional<String> runAs;

    private ServerCommands(Path binDir, Optional<String> runAs) {
        this.binDir = binDir;
        this.runAs = runAs;
    }

    static ServerCommands locate(LocalPostgresSettings settings) {
        Path binDir = settings.binDirectory().or(ServerCommands::newestInstalledBinDir).orElseThrow(() ->
                new PostgresRuntimeException("PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found under "
                        + DEBIAN_ROOT + ". " + INSTALL_HINT));
        for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(binDir.resolve(tool))) {
                throw new PostgresRuntimeException("PostgreSQL's '" + tool + "' is missing from " + binDir + ". " + INSTALL_HINT);
            }
        }
        requirePgvector(binDir);
        Optional<String> runAs = Optional.empty();
        if (new UnixSystem().getUid() == 0) {
            // PostgreSQL refuses to run as root, so the server runs as an ordinary account.
            if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
                throw new PostgresRuntimeException("Running as root needs 'runuser' (package util-linux) to start PostgreSQL as '"
                        + settings.serverOsUser() + "'. " + INSTALL_HINT);
            }
            runAs = Optional.of(settings.serverOsUser());
        }
        return new ServerCommands(binDir, runAs);
    }

    private static Optional<Path> newestInstalledBinDir() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> majorVersion(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void requirePgvector(Path binDir) {
        // Debian's layout: /usr/lib/postgresql/15/bin -> /usr/share/postgresql/15/extension, /usr/lib/postgresql/15/lib
        String major = binDir.getParent().getFileName().toString();
        Path control = Path.of("/usr/share/postgresql", major, "extension", "vector.control");
        Path library = binDir.getParent().resolve("lib").resolve("vector.so");
        if (Files.isDirectory(DEBIAN_ROOT.resolve(major)) && (!Files.exists(control) || !Files.exists(library))) {
            throw new PostgresRuntimeException("pgvector for PostgreSQL " + major + " is not installed (missing "
                    + (Files.exists(control) ? library : control) + "). " + INSTALL_HINT);
        }
    }

    /**
     * Makes the data directory usable by the server account: owned by it, and reachable through every
     * parent folder (a root home such as /root is closed to others by default).
     */
    void prepareOwnership(Path dataDir) throws IOException {
        if (runAs.isEmpty()) {
            return;
        }
        UserPrincipal user = lookupUser(dataDir);
        var view = Files.getFileAttributeView(dataDir, PosixFileAttributeView.class);
        if (!view.readAttributes().owner().equals(user)) {
            view.setOwner(user);
        }
        for (Path p = dataDir.getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                log.warn("Letting '{}' pass through {} (adding o+x) so it can reach its data directory {}",
                        runAs.get(), p, dataDir);
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    /** Gives a file this process wrote to the server account (initdb reads the password file). */
    void handOver(Path file) throws IOException {
        if (runAs.isPresent()) {
            Files.setOwner(file, lookupUser(file));
        }
    }

    private UserPrincipal lookupUser(Path anyPath) throws IOException {
        try {
            return anyPath.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs.orElseThrow());
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            throw new PostgresRuntimeException("This process runs as root, so PostgreSQL must run as another account, but the account '"
                    + runAs.orElseThrow() + "' does not exist. Create it (e.g. 'useradd --system postgres') or set "
                    + "VOICELY_PG_OS_USER to an existing one.", e);
        }
    }

    /** The port of a server already running on this cluster, read from its pid file. */
    OptionalInt runningPort(Path clusterDir) throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return OptionalInt.empty();
        }
        Result status = execute(List.of("pg_ctl", "status", "-D", clusterDir.toString()));
        if (status.exitCode() != 0) {
            return OptionalInt.empty();
        }
        // Lines of postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Runs a PostgreSQL tool and fails with its output when it exits non-zero. */
    void run(List<String> toolAndArgs) {
        Result result = execute(toolAndArgs);
        if (result.exitCode() != 0) {
            throw new PostgresRuntimeException(toolAndArgs.get(0) + " " + toolAndArgs.get(1) + " failed (exit "
                    + result.exitCode() + "): " + result.output().strip());
        }
    }

    private Result execute(List<String> toolAndArgs) {
        List<String> command = new ArrayList<>();
        runAs.ifPresent(user -> command.addAll(List.of("runuser", "-u", user, "--")));
        command.add(binDir.resolve(toolAndArgs.get(0)).toString());
        command.addAll(toolAndArgs.subList(1, toolAndArgs.size()));
        try {
            Path out = Files.createTempFile("voicely-pg-", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(new java.io.File("/"))
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new PostgresRuntimeException(String.join(" ", command) + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new PostgresRuntimeException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresRuntimeException("Interrupted while running " + toolAndArgs.get(0), e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
