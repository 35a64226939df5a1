package il.co.voicely.app.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.audio.voice.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stored voice report read back for the page: plain figures, the note names in both notations, and the
 * pitch curve.
 */
public final class Analysis {

    private final JsonNode report;

    Analysis(JsonNode report) {
        this.report = report;
    }

    /** Whether a vocal range was found (silence or speech-like noise has none). */
    public boolean hasRange() {
        return report.hasNonNull("rangeLow");
    }

    /** The range in scientific pitch, e.g. "A2–E4". */
    public String range() {
        return isolate(text("rangeLow") + "–" + text("rangeHigh"));
    }

    /** The range in solfège: Hebrew syllables for Hebrew pages, Latin ("La2–Mi4") otherwise. */
    public String rangeSolfege(boolean hebrew) {
        return isolate(solfege(text("rangeLow"), hebrew) + "–" + solfege(text("rangeHigh"), hebrew));
    }

    public boolean hasMedian() {
        return report.hasNonNull("medianNote");
    }

    /** The median note and its frequency, e.g. "A3, 220 Hz", kept left to right inside a sentence of either direction. */
    public String median() {
        return "\u2066" + text("medianNote") + ", " + Math.round(report.path("medianHz").asDouble()) + " Hz\u2069";
    }

    public boolean hasAccuracy() {
        return report.has("accuracy");
    }

    /** Overall note-accuracy score, 0–100. */
    public long score() {
        return Math.round(report.path("accuracy").path("score").asDouble());
    }

    /** Percentage of target notes sung within 20 cents. */
    public long inTunePercent() {
        return Math.round(report.path("accuracy").path("inTuneFraction").asDouble() * 100);
    }

    /** The per-note results against the exercise. */
    public List<NoteResult> notes(boolean hebrew) {
        List<NoteResult> notes = new ArrayList<>();
        report.path("accuracy").path("notes").forEach(n -> notes.add(new NoteResult(n.path("note").asText(),
                solfege(n.path("note").asText(), hebrew), n.path("cents").isNull() ? Optional.empty() : Optional.of(n.path("cents").asLong()),
                n.path("score").asLong())));
        return notes;
    }

    public Optional<Long> stabilityCents() {
        return number("stabilityCents").map(Math::round);
    }

    /** Vibrato as "5.5 Hz, ±40 cents", when found. */
    public Optional<String> vibrato() {
        return number("vibratoRateHz").map(rate -> rate + " Hz, ±" + Math.round(report.path("vibratoExtentCents").asDouble()));
    }

    public Optional<Double> jitterPct() {
        return number("jitterPct");
    }

    public Optional<Double> shimmerPct() {
        return number("shimmerPct");
    }

    public Optional<Double> hnrDb() {
        return number("hnrDb");
    }

    public Optional<Double> loudnessDbfs() {
        return number("loudnessDbfs");
    }

    /** How much of the recording was voiced, in percent. */
    public long voicedPercent() {
        return Math.round(report.path("voicedFraction").asDouble() * 100);
    }

    /** The pitch curve drawn against the exercise's notes. */
    public PitchCurve curve() {
        return PitchCurve.of(report);
    }

    private Optional<Double> number(String field) {
        return report.hasNonNull(field) ? Optional.of(report.get(field).asDouble()) : Optional.empty();
    }

    private String text(String field) {
        return report.path(field).asText();
    }

    /** First-strong isolate: a note range keeps its order inside a sentence of either direction. */
    private static String isolate(String text) {
        return "\u2068" + text + "\u2069";
    }

    static String solfege(String noteName, boolean hebrew) {
        Note note = Note.parse(noteName);
        return hebrew ? note.hebrew() + note.octave() : note.solfege();
    }

    /** One target note's result: its names, how far off its centre was (empty: not sung), and its score. */
    public record NoteResult(String note, String solfege, Optional<Long> cents, long score) {

        /** Sung within 20 cents. */
        public boolean inTune() {
            return cents.filter(c -> Math.abs(c) <= VoiceReportJson.IN_TUNE_CENTS).isPresent();
        }

        /** Signed cents, e.g. "+12" or "−8". */
        public String centsText() {
            return cents.map(c -> (c > 0 ? "+" : c < 0 ? "−" : "") + Math.abs(c)).orElse("");
        }
    }
}
