package il.co.voicely.audio.pitch;

/**
 * Parameters of the autocorrelation pitch analysis, named and defaulted as in Praat's
 * "To Pitch (ac)…" so figures can be compared one to one.
 *
 * @param floorHz            lowest F0 searched; also sets the window (3 periods of the floor)
 * @param ceilingHz          highest F0 searched
 * @param timeStep           seconds between frames
 * @param maxCandidates      autocorrelation peaks kept per frame
 * @param silenceThreshold   frames quieter than this fraction of the global peak lean unvoiced
 * @param voicingThreshold   autocorrelation strength needed to call a frame voiced
 * @param octaveCost         preference for higher candidates (against octave-down errors)
 * @param octaveJumpCost     cost of a jump of one octave between frames (against octave errors)
 * @param voicedUnvoicedCost cost of switching between voiced and unvoiced
 */
public record PitchSettings(double floorHz, double ceilingHz, double timeStep, int maxCandidates,
                            double silenceThreshold, double voicingThreshold, double octaveCost,
                            double octaveJumpCost, double voicedUnvoicedCost) {

    /** Validates the ranges. */
    public PitchSettings {
        if (!(floorHz > 0 && ceilingHz > floorHz)) {
            throw new IllegalArgumentException("need 0 < floor < ceiling, got " + floorHz + "–" + ceilingHz + " Hz");
        }
        if (!(timeStep > 0) || maxCandidates < 2) {
            throw new IllegalArgumentException("time step must be positive and candidates at least 2");
        }
    }

    /**
     * Singing: 60–1100 Hz. 60 Hz sits below a bass's low C2 (65 Hz) and 1100 Hz above a soprano's
     * high C6 (1047 Hz); whistle register above that is out of scope for coaching. The floor sets a
     * 50 ms window, still short enough to follow vibrato (5–7 Hz).
     */
    public static PitchSettings singing() {
        return new PitchSettings(60, 1100, 0.01, 15, 0.03, 0.45, 0.01, 0.35, 0.14);
    }

    /** Speech: Praat's defaults, 75–600 Hz. */
    public static PitchSettings speech() {
        return singing().withRange(75, 600);
    }

    /** @return these settings with another F0 range */
    public PitchSettings withRange(double floor, double ceiling) {
        return new PitchSettings(floor, ceiling, timeStep, maxCandidates, silenceThreshold, voicingThreshold,
                octaveCost, octaveJumpCost, voicedUnvoicedCost);
    }
}
