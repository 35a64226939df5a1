package il.co.voicely.core.learning;

import java.util.UUID;

/** No such lesson, or none the acting user may see (row-level security hides it): the app answers 404. */
public final class LessonNotFoundException extends RuntimeException {

    public LessonNotFoundException(UUID lessonId) {
        super("No lesson " + lessonId + " visible to the acting user");
    }
}
