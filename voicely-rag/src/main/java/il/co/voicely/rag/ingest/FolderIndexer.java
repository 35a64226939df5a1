package il.co.voicely.rag.ingest;

import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.chunk.Chunk;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.store.Document;
import il.co.voicely.rag.store.DocumentStore;
import il.co.voicely.rag.store.IndexResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Indexes every readable file under a folder, recursively, into one collection; run it again and only
 * what changed is re-embedded, and files that disappeared leave the index.
 *
 * <pre>{@code
 * FolderIndexer indexer = new FolderIndexer(store, Chunker.defaults(), TextExtractor.create());
 * FolderSummary s = indexer.index(SessionContext.system(), Path.of("lessons"), "files", FolderIndexer.Progress.NONE);
 * }</pre>
 *
 * <p>Each document's source is the folder's absolute path and its external id the file's path relative to
 * the folder, with {@code /} separators, so the same tree indexed from elsewhere is another source.
 * Hidden files and folders are skipped.
 */
public final class FolderIndexer {

    /** Told about each file as it is done, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, file) -> { };

        void fileDone(int done, int total, String relativePath);
    }

    private final DocumentStore store;
    private final Chunker chunker;
    private final TextExtractor extractor;

    public FolderIndexer(DocumentStore store, Chunker chunker, TextExtractor extractor) {
        this.store = Objects.requireNonNull(store, "store");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    /** The source name documents from {@code folder} are stored under. */
    public static String sourceOf(Path folder) {
        return folder.toAbsolutePath().normalize().toString();
    }

    /** Indexes {@code folder} into {@code collection} acting as {@code context} (staff or system). */
    public FolderSummary index(SessionContext context, Path folder, String collection, Progress progress) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder.toAbsolutePath());
        }
        Path root = folder.toAbsolutePath().normalize();
        String source = sourceOf(root);
        List<Path> files = files(root);
        Set<String> seen = new HashSet<>();
        Map<String, String> failed = new TreeMap<>();
        int indexed = 0;
        int unchanged = 0;
        int skipped = 0;
        int chunks = 0;
        int embedded = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            seen.add(rel);
            try {
                Extracted e = extractor.extract(file);
                if (e.text().isBlank()) {
                    skipped++;
                    store.delete(context, collection, source, rel);
                } else {
                    Map<String, String> meta = Map.of("path", rel, "title", e.title().orElse(file.getFileName().toString()));
                    List<Chunk> parts = e.timed() ? chunker.chunkTranscript(e.cues(), meta) : chunker.chunk(e.text(), meta);
                    Document doc = Document.builder(collection, source, rel).uri(file.toUri().toString())
                            .title(e.title().orElse(file.getFileName().toString())).mimeType(e.mimeType())
                            .language(e.language()).metadata(meta).build();
                    IndexResult r = store.index(context, doc, parts);
                    if (r.unchanged()) {
                        unchanged++;
                    } else {
                        indexed++;
                        chunks += r.chunks();
                        embedded += r.embedded();
                    }
                }
            } catch (UnreadableFileException e) {
                failed.put(rel, e.getMessage());
            }
            progress.fileDone(i + 1, files.size(), rel);
        }
        int removed = 0;
        for (String gone : store.externalIds(context, collection, source)) {
            if (!seen.contains(gone) && store.delete(context, collection, source, gone)) {
                removed++;
            }
        }
        return new FolderSummary(files.size(), indexed, unchanged, skipped, removed, chunks, embedded, failed);
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> out = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            if (part.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
