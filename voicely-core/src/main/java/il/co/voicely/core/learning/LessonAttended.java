package il.co.voicely.core.learning;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The event of a teacher marking a student's attendance, for progress metrics and achievements
 * (gamification listens for it; this module knows nothing of gamification).
 *
 * @param markedBy the teacher or admin who marked it
 */
public record LessonAttended(UUID lessonId, UUID studentId, Optional<UUID> teacherId, UUID markedBy,
                             AttendanceMark mark, Instant lessonStartsAt, Instant markedAt) {

    /** Whether the student was there at all (on time or late). */
    public boolean present() {
        return mark != AttendanceMark.ABSENT;
    }
}
