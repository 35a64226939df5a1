package il.co.voicely.examples.rag;

import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.ingest.CrawlSummary;
import il.co.voicely.rag.ingest.SiteCrawler;
import il.co.voicely.rag.store.DocumentStore;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crawl <url>}: crawls a website into the {@code website} collection; again later, only what changed. */
@Command(name = "crawl", mixinStandardHelpOptions = true, description = "Crawl a website (same host, robots.txt, sitemap) into the 'website' collection.")
public final class CrawlSite implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<url>", description = "The site's root, e.g. https://voicely.co.il/")
    URI root;

    @Option(names = "--max-pages", defaultValue = "1000", description = "Pages to fetch at most (default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Option(names = "--max-depth", defaultValue = "5", description = "Links to follow from the root at most (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--delay-ms", defaultValue = "1000", description = "Least time between requests (default: ${DEFAULT-VALUE}).")
    long delayMs;

    @Option(names = "--time-limit-min", defaultValue = "60", description = "Stop after this many minutes; the rest stays queued (default: ${DEFAULT-VALUE}).")
    long minutes;

    private final Supplier<ExampleDatabase> databases;
    private final PrintStream out;

    public CrawlSite() {
        this(() -> ExampleDatabase.open(System.getenv()), System.out);
    }

    CrawlSite(Supplier<ExampleDatabase> databases, PrintStream out) {
        this.databases = databases;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CrawlSite()).execute(args));
    }

    @Override
    public Integer call() {
        SiteCrawler crawler = SiteCrawler.builder(root).maxPages(maxPages).maxDepth(maxDepth)
                .delay(Duration.ofMillis(delayMs)).timeLimit(Duration.ofMinutes(minutes)).build();
        try (ExampleDatabase db = databases.get()) {
            DocumentStore store = new DocumentStore(db.database(), new Embedder(LocalEmbeddingModel.bundled(), 32));
            CrawlSummary s = crawler.crawl(db.database(), store, Chunker.defaults());
            out.printf("Crawled %s: %d fetched, %d indexed, %d not modified, %d duplicates, %d redirects, %d failed, %d disallowed%s%n",
                    crawler.source(), s.fetched(), s.indexed(), s.notModified(), s.duplicates(), s.redirects(), s.failed(),
                    s.disallowed(), s.stoppedEarly() ? " (limit reached; run again to continue)" : "");
            return 0;
        }
    }
}
