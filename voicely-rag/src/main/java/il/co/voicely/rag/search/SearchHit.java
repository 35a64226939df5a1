package il.co.voicely.rag.search;

import java.util.Map;
import java.util.UUID;

/**
 * One passage found, best first.
 *
 * @param rank       1 for the best hit
 * @param chunkId    the chunk's row
 * @param documentId its document
 * @param collection the document's collection
 * @param externalId the document's id in its source (relative path, canonical URL, Drive file id)
 * @param text       the whole chunk
 * @param snippet    about thirty words around the first match, HTML-escaped, matches in {@code <b>…</b>}
 * @param score      reciprocal-rank-fusion score: higher is better, comparable within one search only
 * @param citation   title, link and time to cite
 * @param metadata   the document's metadata
 */
public record SearchHit(int rank, long chunkId, UUID documentId, String collection, String externalId, String text,
                        String snippet, double score, Citation citation, Map<String, String> metadata) {
}
