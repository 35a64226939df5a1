package il.co.voicely.app;

import il.co.voicely.app.demo.DemoSeeder;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.postgres.LocalPostgres;
import il.co.voicely.core.postgres.LocalPostgresSettings;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * The database the app owns: the configured external one, or a private PostgreSQL under the app's home,
 * which gets the demo school on its first start. Closing closes the pool, then stops the embedded server.
 * The command line opens it too, without the web server and without the demo school.
 */
public final class DataStore implements AutoCloseable {

    private final Database database;
    private final Optional<LocalPostgres> embedded;

    private DataStore(Database database, Optional<LocalPostgres> embedded) {
        this.database = database;
        this.embedded = embedded;
    }

    static DataStore open(AppSettings settings, PrintStream console) {
        return open(settings, Optional.of(console));
    }

    /**
     * Opens the database without seeding demo data: for commands that work on a school's real accounts.
     *
     * @throws il.co.voicely.core.postgres.PostgresRuntimeException when the embedded PostgreSQL cannot start
     */
    public static DataStore openWithoutDemo(AppSettings settings) {
        return open(settings, Optional.empty());
    }

    private static DataStore open(AppSettings settings, Optional<PrintStream> demoConsole) {
        if (settings.externalDatabase().isPresent()) {
            return new DataStore(Database.open(settings.externalDatabase().get()), Optional.empty());
        }
        LocalPostgres postgres = LocalPostgres.start(new LocalPostgresSettings(
                settings.postgresDataDirectory(), Optional.empty(), settings.postgresOsUser(), Map.of())
                // VoicelyApp.close() stops the web server first, then this; a JVM hook of its own would race it.
                .withStopOnJvmExit(false));
        Database database = null;
        try {
            database = Database.open(new DatabaseSettings(
                    postgres.jdbcUrl(LocalPostgresSettings.DATABASE), postgres.ownerUser(), postgres.ownerPassword(),
                    postgres.appUser(), postgres.appPassword(), settings.poolSize()));
            Database opened = database;
            demoConsole.ifPresent(console -> new DemoSeeder(PasswordHasher.defaults(), new SecureRandom()).seedIfEmpty(opened, console));
            return new DataStore(database, Optional.of(postgres));
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            postgres.close();
            throw e;
        }
    }

    /** The open database. */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        embedded.ifPresent(LocalPostgres::close);
    }
}
