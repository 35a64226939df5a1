package il.co.voicely.rag.ingest;

import java.util.Map;

/**
 * What indexing a folder did.
 *
 * @param files     files found
 * @param indexed   files whose chunks were (re)written
 * @param unchanged files already indexed as they are
 * @param skipped   files with no text (images, empty files); a skipped file that was indexed before leaves the index
 * @param removed   documents of files no longer in the folder
 * @param chunks    chunks written
 * @param embedded  chunks sent to the embedding model (the rest reused a stored vector)
 * @param failed    files that could not be read, with why
 */
public record FolderSummary(int files, int indexed, int unchanged, int skipped, int removed, int chunks, int embedded,
                            Map<String, String> failed) {

    public FolderSummary {
        failed = Map.copyOf(failed);
    }
}
