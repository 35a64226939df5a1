package il.co.voicely.audio.decode;

/**
 * Receives decoded mono PCM in blocks, in order, as the decoder produces them.
 * The array is reused between calls: copy what you keep.
 */
@FunctionalInterface
public interface PcmBlockConsumer {
    /**
     * @param samples mono samples in [-1, 1]; only the first {@code length} are valid
     * @param length  number of valid samples
     */
    void accept(float[] samples, int length);
}
