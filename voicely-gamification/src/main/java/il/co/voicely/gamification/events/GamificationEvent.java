package il.co.voicely.gamification.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something a student did that may earn an achievement, a star or a streak day.
 *
 * <pre>{@code
 * engine.process(new LessonAttended(UUID.randomUUID(), studentId, Instant.now(), lessonId));
 * }</pre>
 *
 * <p>The {@link #eventId()} is the idempotency key: the producer chooses it once (e.g. derived from the
 * lesson and the student, or the recording's analysis id) and redelivers the same id, so processing an
 * event twice changes nothing. {@link #payload()} holds the facts rules can refer to by name; numbers in
 * it are the metrics of {@code metric}, {@code improvement} and {@code stars} rules.
 */
public sealed interface GamificationEvent
        permits LessonAttended, RecordingAnalysed, PracticeSession, ExerciseCompleted, ChatPromptAnswered {

    /** Unique per event; the same id processed twice is a no-op. */
    UUID eventId();

    /** The student the event is about. */
    UUID userId();

    /** When it happened (not when it was processed): streak days and board periods use this instant. */
    Instant occurredAt();

    /** The event type as rules name it, e.g. {@code lesson.attended}. */
    String type();

    /** The facts rules may test, by name; numeric values are metrics. */
    Map<String, Object> payload();
}
