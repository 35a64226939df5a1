package il.co.voicely.audio.decode;

/** The input is longer or larger than the decoder's configured limits allow. */
public final class AudioLimitExceededException extends AudioDecodeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the input, the limit and the value that exceeded it */
    public AudioLimitExceededException(String message) {
        super(message);
    }
}
