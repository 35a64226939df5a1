package il.co.voicely.core.learning;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A student's place in a lesson.
 *
 * @param waitlistPosition 1 = next in line; present exactly when {@code status} is waitlisted
 * @param attendance       set by the teacher after the lesson
 */
public record Participant(UUID lessonId, UUID userId, ParticipantStatus status, Optional<Integer> waitlistPosition,
                          Optional<AttendanceMark> attendance) {

    public Participant {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
    }
}
