package il.co.voicely.audio.decode;

/**
 * The input is not audio FFmpeg can decode: not a media file at all, a media file without an audio
 * stream, or data too corrupt to yield a single sample. Example message:
 * {@code file 'x.bin' is not audio (detected application/zip)}.
 */
public final class UnsupportedAudioFormatException extends AudioDecodeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the input and what was detected */
    public UnsupportedAudioFormatException(String message) {
        super(message);
    }
}
