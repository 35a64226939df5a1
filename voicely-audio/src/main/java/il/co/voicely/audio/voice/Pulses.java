package il.co.voicely.audio.voice;

import il.co.voicely.audio.pitch.PitchTrack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Glottal pulse times by waveform cross-correlation, after Praat's "To PointProcess (cc)": in each
 * voiced stretch start at the strongest extremum near the middle, then walk left and right one local
 * period at a time, placing each pulse where the next period best matches the current one.
 */
final class Pulses {
    private final float[] x;
    private final double rate;
    private final PitchTrack track;
    private final double globalPeak;
    private double addedRight = Double.NEGATIVE_INFINITY;

    private Pulses(float[] x, int rate, PitchTrack track) {
        this.x = x;
        this.rate = rate;
        this.track = track;
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        this.globalPeak = peak;
    }

    /** @return pulse times in seconds, ascending */
    static double[] find(float[] samples, int rate, PitchTrack track) {
        return new Pulses(samples, rate, track).find();
    }

    private double[] find() {
        List<Double> points = new ArrayList<>();
        int n = track.frameCount();
        int i = 0;
        while (i < n) {
            if (!track.isVoiced(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && track.isVoiced(j + 1)) {
                j++;
            }
            double tLeft = Math.max(0, track.time(i) - 0.5 * track.timeStep());
            double tRight = Math.min(x.length / rate, track.time(j) + 0.5 * track.timeStep());
            walkInterval(tLeft, tRight, points);
            i = j + 1;
        }
        double[] out = points.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private void walkInterval(double tLeft, double tRight, List<Double> points) {
        double tMiddle = 0.5 * (tLeft + tRight);
        double f0Middle = f0(tMiddle);
        if (f0Middle <= 0) {
            return;
        }
        double start = extremum(tMiddle - 0.5 / f0Middle, tMiddle + 0.5 / f0Middle);
        points.add(start);
        double t = start;
        for (int guard = 0; guard < 1_000_000; guard++) {
            double f0 = f0(t);
            if (f0 <= 0) {
                break;
            }
            double[] found = maximumCorrelation(t, 1 / f0, t - 1.25 / f0, t - 0.8 / f0);
            t = found[0] == -1 ? t - 1 / f0 : found[1];
            if (t < tLeft) {
                if (found[0] > 0.7 && found[2] > 0.023333 * globalPeak && t - addedRight > 0.8 / f0) {
                    points.add(t);
                }
                break;
            }
            // Do not fill a short unvoiced gap twice: the previous stretch's rightward walk may have.
            if (found[0] > 0.3 && (found[2] == 0 || found[2] > 0.01 * globalPeak) && t - addedRight > 0.8 / f0) {
                points.add(t);
            }
        }
        t = start;
        for (int guard = 0; guard < 1_000_000; guard++) {
            double f0 = f0(t);
            if (f0 <= 0) {
                break;
            }
            double[] found = maximumCorrelation(t, 1 / f0, t + 0.8 / f0, t + 1.25 / f0);
            t = found[0] == -1 ? t + 1 / f0 : found[1];
            if (t > tRight) {
                if (found[0] > 0.7 && found[2] > 0.023333 * globalPeak) {
                    points.add(t);
                    addedRight = t;
                }
                break;
            }
            if (found[0] > 0.3 && (found[2] == 0 || found[2] > 0.01 * globalPeak)) {
                points.add(t);
                addedRight = t;
            }
        }
    }

    /** F0 at time t, linearly interpolated between voiced frames; 0 if the nearest frame is unvoiced. */
    private double f0(double t) {
        double pos = (t - track.firstTime()) / track.timeStep();
        int nearest = (int) Math.round(pos);
        if (nearest < 0 || nearest >= track.frameCount() || !track.isVoiced(nearest)) {
            return 0;
        }
        int a = (int) Math.floor(pos);
        int b = a + 1;
        if (a < 0 || b >= track.frameCount() || !track.isVoiced(a) || !track.isVoiced(b)) {
            return track.f0Hz()[nearest];
        }
        double w = pos - a;
        return track.f0Hz()[a] * (1 - w) + track.f0Hz()[b] * w;
    }

    /** Time of the largest absolute sample in [t1, t2], refined by parabolic interpolation. */
    private double extremum(double t1, double t2) {
        int a = Math.max(1, (int) Math.floor(t1 * rate - 0.5));
        int b = Math.min(x.length - 2, (int) Math.ceil(t2 * rate - 0.5));
        if (a > b) {
            return 0.5 * (t1 + t2);
        }
        int best = a;
        for (int i = a; i <= b; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        double y0 = Math.abs(x[best - 1]);
        double y1 = Math.abs(x[best]);
        double y2 = Math.abs(x[best + 1]);
        double d = y0 - 2 * y1 + y2;
        double offset = d == 0 ? 0 : 0.5 * (y0 - y2) / d;
        return (best + 0.5 + Math.max(-0.5, Math.min(0.5, offset))) / rate;
    }

    /**
     * Slides a one-period window centred in [tmin2, tmax2] along the one centred on t1 and returns
     * the best local maximum of their normalised correlation. The new time keeps t1's sub-sample
     * phase (t1 plus a whole-sample shift plus a parabolic fraction), so noise does not quantise the
     * periods — this is what lets jitter match Praat's.
     *
     * @return {correlation (-1 if none), new time, peak amplitude in the matched window}
     */
    private double[] maximumCorrelation(double t1, double window, double tmin2, double tmax2) {
        double half = 0.5 * window;
        int left1 = (int) Math.round((t1 - half) * rate - 0.5);
        int right1 = (int) Math.round((t1 + half) * rate - 0.5);
        int left2min = (int) Math.floor((tmin2 - half) * rate - 0.5);
        int left2max = (int) Math.ceil((tmax2 - half) * rate - 0.5);
        double best = -1;
        double r1 = 0;
        double r2 = 0;
        double r3 = 0;
        double r1Best = 0;
        double r3Best = 0;
        double shift = 0;
        double peak = 0;
        for (int left2 = left2min; left2 <= left2max; left2++) {
            double n1 = 0;
            double n2 = 0;
            double product = 0;
            double localPeak = 0;
            for (int i1 = left1, i2 = left2; i1 <= right1; i1++, i2++) {
                if (i1 < 0 || i2 < 0 || i1 >= x.length || i2 >= x.length) {
                    continue;
                }
                n1 += x[i1] * x[i1];
                n2 += x[i2] * x[i2];
                product += x[i1] * x[i2];
                localPeak = Math.max(localPeak, Math.abs(x[i2]));
            }
            r1 = r2;
            r2 = r3;
            r3 = n1 == 0 || n2 == 0 ? 0 : product / Math.sqrt(n1 * n2);
            if (r2 > best && r2 >= r1 && r2 >= r3 && left2 > left2min) {
                best = r2;
                r1Best = r1;
                r3Best = r3;
                shift = left2 - 1 - left1;
                peak = localPeak;
            }
        }
        if (best == -1) {
            return new double[] {-1, 0, 0};
        }
        double d2r = (best - r1Best) + (best - r3Best);
        if (d2r != 0) {
            double dr = 0.5 * (r3Best - r1Best);
            best += 0.5 * dr * dr / d2r;
            shift += dr / d2r;
        }
        double time = t1 + shift / rate;
        if (time < tmin2 || time > tmax2) {
            double distance = Math.sqrt((tmin2 - t1) * (tmax2 - t1));
            time = tmin2 < t1 ? t1 - distance : t1 + distance;
        }
        return new double[] {best, time, peak};
    }
}
