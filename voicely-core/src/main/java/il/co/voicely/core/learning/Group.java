package il.co.voicely.core.learning;

import java.util.Optional;
import java.util.UUID;

/** A group of students led by a teacher, such as a juniors choir. */
public record Group(UUID id, String name, Optional<String> description, Optional<UUID> teacherId, boolean active) {
}
