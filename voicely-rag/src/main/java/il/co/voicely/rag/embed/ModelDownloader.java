package il.co.voicely.rag.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fetches a model into a local cache on first use, for users with internet; later runs use the cache.
 *
 * <pre>{@code
 * Path dir = new ModelDownloader(HttpClient.newHttpClient(), Path.of("~/.voicely/models")).fetch(source);
 * EmbeddingModel model = LocalEmbeddingModel.fromDirectory(dir);
 * }</pre>
 *
 * <p>Each file is written to a temporary name, hashed while it streams, and moved into place only when its
 * SHA-256 is the expected one, so a half-written or tampered file is never loaded.
 */
public final class ModelDownloader {

    private final HttpClient http;
    private final Path cache;

    public ModelDownloader(HttpClient http, Path cacheDirectory) {
        this.http = http;
        this.cache = cacheDirectory;
    }

    /**
     * The directory holding {@code model.onnx} and {@code tokenizer.json} of {@code source}, downloading
     * what is missing or does not match its checksum.
     *
     * @throws ChecksumMismatchException when a downloaded file has another SHA-256
     * @throws EmbeddingException when a download fails
     */
    public Path fetch(ModelSource source) {
        Path dir = cache.resolve(source.name());
        try {
            Files.createDirectories(dir);
            fetchFile(source.modelUri(), source.modelSha256(), dir.resolve("model.onnx"));
            fetchFile(source.tokenizerUri(), source.tokenizerSha256(), dir.resolve("tokenizer.json"));
            return dir;
        } catch (IOException e) {
            throw new EmbeddingException("could not download model '" + source.name() + "' into " + dir + ": " + e.getMessage(), e);
        }
    }

    private void fetchFile(URI uri, String sha256, Path target) throws IOException {
        if (Files.isRegularFile(target) && sha256(target).equals(sha256)) {
            return;
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
        MessageDigest digest = sha256Digest();
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new EmbeddingException("downloading " + uri + " answered HTTP " + response.statusCode());
            }
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
                in.transferTo(out);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            Files.deleteIfExists(part);
            throw new ChecksumMismatchException(uri, sha256, actual);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
