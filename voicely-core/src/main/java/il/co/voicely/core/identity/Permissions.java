package il.co.voicely.core.identity;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a user may do, from {@code role_permissions}: a user holds the union of their roles' permissions.
 * Read on every call (one indexed query), so an admin's change applies at once on every instance.
 *
 * <pre>{@code
 * if (!permissions.can(user, "users.manage")) { ... 403 ... }
 * permissions.require(user, "leads.manage"); // or throw PermissionDeniedException
 * }</pre>
 */
public final class Permissions {

    private final Database db;

    public Permissions(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Whether any of {@code user}'s roles grants {@code permission} (e.g. {@code lessons.manage}). */
    public boolean can(AuthenticatedUser user, String permission) {
        Objects.requireNonNull(permission, "permission");
        return db.inContext(user.context(), h -> h.createQuery(
                        "select exists (select 1 from role_permissions where role = any(:roles) and permission_code = :code)")
                .bindArray("roles", String.class, roleNames(user))
                .bind("code", permission)
                .mapTo(boolean.class)
                .one());
    }

    /** @throws PermissionDeniedException when {@link #can} is false */
    public void require(AuthenticatedUser user, String permission) {
        if (!can(user, permission)) {
            throw new PermissionDeniedException(user.userId(), permission);
        }
    }

    /** Every permission {@code user} holds, e.g. to show or hide menu items. */
    public Set<String> of(AuthenticatedUser user) {
        return db.inContext(user.context(), h -> Set.copyOf(h.createQuery(
                        "select distinct permission_code from role_permissions where role = any(:roles)")
                .bindArray("roles", String.class, roleNames(user))
                .mapTo(String.class)
                .list()));
    }

    private static List<String> roleNames(AuthenticatedUser user) {
        return user.roles().stream().map(Role::sqlName).toList();
    }
}
