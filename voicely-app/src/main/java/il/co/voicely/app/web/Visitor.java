package il.co.voicely.app.web;

import il.co.voicely.core.identity.AuthenticatedUser;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking: the signed-in user if any, the anti-forgery token their forms must carry, and where the
 * request came from. The auth filter registers one in every request's context before any handler runs.
 *
 * @param user      the user behind the session cookie or bearer token
 * @param csrfToken the token to put in forms ({@code _csrf}) and htmx requests ({@code X-CSRF-Token})
 * @param ip        the client's address (the proxy's {@code X-Forwarded-For} when the proxy is trusted)
 * @param userAgent the client's {@code User-Agent}, empty string when absent
 * @param secure    whether the client reached us over TLS (directly or through a trusted proxy)
 */
public record Visitor(Optional<AuthenticatedUser> user, String csrfToken, String ip, String userAgent, boolean secure) {

    public Visitor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** A visitor nobody has looked at (requests that bypass the auth filter, such as static files). */
    public static Visitor unknown() {
        return new Visitor(Optional.empty(), "", "", "", false);
    }
}
