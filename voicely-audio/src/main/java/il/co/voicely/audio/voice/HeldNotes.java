package il.co.voicely.audio.voice;

import il.co.voicely.audio.pitch.PitchTrack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a pitch track into held notes. The contour is first smoothed over 250 ms so vibrato (one
 * cycle ≈ 150–250 ms) does not split a note; a new note starts where the smoothed contour leaves the
 * current note by more than 60 cents or the voice stops. Glides leave only short pieces, which are
 * dropped, so a siren yields no held notes.
 */
final class HeldNotes {
    private static final double SPLIT_CENTS = 60;
    private static final double SMOOTH_SECONDS = 0.25;

    /** A held note over frames [from, to], inclusive. */
    record Segment(int from, int to, double medianHz, double seconds) {
    }

    private HeldNotes() {
    }

    static List<Segment> find(PitchTrack track, double minimumSeconds) {
        int n = track.frameCount();
        double dt = track.timeStep();
        double[] cents = new double[n];
        for (int i = 0; i < n; i++) {
            cents[i] = track.isVoiced(i) ? Note.cents(track.f0Hz()[i], 440) : Double.NaN;
        }
        double[] smooth = smooth(cents, Math.max(1, (int) Math.round(SMOOTH_SECONDS / dt / 2)));
        List<Segment> out = new ArrayList<>();
        int start = -1;
        double reference = 0;
        for (int i = 0; i <= n; i++) {
            boolean voiced = i < n && !Double.isNaN(smooth[i]);
            boolean split = start >= 0 && (!voiced || Math.abs(smooth[i] - reference) > SPLIT_CENTS);
            if (split) {
                add(out, track, start, i - 1, minimumSeconds);
                start = -1;
            }
            if (voiced && start < 0) {
                start = i;
                reference = smooth[i];
            } else if (voiced) {
                // The reference follows the note's settled centre, not its attack.
                reference = median(smooth, Math.max(start, i - 50), i);
            }
        }
        return out;
    }

    private static void add(List<Segment> out, PitchTrack track, int from, int to, double minimumSeconds) {
        double seconds = (to - from + 1) * track.timeStep();
        if (seconds < minimumSeconds) {
            return;
        }
        out.add(new Segment(from, to, Math.exp(median(log(track.f0Hz(), from, to), 0, to - from)), seconds));
    }

    private static double[] log(double[] f, int from, int to) {
        double[] out = new double[to - from + 1];
        for (int i = from; i <= to; i++) {
            out[i - from] = Math.log(f[i]);
        }
        return out;
    }

    private static double[] smooth(double[] x, int half) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int k = Math.max(0, i - half); k <= Math.min(x.length - 1, i + half); k++) {
                if (!Double.isNaN(x[k])) {
                    sum += x[k];
                    count++;
                }
            }
            out[i] = sum / count;
        }
        return out;
    }

    static double median(double[] x, int from, int to) {
        double[] copy = Arrays.copyOfRange(x, from, to + 1);
        Arrays.sort(copy);
        int m = copy.length;
        return m % 2 == 1 ? copy[m / 2] : 0.5 * (copy[m / 2 - 1] + copy[m / 2]);
    }
}
