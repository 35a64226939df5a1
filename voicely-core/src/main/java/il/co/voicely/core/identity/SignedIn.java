package il.co.voicely.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A new session: the token goes into the cookie (or the API response) and is never stored by us.
 *
 * @param token     43 characters of base64url; show once, keep nowhere
 * @param expiresAt when the session ends unless used (sliding; never past the absolute maximum)
 */
public record SignedIn(String token, Instant expiresAt, AuthenticatedUser user) {

    public SignedIn {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(user, "user");
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "SignedIn[user=" + user.userId() + ", session=" + user.sessionId() + ", expiresAt=" + expiresAt + "]";
    }
}
