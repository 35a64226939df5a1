package il.co.voicely.rag.search;

import il.co.voicely.rag.chunk.HebrewText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Highlights query words in a chunk. Done here rather than with {@code ts_headline} because the match is on
 * folded, prefix-stripped terms that ts_headline cannot see in the raw text: "בשיעורים" must light up for
 * the query "שיעורים".
 */
final class Snippets {

    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final int WORDS = 30;
    private static final int BEFORE = 8;

    private Snippets() {
    }

    static String highlight(String text, Set<String> queryTerms) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        List<Boolean> hits = new ArrayList<>(words.size());
        int first = -1;
        for (String w : words) {
            boolean hit = HebrewText.words(w).stream().anyMatch(x -> HebrewText.forms(x).stream().anyMatch(queryTerms::contains));
            if (hit && first < 0) {
                first = hits.size();
            }
            hits.add(hit);
        }
        int start = Math.max(0, first - BEFORE);
        int end = Math.min(words.size(), start + WORDS);
        StringBuilder b = new StringBuilder(start > 0 ? "… " : "");
        for (int i = start; i < end; i++) {
            String w = escape(words.get(i));
            b.append(hits.get(i) ? "<b>" + w + "</b>" : w).append(i + 1 < end ? " " : "");
        }
        return b.append(end < words.size() ? " …" : "").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
