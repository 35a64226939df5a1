package il.co.voicely.core.identity;

/**
 * Something a person typed cannot be accepted. {@link #field()} names the form field and {@link #code()}
 * the message key ({@code email.invalid}, {@code password.too_short}, {@code password.too_common},
 * {@code password.wrong}, {@code consent.required}), so the app shows the error next to the field in the
 * user's language.
 */
public final class AccountInputException extends RuntimeException {

    private final String field;
    private final String code;

    public AccountInputException(String field, String code) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
