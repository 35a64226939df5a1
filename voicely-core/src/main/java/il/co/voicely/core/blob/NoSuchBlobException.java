package il.co.voicely.core.blob;

import java.io.IOException;

/** No blob is stored under a key. */
public class NoSuchBlobException extends IOException {

    public NoSuchBlobException(String key) {
        super("no blob is stored under key '" + key + "'");
    }
}
