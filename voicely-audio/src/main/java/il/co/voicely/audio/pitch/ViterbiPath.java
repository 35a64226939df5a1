package il.co.voicely.audio.pitch;

/**
 * Chooses one candidate per frame maximising total strength minus transition costs, as Praat's
 * Pitch_pathFinder does; octave jumps and voicing switches cost, so a lone octave error loses.
 */
final class ViterbiPath {
    private ViterbiPath() {
    }

    static PitchTrack choose(PitchSettings s, double firstTime, PitchDetector.Candidates[] frames) {
        int n = frames.length;
        double[] f0 = new double[n];
        double[] strength = new double[n];
        double[] intensity = new double[n];
        if (n == 0) {
            return new PitchTrack(firstTime, s.timeStep(), f0, strength, intensity);
        }
        // Praat scales transition costs to a 10 ms step so results do not depend on the step.
        double correction = 0.01 / s.timeStep();
        double jumpCost = s.octaveJumpCost() * correction;
        double vuCost = s.voicedUnvoicedCost() * correction;
        double ceiling = s.ceilingHz();
        int[][] back = new int[n][];
        double[] previous = null;
        for (int i = 0; i < n; i++) {
            var c = frames[i];
            double[] delta = new double[c.size()];
            double unvoiced = s.silenceThreshold() <= 0 ? 0
                    : 2 - c.intensity() / (s.silenceThreshold() / (1 + s.voicingThreshold()));
            unvoiced = s.voicingThreshold() + Math.max(0, unvoiced);
            for (int k = 0; k < c.size(); k++) {
                double f = c.frequency()[k];
                delta[k] = voiceless(f, ceiling) ? unvoiced
                        : c.strength()[k] - s.octaveCost() * Math.log(ceiling / f) / Math.log(2);
            }
            back[i] = new int[c.size()];
            if (previous != null) {
                var p = frames[i - 1];
                double[] next = new double[c.size()];
                for (int k = 0; k < c.size(); k++) {
                    double f2 = c.frequency()[k];
                    double best = Double.NEGATIVE_INFINITY;
                    int arg = 0;
                    for (int j = 0; j < p.size(); j++) {
                        double f1 = p.frequency()[j];
                        boolean v1 = voiceless(f1, ceiling);
                        boolean v2 = voiceless(f2, ceiling);
                        double cost = v2 ? (v1 ? 0 : vuCost) : v1 ? vuCost
                                : jumpCost * Math.abs(Math.log(f1 / f2) / Math.log(2));
                        double value = previous[j] - cost;
                        if (value > best) {
                            best = value;
                            arg = j;
                        }
                    }
                    next[k] = best + delta[k];
                    back[i][k] = arg;
                }
                delta = next;
            }
            previous = delta;
        }
        int k = 0;
        for (int j = 1; j < previous.length; j++) {
            if (previous[j] > previous[k]) {
                k = j;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            var c = frames[i];
            double f = c.frequency()[k];
            f0[i] = voiceless(f, ceiling) ? 0 : f;
            strength[i] = f0[i] > 0 ? c.strength()[k] : 0;
            intensity[i] = c.intensity();
            k = back[i][k];
        }
        return new PitchTrack(firstTime, s.timeStep(), f0, strength, intensity);
    }

    private static boolean voiceless(double f, double ceiling) {
        return f <= 0 || f > ceiling;
    }
}
