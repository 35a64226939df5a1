package il.co.voicely.rag.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.store.Document;
import il.co.voicely.rag.store.DocumentStore;
import il.co.voicely.rag.store.IndexResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Crawls one website into the {@code website} collection: robots.txt obeyed, sitemap.xml and links
 * followed on the same host only, a polite delay between requests, and conditional re-crawls.
 *
 * <pre>{@code
 * SiteCrawler crawler = SiteCrawler.builder(URI.create("https://voicely.co.il/"))
 *         .maxPages(500).maxDepth(4).delay(Duration.ofSeconds(1)).build();
 * CrawlSummary s = crawler.crawl(database, store, Chunker.defaults());
 * }</pre>
 *
 * <p>The queue lives in {@code rag_crawl_frontier}, so a crawl that was stopped continues where it was;
 * once a round is complete, the next crawl re-queues every known page and asks with {@code If-None-Match} / {@code If-Modified-Since},
 * so unchanged pages cost a 304. Redirect targets and {@code rel=canonical} URLs are queued as pages of
 * their own; a page whose text another page already has is skipped as a duplicate. A page that now answers
 * 4xx/5xx leaves the index. Documents are keyed by URL; their source is the site's origin.
 */
public final class SiteCrawler {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final URI root;
    private final String origin;
    private final int maxPages;
    private final int maxDepth;
    private final Duration delay;
    private final Duration timeLimit;
    private final String userAgent;
    private final HttpClient http;

    private SiteCrawler(Builder b) {
        this.root = normalise(b.root);
        this.origin = root.getScheme() + "://" + root.getRawAuthority();
        this.maxPages = b.maxPages;
        this.maxDepth = b.maxDepth;
        this.delay = b.delay;
        this.timeLimit = b.timeLimit;
        this.userAgent = b.userAgent;
        this.http = b.http;
    }

    public static Builder builder(URI root) {
        return new Builder(root);
    }

    /** The source name this site's documents are stored under: its origin, e.g. {@code https://voicely.co.il}. */
    public String source() {
        return origin;
    }

