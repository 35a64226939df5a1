package il.co.voicely.core.learning;

import java.util.Locale;

/** What sort of lesson: one-to-one, a group's lesson, a workshop or a trial lesson. */
public enum LessonKind {
    PRIVATE, GROUP, WORKSHOP, TRIAL;

    String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LessonKind ofSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
