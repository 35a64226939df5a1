package il.co.voicely.audio.cli;

import java.util.Locale;
import java.util.Map;

/** Writes a flat map of strings, numbers and nulls as one JSON object; enough for the report, no JSON library. */
final class ReportJson {
    private ReportJson() {
    }

    static String write(Map<String, Object> fields) {
        StringBuilder s = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(quote(key)).append(':');
            if (value == null || (value instanceof Double d && !Double.isFinite(d))) {
                s.append("null");
            } else if (value instanceof Double d) {
                s.append(String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0"));
            } else if (value instanceof Number n) {
                s.append(n);
            } else {
                s.append(quote(value.toString()));
            }
        });
        return s.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
