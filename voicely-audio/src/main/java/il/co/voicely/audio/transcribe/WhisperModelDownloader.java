package il.co.voicely.audio.transcribe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Fetches a whisper.cpp model into a models directory ({@code $VOICELY_HOME/models} by default) and checks
 * its SHA-256 before it becomes visible, so a broken or tampered download is never loaded.
 *
 * <pre>{@code
 * WhisperModelDownloader downloader = new WhisperModelDownloader(WhisperModelDownloader.defaultModelsDir(System.getenv()));
 * Path model = downloader.download("ggml-small.bin", WhisperModelDownloader.huggingFace("ggml-small.bin"), sha256);
 * }</pre>
 *
 * The expected SHA-256 is the caller's: Hugging Face shows it on each file's page ("SHA256:"). It is not
 * pinned here, because a hash nobody checked is worse than none.
 */
public final class WhisperModelDownloader {
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.bin");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final HttpClient http;
    private final Path modelsDir;

    /** @param modelsDir where models go, created when missing */
    public WhisperModelDownloader(Path modelsDir) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build(),
                modelsDir);
    }

    /**
     * @param http      the client (redirects should be followed: Hugging Face redirects to its CDN)
     * @param modelsDir where models go, created when missing
     */
    public WhisperModelDownloader(HttpClient http, Path modelsDir) {
        this.http = Objects.requireNonNull(http, "http");
        this.modelsDir = Objects.requireNonNull(modelsDir, "modelsDir");
    }

    /** @return {@code $VOICELY_HOME/models}, else {@code ~/.voicely/models} */
    public static Path defaultModelsDir(Map<String, String> env) {
        String home = env.get("VOICELY_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".voicely");
        return base.resolve("models");
    }

    /** @return the download address of a model in whisper.cpp's Hugging Face repository */
    public static URI huggingFace(String fileName) {
        return URI.create("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/" + checkName(fileName));
    }

    /**
     * Downloads {@code url} to {@code <modelsDir>/<fileName>} unless a file with the expected hash is already
     * there; the bytes go to a {@code .part} file first and are moved into place only when the hash matches.
     *
     * @param expectedSha256 64 hex digits
     * @return the model's path
     * @throws ModelDownloadException the server refused or the bytes did not match the hash
     */
    public Path download(String fileName, URI url, String expectedSha256) throws IOException {
        checkName(fileName);
        if (expectedSha256 == null || !SHA256.matcher(expectedSha256).matches()) {
            throw new IllegalArgumentException("expected SHA-256 must be 64 hex digits: " + expectedSha256);
        }
        String expected = expectedSha256.toLowerCase(Locale.ROOT);
        Path target = modelsDir.resolve(fileName);
        if (Files.isRegularFile(target) && expected.equals(sha256(target))) {
            return target;
        }
        Files.createDirectories(modelsDir);
        Path part = modelsDir.resolve(fileName + ".part");
        try {
            String actual = fetch(url, part, fileName);
            if (!expected.equals(actual)) {
                throw new ModelDownloadException("checksum mismatch for '%s' from %s: expected SHA-256 %s, got %s; the download was discarded"
                        .formatted(fileName, url, expected, actual));
            }
            return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private String fetch(URI url, Path part, String fileName) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + url);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new ModelDownloadException("downloading '%s' from %s failed: HTTP %d".formatted(fileName, url, response.statusCode()));
            }
            MessageDigest digest = sha256Digest();
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
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

    private static String checkName(String fileName) {
        if (fileName == null || !MODEL_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new IllegalArgumentException("model file name must look like 'ggml-small.bin': " + fileName);
        }
        return fileName;
    }
}
