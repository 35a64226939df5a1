package il.co.voicely.app.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.audio.voice.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pitch curve as SVG geometry, computed on the server so the page needs no script to show it: time
 * left to right, semitones bottom to top, the curve broken where the voice stops, each exercise note a band
 * of ±50 cents where the singer sang it.
 *
 * @param path    the curve's {@code d} attribute
 * @param targets bands for the exercise's notes
 * @param lines   horizontal lines at natural notes, with their names
 */
public record PitchCurve(String path, List<Band> targets, List<Line> lines) {

    /** The drawing's width in SVG units. */
    public static final int WIDTH = 600;
    /** The drawing's height in SVG units. */
    public static final int HEIGHT = 360;
    private static final int LABELS = 36;

    static PitchCurve of(JsonNode report) {
        JsonNode track = report.path("track");
        double start = track.path("start").asDouble();
        double step = track.path("step").asDouble(0.01);
        List<Double> midi = new ArrayList<>();
        track.path("midi").forEach(m -> midi.add(m.asDouble()));
        double duration = Math.max(report.path("durationSeconds").asDouble(), start + step * midi.size());
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double m : midi) {
            if (m > 0) {
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        for (JsonNode n : report.path("accuracy").path("notes")) {
            int m = Note.parse(n.path("note").asText()).midi();
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        if (lo > hi) {
            lo = 57;
            hi = 69;
        }
        Scale scale = new Scale(duration <= 0 ? 1 : duration, Math.floor(lo) - 2, Math.ceil(hi) + 2);

        StringBuilder d = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < midi.size(); i++) {
            double m = midi.get(i);
            if (m <= 0) {
                drawing = false;
                continue;
            }
            d.append(drawing ? " L" : " M").append(fmt(scale.x(start + i * step))).append(' ').append(fmt(scale.y(m)));
            drawing = true;
        }
        List<Band> bands = new ArrayList<>();
        for (JsonNode n : report.path("accuracy").path("notes")) {
            int m = Note.parse(n.path("note").asText()).midi();
            double x1 = scale.x(n.path("start").asDouble());
            double x2 = scale.x(n.path("end").asDouble());
            boolean sung = !n.path("cents").isNull() && x2 > x1;
            bands.add(new Band(fmt(sung ? x1 : 0), fmt(scale.y(m + 0.5)), fmt(sung ? x2 - x1 : WIDTH), fmt(scale.y(m - 0.5) - scale.y(m + 0.5)),
                    sung, n.path("note").asText()));
        }
        List<Line> lines = new ArrayList<>();
        int every = (scale.hi - scale.lo) > LABELS ? 12 : 1;
        for (int m = (int) scale.lo; m <= scale.hi; m++) {
            Note note = new Note(m);
            boolean natural = !note.name().contains("#");
            if (every == 1 ? natural : m % 12 == 0) {
                lines.add(new Line(fmt(scale.y(m)), note.name(), m % 12 == 0));
            }
        }
        return new PitchCurve(d.toString().strip(), bands, lines);
    }

    /** The {@code viewBox} attribute. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A target note's ±50-cent band; {@code sung} false means the note was missed (drawn across, faint). */
    public record Band(String x, String y, String width, String height, boolean sung, String note) {
    }

    /** A grid line at a note; {@code octave} marks the Cs. */
    public record Line(String y, String note, boolean octave) {
    }

    private record Scale(double duration, double lo, double hi) {
        double x(double seconds) {
            return Math.max(0, Math.min(WIDTH, seconds / duration * WIDTH));
        }

        double y(double midi) {
            return HEIGHT - (midi - lo) / (hi - lo) * HEIGHT;
        }
    }
}
