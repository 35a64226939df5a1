package il.co.voicely.rag.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits normalised text into sentences. A sentence ends at . ! ? … or Hebrew sof pasuq (׃) followed by
 * white space (closing quotes and brackets stay with it), and at a blank line or a line break (headings,
 * list items). Gershayim and geresh never end a sentence: they sit inside words (צה"ל, ג'ירפה) and after
 * abbreviations (וכו'). A full stop inside a number (3.5) or after a known English abbreviation does not
 * end one either.
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "no", "jr", "sr", "fig", "approx");
    private static final String TERMINATORS = ".!?…\u05C3";
    private static final String CLOSERS = "\"'”’)]}»\u05F4\u05F3";

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(sentences, text.substring(start, i));
                start = i + 1;
                continue;
            }
            if (TERMINATORS.indexOf(c) < 0) {
                continue;
            }
            int end = i + 1;
            while (end < n && (TERMINATORS.indexOf(text.charAt(end)) >= 0 || CLOSERS.indexOf(text.charAt(end)) >= 0)) {
                end++;
            }
            boolean atBreak = end >= n || Character.isWhitespace(text.charAt(end));
            if (!atBreak || (c == '.' && isAbbreviation(text, start, i))) {
                continue;
            }
            add(sentences, text.substring(start, end));
            start = end;
            i = end - 1;
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int w = dot;
        while (w > sentenceStart && !Character.isWhitespace(text.charAt(w - 1))) {
            w--;
        }
        String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0))
                && Character.UnicodeBlock.of(word.charAt(0)) == Character.UnicodeBlock.BASIC_LATIN);
    }

    private static void add(List<String> sentences, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            sentences.add(t);
        }
    }
}
