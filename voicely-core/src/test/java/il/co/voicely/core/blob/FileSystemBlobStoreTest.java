package il.co.voicely.core.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path dir;

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storedBytesComeBackUnderTheirSha256() throws Exception {
        BlobStore store = FileSystemBlobStore.at(dir);
        StoredBlob blob = store.put(bytes("abc"), 1024);

        assertThat(blob.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(blob.sizeBytes()).isEqualTo(3);
        try (InputStream in = store.open(blob.key())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
        }
    }

    @Test
    void theSameContentTwiceIsKeptOnce() throws Exception {
        BlobStore store = FileSystemBlobStore.at(dir);
        StoredBlob first = store.put(bytes("הקלטה"), 1024);
        StoredBlob second = store.put(bytes("הקלטה"), 1024);

        assertThat(second.key()).isEqualTo(first.key());
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        BlobStore store = FileSystemBlobStore.at(dir);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2048]), 1000))
                .isInstanceOf(BlobTooLargeException.class).hasMessageContaining("1000 bytes");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void missingAndMalformedKeysAreSpecificErrors() throws Exception {
        BlobStore store = FileSystemBlobStore.at(dir);
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(NoSuchBlobException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.exists("../../etc/passwd")).isFalse();
    }

    @Test
    void deletingRemovesTheBlob() throws Exception {
        BlobStore store = FileSystemBlobStore.at(dir);
        StoredBlob blob = store.put(bytes("x"), 10);
        store.delete(blob.key());
        assertThat(store.exists(blob.key())).isFalse();
        store.delete(blob.key());
    }
}
