package il.co.voicely.core.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One lesson as stored: a single occurrence, whether booked alone or expanded from a series.
 *
 * @param seriesId   the recurring series it came from, if any
 * @param teacherId  empty when the teacher's account was deleted
 * @param startsAt   the start in UTC; show it in the viewer's zone
 * @param capacity   places for students; empty means no limit
 * @param open       listed to every signed-in user, who may join
 * @param meetingUrl the link of an online lesson
 */
public record Lesson(UUID id, Optional<UUID> seriesId, Optional<UUID> teacherId, Optional<UUID> groupId, String title,
                     LessonKind kind, Instant startsAt, Duration duration, LessonStatus status,
                     Optional<Integer> capacity, boolean open, Optional<String> location, Optional<String> meetingUrl) {

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(duration, "duration");
    }

    /** When the lesson ends. */
    public Instant endsAt() {
        return startsAt.plus(duration);
    }
}
