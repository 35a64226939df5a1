package il.co.voicely.rag.embed;

import java.util.List;

/**
 * Turns text into vectors whose cosine similarity follows meaning.
 *
 * <pre>{@code
 * EmbeddingModel model = LocalEmbeddingModel.bundled();          // offline, 384 dimensions
 * float[] v = model.embed("How do I warm up before singing?");
 * }</pre>
 *
 * <p>Implementations: {@link LocalEmbeddingModel} (ONNX in process), {@link OpenAiEmbeddingModel} (any
 * OpenAI-compatible {@code /embeddings} server), {@link GeminiEmbeddingModel}. They are thread-safe.
 */
public interface EmbeddingModel {

    /** A stable name stored with every vector, so vectors of different models are never compared. */
    String name();

    /** The length of every vector this model returns. */
    int dimensions();

    /**
     * Embeds {@code texts} in one call, returning one vector per text in the same order.
     *
     * @throws EmbeddingException when the model cannot answer
     */
    List<float[]> embedAll(List<String> texts);

    /** Embeds one text. */
    default float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }
}
