package il.co.voicely.rag.store;

import java.util.UUID;

/**
 * What indexing one document did.
 *
 * @param documentId the document's row
 * @param unchanged  true when its text was already indexed as it is: nothing was written
 * @param chunks     chunks stored
 * @param embedded   chunks sent to the embedding model
 * @param reused     chunks whose vector was found by content hash and not embedded again
 */
public record IndexResult(UUID documentId, boolean unchanged, int chunks, int embedded, int reused) {
}
