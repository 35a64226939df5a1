package il.co.voicely.examples.rag;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code crawl} and {@code sync-drive} in process, against loopback servers, on the test database. */
@ExtendWith(PostgresExtension.class)
class SourceProgramsTest {

    static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(bytes.length == 0 ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void crawlThenSearchTheSite(Database db) throws IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", ex -> send(ex, "text/html; charset=utf-8", switch (ex.getRequestURI().getPath()) {
            case "/" -> "<html><head><title>בית</title></head><body><main><p>ברוכים הבאים.</p><a href=\"/kids\">ילדים</a></main></body></html>";
            case "/kids" -> "<html><head><title>חוג ילדים</title></head><body><main><p>חוג שירה לילדים בימי שלישי.</p></main></body></html>";
            default -> "";
        }));
        site.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            String root = "http://127.0.0.1:" + site.getAddress().getPort() + "/";

            int crawled = new CommandLine(new CrawlSite(() -> ExampleDatabase.borrowed(db), o)).execute(root, "--delay-ms", "0");
            int searched = new CommandLine(new Search(() -> ExampleDatabase.borrowed(db), o)).execute("ילדים", "--collection", "website", "--k", "1", "--json");

            assertThat(crawled).isZero();
            assertThat(searched).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 fetched, 2 indexed")
                    .contains("\"doc\":\"" + root + "kids\"").contains("\"title\":\"חוג ילדים\"");
        } finally {
            site.stop(0);
        }
    }

    @Test
    void syncDriveRunsAFullSyncAndStoresThePageToken(Database db) throws IOException {
        HttpServer drive = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        drive.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String q = String.valueOf(ex.getRequestURI().getQuery());
            if (path.endsWith("/changes/startPageToken")) {
                send(ex, "application/json", "{\"startPageToken\":\"7\"}");
            } else if (path.endsWith("/drive/v3/files") && q.contains("'f1' in parents")) {
                send(ex, "application/json", "{\"files\":[{\"id\":\"d1\",\"name\":\"plan.txt\",\"mimeType\":\"text/plain\",\"parents\":[\"f1\"]}]}");
            } else if (path.endsWith("/files/d1")) {
                send(ex, "text/plain", "Lesson plan: sirens, lip trills, scales.");
            } else {
                send(ex, "text/plain", "");
            }
        });
        drive.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = new CommandLine(new SyncDrive(() -> ExampleDatabase.borrowed(db), new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .execute("f1", "--root-url", "http://127.0.0.1:" + drive.getAddress().getPort() + "/");

            assertThat(code).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Full sync of Drive folder f1: 1 indexed").contains("next page token 7");
        } finally {
            drive.stop(0);
        }
    }
}
