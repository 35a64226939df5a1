package il.co.voicely.audio.voice;

import il.co.voicely.audio.decode.DecodedAudio;
import il.co.voicely.audio.pitch.PitchDetector;
import il.co.voicely.audio.pitch.PitchSettings;
import il.co.voicely.audio.pitch.PitchTrack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns mono audio into a {@link VoiceReport}: F0 statistics, range and tessitura, stability, vibrato,
 * jitter, shimmer, HNR, loudness and phrases. Pitch, jitter, shimmer and HNR follow Praat's
 * definitions, so the figures can be checked against Praat's voice report.
 *
 * <pre>{@code
 * VoiceAnalyzer analyzer = VoiceAnalyzer.create(PitchSettings.singing());
 * VoiceReport report = analyzer.analyze(decoder.decodeAll(Path.of("scale.webm")));
 * report.range().ifPresent(r -> System.out.println(r.lowest().solfege() + "–" + r.highest().solfege()));
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class VoiceAnalyzer {
    private static final double HELD_NOTE_SECONDS = 0.2;
    private static final double BREATH_GAP_SECONDS = 0.3;

    private final PitchDetector detector;

    private VoiceAnalyzer(PitchDetector detector) {
        this.detector = detector;
    }

    /** @return an analyzer using these pitch settings ({@link PitchSettings#singing()} for singing) */
    public static VoiceAnalyzer create(PitchSettings settings) {
        return new VoiceAnalyzer(PitchDetector.create(settings));
    }

    /** @return the report for a decoded clip */
    public VoiceReport analyze(DecodedAudio audio) {
        return analyze(audio.samples(), audio.sampleRate());
    }

    /** @return the report for mono samples at {@code sampleRate} */
    public VoiceReport analyze(float[] samples, int sampleRate) {
        return report(samples, sampleRate, detector.analyze(samples, sampleRate));
    }

    /** @return the report for samples whose pitch track has already been computed */
    public VoiceReport report(float[] samples, int sampleRate, PitchTrack track) {
        double[] voiced = track.voicedF0s();
        List<HeldNotes.Segment> held = HeldNotes.find(track, HELD_NOTE_SECONDS);
        return new VoiceReport(samples.length / (double) sampleRate, track.voicedFraction(),
                summary(voiced), range(voiced, held), stability(track, held), Vibratos.measure(track, held),
                Perturbation.of(voiced.length < 3 ? new double[0] : Pulses.find(samples, sampleRate, track), samples, sampleRate),
                hnr(track), Loudness.measure(samples, sampleRate), phrases(track));
    }

    private static Optional<VoiceReport.PitchSummary> summary(double[] voiced) {
        if (voiced.length == 0) {
            return Optional.empty();
        }
        double[] sorted = voiced.clone();
        Arrays.sort(sorted);
        return Optional.of(new VoiceReport.PitchSummary(percentile(sorted, 50), Arrays.stream(sorted).average().orElseThrow(),
                percentile(sorted, 5), percentile(sorted, 95)));
    }

    private static Optional<VoiceReport.VocalRange> range(double[] voiced, List<HeldNotes.Segment> held) {
        if (held.isEmpty()) {
            return Optional.empty();
        }
        double low = held.stream().mapToDouble(HeldNotes.Segment::medianHz).min().orElseThrow();
        double high = held.stream().mapToDouble(HeldNotes.Segment::medianHz).max().orElseThrow();
        double[] sorted = voiced.clone();
        Arrays.sort(sorted);
        return Optional.of(new VoiceReport.VocalRange(Note.nearest(low), Note.nearest(high),
                Note.nearest(percentile(sorted, 10)), Note.nearest(percentile(sorted, 90))));
    }

    /** Pooled SD around each held note's median, skipping the first and last 50 ms (attack, release). */
    private static Optional<Double> stability(PitchTrack track, List<HeldNotes.Segment> held) {
        int edge = (int) Math.round(0.05 / track.timeStep());
        double sum = 0;
        int count = 0;
        for (var s : held) {
            for (int i = s.from() + edge; i <= s.to() - edge; i++) {
                double c = Note.cents(track.f0Hz()[i], s.medianHz());
                sum += c * c;
                count++;
            }
        }
        return count < 10 ? Optional.empty() : Optional.of(Math.sqrt(sum / count));
    }

    /** Praat's voice-report HNR: the mean over voiced frames of 10·log10(r / (1 − r)). */
    private static Optional<Double> hnr(PitchTrack track) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < track.frameCount(); i++) {
            if (track.isVoiced(i)) {
                double r = track.strength()[i];
                sum += r <= 1e-15 ? -150 : r > 1 - 1e-15 ? 150 : 10 * Math.log10(r / (1 - r));
                count++;
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(sum / count);
    }

    private static List<VoiceReport.Phrase> phrases(PitchTrack track) {
        List<VoiceReport.Phrase> out = new ArrayList<>();
        double start = -1;
        double end = -1;
        double half = 0.5 * track.timeStep();
        for (int i = 0; i < track.frameCount(); i++) {
            if (!track.isVoiced(i)) {
                continue;
            }
            double t = track.time(i);
            if (start >= 0 && t - half - end >= BREATH_GAP_SECONDS) {
                addPhrase(out, start, end);
                start = -1;
            }
            if (start < 0) {
                start = t - half;
            }
            end = t + half;
        }
        if (start >= 0) {
            addPhrase(out, start, end);
        }
        return out;
    }

    private static void addPhrase(List<VoiceReport.Phrase> out, double start, double end) {
        if (end - start >= HELD_NOTE_SECONDS) {
            out.add(new VoiceReport.Phrase(start, end));
        }
    }

    static double percentile(double[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
