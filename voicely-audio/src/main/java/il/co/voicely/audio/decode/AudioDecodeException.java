package il.co.voicely.audio.decode;

import java.io.IOException;

/** Audio could not be decoded; the message names the input and what went wrong. */
public class AudioDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, with the input it happened on */
    public AudioDecodeException(String message) {
        super(message);
    }
}
