package il.co.voicely.core.identity;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The person behind a valid session.
 *
 * @param roles         every role the user holds
 * @param primaryRole   the strongest of them (admin &gt; teacher &gt; student): the role requests act in
 * @param locale        {@code he} or {@code en}
 * @param sessionId     the session this user came in with (to mark "this device" and keep it on password change)
 * @param emailVerified whether the address was confirmed by a link
 */
public record AuthenticatedUser(UUID userId, String email, Set<Role> roles, Role primaryRole, String locale,
                                UUID sessionId, boolean emailVerified) {

    public AuthenticatedUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(primaryRole, "primaryRole");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The row-level security context for this user's database work. */
    public SessionContext context() {
        return SessionContext.user(userId, primaryRole);
    }

    /** Whether the user holds {@code role}. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
