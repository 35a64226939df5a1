package il.co.voicely.examples.rag;

import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.ingest.DriveSummary;
import il.co.voicely.rag.ingest.DriveSync;
import il.co.voicely.rag.ingest.TextExtractor;
import il.co.voicely.rag.store.DocumentStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sync-drive <folder-id> --credentials <json>}: full sync the first time, incremental after. */
@Command(name = "sync-drive", mixinStandardHelpOptions = true, description = "Sync a Google Drive folder tree into the 'drive' collection.")
public final class SyncDrive implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder-id>", description = "The Drive folder's id (from its URL).")
    String folderId;

    @Option(names = "--credentials", paramLabel = "<json>",
            description = "Service-account or authorized_user JSON; default $GOOGLE_APPLICATION_CREDENTIALS.")
    Path credentials;

    @Option(names = "--root-url", hidden = true, defaultValue = "https://www.googleapis.com/")
    String rootUrl;

    private final Supplier<ExampleDatabase> databases;
    private final PrintStream out;

    public SyncDrive() {
        this(() -> ExampleDatabase.open(System.getenv()), System.out);
    }

    SyncDrive(Supplier<ExampleDatabase> databases, PrintStream out) {
        this.databases = databases;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyncDrive()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path json = credentials != null ? credentials
                : Optional.ofNullable(System.getenv("GOOGLE_APPLICATION_CREDENTIALS")).map(Path::of).orElse(null);
        var drive = DriveSync.client(json == null ? Optional.empty() : Optional.of(DriveSync.credentials(json)), "Voicely", rootUrl,
                Duration.ofSeconds(1));
        try (ExampleDatabase db = databases.get()) {
            DocumentStore store = new DocumentStore(db.database(), new Embedder(LocalEmbeddingModel.bundled(), 32));
            DriveSummary s = new DriveSync(drive, db.database(), store, Chunker.defaults(), TextExtractor.create(), folderId).sync();
            out.printf("%s sync of Drive folder %s: %d indexed, %d unchanged, %d removed, %d skipped; next page token %s%n",
                    s.full() ? "Full" : "Incremental", folderId, s.indexed(), s.unchanged(), s.removed(), s.skipped(), s.pageToken());
            return 0;
        }
    }
}
