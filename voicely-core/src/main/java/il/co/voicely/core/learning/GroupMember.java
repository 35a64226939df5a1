package il.co.voicely.core.learning;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A member of a group.
 *
 * @param displayName empty when the member has none, or the viewer may not read their profile
 */
public record GroupMember(UUID groupId, UUID userId, Optional<String> displayName, Instant joinedAt) {
}
