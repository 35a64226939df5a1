package il.co.voicely.core.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored audit row, as an admin reads it.
 *
 * @param detailsJson the details object as JSON text
 */
public record AuditRecord(long id, Instant occurredAt, Optional<UUID> actor, String actorRole, String action,
                          Optional<String> targetType, Optional<String> targetId, Optional<String> ip,
                          Optional<String> userAgent, String detailsJson) {
}
