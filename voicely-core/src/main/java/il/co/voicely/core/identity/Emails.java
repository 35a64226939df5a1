package il.co.voicely.core.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Addresses as stored: trimmed, lower case, loosely checked (the verification mail is the real check). */
final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Emails() {
    }

    static Optional<String> normalize(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        return e.length() <= 254 && SHAPE.matcher(e).matches() ? Optional.of(e) : Optional.empty();
    }

    static String require(String email) {
        return normalize(email).orElseThrow(() -> new AccountInputException("email", "email.invalid"));
    }

    /** {@code he} or {@code en}; anything else falls back to Hebrew, the school's language. */
    static String locale(String locale) {
        return "en".equalsIgnoreCase(locale == null ? "" : locale.strip()) ? "en" : "he";
    }
}
