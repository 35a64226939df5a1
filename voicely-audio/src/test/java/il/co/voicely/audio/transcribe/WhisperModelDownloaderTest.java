package il.co.voicely.audio.transcribe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhisperModelDownloaderTest {
    private static final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final byte[] MODEL = new byte[300_000];
    private static String modelSha256;

    @TempDir
    Path home;
    Path models;
    WhisperModelDownloader downloader;

    @BeforeAll
    static void start() throws Exception {
        new Random(7).nextBytes(MODEL);
        modelSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(MODEL));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void setUp() {
        server.resetAll();
        // Hugging Face answers with a redirect to its CDN.
        server.stubFor(get("/ggerganov/whisper.cpp/resolve/main/ggml-tiny.bin")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/cdn/ggml-tiny.bin")));
        server.stubFor(get("/cdn/ggml-tiny.bin").willReturn(aResponse().withBody(MODEL)));
        models = WhisperModelDownloader.defaultModelsDir(Map.of("VOICELY_HOME", home.toString()));
        downloader = new WhisperModelDownloader(models);
    }

    private URI url() {
        return URI.create(server.baseUrl() + "/ggerganov/whisper.cpp/resolve/main/ggml-tiny.bin");
    }

    @Test
    void downloadsFollowingTheRedirectAndChecksTheHash() throws Exception {
        Path model = downloader.download("ggml-tiny.bin", url(), modelSha256.toUpperCase());

        assertThat(model).isEqualTo(home.resolve("models/ggml-tiny.bin"));
        assertThat(Files.readAllBytes(model)).isEqualTo(MODEL);
        assertThat(models).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void checksumMismatchLeavesNothingBehind() {
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> downloader.download("ggml-tiny.bin", url(), wrong))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("checksum mismatch for 'ggml-tiny.bin'")
                .hasMessageContaining("expected SHA-256 " + wrong)
                .hasMessageContaining("got " + modelSha256);
        assertThat(models.resolve("ggml-tiny.bin")).doesNotExist();
        assertThat(models).isEmptyDirectory();
    }

    @Test
    void modelAlreadyThereWithTheRightHashIsNotFetchedAgain() throws Exception {
        Files.createDirectories(models);
        Files.write(models.resolve("ggml-tiny.bin"), MODEL);

        downloader.download("ggml-tiny.bin", url(), modelSha256);

        server.verify(0, getRequestedFor(urlEqualTo("/cdn/ggml-tiny.bin")));
    }

    @Test
    void damagedModelAlreadyThereIsReplaced() throws Exception {
        Files.createDirectories(models);
        Files.write(models.resolve("ggml-tiny.bin"), new byte[] {1, 2, 3});

        Path model = downloader.download("ggml-tiny.bin", url(), modelSha256);

        assertThat(Files.readAllBytes(model)).isEqualTo(MODEL);
    }

    @Test
    void httpErrorIsReported() {
        server.stubFor(get("/missing.bin").willReturn(notFound()));

        assertThatThrownBy(() -> downloader.download("ggml-base.bin", URI.create(server.baseUrl() + "/missing.bin"), modelSha256))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("HTTP 404");
        assertThat(models).isEmptyDirectory();
    }

    @Test
    void fileNamesCannotLeaveTheModelsDirectory() {
        assertThatThrownBy(() -> downloader.download("../ggml-tiny.bin", url(), modelSha256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WhisperModelDownloader.huggingFace("a/b.bin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhereWhisperCppModelsLive() {
        assertThat(WhisperModelDownloader.huggingFace("ggml-small.bin"))
                .hasToString("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-small.bin");
    }
}
