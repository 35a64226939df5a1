package il.co.voicely.core.db;

/**
 * The role a transaction acts as. Row-Level Security policies read it from the
 * {@code voicely.role} setting, so it decides which rows a statement can see.
 */
public enum Role {
    /** A visitor who has not signed in (public chat, home page). */
    ANONYMOUS,
    STUDENT,
    TEACHER,
    ADMIN,
    /** Background jobs and sign-in look-ups: sees everything, like an admin, but is no person. */
    SYSTEM;

    /** The value policies compare with, e.g. {@code student}. */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
