package il.co.voicely.rag.embed;

import java.util.Collection;
import java.util.Map;

/** Vectors already computed, by content hash ({@link Embedder#contentHash}), for one model. */
@FunctionalInterface
public interface EmbeddingCache {

    /** The known vectors among {@code hashes}; absent keys must be embedded. */
    Map<String, float[]> lookup(Collection<String> hashes);

    /** A cache that knows nothing. */
    static EmbeddingCache none() {
        return hashes -> Map.of();
    }
}
