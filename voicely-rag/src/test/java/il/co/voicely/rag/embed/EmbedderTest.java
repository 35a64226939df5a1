package il.co.voicely.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbedderTest {

    /** Counts what reaches the model; a text's vector is its length and first character. */
    static final class CountingModel implements EmbeddingModel {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            calls.add(List.copyOf(texts));
            return texts.stream().map(t -> new float[] {t.length(), t.charAt(0)}).toList();
        }
    }

    @Test
    void textsAreSentInBatchesAndDuplicatesOnce() {
        CountingModel model = new CountingModel();

        List<float[]> vectors = new Embedder(model, 2).embed(List.of("a", "bb", "a", "ccc", "dddd"), EmbeddingCache.none());

        assertThat(model.calls).containsExactly(List.of("a", "bb"), List.of("ccc", "dddd"));
        assertThat(vectors).extracting(v -> (int) v[0]).containsExactly(1, 2, 1, 3, 4);
    }

    @Test
    void cachedTextsAreNeverEmbeddedAgain() {
        CountingModel model = new CountingModel();
        EmbeddingCache cache = hashes -> Map.of(Embedder.contentHash("unchanged"), new float[] {42, 42});

        List<float[]> vectors = new Embedder(model, 8).embed(List.of("unchanged", "new"), cache);

        assertThat(model.calls).containsExactly(List.of("new"));
        assertThat(vectors.get(0)).containsExactly(42, 42);
        assertThat(vectors.get(1)).containsExactly(3, 'n');
    }
}
