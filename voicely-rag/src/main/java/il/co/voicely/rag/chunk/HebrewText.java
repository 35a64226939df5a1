package il.co.voicely.rag.chunk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text normalisation for Hebrew (and the English mixed into it): what is stored and shown, and the terms
 * lexical search matches on.
 *
 * <pre>{@code
 * HebrewText.normalise("שָׁלוֹם")              // "שלום"
 * HebrewText.indexTerms("ובשיעורים צה\"ל")   // [ובשיעורימ, שיעורימ, בשיעורימ, צהל]
 * }</pre>
 *
 * <p>PostgreSQL has no Hebrew stemmer, and Hebrew writes the prepositions and conjunctions ו ה ב ל מ ש כ
 * onto the next word and changes a letter's form at the end of a word (ך ם ן ף ץ). Lexical matching
 * therefore works on terms where final letters take their ordinary form, geresh and gershayim are dropped
 * (צה"ל and צה״ל are one word) and, for indexing, every way of reading off a sequence of prefix letters is
 * added too. A query term then matches its word with or without prefixes.
 */
public final class HebrewText {

    private static final Pattern MARKS = Pattern.compile(
            // cantillation and niqqud points (not maqaf U+05BE, paseq U+05C0, sof pasuq U+05C3, nun hafukha U+05C6)
            "[\\u0591-\\u05BD\\u05BF\\u05C1\\u05C2\\u05C4\\u05C5\\u05C7]"
                    // direction marks and embeddings: they only steer display, and split words for the tokenizer
                    + "|[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u061C\\uFEFF]");
    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:[\"'\\u05F3\\u05F4\\u2019\\u201D][\\p{L}\\p{N}]+)*[\\u05F3'\\u2019]?");
    /**
     * Prefix sequences as Hebrew writes them, ו?(ש|כש)?(ה|ב|כ|ל|מ|מה)? (ו first, then ש, then a
     * preposition or the article; after ב כ ל the article is not written),
     * shortest first: "ובשיעורים" reads as ו+ב+שיעורים, never as ו+ב+ש+יעורים.
     */
    private static final List<String> PREFIXES = prefixes();
    /** Shorter remainders would match too much (ש+ל+ום, ב+ית); two-letter words are found only as written. */
    private static final int MIN_STEM = 3;

    private HebrewText() {
    }

    /**
     * The form text is stored and shown in: Unicode NFC, niqqud and cantillation removed, direction marks
     * removed, maqaf as a hyphen, Hebrew presentation forms folded, runs of spaces collapsed (newlines kept).
     */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace('\u05BE', '-').replace('\u00A0', ' ');
        s = s.replaceAll("[\\t\\x0B\\f ]+", " ");
        return s.replaceAll(" *\\r?\\n *", "\n").strip();
    }

    /** Lower case, final letters in their ordinary form, geresh and gershayim dropped: the lexical key of a word. */
    public static String fold(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (char c : normalise(word).toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'ך' -> b.append('כ');
                case 'ם' -> b.append('מ');
                case 'ן' -> b.append('נ');
                case 'ף' -> b.append('פ');
                case 'ץ' -> b.append('צ');
                case '"', '\'', '\u05F3', '\u05F4', '\u2019', '\u201D' -> { }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The words of {@code text} as they appear (gershayim and geresh kept inside words). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalise(text));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /**
     * The terms one word is found by: its folded form and, for a Hebrew word, the folded forms left after
     * reading off one, two or three prefix letters.
     */
    public static Set<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        String folded = fold(word);
        if (folded.isEmpty()) {
            return forms;
        }
        forms.add(folded);
        if (isHebrew(folded)) {
            for (String prefix : PREFIXES) {
                if (folded.startsWith(prefix) && folded.length() - prefix.length() >= MIN_STEM) {
                    forms.add(folded.substring(prefix.length()));
                }
            }
        }
        return forms;
    }

    /** Every term of {@code text} to index, in order, with prefix-less forms next to their word. */
    public static List<String> indexTerms(String text) {
        List<String> terms = new ArrayList<>();
        for (String w : words(text)) {
            terms.addAll(forms(w));
        }
        return terms;
    }

    private static List<String> prefixes() {
        List<String> out = new ArrayList<>();
        for (String vav : new String[] {"", "ו"}) {
            for (String she : new String[] {"", "ש", "כש"}) {
                for (String last : new String[] {"", "ה", "ב", "כ", "ל", "מ", "מה"}) {
                    String p = vav + she + last;
                    if (!p.isEmpty()) {
                        out.add(p);
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(String::length));
        return List.copyOf(out);
    }

    /** True when the word is written in Hebrew letters. */
    static boolean isHebrew(String word) {
        return !word.isEmpty() && Character.UnicodeBlock.of(word.charAt(0)) == Character.UnicodeBlock.HEBREW;
    }
}
