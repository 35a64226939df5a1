package il.co.voicely.app.dashboard;

import il.co.voicely.core.db.Database;
import il.co.voicely.gamification.events.GamificationEvent;
import il.co.voicely.gamification.events.LessonAttended;
import il.co.voicely.gamification.events.PracticeSession;
import il.co.voicely.gamification.events.RecordingAnalysed;
import il.co.voicely.gamification.rules.AchievementEngine;
import il.co.voicely.gamification.rules.EvaluationOutcome;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the app's features report what a student did, so achievements, stars, streaks and the dashboard
 * follow within the same request.
 *
 * <pre>{@code
 * new Attendance(db, clock, bridge::lessonAttended);                       // lessons
 * bridge.recordingAnalysed(student, recording, 196.0, 523.3, 91.5, now);   // recordings, after analysis
 * }</pre>
 *
 * <p>Each event id is derived from what happened (the lesson and the student, the recording), so a
 * re-marked attendance or a re-run analysis is processed once: the engine treats a known id as a no-op.
 * The engine writes acting as the system; callers need no context of their own.
 */
@Singleton
public final class GamificationBridge {

    private final AchievementEngine engine;

    /** A bridge to the engine on {@code db}. */
    @Inject
    public GamificationBridge(Database db) {
        this.engine = new AchievementEngine(Objects.requireNonNull(db, "db"));
    }

    /**
     * A teacher marked attendance; a present student (on time or late) earns a lesson, an absent one nothing.
     * The lesson's start is the event's time, so it counts in the month and week the lesson took place.
     */
    public Optional<EvaluationOutcome> lessonAttended(il.co.voicely.core.learning.LessonAttended attended) {
        if (!attended.present()) {
            return Optional.empty();
        }
        UUID eventId = idOf(LessonAttended.TYPE, attended.lessonId(), attended.studentId());
        return Optional.of(engine.process(new LessonAttended(eventId, attended.studentId(), attended.lessonStartsAt(),
                attended.lessonId())));
    }

    /**
     * A recording was analysed: the sung range in Hz and the share of notes in tune (0–100).
     *
     * @throws IllegalArgumentException when a frequency is not positive, high is below low, or accuracy is outside 0–100
     */
    public EvaluationOutcome recordingAnalysed(UUID userId, UUID recordingId, double rangeLowHz, double rangeHighHz,
                                               double accuracyPct, Instant occurredAt) {
        return engine.process(RecordingAnalysed.ofHz(idOf(RecordingAnalysed.TYPE, recordingId, userId), userId,
                occurredAt, recordingId, rangeLowHz, rangeHighHz, accuracyPct));
    }

    /** The student practised on their own; {@code sessionId} identifies the session for redelivery. */
    public EvaluationOutcome practised(UUID userId, UUID sessionId, Duration duration, Instant occurredAt) {
        return engine.process(new PracticeSession(idOf(PracticeSession.TYPE, sessionId, userId), userId, occurredAt, duration));
    }

    /** Any other event, with its producer's own idempotency key. */
    public EvaluationOutcome process(GamificationEvent event) {
        return engine.process(event);
    }

    /** A stable id for "this thing happened to this student", so redelivery maps to the same event. */
    static UUID idOf(String type, UUID subject, UUID userId) {
        return UUID.nameUUIDFromBytes((type + ":" + subject + ":" + userId).getBytes(StandardCharsets.UTF_8));
    }
}
