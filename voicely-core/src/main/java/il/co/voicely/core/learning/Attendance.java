package il.co.voicely.core.learning;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The teacher's register: marks enrolled students attended, late or absent, and announces each mark as a
 * {@link LessonAttended} event.
 *
 * <pre>{@code
 * Attendance attendance = new Attendance(db, clock, event -> gamification.on(event));
 * LessonAttended event = attendance.mark(teacher.context(), lessonId, studentId, AttendanceMark.LATE);
 * }</pre>
 *
 * <p>Only the lesson's teacher and admins may mark; row-level security enforces it in PostgreSQL too.
 */
public final class Attendance {

    private final Database db;
    private final Clock clock;
    private final Consumer<? super LessonAttended> listener;

    /** An attendance register whose events go to {@code listener} after the mark is committed. */
    public Attendance(Database db, Clock clock, Consumer<? super LessonAttended> listener) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** An attendance register whose events are only returned. */
    public Attendance(Database db, Clock clock) {
        this(db, clock, event -> { });
    }

    /**
     * Records {@code mark} for {@code studentId}; marking again replaces the earlier mark.
     *
     * @return the event, also given to the listener
     * @throws PermissionDeniedException when the actor neither teaches the lesson nor is an admin
     * @throws NotEnrolledException      when the student holds no place in the lesson
     */
    public LessonAttended mark(SessionContext actor, UUID lessonId, UUID studentId, AttendanceMark mark) {
        UUID me = LessonRows.actingUser(actor);
        LessonAttended event = db.inContext(actor, h -> {
            Lesson lesson = LessonRows.find(h, lessonId).orElseThrow(() -> new LessonNotFoundException(lessonId));
            boolean mayMark = h.createQuery("select voicely_is_admin() or voicely_teaches_lesson(:id)")
                    .bind("id", lessonId).mapTo(boolean.class).one();
            if (!mayMark) {
                throw new PermissionDeniedException(me, "lessons.attendance",
                        "only the teacher of lesson " + lessonId + " or an admin marks attendance");
            }
            int updated = h.createUpdate("""
                            update lesson_participants set attendance = :mark
                             where lesson_id = :lesson and user_id = :student and status = 'enrolled'""")
                    .bind("mark", mark.sqlName()).bind("lesson", lessonId).bind("student", studentId).execute();
            if (updated == 0) {
                throw new NotEnrolledException(lessonId, studentId);
            }
            return new LessonAttended(lessonId, studentId, lesson.teacherId(), me, mark, lesson.startsAt(), clock.instant());
        });
        listener.accept(event);
        return event;
    }
}
