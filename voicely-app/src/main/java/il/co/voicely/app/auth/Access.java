package il.co.voicely.app.auth;

import il.co.voicely.app.web.Pages;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * Route protection in one line at the top of a handler. The auth filter has already resolved the session
 * cookie or bearer token; these throw, and {@link AccessErrors} turns the exception into a redirect to
 * sign-in (pages), a 401/403 JSON answer ({@code /api}), or the 403 page.
 *
 * <pre>{@code
 * AuthenticatedUser me = Access.user(req);            // or sign in first
 * AuthenticatedUser admin = Access.role(req, Role.ADMIN);
 * db.inContext(me.context(), h -> ...);               // RLS decides what exists
 * }</pre>
 */
public final class Access {

    private Access() {
    }

    /** The signed-in user, if any. */
    public static Optional<AuthenticatedUser> current(ServerRequest request) {
        return Pages.visitor(request).user();
    }

    /** @throws SignInRequiredException when nobody is signed in */
    public static AuthenticatedUser user(ServerRequest request) {
        return current(request).orElseThrow(SignInRequiredException::new);
    }

    /**
     * @throws SignInRequiredException when nobody is signed in
     * @throws ForbiddenException      when the user does not hold {@code role}
     */
    public static AuthenticatedUser role(ServerRequest request, Role role) {
        AuthenticatedUser user = user(request);
        if (!user.has(role)) {
            throw new ForbiddenException("needs role " + role.sqlName());
        }
        return user;
    }
}
