package il.co.voicely.examples.rag;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.postgres.LocalPostgres;
import il.co.voicely.core.postgres.LocalPostgresSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The database the programs work on, found the way the app finds its own: {@code VOICELY_DB_URL} (with
 * {@code VOICELY_DB_USER}, {@code VOICELY_DB_PASSWORD}, {@code VOICELY_DB_APP_USER},
 * {@code VOICELY_DB_APP_PASSWORD}) when set, else the embedded cluster under {@code $VOICELY_HOME/pg}
 * ({@code ~/.voicely/pg}), started if it is not running and stopped again only if started here.
 */
final class ExampleDatabase implements AutoCloseable {

    private final Database database;
    private final Optional<LocalPostgres> embedded;
    private final boolean owned;

    private ExampleDatabase(Database database, Optional<LocalPostgres> embedded, boolean owned) {
        this.database = database;
        this.embedded = embedded;
        this.owned = owned;
    }

    /** A database someone else opened and will close (tests). */
    static ExampleDatabase borrowed(Database database) {
        return new ExampleDatabase(database, Optional.empty(), false);
    }

    static ExampleDatabase open(Map<String, String> env) {
        Optional<String> url = value(env, "VOICELY_DB_URL");
        if (url.isPresent()) {
            return new ExampleDatabase(Database.open(new DatabaseSettings(url.get(), required(env, "VOICELY_DB_USER"),
                    required(env, "VOICELY_DB_PASSWORD"), value(env, "VOICELY_DB_APP_USER").orElse("voicely_app"),
                    required(env, "VOICELY_DB_APP_PASSWORD"), 2)), Optional.empty(), true);
        }
        Path home = value(env, "VOICELY_HOME").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".voicely"));
        LocalPostgres pg = LocalPostgres.start(new LocalPostgresSettings(home.resolve("pg"), Optional.empty(),
                value(env, "VOICELY_PG_OS_USER").orElse("postgres"), Map.of()));
        try {
            Database db = Database.open(new DatabaseSettings(pg.jdbcUrl(LocalPostgresSettings.DATABASE), pg.ownerUser(),
                    pg.ownerPassword(), pg.appUser(), pg.appPassword(), 2));
            return new ExampleDatabase(db, Optional.of(pg), true);
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        if (owned) {
            database.close();
            // Leaves a server the app started running: LocalPostgres stops only what it started.
            embedded.ifPresent(LocalPostgres::close);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(Map<String, String> env, String name) {
        return value(env, name).orElseThrow(() -> new IllegalArgumentException(name + " must be set when VOICELY_DB_URL is set"));
    }
}
