package il.co.voicely.audio.decode;

/**
 * A whole clip decoded into memory (use {@link AudioDecoder#decode} to stream long inputs instead).
 *
 * @param samples    mono samples in [-1, 1]
 * @param sampleRate samples per second
 * @param info       what the input contained
 */
public record DecodedAudio(float[] samples, int sampleRate, AudioInfo info) {
    /** @return the decoded duration in seconds */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
