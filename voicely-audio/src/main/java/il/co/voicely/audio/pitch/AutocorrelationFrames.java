package il.co.voicely.audio.pitch;

/**
 * Boersma (1993) per frame, following Praat's Sound_to_Pitch (AC, Hann window): subtract the local
 * mean, window, autocorrelate by FFT, divide by the window's autocorrelation, keep the strongest peaks.
 */
final class AutocorrelationFrames {
    private final PitchSettings settings;
    private final double rate;
    private final int nsampPeriod;
    private final int halfnsampPeriod;
    private final int nsampWindow;
    private final int halfnsampWindow;
    private final int minimumLag;
    private final int maximumLag;
    private final int nsampFft;
    private final int brentIxmax;
    private final double[] window;
    private final double[] windowR;

    AutocorrelationFrames(PitchSettings settings, int sampleRate) {
        this.settings = settings;
        this.rate = sampleRate;
        nsampPeriod = (int) Math.floor(rate / settings.floorHz());
        halfnsampPeriod = nsampPeriod / 2 + 1;
        int n = (int) Math.floor(PitchDetector.periodsPerWindow() / settings.floorHz() * rate);
        halfnsampWindow = n / 2 - 1;
        nsampWindow = halfnsampWindow * 2;
        minimumLag = Math.max(2, (int) Math.floor(rate / settings.ceilingHz()));
        maximumLag = Math.min((int) Math.floor(nsampWindow / PitchDetector.periodsPerWindow()) + 2, nsampWindow);
        int fft = 1;
        while (fft < nsampWindow * 1.5) {
            fft <<= 1;
        }
        nsampFft = fft;
        brentIxmax = (int) (nsampWindow * 0.5);
        window = new double[nsampWindow];
        for (int i = 0; i < nsampWindow; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 1) / (nsampWindow + 1));
        }
        double[] ac = Fft.autocorrelation(window, nsampFft);
        windowR = new double[brentIxmax + 1];
        for (int i = 0; i <= brentIxmax; i++) {
            windowR[i] = ac[i] / ac[0];
        }
    }

    int frameCount(long samples) {
        double duration = samples / rate;
        double windowDuration = PitchDetector.periodsPerWindow() / settings.floorHz();
        return duration < windowDuration ? 0 : (int) Math.floor((duration - windowDuration) / settings.timeStep()) + 1;
    }

    /** Frames are centred on the audio as Praat centres them, so times line up frame by frame. */
    double firstTime(long samples, int count) {
        return 0.5 * samples / rate - 0.5 * count * settings.timeStep() + 0.5 * settings.timeStep();
    }

    /** @return the first sample (absolute index) the frame at {@code t} reads */
    long firstSample(double t) {
        long right = (long) Math.floor(t * rate - 0.5) + 1;
        return Math.min(right - nsampPeriod, right - halfnsampWindow);
    }

    /** @return the last sample (absolute index) the frame at {@code t} reads */
    long lastSample(double t) {
        long left = (long) Math.floor(t * rate - 0.5);
        return Math.max(left + nsampPeriod, left + 1 - halfnsampWindow + nsampWindow - 1);
    }

    /**
     * Analyses the frame centred at {@code t}.
     *
     * @param x      samples from absolute index {@code offset}; must cover {@link #firstSample}–{@link #lastSample}
     *               where those fall inside the recording
     * @param total  number of samples in the whole recording
     */
    PitchDetector.Candidates analyze(float[] x, long offset, long total, double t, double globalPeak) {
        double[] frame = windowed(x, offset, total, t);
        double localPeak = 0;
        for (int j = Math.max(0, halfnsampWindow - halfnsampPeriod); j < Math.min(nsampWindow, halfnsampWindow + halfnsampPeriod); j++) {
            localPeak = Math.max(localPeak, Math.abs(frame[j]));
        }
        double intensity = globalPeak == 0 ? 0 : Math.min(1, localPeak / globalPeak);
        double[] ac = localPeak == 0 ? null : Fft.autocorrelation(frame, nsampFft);
        if (ac == null || ac[0] <= 0) {
            int max = settings.maxCandidates() + 1;
            return new PitchDetector.Candidates(intensity, new double[max], new double[max], 1);
        }
        // Dividing by the window's own autocorrelation undoes the taper's decay with lag (Boersma 1993, eq. 9).
        double[] r = new double[brentIxmax + 1];
        r[0] = 1;
        for (int i = 1; i <= brentIxmax; i++) {
            r[i] = ac[i] / (ac[0] * windowR[i]);
        }
        return candidates(r, intensity);
    }

    /** The frame's samples minus their local mean (over two longest periods), Hann-windowed. */
    private double[] windowed(float[] x, long offset, long total, double t) {
        long left = (long) Math.floor(t * rate - 0.5);
        long right = left + 1;
        double mean = 0;
        long from = Math.max(0, right - nsampPeriod);
        long to = Math.min(total - 1, left + nsampPeriod);
        for (long i = from; i <= to; i++) {
            mean += x[(int) (i - offset)];
        }
        mean /= Math.max(1, to - from + 1);
        double[] frame = new double[nsampWindow];
        long start = right - halfnsampWindow;
        for (int j = 0; j < nsampWindow; j++) {
            long k = start + j;
            frame[j] = k >= 0 && k < total ? (x[(int) (k - offset)] - mean) * window[j] : 0;
        }
        return frame;
    }

    /**
     * Keeps the strongest autocorrelation maxima as candidates; when full, a new maximum replaces the
     * weakest after an octave cost that favours higher frequencies (a periodic signal's period is the
     * shortest lag that correlates, not its multiples).
     */
    private PitchDetector.Candidates candidates(double[] r, double intensity) {
        int max = settings.maxCandidates() + 1;
        double[] freq = new double[max];
        double[] strength = new double[max];
        int[] lagOf = new int[max];
        int size = 1;
        double floor = settings.floorHz();
        double octaveCost = settings.octaveCost();
        for (int i = Math.max(2, minimumLag - 1); i < maximumLag && i < brentIxmax; i++) {
            if (!(r[i] > 0.5 * settings.voicingThreshold() && r[i] > r[i - 1] && r[i] >= r[i + 1])) {
                continue;
            }
            double dr = 0.5 * (r[i + 1] - r[i - 1]);
            double d2r = 2 * r[i] - r[i - 1] - r[i + 1];
            double f = rate / (i + dr / d2r);
            double peak = r[i] + 0.5 * dr * dr / d2r;
            double s = Math.min(peak, 1 / peak);
            int place = -1;
            if (size < max) {
                place = size++;
            } else {
                double weakest = 2;
                for (int w = 1; w < max; w++) {
                    double local = strength[w] - octaveCost * log2(floor / freq[w]);
                    if (local < weakest) {
                        weakest = local;
                        place = w;
                    }
                }
                if (s - octaveCost * log2(floor / f) <= weakest) {
                    place = -1;
                }
            }
            if (place > 0) {
                freq[place] = f;
                strength[place] = s;
                lagOf[place] = i;
            }
        }
        for (int c = 1; c < size; c++) {
            double[] best = refine(r, lagOf[c]);
            freq[c] = rate / best[0];
            // Short windows can push a normalised peak above 1; Praat reflects it around 1.
            strength[c] = best[1] > 1 ? 1 / best[1] : best[1];
        }
        return new PitchDetector.Candidates(intensity, freq, strength, size);
    }

    /** Maximises the sinc-interpolated autocorrelation around an integer peak (golden section). */
    private double[] refine(double[] r, int lag) {
        double a = lag - 1;
        double b = lag + 1;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = sinc(r, c);
        double fd = sinc(r, d);
        for (int it = 0; it < 40 && b - a > 1e-6; it++) {
            if (fc > fd) {
                b = d; d = c; fd = fc;
                c = b - g * (b - a);
                fc = sinc(r, c);
            } else {
                a = c; c = d; fc = fd;
                d = a + g * (b - a);
                fd = sinc(r, d);
            }
        }
        double x = (a + b) / 2;
        return new double[] {x, sinc(r, x)};
    }

    /** Windowed-sinc interpolation of the (symmetric) autocorrelation at a fractional lag. */
    private double sinc(double[] r, double x) {
        int depth = PitchDetector.sincDepth();
        int lo = (int) Math.floor(x) - depth + 1;
        int hi = (int) Math.floor(x) + depth;
        double sum = 0;
        for (int k = lo; k <= hi; k++) {
            int idx = Math.abs(k);
            if (idx > brentIxmax) {
                continue;
            }
            double d = x - k;
            double s = Math.abs(d) < 1e-12 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
            double w = 0.5 + 0.5 * Math.cos(Math.PI * d / (depth + 0.5));
            sum += r[idx] * s * w;
        }
        return sum;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
