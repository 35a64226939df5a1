package il.co.voicely.app.recordings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing the m:ss positions comments point at. */
final class Comments {

    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,4})(?:[.,](\\d{1,3}))?");

    private Comments() {
    }

    static String clock(int ms) {
        int seconds = ms / 1000;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    /** "1:05", "65" or "65.5" to milliseconds; empty when it is none of those. */
    static Optional<Integer> parse(String text) {
        Matcher m = CLOCK.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long minutes = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long seconds = Long.parseLong(m.group(2));
        if (m.group(1) != null && seconds >= 60) {
            return Optional.empty();
        }
        long fraction = m.group(3) == null ? 0 : Math.round(Double.parseDouble("0." + m.group(3)) * 1000);
        long ms = (minutes * 60 + seconds) * 1000 + fraction;
        return ms > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) ms);
    }
}
