package il.co.voicely.app.auth;

import il.co.voicely.core.identity.SessionPolicy;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@value #NAME} cookie: the session token, out of reach of scripts ({@code HttpOnly}), not sent on
 * cross-site sub-requests ({@code SameSite=Lax}), {@code Secure} whenever the visitor came over TLS.
 */
public final class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "voicely_session";

    private final Duration maxAge;

    /**
     * The cookie lives as long as the longest possible session; the server ends idle sessions sooner,
     * and then the cookie names a token that no longer resolves.
     */
    SessionCookie(SessionPolicy policy) {
        this.maxAge = policy.absoluteLifetime();
    }

    SetCookie issue(String token, boolean secure) {
        return base(token, secure).maxAge(maxAge).build();
    }

    SetCookie clear(boolean secure) {
        // Helidon leaves out a zero Max-Age, so the date in the past is what removes the cookie.
        return base("", secure).expires(Instant.EPOCH).build();
    }

    /** The session token the browser sent, if any. */
    public static Optional<String> read(ServerRequest request) {
        return request.headers().cookies().first(NAME).asOptional().filter(token -> !token.isBlank());
    }

    private static SetCookie.Builder base(String value, boolean secure) {
        return SetCookie.builder(NAME, value)
                .path("/")
                .httpOnly(true)
                .sameSite(SetCookie.SameSite.LAX)
                .secure(secure);
    }
}
