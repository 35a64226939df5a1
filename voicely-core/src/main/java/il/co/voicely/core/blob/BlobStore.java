package il.co.voicely.core.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where recordings, voice messages and uploads live. Content-addressed: the key is derived from the
 * bytes' SHA-256, so storing the same upload twice keeps one copy and a key always names the same
 * bytes. The database keeps the metadata ({@code blobs}, {@code recordings}); this keeps the bytes.
 *
 * <pre>{@code
 * BlobStore store = FileSystemBlobStore.at(Path.of(home, "blobs"));
 * StoredBlob blob = store.put(upload.inputStream(), 50 * 1024 * 1024);
 * try (InputStream in = store.open(blob.key())) { ... }
 * }</pre>
 */
public interface BlobStore {

    /**
     * Streams {@code content} into the store (never all in memory) and returns its key and checksum.
     *
     * @throws BlobTooLargeException when the content exceeds {@code maxBytes}; nothing is kept
     */
    StoredBlob put(InputStream content, long maxBytes) throws IOException;

    /**
     * Opens a stored blob for reading; the caller closes the stream.
     *
     * @throws NoSuchBlobException when no blob has that key
     */
    InputStream open(String key) throws IOException;

    /** Whether a blob with that key is stored. */
    boolean exists(String key);

    /** Removes a blob; removing a missing one does nothing. */
    void delete(String key) throws IOException;
}
