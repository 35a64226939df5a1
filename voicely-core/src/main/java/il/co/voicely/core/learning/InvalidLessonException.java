package il.co.voicely.core.learning;

/** A lesson plan that cannot be scheduled as given (no occurrences, too many, starts in the past…). */
public final class InvalidLessonException extends IllegalArgumentException {

    public InvalidLessonException(String message) {
        super(message);
    }
}
