package il.co.voicely.audio.voice;

import java.util.Optional;

/**
 * Cycle-to-cycle perturbation of the voice, defined as in Praat's voice report (percentages).
 * Healthy sustained voices typically show local jitter below ~1% and local shimmer below ~4%.
 *
 * @param jitterLocalPct  mean absolute difference of consecutive periods over the mean period
 * @param jitterRapPct    relative average perturbation: deviation from the 3-period running mean
 * @param jitterPpq5Pct   five-point period perturbation quotient
 * @param shimmerLocalPct mean absolute difference of consecutive amplitudes over the mean amplitude
 * @param shimmerApq3Pct  three-point amplitude perturbation quotient
 * @param shimmerApq5Pct  five-point amplitude perturbation quotient
 * @param periods         number of periods the figures rest on
 */
public record Perturbation(double jitterLocalPct, double jitterRapPct, double jitterPpq5Pct,
                           double shimmerLocalPct, double shimmerApq3Pct, double shimmerApq5Pct, int periods) {

    // Praat's voice-report defaults: periods 0.1–20 ms, neighbours within a factor 1.3 (periods) / 1.6 (amplitudes).
    private static final double PERIOD_MIN = 0.0001;
    private static final double PERIOD_MAX = 0.02;
    private static final double PERIOD_FACTOR = 1.3;
    private static final double AMPLITUDE_FACTOR = 1.6;

    /** @return the perturbation measures for these pulses, empty with fewer than six usable periods */
    static Optional<Perturbation> of(double[] pulses, float[] samples, int rate) {
        int n = pulses.length;
        double[] p = new double[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            p[i - 1] = pulses[i] - pulses[i - 1];
        }
        double meanPeriod = 0;
        int valid = 0;
        for (double v : p) {
            if (ok(v)) {
                meanPeriod += v;
                valid++;
            }
        }
        if (valid < 6) {
            return Optional.empty();
        }
        meanPeriod /= valid;
        double local = quotient(p, 1, meanPeriod);
        double rap = quotient(p, 3, meanPeriod);
        double ppq5 = quotient(p, 5, meanPeriod);
        double[] amplitudes = amplitudes(pulses, samples, rate);
        double[] ampTimes = new double[amplitudes.length];
        int m = 0;
        for (int i = 1; i + 1 < n; i++) {
            double p1 = pulses[i] - pulses[i - 1];
            double p2 = pulses[i + 1] - pulses[i];
            if (ok(p1) && ok(p2) && Math.max(p1, p2) / Math.min(p1, p2) <= PERIOD_FACTOR && amplitudes[i] > 0) {
                ampTimes[m] = pulses[i];
                amplitudes[m++] = amplitudes[i];
            }
        }
        double[] a = java.util.Arrays.copyOf(amplitudes, m);
        double[] at = java.util.Arrays.copyOf(ampTimes, m);
        if (m < 6) {
            return Optional.empty();
        }
        double meanAmplitude = java.util.Arrays.stream(a).average().orElse(0);
        return Optional.of(new Perturbation(100 * local, 100 * rap, 100 * ppq5,
                100 * shimmer(a, at, 1, meanAmplitude), 100 * shimmer(a, at, 3, meanAmplitude),
                100 * shimmer(a, at, 5, meanAmplitude), valid));
    }

    private static boolean ok(double period) {
        return period >= PERIOD_MIN && period <= PERIOD_MAX;
    }

    /** Jitter: width 1 is local (consecutive differences); 3 and 5 compare to the running mean. */
    private static double quotient(double[] p, int width, double meanPeriod) {
        double sum = 0;
        int count = 0;
        int span = width == 1 ? 2 : width;
        for (int i = 0; i + span <= p.length; i++) {
            boolean usable = true;
            for (int k = i; k < i + span; k++) {
                usable &= ok(p[k]);
                if (k > i) {
                    usable &= Math.max(p[k], p[k - 1]) / Math.min(p[k], p[k - 1]) <= PERIOD_FACTOR;
                }
            }
            if (!usable) {
                continue;
            }
            if (width == 1) {
                sum += Math.abs(p[i + 1] - p[i]);
            } else {
                double mean = 0;
                for (int k = i; k < i + span; k++) {
                    mean += p[k];
                }
                sum += Math.abs(p[i + span / 2] - mean / span);
            }
            count++;
        }
        return count == 0 ? 0 : sum / count / meanPeriod;
    }

    private static double shimmer(double[] a, double[] t, int width, double meanAmplitude) {
        double sum = 0;
        int count = 0;
        int span = width == 1 ? 2 : width;
        for (int i = 0; i + span <= a.length; i++) {
            boolean usable = true;
            for (int k = i + 1; k < i + span; k++) {
                usable &= ok(t[k] - t[k - 1]) && Math.max(a[k], a[k - 1]) / Math.min(a[k], a[k - 1]) <= AMPLITUDE_FACTOR;
            }
            if (!usable) {
                continue;
            }
            if (width == 1) {
                sum += Math.abs(a[i + 1] - a[i]);
            } else {
                double mean = 0;
                for (int k = i; k < i + span; k++) {
                    mean += a[k];
                }
                sum += Math.abs(a[i + span / 2] - mean / span);
            }
            count++;
        }
        return count == 0 ? 0 : sum / count / meanAmplitude;
    }

    /** Hann-windowed RMS around each pulse, 0.2 of the neighbouring periods each side (as Praat). */
    private static double[] amplitudes(double[] pulses, float[] x, int rate) {
        double[] out = new double[pulses.length];
        for (int i = 1; i + 1 < pulses.length; i++) {
            double mid = pulses[i];
            double wl = 0.2 * (pulses[i] - pulses[i - 1]);
            double wr = 0.2 * (pulses[i + 1] - pulses[i]);
            int a = Math.max(0, (int) Math.floor((mid - wl) * rate));
            int b = Math.min(x.length - 1, (int) Math.ceil((mid + wr) * rate));
            double sum = 0;
            double weights = 0;
            for (int k = a; k <= b; k++) {
                double t = (k + 0.5) / rate;
                double width = t < mid ? wl : wr;
                double phase = (t - mid) / width;
                if (Math.abs(phase) > 1) {
                    continue;
                }
                double w = 0.5 + 0.5 * Math.cos(Math.PI * phase);
                sum += x[k] * w * x[k] * w;
                weights += w * w;
            }
            out[i] = weights == 0 ? 0 : Math.sqrt(sum / weights);
        }
        return out;
    }
}
