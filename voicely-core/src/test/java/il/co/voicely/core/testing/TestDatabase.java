package il.co.voicely.core.testing;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.postgres.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A test class's own database: {@link #database()} is what the code under test gets (application role,
 * row-level security applies); {@link #owner()} bypasses RLS for fixtures and for checking what really
 * happened to the rows.
 */
public record TestDatabase(Database database, DatabaseSettings settings, LocalPostgres cluster, String name)
        implements AutoCloseable {

    /** Jdbi connected as the owner: sees every row, for arranging and asserting. */
    public Jdbi owner() {
        return Jdbi.create(() -> cluster.connectAsOwner(name)).installPlugin(new PostgresPlugin());
    }

    /** A raw owner connection. The caller closes it. */
    public Connection ownerConnection() throws SQLException {
        return cluster.connectAsOwner(name);
    }

    @Override
    public void close() {
        database.close();
        cluster.dropDatabase(name);
    }
}