    /** Crawls the site (as the system) into {@code store}. */
    public CrawlSummary crawl(Database db, DocumentStore store, Chunker chunker) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        Frontier frontier = new Frontier(db, origin);
        Politeness polite = new Politeness(delay);
        BaseRobotRules robots = robots(polite);
        Duration wait = robots.getCrawlDelay() > 0 ? Duration.ofMillis(Math.min(robots.getCrawlDelay(), 30_000)) : Duration.ZERO;
        polite.atLeast(wait);
        // A crawl cut short by a limit or a crash resumes its queue; a finished one starts a new round.
        frontier.resumeFetching();
        if (!frontier.hasQueued()) {
            frontier.requeueAll();
        }
        frontier.offer(normalise(root).toString(), 0);
        List<String> sitemaps = new ArrayList<>(robots.getSitemaps());
        if (sitemaps.isEmpty()) {
            sitemaps.add(origin + "/sitemap.xml");
        }
        for (String sitemap : sitemaps) {
            sitemapUrls(URI.create(sitemap), polite, 0).forEach(u -> frontier.offer(u.toString(), 1));
        }
        int[] n = new int[7]; // fetched, indexed, notModified, duplicates, redirects, failed, disallowed
        Optional<Frontier.Entry> next;
        while (n[0] < maxPages && System.nanoTime() < deadline && (next = frontier.next()).isPresent()) {
            Frontier.Entry page = next.get();
            if (!robots.isAllowed(page.url())) {
                n[6]++;
                frontier.finish(page.id(), "skipped", 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("robots.txt"));
                continue;
            }
            n[0]++;
            fetch(page, frontier, store, chunker, polite, n);
        }
        boolean early = frontier.hasQueued();
        return new CrawlSummary(n[0], n[1], n[2], n[3], n[4], n[5], n[6], early);
    }

    private void fetch(Frontier.Entry page, Frontier frontier, DocumentStore store, Chunker chunker, Politeness polite, int[] n) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page.url())).timeout(Duration.ofSeconds(30))
                .header("User-Agent", userAgent).header("Accept", "text/html,application/xhtml+xml");
        page.etag().ifPresent(e -> request.header("If-None-Match", e));
        page.lastModified().ifPresent(t -> request.header("If-Modified-Since", HTTP_DATE.format(t.atZoneSameInstant(ZoneOffset.UTC))));
        HttpResponse<String> response;
        try {
            response = polite.send(http, request.build());
        } catch (IOException e) {
            n[5]++;
            frontier.finish(page.id(), "failed", 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(String.valueOf(e.getMessage())));
            return;
        }
        int status = response.statusCode();
        Optional<String> etag = response.headers().firstValue("ETag");
        Optional<OffsetDateTime> modified = response.headers().firstValue("Last-Modified").flatMap(SiteCrawler::httpDate);
        if (status == 304) {
            n[2]++;
            frontier.finish(page.id(), "done", status, etag, modified, Optional.empty(), Optional.empty());
        } else if (status / 100 == 3) {
            n[4]++;
            response.headers().firstValue("Location").map(l -> URI.create(page.url()).resolve(l.strip())).flatMap(this::sameSite)
                    .ifPresent(target -> frontier.offer(target.toString(), page.depth()));
            frontier.finish(page.id(), "skipped", status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("redirect"));
        } else if (status != 200 || !response.headers().firstValue("Content-Type").orElse("text/html").contains("html")) {
            n[5]++;
            store.delete(SessionContext.system(), "website", origin, page.url());
            frontier.finish(page.id(), "failed", status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("HTTP " + status));
        } else {
            page(page, response.body(), etag, modified, frontier, store, chunker, n);
        }
    }

    private void page(Frontier.Entry page, String html, Optional<String> etag, Optional<OffsetDateTime> modified, Frontier frontier,
                      DocumentStore store, Chunker chunker, int[] n) {
        URI url = URI.create(page.url());
        PageContent content = PageContent.parse(html, url);
        if (page.depth() < maxDepth) {
            for (URI link : content.links()) {
                sameSite(link).ifPresent(l -> frontier.offer(l.toString(), page.depth() + 1));
            }
        }
        Optional<URI> canonical = content.canonical().flatMap(this::sameSite).filter(c -> !c.equals(url));
        String hash = Embedder.contentHash(content.title() + "\n" + content.text());
        if (canonical.isPresent() || frontier.isDuplicate(page.id(), hash)) {
            n[3]++;
            canonical.ifPresent(c -> frontier.offer(c.toString(), page.depth()));
            store.delete(SessionContext.system(), "website", origin, page.url());
            frontier.finish(page.id(), "skipped", 200, etag, modified, Optional.of(hash), Optional.of("duplicate"));
            return;
        }
        Document doc = Document.builder("website", origin, page.url()).uri(page.url()).title(content.title())
                .mimeType("text/html").language(content.language().orElse(TextExtractor.language(content.text())))
                .build();
        IndexResult r = store.index(SessionContext.system(), doc,
                chunker.chunk(content.text(), Map.of("title", content.title(), "url", page.url())));
        n[r.unchanged() ? 2 : 1]++;
        frontier.finish(page.id(), "done", 200, etag, modified, Optional.of(hash), Optional.empty());
    }

    private BaseRobotRules robots(Politeness polite) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        try {
            HttpResponse<String> r = polite.send(http, HttpRequest.newBuilder(URI.create(origin + "/robots.txt"))
                    .header("User-Agent", userAgent).timeout(Duration.ofSeconds(15)).build());
            if (r.statusCode() == 200) {
                return parser.parseContent(origin + "/robots.txt", r.body().getBytes(StandardCharsets.UTF_8), "text/plain",
                        List.of(robotName()));
            }
            return parser.failedFetch(r.statusCode());
        } catch (IOException e) {
            // RFC 9309: an unreachable robots.txt means assume complete disallow.
            return parser.failedFetch(503);
        }
    }

    /** Page URLs of a sitemap, following a sitemap index one level down. */
    private List<URI> sitemapUrls(URI sitemap, Politeness polite, int level) {
        List<URI> out = new ArrayList<>();
        if (sameSite(sitemap).isEmpty()) {
            return out;
        }
        try {
            HttpResponse<String> r = polite.send(http, HttpRequest.newBuilder(sitemap).header("User-Agent", userAgent)
                    .timeout(Duration.ofSeconds(30)).build());
            if (r.statusCode() != 200) {
                return out;
            }
            org.jsoup.nodes.Document xml = Jsoup.parse(r.body(), sitemap.toString(), Parser.xmlParser());
            for (var loc : xml.select("sitemap > loc")) {
                if (level < 1) {
                    out.addAll(sitemapUrls(URI.create(loc.text().strip()), polite, level + 1));
                }
            }
            for (var loc : xml.select("url > loc")) {
                sameSite(URI.create(loc.text().strip())).ifPresent(out::add);
            }
        } catch (IOException | IllegalArgumentException e) {
            // a broken sitemap leaves the links on the pages
        }
        return out;
    }

    /** The normalised URL when it is on this site (same scheme family and host), else empty. */
    Optional<URI> sameSite(URI uri) {
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http") || uri.getHost() == null) {
            return Optional.empty();
        }
        URI n = normalise(uri);
        return (n.getScheme() + "://" + n.getRawAuthority()).equals(origin) ? Optional.of(n) : Optional.empty();
    }

    /** Lower-case scheme and host, no default port, no fragment, no tracking parameters, "/" for an empty path. */
    static URI normalise(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        if (query != null) {
            query = String.join("&", java.util.Arrays.stream(query.split("&"))
                    .filter(p -> !p.toLowerCase(Locale.ROOT).matches("(utm_[a-z]+|fbclid|gclid)(=.*)?")).toList());
        }
        return URI.create(scheme + "://" + host + (port == -1 ? "" : ":" + port) + path
                + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    private String robotName() {
        return userAgent.split("[/ ]")[0].toLowerCase(Locale.ROOT);
    }

    private static Optional<OffsetDateTime> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), HTTP_DATE).toOffsetDateTime());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Spaces requests to the site by at least the delay. */
    private static final class Politeness {
        private Duration delay;
        private long last;

        Politeness(Duration delay) {
            this.delay = delay;
        }

        void atLeast(Duration d) {
            if (d.compareTo(delay) > 0) {
                delay = d;
            }
        }

        HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException {
            try {
                long wait = last + delay.toNanos() - System.nanoTime();
                if (last != 0 && wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                last = System.nanoTime();
            }
        }
    }

    /** Settings of a {@link SiteCrawler}. */
    public static final class Builder {
        private final URI root;
        private int maxPages = 1000;
        private int maxDepth = 5;
        private Duration delay = Duration.ofSeconds(1);
        private Duration timeLimit = Duration.ofHours(1);
        private String userAgent = "VoicelyBot/1.0 (+https://voicely.co.il)";
        private HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        private Builder(URI root) {
            this.root = Objects.requireNonNull(root, "root");
            if (root.getHost() == null || root.getScheme() == null || !root.getScheme().matches("https?")) {
                throw new IllegalArgumentException("the site root must be an http(s) URL, was " + root);
            }
        }

        /** Pages to fetch at most in one crawl (default 1000). */
        public Builder maxPages(int maxPages) {
            this.maxPages = maxPages;
            return this;
        }

        /** Links followed from the root at most (default 5); sitemap pages count as depth 1. */
        public Builder maxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
            return this;
        }

        /** Least time between two requests (default 1 s); a larger robots.txt Crawl-delay (up to 30 s) wins. */
        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /** Longest a crawl may run (default 1 h); the rest stays queued for the next one. */
        public Builder timeLimit(Duration timeLimit) {
            this.timeLimit = timeLimit;
            return this;
        }

        /** The User-Agent; its first word is the robot name matched in robots.txt. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** A client that must not follow redirects itself (the crawler checks each target is on the site). */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public SiteCrawler build() {
            return new SiteCrawler(this);
        }
    }
}
