package il.co.voicely.examples.rag;

import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.embed.EmbeddingModel;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.search.HybridSearch;
import il.co.voicely.rag.search.SearchHit;
import il.co.voicely.rag.search.SearchQuery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code search "<query>" --collection <name> --k 10 --json}: hybrid search over what {@link IndexFolder}
 * indexed. With {@code --json}, one object per line per hit, best first:
 * {@code {"rank":1,"doc":"<path relative to the indexed folder>","title":…,"text":"<chunk text>","score":…}}.
 */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search indexed documents (vector + full text).")
public final class Search implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "<query>", description = "What to look for, in Hebrew or English.")
    String query;

    @Option(names = "--collection", paramLabel = "<name>", description = "Only this collection (default: all).")
    String collection;

    @Option(names = "--k", defaultValue = "10", paramLabel = "<n>", description = "How many hits (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "One JSON object per line per hit.")
    boolean json;

    @Option(names = "--model-dir", paramLabel = "<dir>", description = "The ONNX export the folder was indexed with, if not the bundled model.")
    Path modelDir;

    private final Supplier<ExampleDatabase> databases;
    private final PrintStream out;

    /** The program as the launcher runs it: database from the environment, output to the console. */
    public Search() {
        this(() -> ExampleDatabase.open(System.getenv()), System.out);
    }

    Search(Supplier<ExampleDatabase> databases, PrintStream out) {
        this.databases = databases;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Search()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        EmbeddingModel model = modelDir == null ? LocalEmbeddingModel.bundled() : LocalEmbeddingModel.fromDirectory(modelDir);
        SearchQuery.Builder q = SearchQuery.of(query).k(k);
        if (collection != null) {
            q.collection(collection);
        }
        List<SearchHit> hits;
        try (ExampleDatabase db = databases.get()) {
            hits = new HybridSearch(db.database(), model).search(SessionContext.system(), q.build());
        }
        for (SearchHit h : hits) {
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("rank", h.rank());
                line.put("doc", h.externalId());
                line.put("title", h.citation().title());
                line.put("text", h.text());
                line.put("score", h.score());
                out.println(JSON.writeValueAsString(line));
            } else {
                out.printf("%d. %s  [%s, %.4f]%n   %s%n", h.rank(), h.citation().title(), h.externalId(), h.score(),
                        h.snippet().replace("<b>", "*").replace("</b>", "*"));
            }
        }
        if (!json && hits.isEmpty()) {
            out.println("No results.");
        }
        return 0;
    }
}
