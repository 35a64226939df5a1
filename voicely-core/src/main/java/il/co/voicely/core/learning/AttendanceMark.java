package il.co.voicely.core.learning;

import java.util.Locale;

/** What the teacher records for an enrolled student once the lesson has happened. */
public enum AttendanceMark {
    ATTENDED, LATE, ABSENT;

    String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AttendanceMark ofSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
