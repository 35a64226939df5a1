package il.co.voicely.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * What a sign-in attempt came to. A wrong password and an unknown address are the same {@link Failure},
 * so neither the answer nor its timing tells whether an account exists.
 */
public sealed interface SignInResult {

    /** Signed in: a fresh session (never a reused one, so a planted cookie is worthless). */
    record Success(SignedIn session) implements SignInResult {
        public Success {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Wrong address or password; the page says exactly that, for both. */
    record Failure() implements SignInResult {
        /** Message key for the page. */
        public String messageKey() {
            return "signin.failed";
        }
    }

    /** Too many failures for this address: no attempt is checked until {@code until}. */
    record LockedOut(Instant until) implements SignInResult {
        public LockedOut {
            Objects.requireNonNull(until, "until");
        }
    }

    /** Correct password, but an admin disabled the account. Only said to whoever knows the password. */
    record Disabled() implements SignInResult {
    }
}
