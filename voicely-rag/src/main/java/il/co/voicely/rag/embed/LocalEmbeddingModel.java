package il.co.voicely.rag.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sentence-transformers model run in process with ONNX Runtime: no network, no server.
 *
 * <pre>{@code
 * EmbeddingModel bundled = LocalEmbeddingModel.bundled();
 * EmbeddingModel e5 = LocalEmbeddingModel.fromDirectory(Path.of("models/multilingual-e5-small"));
 * }</pre>
 *
 * <p>{@link #bundled()} is all-MiniLM-L6-v2 (quantised, 384 dimensions, English-trained) as packaged in
 * LangChain4j's jar on Maven Central, so it works offline anywhere the build does; Hebrew relevance then
 * rests mostly on the lexical side of hybrid search. A multilingual export (e.g. multilingual-e5-small,
 * also 384 dimensions) is a drop-in from a directory or through {@link ModelDownloader}.
 */
public final class LocalEmbeddingModel implements EmbeddingModel {

    private final String name;
    private final AbstractInProcessEmbeddingModel model;
    private final int dimensions;

    private LocalEmbeddingModel(String name, AbstractInProcessEmbeddingModel model) {
        this.name = name;
        this.model = model;
        this.dimensions = model.dimension();
    }

    /** The model packaged in the library's dependencies: all-MiniLM-L6-v2, quantised, 384 dimensions. */
    public static LocalEmbeddingModel bundled() {
        return new LocalEmbeddingModel("all-minilm-l6-v2-q", new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    /**
     * A sentence-transformers ONNX export in {@code dir}: {@code model.onnx} and {@code tokenizer.json}
     * (as Hugging Face's {@code optimum} writes them), mean pooling. The model is named after the directory.
     *
     * @throws EmbeddingException when a file is missing
     */
    public static LocalEmbeddingModel fromDirectory(Path dir) {
        return fromFiles(dir.getFileName().toString(), dir.resolve("model.onnx"), dir.resolve("tokenizer.json"));
    }

    /** A model from its ONNX file and its Hugging Face {@code tokenizer.json}, mean pooling. */
    public static LocalEmbeddingModel fromFiles(String name, Path onnx, Path tokenizer) {
        for (Path p : List.of(onnx, tokenizer)) {
            if (!Files.isRegularFile(p)) {
                throw new EmbeddingException("embedding model '" + name + "': file " + p.toAbsolutePath() + " does not exist");
            }
        }
        return new LocalEmbeddingModel(name, new OnnxEmbeddingModel(onnx, tokenizer, PoolingMode.MEAN));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        try {
            List<Embedding> out = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
            return out.stream().map(Embedding::vector).toList();
        } catch (RuntimeException e) {
            throw new EmbeddingException("embedding model '" + name + "' failed on " + texts.size() + " text(s): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "LocalEmbeddingModel[" + name + ", " + dimensions + " dimensions]";
    }
}
