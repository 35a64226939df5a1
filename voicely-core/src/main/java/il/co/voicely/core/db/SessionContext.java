package il.co.voicely.core.db;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a transaction runs for. {@link Database#inContext} sets it with {@code set_config(…, true)}
 * at the start of every transaction, so it can never leak into the next user of a pooled connection.
 *
 * @param userId the signed-in user, empty for anonymous visitors and system jobs
 * @param role   the role the policies grant rights to
 */
public record SessionContext(Optional<UUID> userId, Role role) {

    public SessionContext {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        if (userId.isEmpty() && (role == Role.STUDENT || role == Role.TEACHER || role == Role.ADMIN)) {
            throw new IllegalArgumentException("role " + role + " needs a user id");
        }
    }

    /** A signed-in user acting in one of their roles. */
    public static SessionContext user(UUID userId, Role role) {
        return new SessionContext(Optional.of(userId), role);
    }

    /** A visitor who has not signed in. */
    public static SessionContext anonymous() {
        return new SessionContext(Optional.empty(), Role.ANONYMOUS);
    }

    /** Background work and look-ups that happen before anyone is signed in (e.g. sign-in itself). */
    public static SessionContext system() {
        return new SessionContext(Optional.empty(), Role.SYSTEM);
    }
}
