package il.co.voicely.core.learning;

import java.util.UUID;

/** The lesson takes no new participants (cancelled, already started or held). */
public final class LessonNotJoinableException extends RuntimeException {

    public LessonNotJoinableException(UUID lessonId, String why) {
        super("Lesson " + lessonId + " cannot be joined: " + why);
    }
}
