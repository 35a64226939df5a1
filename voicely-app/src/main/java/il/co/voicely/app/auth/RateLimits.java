package il.co.voicely.app.auth;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * Token buckets (Bucket4j) for the endpoints people could hammer: sign-in (per address and per typed
 * e-mail), sign-up, password reset and invitation acceptance (per address).
 *
 * <pre>{@code
 * rateLimits.check(RateLimits.Kind.SIGN_IN, client.ip());   // throws RateLimitedException when spent
 * }</pre>
 *
 * <p>The buckets live in this instance's memory, so with N instances behind a load balancer a client
 * gets up to N times the budget. That is acceptable for abuse damping (the per-account lockout in
 * {@code UserAccounts} is counted in PostgreSQL and is exact across instances); an exact shared budget
 * would use {@code bucket4j_jdk17-postgresql} with the same limits.
 */
public final class RateLimits {

    /** What is being limited, and how much: {@code capacity} attempts per {@code period}, refilled whole. */
    public enum Kind {
        SIGN_IN(10, Duration.ofMinutes(1)),
        SIGN_UP(10, Duration.ofMinutes(10)),
        PASSWORD_RESET(10, Duration.ofMinutes(10)),
        INVITATION(10, Duration.ofMinutes(10));

        private final int capacity;
        private final Duration period;

        Kind(int capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }
    }

    // Bounded and self-cleaning: an attacker rotating addresses cannot grow this without limit.
    private final Cache<String, Bucket> buckets = CacheBuilder.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    /**
     * Takes one attempt from the bucket of {@code kind} and {@code key} (an IP address or an e-mail).
     *
     * @throws RateLimitedException when the bucket is empty, with the time until it refills
     */
    public void check(Kind kind, String key) {
        Bucket bucket;
        try {
            bucket = buckets.get(kind.name() + '|' + key.toLowerCase(Locale.ROOT), () -> Bucket.builder()
                    // Intervally: the whole budget comes back at once, so "10 a minute" means exactly that.
                    .addLimit(limit -> limit.capacity(kind.capacity).refillIntervally(kind.capacity, kind.period))
                    .build());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create a rate-limit bucket", e);
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
