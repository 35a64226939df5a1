package il.co.voicely.rag.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SRT and WebVTT subtitles into {@link Cue}s.
 *
 * <pre>{@code
 * List<Cue> cues = Subtitles.parse(Files.readString(Path.of("lesson.vtt")));
 * }</pre>
 *
 * <p>Both formats are blocks separated by blank lines with a {@code start --> end} line; SRT writes
 * {@code 00:01:02,500}, WebVTT {@code 00:01:02.500} or {@code 01:02.500}. Cue numbers, the WEBVTT header,
 * NOTE/STYLE blocks, cue settings and voice/formatting tags are dropped.
 */
public final class Subtitles {

    private static final Pattern TIMING = Pattern.compile(
            "((?:\\d+:)?\\d{1,2}:\\d{2}[,.]\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[,.]\\d{1,3})");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private Subtitles() {
    }

    /** True when the text looks like SRT or WebVTT. */
    public static boolean looksLikeSubtitles(String text) {
        return TIMING.matcher(text).find();
    }

    /** The cues of an SRT or WebVTT document, in order. */
    public static List<Cue> parse(String text) {
        List<Cue> cues = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\\n\\s*\\n")) {
            String[] lines = block.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                Matcher m = TIMING.matcher(lines[i]);
                if (m.find()) {
                    StringBuilder body = new StringBuilder();
                    for (int j = i + 1; j < lines.length; j++) {
                        body.append(body.isEmpty() ? "" : " ").append(TAG.matcher(lines[j]).replaceAll("").strip());
                    }
                    long start = millis(m.group(1));
                    long end = Math.max(start, millis(m.group(2)));
                    if (!body.toString().isBlank()) {
                        cues.add(Cue.of(start, end, body.toString()));
                    }
                    break;
                }
            }
        }
        return cues;
    }

    private static long millis(String stamp) {
        String[] parts = stamp.replace(',', '.').split(":");
        long h = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        long m = Long.parseLong(parts[parts.length - 2]);
        String[] sec = parts[parts.length - 1].split("\\.");
        String frac = (sec[1] + "00").substring(0, 3);
        return ((h * 60 + m) * 60 + Long.parseLong(sec[0])) * 1000 + Long.parseLong(frac);
    }
}
