package il.co.voicely.core.learning;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a teacher asks to schedule: one lesson, or a weekly series of them.
 *
 * <pre>{@code
 * LessonPlan plan = LessonPlan.of(teacherId, "Juniors choir", LocalDateTime.of(2026, 3, 1, 18, 0), 60)
 *         .inGroup(choirId, 12)
 *         .at("Studio 2")
 *         .repeating(Recurrence.weeklyTimes(10, DayOfWeek.SUNDAY));
 * }</pre>
 *
 * @param start      the first lesson's local date and time in {@code zone}
 * @param zone       the teacher's zone, which keeps the wall-clock time across daylight-saving changes
 * @param capacity   places for students; empty means unlimited (one-to-one lessons: 1)
 * @param open       listed to every signed-in user, who may join
 * @param recurrence empty for a one-off lesson
 */
public record LessonPlan(UUID teacherId, Optional<UUID> groupId, String title, LessonKind kind, LocalDateTime start,
                         ZoneId zone, int durationMinutes, Optional<Integer> capacity, boolean open,
                         Optional<String> location, Optional<String> meetingUrl, Optional<Recurrence> recurrence) {

    /** The zone lessons are planned in unless the teacher has another. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Jerusalem");
    private static final Set<Integer> DURATIONS = Set.of(20, 45, 60);

    public LessonPlan {
        Objects.requireNonNull(teacherId, "teacherId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(meetingUrl, "meetingUrl");
        Objects.requireNonNull(recurrence, "recurrence");
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidLessonException("a lesson needs a title of 1 to 200 characters");
        }
        if (!DURATIONS.contains(durationMinutes)) {
            throw new InvalidLessonException("a lesson lasts 20, 45 or 60 minutes, not " + durationMinutes);
        }
        if (capacity.isPresent() && capacity.get() < 1) {
            throw new InvalidLessonException("capacity must be at least 1, not " + capacity.get());
        }
        if (meetingUrl.isPresent() && !meetingUrl.get().matches("(?i)https?://\\S+")) {
            throw new InvalidLessonException("the online link must be an http(s) URL: '" + meetingUrl.get() + "'");
        }
    }

    /** A one-to-one lesson (capacity 1) in the school's zone, not repeating. */
    public static LessonPlan of(UUID teacherId, String title, LocalDateTime start, int durationMinutes) {
        return new LessonPlan(teacherId, Optional.empty(), title, LessonKind.PRIVATE, start, SCHOOL_ZONE, durationMinutes,
                Optional.of(1), false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A group lesson for {@code groupId} with {@code capacity} places. */
    public LessonPlan inGroup(UUID groupId, int capacity) {
        return new LessonPlan(teacherId, Optional.of(groupId), title, LessonKind.GROUP, start, zone, durationMinutes,
                Optional.of(capacity), open, location, meetingUrl, recurrence);
    }

    /** A lesson with {@code capacity} places (empty: unlimited). */
    public LessonPlan withCapacity(Optional<Integer> capacity) {
        return new LessonPlan(teacherId, groupId, title, kind, start, zone, durationMinutes, capacity, open, location,
                meetingUrl, recurrence);
    }

    /** Listed to every signed-in user (a workshop anyone may join). */
    public LessonPlan openToAll() {
        return new LessonPlan(teacherId, groupId, title, kind, start, zone, durationMinutes, capacity, true, location,
                meetingUrl, recurrence);
    }

    /** Held at a place. */
    public LessonPlan at(String location) {
        return new LessonPlan(teacherId, groupId, title, kind, start, zone, durationMinutes, capacity, open,
                Optional.of(location), meetingUrl, recurrence);
    }

    /** Held online at {@code meetingUrl}. */
    public LessonPlan online(String meetingUrl) {
        return new LessonPlan(teacherId, groupId, title, kind, start, zone, durationMinutes, capacity, open, location,
                Optional.of(meetingUrl), recurrence);
    }

    /** Planned in another zone than the school's. */
    public LessonPlan inZone(ZoneId zone) {
        return new LessonPlan(teacherId, groupId, title, kind, start, zone, durationMinutes, capacity, open, location,
                meetingUrl, recurrence);
    }

    /** Repeating as {@code recurrence} says. */
    public LessonPlan repeating(Recurrence recurrence) {
        return new LessonPlan(teacherId, groupId, title, kind, start, zone, durationMinutes, capacity, open, location,
                meetingUrl, Optional.of(recurrence));
    }
}
