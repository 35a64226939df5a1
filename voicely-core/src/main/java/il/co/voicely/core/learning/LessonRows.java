package il.co.voicely.core.learning;

import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reading lessons and participants, locks and error mapping shared by this package's services. */
final class LessonRows {

    static final String COLUMNS = "l.id, l.series_id, l.teacher_id, l.group_id, l.title, l.kind, l.starts_at,"
            + " l.duration_minutes, l.status, l.capacity, l.is_open, l.location, l.meeting_url";
    static final String PARTICIPANT_COLUMNS = "p.lesson_id, p.user_id, p.status, p.waitlist_position, p.attendance";
    /** PostgreSQL's SQLSTATE for "new row violates row-level security policy" and other privilege errors. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final SecureRandom RANDOM = new SecureRandom();
    // No 0/O, 1/I/L: codes are read aloud and typed from phones.
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private LessonRows() {
    }

    static Lesson mapLesson(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Lesson(rs.getObject("id", UUID.class),
                Optional.ofNullable(rs.getObject("series_id", UUID.class)),
                Optional.ofNullable(rs.getObject("teacher_id", UUID.class)),
                Optional.ofNullable(rs.getObject("group_id", UUID.class)),
                rs.getString("title"),
                LessonKind.ofSql(rs.getString("kind")),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                Duration.ofMinutes(rs.getInt("duration_minutes")),
                LessonStatus.ofSql(rs.getString("status")),
                Optional.ofNullable((Integer) rs.getObject("capacity")),
                rs.getBoolean("is_open"),
                Optional.ofNullable(rs.getString("location")),
                Optional.ofNullable(rs.getString("meeting_url")));
    }

    static Participant mapParticipant(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Participant(rs.getObject("lesson_id", UUID.class), rs.getObject("user_id", UUID.class),
                ParticipantStatus.ofSql(rs.getString("status")),
                Optional.ofNullable((Integer) rs.getObject("waitlist_position")),
                Optional.ofNullable(rs.getString("attendance")).map(AttendanceMark::ofSql));
    }

    /** The lesson as the transaction's user sees it. */
    static Optional<Lesson> find(Handle h, UUID lessonId) {
        return h.createQuery("select " + COLUMNS + " from lessons l where l.id = :id")
                .bind("id", lessonId).map(LessonRows::mapLesson).findOne();
    }

    static Optional<Participant> participant(Handle h, UUID lessonId, UUID userId) {
        return h.createQuery("select " + PARTICIPANT_COLUMNS + " from lesson_participants p"
                        + " where p.lesson_id = :lesson and p.user_id = :user")
                .bind("lesson", lessonId).bind("user", userId).map(LessonRows::mapParticipant).findOne();
    }

    /**
     * Serialises everything that changes who holds a lesson's places, across app instances, until the
     * transaction ends. An advisory lock rather than {@code SELECT … FOR UPDATE}: a student may not lock
     * the lesson row (row locks need the UPDATE policy, which only the teacher passes).
     */
    static void lockSeats(Handle h, UUID lessonId) {
        h.createQuery("select pg_advisory_xact_lock(hashtextextended('lesson-seats:' || :id, 0))")
                .bind("id", lessonId.toString()).mapToMap().one();
    }

    /** Serialises scheduling for one teacher, so two requests cannot both take the same free hour. */
    static void lockTeacher(Handle h, UUID teacherId) {
        h.createQuery("select pg_advisory_xact_lock(hashtextextended('teacher-schedule:' || :id, 0))")
                .bind("id", teacherId.toString()).mapToMap().one();
    }

    static UUID actingUser(SessionContext actor) {
        return actor.userId().orElseThrow(() -> new PermissionDeniedException(null, "lessons",
                "this needs a signed-in user, not " + actor.role().sqlName()));
    }

    static boolean deniedByPolicy(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A fresh join code: 10 characters of a 31-letter alphabet, about 49 bits. */
    static String newJoinCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
