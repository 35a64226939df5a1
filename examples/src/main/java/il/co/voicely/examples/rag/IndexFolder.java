package il.co.voicely.examples.rag;

import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.EmbeddingModel;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.ingest.FolderIndexer;
import il.co.voicely.rag.ingest.FolderSummary;
import il.co.voicely.rag.ingest.TextExtractor;
import il.co.voicely.rag.store.DocumentStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code index <folder> --collection <name>}: indexes every file Tika can read under a folder, recursively,
 * for {@link Search}. Running it again re-embeds only what changed and drops files that are gone.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index every readable file (docx, pdf, html, txt, srt, vtt, ...) under a folder, recursively.")
public final class IndexFolder implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>", description = "The folder to index.")
    Path folder;

    @Option(names = "--collection", defaultValue = "files", paramLabel = "<name>",
            description = "Collection to index into: lower-case letters, digits, - and _ (default: ${DEFAULT-VALUE}).")
    String collection;

    @Option(names = "--model-dir", paramLabel = "<dir>",
            description = "A sentence-transformers ONNX export (model.onnx + tokenizer.json) instead of the bundled all-MiniLM-L6-v2.")
    Path modelDir;

    private final Supplier<ExampleDatabase> databases;
    private final PrintStream out;
    private final PrintStream err;

    /** The program as the launcher runs it: database from the environment, output to the console. */
    public IndexFolder() {
        this(() -> ExampleDatabase.open(System.getenv()), System.out, System.err);
    }

    IndexFolder(Supplier<ExampleDatabase> databases, PrintStream out, PrintStream err) {
        this.databases = databases;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IndexFolder()).execute(args));
    }

    @Override
    public Integer call() {
        EmbeddingModel model = modelDir == null ? LocalEmbeddingModel.bundled() : LocalEmbeddingModel.fromDirectory(modelDir);
        long start = System.nanoTime();
        try (ExampleDatabase db = databases.get()) {
            FolderIndexer indexer = new FolderIndexer(new DocumentStore(db.database(), new Embedder(model, 32)),
                    Chunker.defaults(), TextExtractor.create());
            FolderSummary s = indexer.index(SessionContext.system(), folder, collection, new ProgressBar(err));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("Indexed %s into '%s' in %.1f s: %d files, %d indexed, %d unchanged, %d without text, %d removed, %d chunks (%d embedded), %d failed%n",
                    folder, collection, seconds, s.files(), s.indexed(), s.unchanged(), s.skipped(), s.removed(), s.chunks(), s.embedded(),
                    s.failed().size());
            s.failed().forEach((file, why) -> out.println("  failed: " + file + ": " + why));
            return s.failed().isEmpty() ? 0 : 2;
        }
    }

    /** A one-line bar on a terminal; nothing when the output is a file or a pipe. */
    static final class ProgressBar implements FolderIndexer.Progress {
        private final PrintStream err;
        private final boolean terminal = System.console() != null;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void fileDone(int done, int total, String file) {
            if (!terminal) {
                return;
            }
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            String name = file.length() > 40 ? "…" + file.substring(file.length() - 39) : file;
            err.printf("\r[%s%s] %d/%d %-40s", "#".repeat(filled), ".".repeat(width - filled), done, total, name);
            if (done == total) {
                err.println();
            }
        }
    }
}
