package il.co.voicely.core.identity;

/**
 * A student's self sign-up form.
 *
 * @param displayName may be blank
 * @param locale      {@code he} or {@code en}; the language of the mails and pages
 * @param consent     the terms and privacy checkbox; sign-up is refused without it
 */
public record SignUp(String email, String password, String displayName, String locale, boolean consent) {

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "SignUp[email=" + email + ", displayName=" + displayName + ", locale=" + locale + ", consent=" + consent + "]";
    }
}
