package il.co.voicely.audio.transcribe;

import java.io.IOException;

/** A model could not be downloaded or did not match its SHA-256; nothing partial is left behind. */
public final class ModelDownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what was fetched from where and what went wrong */
    public ModelDownloadException(String message) {
        super(message);
    }
}
