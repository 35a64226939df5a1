package il.co.voicely.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link BlobStore} on the local file system: {@code root/ab/cd/abcd…} by SHA-256. Writes go to a
 * temporary file first and are moved into place atomically, so a crash mid-upload never leaves a
 * truncated blob under a real key.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path incoming;

    private FileSystemBlobStore(Path root) throws IOException {
        this.root = root;
        this.incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    /** A store rooted at {@code root}, created if missing. */
    public static FileSystemBlobStore at(Path root) throws IOException {
        return new FileSystemBlobStore(Objects.requireNonNull(root, "root").toAbsolutePath().normalize());
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        Objects.requireNonNull(content, "content");
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                for (int n; (n = content.read(buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(hash);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // Another upload of the same bytes won; the content is identical.
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new StoredBlob(hash, hash, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new NoSuchBlobException(key);
        }
    }

    @Override
    public boolean exists(String key) {
        return KEY.matcher(key).matches() && Files.exists(pathOf(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    private Path pathOf(String key) {
        // Keys come back from the database and URLs: only a hex digest may become a path.
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: '" + key + "'");
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
