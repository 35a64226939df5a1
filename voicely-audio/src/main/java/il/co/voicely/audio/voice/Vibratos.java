package il.co.voicely.audio.voice;

import il.co.voicely.audio.pitch.PitchTrack;
import java.util.List;
import java.util.Optional;

/**
 * Vibrato on held notes of at least 0.5 s: the note's cents contour, detrended, is autocorrelated;
 * a clear peak at a lag of 1/8–1/3.5 s is vibrato at that rate, and its semi-extent is √2 × the RMS
 * of the detrended contour (exact for a sinusoidal vibrato).
 */
final class Vibratos {
    private static final double MIN_NOTE_SECONDS = 0.5;
    private static final double MIN_CORRELATION = 0.5;
    private static final double MIN_EXTENT_CENTS = 8;

    private Vibratos() {
    }

    static Optional<VoiceReport.Vibrato> measure(PitchTrack track, List<HeldNotes.Segment> held) {
        double dt = track.timeStep();
        double heldSeconds = 0;
        double vibratoSeconds = 0;
        double rateSum = 0;
        double extentSum = 0;
        for (var s : held) {
            heldSeconds += s.seconds();
            if (s.seconds() < MIN_NOTE_SECONDS) {
                continue;
            }
            int n = s.to() - s.from() + 1;
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = Note.cents(track.f0Hz()[s.from() + i], s.medianHz());
            }
            detrend(c);
            double r0 = 0;
            for (double v : c) {
                r0 += v * v;
            }
            if (r0 == 0) {
                continue;
            }
            int minLag = (int) Math.floor(1 / 8.0 / dt);
            int maxLag = Math.min(n / 2, (int) Math.ceil(1 / 3.5 / dt));
            double[] r = new double[maxLag + 2];
            for (int lag = Math.max(1, minLag - 1); lag <= maxLag + 1 && lag < n; lag++) {
                double sum = 0;
                for (int i = 0; i + lag < n; i++) {
                    sum += c[i] * c[i + lag];
                }
                r[lag] = sum / r0 * n / (n - lag);
            }
            int best = -1;
            for (int lag = Math.max(2, minLag); lag <= maxLag; lag++) {
                if (r[lag] > r[lag - 1] && r[lag] >= r[lag + 1] && (best < 0 || r[lag] > r[best])) {
                    best = lag;
                }
            }
            double extent = Math.sqrt(2 * r0 / n);
            if (best < 0 || r[best] < MIN_CORRELATION || extent < MIN_EXTENT_CENTS) {
                continue;
            }
            double d2 = 2 * r[best] - r[best - 1] - r[best + 1];
            double lag = best + (d2 == 0 ? 0 : 0.5 * (r[best + 1] - r[best - 1]) / d2);
            vibratoSeconds += s.seconds();
            rateSum += s.seconds() / (lag * dt);
            extentSum += s.seconds() * extent;
        }
        if (vibratoSeconds == 0) {
            return Optional.empty();
        }
        return Optional.of(new VoiceReport.Vibrato(rateSum / vibratoSeconds, extentSum / vibratoSeconds,
                vibratoSeconds / heldSeconds));
    }

    private static void detrend(double[] y) {
        int n = y.length;
        double mx = (n - 1) / 2.0;
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mx) * (y[i] - my);
            sxx += (i - mx) * (i - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        for (int i = 0; i < n; i++) {
            y[i] -= my + slope * (i - mx);
        }
    }
}
