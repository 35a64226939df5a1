package il.co.voicely.core.learning;

import java.time.Instant;

/** The teacher already teaches at that time: names the lesson in the way, so the form can say which. */
public final class LessonConflictException extends RuntimeException {

    private final Lesson clashing;
    private final Instant requestedStart;

    public LessonConflictException(Lesson clashing, Instant requestedStart, Instant requestedEnd) {
        super("The teacher already teaches '" + clashing.title() + "' (lesson " + clashing.id() + ") from "
                + clashing.startsAt() + " to " + clashing.endsAt() + ", which overlaps the requested "
                + requestedStart + " to " + requestedEnd);
        this.clashing = clashing;
        this.requestedStart = requestedStart;
    }

    /** The lesson already in the teacher's schedule. */
    public Lesson clashing() {
        return clashing;
    }

    /** The start (UTC) of the occurrence that could not be placed. */
    public Instant requestedStart() {
        return requestedStart;
    }
}
