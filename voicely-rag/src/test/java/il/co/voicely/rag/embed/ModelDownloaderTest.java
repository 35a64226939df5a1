package il.co.voicely.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {

    static final byte[] MODEL = "pretend onnx bytes".getBytes(StandardCharsets.UTF_8);
    static final byte[] TOKENIZER = "{\"pretend\":\"tokenizer\"}".getBytes(StandardCharsets.UTF_8);

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/m/", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestURI().getPath().endsWith(".onnx") ? MODEL : TOKENIZER;
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI uri(String file) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/m/" + file);
    }

    static String sha(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void downloadsOnceAndVerifiesEachFile(@TempDir Path cache) throws Exception {
        ModelSource source = new ModelSource("tiny", uri("model.onnx"), sha(MODEL), uri("tokenizer.json"), sha(TOKENIZER));
        ModelDownloader downloader = new ModelDownloader(HttpClient.newHttpClient(), cache);

        Path dir = downloader.fetch(source);
        downloader.fetch(source);

        assertThat(dir).isEqualTo(cache.resolve("tiny"));
        assertThat(dir.resolve("model.onnx")).hasBinaryContent(MODEL);
        assertThat(dir.resolve("tokenizer.json")).hasBinaryContent(TOKENIZER);
        assertThat(requests).as("the second fetch uses the cache").hasValue(2);
    }

    @Test
    void aFileWithAnotherChecksumIsRefusedAndDeleted(@TempDir Path cache) throws Exception {
        String wrong = "0".repeat(64);
        ModelSource source = new ModelSource("tiny", uri("model.onnx"), wrong, uri("tokenizer.json"), sha(TOKENIZER));

        assertThatThrownBy(() -> new ModelDownloader(HttpClient.newHttpClient(), cache).fetch(source))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(sha(MODEL)).hasMessageContaining(wrong).hasMessageContaining("model.onnx");
        try (var files = Files.list(cache.resolve("tiny"))) {
            assertThat(files).isEmpty();
        }
    }
}
