package il.co.voicely.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.search.HybridSearch;
import il.co.voicely.rag.search.SearchQuery;
import il.co.voicely.rag.store.DocumentStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A small Hebrew and English site on loopback: sitemap, robots.txt, a redirect, a 404 and a duplicate page. */
@ExtendWith(PostgresExtension.class)
class SiteCrawlerTest {

    record Hit(String path, Map<String, List<String>> headers, long nanos) {
    }

    static final String CHROME = """
            <header><nav><a href="/">בית</a> <a href="/en/about">About</a> <a href="/private/staff">Staff</a>
              <a href="https://elsewhere.example/">Elsewhere</a> NAVIGATIONWORDS</nav></header>
            <div id="cookie-banner">We use cookies COOKIEWORDS <button>Accept</button></div>
            """;
    static final String FOOTER = "<footer>FOOTERWORDS © Voicely</footer>";
    static final String ABOUT = "<html lang=\"en\"><head><title>About Voicely</title></head><body>" + CHROME
            + "<main><h1>About us</h1><p>Voicely is a voice coaching school for singers of every age.</p></main>" + FOOTER + "</body></html>";

    HttpServer server;
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    String base;

    @BeforeEach
    void site() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.add(new Hit(path, Map.copyOf(ex.getRequestHeaders()), System.nanoTime()));
        switch (path) {
            case "/robots.txt" -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\nSitemap: " + base + "/sitemap.xml\n");
            case "/sitemap.xml" -> send(ex, 200, "application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <url><loc>%1$s/he/lessons</loc></url>
                      <url><loc>%1$s/en/about</loc></url>
                      <url><loc>%1$s/missing</loc></url>
                      <url><loc>%1$s/old-kids</loc></url>
                    </urlset>""".formatted(base));
            case "/" -> send(ex, 200, "text/html; charset=utf-8", "<html lang=\"he\"><head><title>Voicely — בית</title></head><body>" + CHROME
                    + "<main><h1>ברוכים הבאים</h1><p>בית ספר לפיתוח קול בתל אביב.</p><a href=\"/he/lessons#top\">שיעורים</a>"
                    + " <a href=\"/en/about-copy?utm_source=x\">copy</a></main>" + FOOTER + "</body></html>");
            case "/he/lessons" -> {
                if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    send(ex, 304, null, "");
                } else {
                    ex.getResponseHeaders().add("ETag", "\"v1\"");
                    send(ex, 200, "text/html; charset=utf-8", "<html lang=\"he\"><head><title>שיעורים פרטיים</title></head><body>" + CHROME
                            + "<article><h2>שיעורים פרטיים</h2><p>בשיעורים הפרטיים נעבוד על נשימה, תהודה וביטחון על הבמה.</p></article>"
                            + FOOTER + "</body></html>");
                }
            }
            case "/en/about" -> {
                if (ex.getRequestHeaders().getFirst("If-Modified-Since") != null) {
                    send(ex, 304, null, "");
                } else {
                    ex.getResponseHeaders().add("Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT");
                    send(ex, 200, "text/html; charset=utf-8", ABOUT);
                }
            }
            case "/en/about-copy" -> send(ex, 200, "text/html; charset=utf-8", ABOUT);
            case "/old-kids" -> {
                ex.getResponseHeaders().add("Location", "/he/kids");
                send(ex, 301, null, "");
            }
            case "/he/kids" -> send(ex, 200, "text/html; charset=utf-8", "<html><head><title>חוג ילדים</title></head><body>"
                    + "<main><p>חוג שירה לילדים בימי שלישי.</p></main></body></html>");
            default -> send(ex, 404, "text/html", "<html><body>Not found</body></html>");
        }
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void crawlsTheSiteOnceThenOnlyAsksWhatChanged(Database db, TestDatabase tdb) {
        LocalEmbeddingModel model = LocalEmbeddingModel.bundled();
        DocumentStore store = new DocumentStore(db, new Embedder(model, 32));
        SiteCrawler crawler = SiteCrawler.builder(URI.create(base + "/")).delay(Duration.ofMillis(40)).maxDepth(3).build();

        CrawlSummary first = crawler.crawl(db, store, Chunker.defaults());
        List<Hit> firstHits = List.copyOf(hits);
        hits.clear();
        CrawlSummary second = crawler.crawl(db, store, Chunker.defaults());

        List<String> indexed = store.externalIds(SessionContext.system(), "website", crawler.source());
        assertThat(indexed).containsExactlyInAnyOrder(base + "/", base + "/he/lessons", base + "/en/about", base + "/he/kids");
        assertThat(first).extracting(CrawlSummary::indexed, CrawlSummary::duplicates, CrawlSummary::redirects, CrawlSummary::failed)
                .containsExactly(4, 1, 1, 1);
        assertThat(first.disallowed()).isEqualTo(1);
        assertThat(firstHits).extracting(Hit::path).doesNotContain("/private/staff").contains("/robots.txt", "/sitemap.xml", "/missing");
        assertThat(firstHits).extracting(Hit::path).filteredOn("/he/lessons"::equals).hasSize(1);
        for (int i = 1; i < firstHits.size(); i++) {
            assertThat(firstHits.get(i).nanos() - firstHits.get(i - 1).nanos()).as("delay before request %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(35).toNanos());
        }

        assertThat(second.indexed()).isZero();
        assertThat(second.notModified()).isEqualTo(4);
        Hit lessons = hits.stream().filter(h -> h.path().equals("/he/lessons")).findFirst().orElseThrow();
        assertThat(lessons.headers().get("If-none-match")).containsExactly("\"v1\"");
        Hit about = hits.stream().filter(h -> h.path().equals("/en/about")).findFirst().orElseThrow();
        assertThat(about.headers().get("If-modified-since")).containsExactly("Tue, 3 Mar 2026 10:00:00 GMT");

        List<String> texts = tdb.owner().withHandle(h -> h.createQuery("select text from rag_chunks").mapTo(String.class).list());
        assertThat(String.join(" ", texts)).contains("בשיעורים הפרטיים נעבוד על נשימה", "voice coaching school")
                .doesNotContain("NAVIGATIONWORDS", "COOKIEWORDS", "FOOTERWORDS");
        var hit = new HybridSearch(db, model).search(SessionContext.anonymous(), SearchQuery.of("שיעורים פרטיים").k(1).build()).getFirst();
        assertThat(hit.citation().uri()).contains(base + "/he/lessons");
        assertThat(hit.citation().title()).isEqualTo("שיעורים פרטיים");
    }

    @Test
    void aCrawlCutShortByItsPageLimitContinuesWhereItStopped(Database db, TestDatabase tdb) {
        tdb.owner().useHandle(h -> h.execute("delete from rag_crawl_frontier"));
        DocumentStore store = new DocumentStore(db, new Embedder(LocalEmbeddingModel.bundled(), 32));
        SiteCrawler.Builder builder = SiteCrawler.builder(URI.create(base + "/")).delay(Duration.ZERO);

        CrawlSummary first = builder.maxPages(2).build().crawl(db, store, Chunker.defaults());
        List<String> firstPages = hits.stream().map(Hit::path).filter(p -> !p.endsWith(".txt") && !p.endsWith(".xml")).toList();
        hits.clear();
        CrawlSummary rest = builder.maxPages(100).build().crawl(db, store, Chunker.defaults());
        List<String> restPages = hits.stream().map(Hit::path).filter(p -> !p.endsWith(".txt") && !p.endsWith(".xml")).toList();

        assertThat(first.stoppedEarly()).isTrue();
        assertThat(firstPages).hasSize(2);
        assertThat(rest.stoppedEarly()).isFalse();
        assertThat(restPages).doesNotContainAnyElementsOf(firstPages).contains("/he/kids", "/missing");
    }

    @Test
    void urlsAreNormalisedAndKeptOnTheSite() {
        SiteCrawler crawler = SiteCrawler.builder(URI.create("https://Voicely.co.il/")).build();

        assertThat(SiteCrawler.normalise(URI.create("HTTPS://Voicely.CO.il:443/a?utm_source=x&id=2#top")))
                .hasToString("https://voicely.co.il/a?id=2");
        assertThat(crawler.sameSite(URI.create("https://voicely.co.il"))).contains(URI.create("https://voicely.co.il/"));
        assertThat(crawler.sameSite(URI.create("https://evil.example/voicely.co.il"))).isEmpty();
        assertThat(crawler.sameSite(URI.create("mailto:info@voicely.co.il"))).isEmpty();
    }
}
