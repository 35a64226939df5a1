package il.co.voicely.gamification.rules;

/** An achievement rule that cannot be understood: unknown type, a missing or wrong parameter. */
public final class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A rule problem, described with the rule's input. */
    public InvalidRuleException(String message) {
        super(message);
    }

    InvalidRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
