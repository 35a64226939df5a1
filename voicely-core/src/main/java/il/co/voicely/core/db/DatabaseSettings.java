package il.co.voicely.core.db;

import java.util.Objects;

/**
 * How to reach PostgreSQL. Two roles: the owner runs migrations; the application role (no superuser,
 * no BYPASSRLS) serves every request, so row-level security always applies to it.
 *
 * @param jdbcUrl       e.g. {@code jdbc:postgresql://db.internal:5432/voicely}
 * @param ownerUser     owns the schema; migrations run as it
 * @param ownerPassword its password
 * @param appUser       the application role; created by the owner if missing and the owner may create roles
 * @param appPassword   its password
 * @param poolSize      the application pool's maximum size
 */
public record DatabaseSettings(String jdbcUrl, String ownerUser, String ownerPassword,
                               String appUser, String appPassword, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(ownerUser, "ownerUser");
        Objects.requireNonNull(ownerPassword, "ownerPassword");
        Objects.requireNonNull(appUser, "appUser");
        Objects.requireNonNull(appPassword, "appPassword");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: '" + jdbcUrl + "'");
        }
        if (ownerUser.equals(appUser)) {
            throw new IllegalArgumentException("the application role must differ from the owner '" + ownerUser
                    + "', or row-level security would not apply to it");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
    }

    /** The same server with another database name, e.g. a per-test copy. */
    public DatabaseSettings withJdbcUrl(String url) {
        return new DatabaseSettings(url, ownerUser, ownerPassword, appUser, appPassword, poolSize);
    }

    /** The same settings with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, ownerUser, ownerPassword, appUser, appPassword, size);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", owner=" + ownerUser + ", app=" + appUser + ", pool=" + poolSize + "]";
    }
}
