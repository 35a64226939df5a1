package il.co.voicely.rag.assist;

/**
 * The language an assistant replies in, read from the visitor's own words.
 *
 * <pre>{@code
 * Language.detect("כמה עולה שיעור?");   // HEBREW
 * Language.detect("How much is a lesson?"); // ENGLISH
 * }</pre>
 */
public enum Language {
    HEBREW, ENGLISH;

    /**
     * Hebrew when the text has at least as many Hebrew letters as Latin ones, English when Latin letters
     * dominate; Hebrew (the school's language) when there are no letters at all ("?", "050-1234567").
     */
    public static Language detect(String text) {
        int hebrew = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u05D0' && c <= '\u05EA') {
                hebrew++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        return latin > hebrew ? ENGLISH : HEBREW;
    }

    /** {@code he} or {@code en}. */
    public String code() {
        return this == HEBREW ? "he" : "en";
    }

    String pick(String hebrew, String english) {
        return this == HEBREW ? hebrew : english;
    }
}
