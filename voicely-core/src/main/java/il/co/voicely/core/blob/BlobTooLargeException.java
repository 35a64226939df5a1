package il.co.voicely.core.blob;

import java.io.IOException;

/** An upload went past its size limit; nothing of it was kept. */
public class BlobTooLargeException extends IOException {

    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("content is larger than the limit of " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The limit that was exceeded. */
    public long maxBytes() {
        return maxBytes;
    }
}
