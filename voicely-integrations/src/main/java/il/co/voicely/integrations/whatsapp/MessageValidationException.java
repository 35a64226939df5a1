package il.co.voicely.integrations.whatsapp;

/**
 * A message breaks one of WhatsApp's limits and was not sent. Names the offending field in the
 * request's JSON path and the rule, e.g. {@code interactive.action.buttons[3] exceeds the limit of 3}.
 */
public final class MessageValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    MessageValidationException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** JSON path of the field in the Cloud API request, e.g. {@code text.body}. */
    public String field() {
        return field;
    }

    /** What the field should have been, e.g. {@code must be at most 20 characters (was 27)}. */
    public String rule() {
        return rule;
    }
}
