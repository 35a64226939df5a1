package il.co.voicely.rag.chunk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures text in model tokens. The default is an estimate that needs no tokenizer; pass the embedding
 * model's own count when an exact budget matters.
 */
@FunctionalInterface
public interface TokenCounter {

    /** The number of tokens {@code text} takes. */
    int count(String text);

    /**
     * An estimate close to WordPiece tokenizers: one token per punctuation mark and per word of up to
     * four letters, and one more for every further four letters (long and Hebrew words split into pieces).
     */
    static TokenCounter approximate() {
        Pattern token = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|[^\\s\\p{L}\\p{M}\\p{N}]");
        return text -> {
            int n = 0;
            Matcher m = token.matcher(text);
            while (m.find()) {
                int len = m.end() - m.start();
                n += Math.max(1, (len + 3) / 4);
            }
            return n;
        };
    }
}
