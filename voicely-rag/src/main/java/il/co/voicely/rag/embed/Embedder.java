package il.co.voicely.rag.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Embeds many texts through a model in batches, skipping those already embedded: each text is keyed by the
 * SHA-256 of its content, and an {@link EmbeddingCache} (the chunk store, in practice) answers which keys
 * already have a vector from this model. Identical texts in one call are embedded once.
 *
 * <pre>{@code
 * Embedder embedder = new Embedder(LocalEmbeddingModel.bundled(), 32);
 * List<float[]> vectors = embedder.embed(texts, store.embeddingCache(model.name()));
 * }</pre>
 */
public final class Embedder {

    private final EmbeddingModel model;
    private final int batchSize;

    public Embedder(EmbeddingModel model, int batchSize) {
        this.model = Objects.requireNonNull(model, "model");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The model behind this embedder. */
    public EmbeddingModel model() {
        return model;
    }

    /** One vector per text, in order; texts whose hash {@code cache} knows are not sent to the model. */
    public List<float[]> embed(List<String> texts, EmbeddingCache cache) {
        Map<String, String> byHash = new LinkedHashMap<>();
        for (String t : texts) {
            byHash.putIfAbsent(contentHash(t), t);
        }
        Map<String, float[]> known = new HashMap<>(cache.lookup(byHash.keySet()));
        List<String> missingHashes = byHash.keySet().stream().filter(h -> !known.containsKey(h)).toList();
        for (int from = 0; from < missingHashes.size(); from += batchSize) {
            List<String> hashes = missingHashes.subList(from, Math.min(missingHashes.size(), from + batchSize));
            List<float[]> vectors = model.embedAll(hashes.stream().map(byHash::get).toList());
            for (int i = 0; i < hashes.size(); i++) {
                known.put(hashes.get(i), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(known.get(contentHash(t)));
        }
        return out;
    }

    /** The key of a text in the cache: SHA-256 of its UTF-8 bytes, lower-case hex. */
    public static String contentHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
