package il.co.voicely.app.recordings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import il.co.voicely.audio.pitch.PitchTrack;
import il.co.voicely.audio.voice.Note;
import il.co.voicely.audio.voice.NoteAccuracy;
import il.co.voicely.audio.voice.VoiceReport;
import java.util.Optional;

/**
 * The voice report as stored in {@code ai_analysis.report}: the figures the page explains, the note
 * accuracy against the exercise, and the pitch curve thinned to at most {@value #MAX_POINTS} points.
 */
final class VoiceReportJson {

    static final int MAX_POINTS = 1500;
    /** "In tune" for the plain-language summary: a trained ear hears 20 cents as a shade, not as wrong. */
    static final double IN_TUNE_CENTS = 20;

    private VoiceReportJson() {
    }

    static ObjectNode of(VoiceReport report, PitchTrack track, Optional<NoteAccuracy> accuracy) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("durationSeconds", round(report.durationSeconds(), 2));
        json.put("voicedFraction", round(report.voicedFraction(), 3));
        report.pitch().ifPresent(p -> {
            json.put("medianHz", round(p.medianHz(), 1));
            json.put("medianNote", p.medianNote().name());
        });
        report.range().ifPresent(r -> {
            json.put("rangeLow", r.lowest().name());
            json.put("rangeHigh", r.highest().name());
            json.put("tessituraLow", r.tessituraLow().name());
            json.put("tessituraHigh", r.tessituraHigh().name());
        });
        report.stabilityCents().ifPresent(s -> json.put("stabilityCents", round(s, 1)));
        report.vibrato().ifPresent(v -> {
            json.put("vibratoRateHz", round(v.rateHz(), 1));
            json.put("vibratoExtentCents", round(v.extentCents(), 0));
        });
        report.perturbation().ifPresent(p -> {
            json.put("jitterPct", round(p.jitterLocalPct(), 2));
            json.put("shimmerPct", round(p.shimmerLocalPct(), 2));
        });
        report.hnrDb().ifPresent(h -> json.put("hnrDb", round(h, 1)));
        report.loudness().rmsDbfs().ifPresent(l -> json.put("loudnessDbfs", round(l, 1)));
        accuracy.ifPresent(a -> json.set("accuracy", accuracy(a)));
        json.set("track", track(track));
        return json;
    }

    private static ObjectNode accuracy(NoteAccuracy accuracy) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("score", round(accuracy.score(), 0));
        long inTune = accuracy.notes().stream()
                .filter(n -> n.deviationCents().filter(c -> Math.abs(c) <= IN_TUNE_CENTS).isPresent()).count();
        json.put("inTuneFraction", accuracy.notes().isEmpty() ? 0 : round((double) inTune / accuracy.notes().size(), 3));
        ArrayNode notes = json.putArray("notes");
        for (NoteAccuracy.NoteScore n : accuracy.notes()) {
            ObjectNode note = notes.addObject();
            note.put("note", n.target().name());
            n.deviationCents().ifPresentOrElse(c -> note.put("cents", round(c, 0)), () -> note.putNull("cents"));
            note.put("start", round(n.startSeconds(), 2));
            note.put("end", round(n.endSeconds(), 2));
            note.put("score", round(n.score(), 0));
        }
        return json;
    }

    /** Frames thinned by an integer step; each point is a MIDI number with cents (0 = unvoiced). */
    private static ObjectNode track(PitchTrack track) {
        int step = Math.max(1, (int) Math.ceil(track.frameCount() / (double) MAX_POINTS));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("start", round(track.firstTime(), 3));
        json.put("step", round(track.timeStep() * step, 4));
        ArrayNode midi = json.putArray("midi");
        for (int i = 0; i < track.frameCount(); i += step) {
            midi.add(track.isVoiced(i) ? round(Note.midiOf(track.f0Hz()[i]), 2) : 0);
        }
        return json;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
