package il.co.voicely.rag.assist;

import java.util.Optional;

/**
 * Phone numbers as visitors type them, in E.164 (the form {@code leads.phone} and WhatsApp use).
 *
 * <pre>{@code
 * PhoneNumbers.normalise("050-1234567");      // +972501234567
 * PhoneNumbers.normalise("+972 (50) 123 4567"); // +972501234567
 * PhoneNumbers.normalise("call me");          // empty
 * }</pre>
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * Israeli national numbers (a leading 0, 9 or 10 digits: 050-1234567, 03-1234567) become +972 without the 0;
     * {@code 00} and {@code +} international numbers are kept; anything else is empty. Spaces, dashes, dots and
     * brackets are ignored.
     */
    public static Optional<String> normalise(String text) {
        String t = text.strip();
        if (!t.matches("[+0-9 ()\\-./\u200E\u200F]+")) {
            return Optional.empty();
        }
        boolean plus = t.startsWith("+");
        String digits = t.replaceAll("[^0-9]", "");
        String e164;
        if (plus) {
            e164 = "+" + digits;
        } else if (digits.startsWith("00")) {
            e164 = "+" + digits.substring(2);
        } else if (digits.startsWith("972")) {
            e164 = "+" + digits;
        } else if (digits.startsWith("0") && (digits.length() == 9 || digits.length() == 10)) {
            e164 = "+972" + digits.substring(1);
        } else {
            return Optional.empty();
        }
        if (e164.startsWith("+9720")) {
            e164 = "+972" + e164.substring(5); // "+972 050…": the trunk 0 does not belong after the country code
        }
        return e164.matches("\\+[1-9][0-9]{6,14}") ? Optional.of(e164) : Optional.empty();
    }
}
