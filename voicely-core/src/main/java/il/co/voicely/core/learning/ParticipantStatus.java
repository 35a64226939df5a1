package il.co.voicely.core.learning;

import java.util.Locale;

/** A student's place in a lesson. */
public enum ParticipantStatus {
    ENROLLED, WAITLISTED, CANCELLED;

    static ParticipantStatus ofSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
