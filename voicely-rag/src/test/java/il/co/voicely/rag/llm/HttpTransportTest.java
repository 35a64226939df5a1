package il.co.voicely.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(HttpTransport.parseRetryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(HttpTransport.parseRetryAfter("Wed, 25 Nov 2026 02:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(HttpTransport.parseRetryAfter("soon", NOW)).isEmpty();
    }

    @Test
    void statusesMapToKindsThatSayWhetherToRetry() {
        assertThat(LlmApiException.kindOf(401)).isEqualTo(LlmApiException.Kind.AUTHENTICATION);
        assertThat(LlmApiException.kindOf(403)).isEqualTo(LlmApiException.Kind.AUTHENTICATION);
        assertThat(LlmApiException.kindOf(429)).isEqualTo(LlmApiException.Kind.RATE_LIMITED);
        assertThat(LlmApiException.kindOf(529)).isEqualTo(LlmApiException.Kind.SERVER_ERROR);
        assertThat(LlmApiException.kindOf(404)).isEqualTo(LlmApiException.Kind.INVALID_REQUEST);
        assertThat(LlmApiException.Kind.RATE_LIMITED.retryable()).isTrue();
        assertThat(LlmApiException.Kind.AUTHENTICATION.retryable()).isFalse();
    }
}
