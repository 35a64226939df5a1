package il.co.voicely.core.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One signed-in device, for the "active sessions" list in settings.
 *
 * @param current whether it is the session the list was asked from
 */
public record ActiveSession(UUID id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, Optional<String> ip,
                            Optional<String> userAgent, boolean current) {
}
