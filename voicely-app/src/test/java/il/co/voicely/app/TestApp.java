package il.co.voicely.app;

import il.co.voicely.core.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The real app, with its real routing, on a free loopback port and a test database; plus a plain HTTP
 * client to talk to it.
 *
 * <pre>{@code
 * try (TestApp app = TestApp.start(database)) {
 *     HttpResponse<String> home = app.get("/");
 * }
 * }</pre>
 */
public final class TestApp implements AutoCloseable {

    private final VoicelyApp app;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestApp(VoicelyApp app) {
        this.app = app;
    }

    /** Starts the app on {@code database}, which the caller keeps (and closes). */
    public static TestApp start(Database database) {
        return start(database, settings -> settings);
    }

    /** Starts the app on {@code database} with test settings changed by {@code adjust} (e.g. SMTP to GreenMail). */
    public static TestApp start(Database database, UnaryOperator<AppSettings> adjust) {
        // The test clients play many visitors through a "proxy" on loopback (X-Forwarded-For), so per-address
        // rate limits count each test's own attempts only.
        AppSettings settings = new AppSettings("127.0.0.1", 0, Path.of("target", "test-home"), Optional.empty(), "postgres", 4)
                .withTrustedProxies(java.util.List.of("127.0.0.1"));
        return new TestApp(VoicelyApp.start(adjust.apply(settings), database));
    }

    /** A new HTTP client with its own cookie jar, like one browser. */
    public WebClient client() {
        int n = CLIENTS.incrementAndGet();
        return new WebClient(url(), "10.77." + (n / 250) + "." + (n % 250 + 1));
    }

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    /** The app's base URL, ending in {@code /}. */
    public String url() {
        return "http://127.0.0.1:" + app.port() + "/";
    }

    /** {@code GET} a path (with query), e.g. {@code /?lang=en}; {@code headers} as name, value pairs. */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()).resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
