package il.co.voicely.core.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * A new calendar-feed secret, shown to its owner once (only its hash is stored).
 *
 * @param token the secret for the feed URL, e.g. {@code https://school.example/ics/<token>.ics}
 */
public record FeedToken(UUID userId, String token, Instant createdAt) {

    @Override
    public String toString() {
        return "FeedToken[userId=" + userId + ", token=…, createdAt=" + createdAt + "]";
    }
}
