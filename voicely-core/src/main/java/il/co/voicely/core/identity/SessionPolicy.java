package il.co.voicely.core.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live.
 *
 * @param idleTimeout      a session unused this long ends
 * @param absoluteLifetime no session lives longer than this from sign-in, however busy
 * @param refreshAfter     use extends a session only when it was last seen longer ago than this, so
 *                         a busy page does not write a row on every request
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteLifetime, Duration refreshAfter) {

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteLifetime.compareTo(idleTimeout) < 0
                || refreshAfter.isNegative() || refreshAfter.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("need 0 ≤ refreshAfter < idleTimeout ≤ absoluteLifetime: " + this);
        }
    }

    /** 14 days idle, 30 days at most, refreshed at most every 5 minutes. */
    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofDays(14), Duration.ofDays(30), Duration.ofMinutes(5));
    }
}
