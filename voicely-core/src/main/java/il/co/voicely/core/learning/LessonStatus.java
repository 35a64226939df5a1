package il.co.voicely.core.learning;

import java.util.Locale;

/** Where a lesson stands: still to happen, called off, or held. */
public enum LessonStatus {
    SCHEDULED, CANCELLED, COMPLETED;

    static LessonStatus ofSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
