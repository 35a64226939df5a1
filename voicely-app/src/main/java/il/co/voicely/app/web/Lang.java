package il.co.voicely.app.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the pages speak. Hebrew is the school's language and the default. */
public enum Lang {
    HE("he", "rtl"),
    EN("en", "ltr");

    private final String code;
    private final String dir;

    Lang(String code, String dir) {
        this.code = code;
        this.dir = dir;
    }

    /** The default for a visitor who has not chosen. */
    public static Lang defaultLang() {
        return HE;
    }

    /** The language with this ISO 639-1 code, if we speak it. */
    public static Optional<Lang> fromCode(String code) {
        return Arrays.stream(values()).filter(lang -> lang.code.equalsIgnoreCase(code.strip())).findFirst();
    }

    /** The ISO 639-1 code, for {@code <html lang>}. */
    public String code() {
        return code;
    }

    /** The writing direction, for {@code <html dir>}: {@code rtl} or {@code ltr}. */
    public String dir() {
        return dir;
    }

    /** The locale for message bundles and formatting. */
    public Locale locale() {
        return Locale.of(code);
    }

    /** The language the switch in the header offers. */
    public Lang other() {
        return this == HE ? EN : HE;
    }
}
