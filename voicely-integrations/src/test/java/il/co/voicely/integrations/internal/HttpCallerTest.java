package il.co.voicely.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpCallerTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void retryAfterInSecondsIsADuration() {
        assertThat(HttpCaller.parseRetryAfter("7", NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeUntilThen() {
        assertThat(HttpCaller.parseRetryAfter("Wed, 25 Nov 2026 02:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterInThePastMeansNow() {
        assertThat(HttpCaller.parseRetryAfter("Wed, 25 Nov 2026 01:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertThat(HttpCaller.parseRetryAfter("soon", NOW)).isEmpty();
    }

    @Test
    void onlyRateLimitsAndServerErrorsAreRetryable() {
        assertThat(HttpCaller.isRetryable(429)).isTrue();
        assertThat(HttpCaller.isRetryable(503)).isTrue();
        assertThat(HttpCaller.isRetryable(400)).isFalse();
        assertThat(HttpCaller.isRetryable(401)).isFalse();
    }
}
