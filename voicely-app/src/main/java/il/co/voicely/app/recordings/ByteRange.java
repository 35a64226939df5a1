package il.co.voicely.app.recordings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range: bytes=…} header (RFC 9110 §14.1.2): {@code a-b}, {@code a-} or the
 * suffix {@code -n}. Several ranges or an unsatisfiable one are answered with the whole file, as the RFC allows.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    static Optional<ByteRange> parse(String header, long size) {
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || size == 0 || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Math.min(Long.parseLong(m.group(2)), size);
            return suffix == 0 ? Optional.empty() : Optional.of(new ByteRange(size - suffix, size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        return first > last ? Optional.empty() : Optional.of(new ByteRange(first, last));
    }

    long length() {
        return last - first + 1;
    }
}
