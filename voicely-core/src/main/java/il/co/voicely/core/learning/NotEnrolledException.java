package il.co.voicely.core.learning;

import java.util.UUID;

/** The student holds no place in the lesson (attendance can only be marked for enrolled students). */
public final class NotEnrolledException extends RuntimeException {

    public NotEnrolledException(UUID lessonId, UUID userId) {
        super("User " + userId + " is not enrolled in lesson " + lessonId);
    }
}
