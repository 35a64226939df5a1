package il.co.voicely.core.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A student tried to leave a lesson inside the school's cut-off before its start; a teacher still can. */
public final class CancellationTooLateException extends RuntimeException {

    private final Instant deadline;

    public CancellationTooLateException(UUID lessonId, Instant startsAt, Duration cutoff) {
        super("Lesson " + lessonId + " starts at " + startsAt + "; students may cancel until " + cutoff.toHours()
                + " h before (" + startsAt.minus(cutoff) + ")");
        this.deadline = startsAt.minus(cutoff);
    }

    /** The last instant a student could have cancelled. */
    public Instant deadline() {
        return deadline;
    }
}
