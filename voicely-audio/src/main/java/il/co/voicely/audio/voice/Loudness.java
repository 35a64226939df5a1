package il.co.voicely.audio.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RMS and peak in dBFS, and integrated loudness per ITU-R BS.1770-4 for a mono signal. */
final class Loudness {
    private Loudness() {
    }

    static VoiceReport.Loudness measure(float[] x, int rate) {
        double sum = 0;
        double peak = 0;
        for (float v : x) {
            sum += (double) v * v;
            peak = Math.max(peak, Math.abs(v));
        }
        Optional<Double> rms = sum == 0 ? Optional.empty() : Optional.of(10 * Math.log10(sum / x.length));
        Optional<Double> peakDb = peak == 0 ? Optional.empty() : Optional.of(20 * Math.log10(peak));
        return new VoiceReport.Loudness(rms, peakDb, lufs(x, rate));
    }

    /**
     * BS.1770-4: K-weighting (a +4 dB high shelf near 1.7 kHz, then a 38 Hz high-pass, designed for
     * any rate from the analogue prototypes that reproduce the standard's 48 kHz coefficients), 400 ms blocks every 100 ms, an absolute gate
     * at −70 LUFS and a relative gate 10 LU below the ungated mean.
     */
    static Optional<Double> lufs(float[] x, int rate) {
        int block = (int) Math.round(0.4 * rate);
        int step = (int) Math.round(0.1 * rate);
        if (x.length < block) {
            return Optional.empty();
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        biquad(y, highShelf(rate));
        biquad(y, highPass(rate));
        List<Double> powers = new ArrayList<>();
        for (int start = 0; start + block <= y.length; start += step) {
            double s = 0;
            for (int i = start; i < start + block; i++) {
                s += y[i] * y[i];
            }
            powers.add(s / block);
        }
        double absoluteGate = Math.pow(10, (-70 + 0.691) / 10);
        double mean = powers.stream().filter(z -> z > absoluteGate).mapToDouble(Double::doubleValue).average().orElse(0);
        if (mean == 0) {
            return Optional.empty();
        }
        double relativeGate = mean * Math.pow(10, -10 / 10.0);
        double gated = powers.stream().filter(z -> z > absoluteGate && z > relativeGate)
                .mapToDouble(Double::doubleValue).average().orElse(0);
        return gated == 0 ? Optional.empty() : Optional.of(-0.691 + 10 * Math.log10(gated));
    }

    /** Stage 1, from the analogue prototype by the bilinear transform (the ITU's 48 kHz values at 48 kHz). */
    private static double[] highShelf(int rate) {
        double k = Math.tan(Math.PI * 1681.974450955533 / rate);
        double q = 0.7071752369554196;
        double vh = Math.pow(10, 3.999843853973347 / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        return new double[] {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }

    /** Stage 2, the RLB high-pass. */
    private static double[] highPass(int rate) {
        double k = Math.tan(Math.PI * 38.13547087602444 / rate);
        double q = 0.5003270373238773;
        double a0 = 1 + k / q + k * k;
        return new double[] {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }

    private static void biquad(double[] x, double[] c) {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double out = c[0] * in + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1; x1 = in; y2 = y1; y1 = out;
            x[i] = out;
        }
    }
}
