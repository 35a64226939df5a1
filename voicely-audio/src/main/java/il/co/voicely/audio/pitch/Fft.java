package il.co.voicely.audio.pitch;

/** In-place iterative radix-2 complex FFT; enough for autocorrelation by the Wiener–Khinchin theorem. */
final class Fft {
    private Fft() {
    }

    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
    }

    /** Autocorrelation (unnormalised) of {@code x} zero-padded to {@code n}, a power of two. */
    static double[] autocorrelation(double[] x, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        System.arraycopy(x, 0, re, 0, Math.min(x.length, n));
        transform(re, im, false);
        for (int i = 0; i < n; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        transform(re, im, true);
        for (int i = 0; i < n; i++) {
            re[i] /= n;
        }
        return re;
    }
}
