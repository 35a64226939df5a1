package il.co.voicely.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEmbeddingModelTest {

    static final LocalEmbeddingModel BUNDLED = LocalEmbeddingModel.bundled();

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void bundledModelEmbedsOfflineInto384DimensionsByMeaning() {
        List<float[]> v = BUNDLED.embedAll(List.of(
                "How should I breathe while singing?",
                "Breathing technique for vocalists",
                "The invoice is due next month"));

        assertThat(BUNDLED.dimensions()).isEqualTo(384);
        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(cosine(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void throughputOnThisMachine() {
        List<String> texts = IntStream.range(0, 64)
                .mapToObj(i -> "Chunk " + i + ": warm up your voice with lip trills and sirens before singing the scale.").toList();
        BUNDLED.embedAll(texts.subList(0, 8));
        long start = System.nanoTime();
        BUNDLED.embedAll(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("local embedding: %.1f chunks/s%n", texts.size() / seconds);
        assertThat(seconds).isLessThan(60);
    }

    @Test
    void anyExportInADirectoryLoadsFromModelOnnxAndTokenizerJson(@TempDir Path dir) throws IOException {
        // The bundled model's own files, laid out as a sentence-transformers ONNX export.
        copyResource("all-minilm-l6-v2-q.onnx", dir.resolve("model.onnx"));
        copyResource("all-minilm-l6-v2-q-tokenizer.json", dir.resolve("tokenizer.json"));

        LocalEmbeddingModel model = LocalEmbeddingModel.fromDirectory(dir);

        assertThat(model.name()).isEqualTo(dir.getFileName().toString());
        assertThat(cosine(model.embed("vocal warm-up"), BUNDLED.embed("vocal warm-up"))).isGreaterThan(0.999);
    }

    @Test
    void aMissingModelFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalEmbeddingModel.fromDirectory(dir))
                .isInstanceOf(EmbeddingException.class).hasMessageContaining("model.onnx").hasMessageContaining("does not exist");
    }

    static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = LocalEmbeddingModel.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
    }
}
