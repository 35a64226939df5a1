package il.co.voicely.audio.pitch;

import java.util.Arrays;

/**
 * Frame-wise F0. Frame {@code i} is centred at {@code firstTime + i * timeStep}; an F0 of 0 marks an
 * unvoiced frame.
 *
 * @param firstTime seconds from the start of the audio to the centre of the first frame
 * @param timeStep  seconds between frames
 * @param f0Hz      F0 per frame in Hz, 0 where unvoiced
 * @param strength  periodicity per frame (normalised autocorrelation, 0–1) of the chosen candidate
 * @param intensity per frame, local peak relative to the recording's peak (0–1)
 */
public record PitchTrack(double firstTime, double timeStep, double[] f0Hz, double[] strength, double[] intensity) {

    /** @return number of frames */
    public int frameCount() {
        return f0Hz.length;
    }

    /** @return centre of frame {@code i} in seconds */
    public double time(int i) {
        return firstTime + i * timeStep;
    }

    /** @return whether frame {@code i} is voiced */
    public boolean isVoiced(int i) {
        return f0Hz[i] > 0;
    }

    /** @return fraction of frames that are voiced (0 for an empty track) */
    public double voicedFraction() {
        return f0Hz.length == 0 ? 0 : voicedF0s().length / (double) f0Hz.length;
    }

    /** @return the F0 of voiced frames, in time order */
    public double[] voicedF0s() {
        return Arrays.stream(f0Hz).filter(f -> f > 0).toArray();
    }

    /** @return F0 at {@code seconds}, 0 if that frame is unvoiced or outside the track */
    public double f0At(double seconds) {
        int i = (int) Math.round((seconds - firstTime) / timeStep);
        return i < 0 || i >= f0Hz.length ? 0 : f0Hz[i];
    }
}
