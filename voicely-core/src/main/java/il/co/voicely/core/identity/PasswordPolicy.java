package il.co.voicely.core.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a new password must be: long enough, and not one of the 10,000 most common passwords. No
 * composition rules (digits, symbols): following NIST SP 800-63B, length and a block list do more good.
 *
 * <pre>{@code
 * PasswordPolicy.standard().check("correct horse battery"); // throws AccountInputException when weak
 * }</pre>
 */
public final class PasswordPolicy {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 10;
    private static final int MAX_LENGTH = 256;
    private static final String LIST = "common-passwords.txt";

    private static volatile Set<String> standardList;

    private final int minLength;
    private final Set<String> common;

    private PasswordPolicy(int minLength, Set<String> common) {
        this.minLength = minLength;
        this.common = common;
    }

    /** At least {@value #MIN_LENGTH} characters, not on the shipped list of common passwords. */
    public static PasswordPolicy standard() {
        Set<String> list = standardList;
        if (list == null) {
            list = load();
            standardList = list;
        }
        return new PasswordPolicy(MIN_LENGTH, list);
    }

    /**
     * Refuses a weak password.
     *
     * @throws AccountInputException on field {@code password} with code {@code password.too_short},
     *                               {@code password.too_long} or {@code password.too_common}
     */
    public void check(CharSequence password) {
        String p = password == null ? "" : password.toString();
        int length = p.codePointCount(0, p.length());
        if (length < minLength) {
            throw new AccountInputException("password", "password.too_short");
        }
        if (length > MAX_LENGTH) {
            throw new AccountInputException("password", "password.too_long");
        }
        if (isCommon(p)) {
            throw new AccountInputException("password", "password.too_common");
        }
    }

    /** Whether {@code password} is on the list, ignoring case and surrounding spaces. */
    public boolean isCommon(CharSequence password) {
        return common.contains(password.toString().strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            Objects.requireNonNull(in, "missing resource " + LIST);
            Set<String> words = new HashSet<>(16_384);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the common-password list " + LIST, e);
        }
    }
}
