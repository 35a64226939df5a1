package il.co.voicely.rag.embed;

import java.net.URI;
import java.util.Objects;

/**
 * Where to download a sentence-transformers ONNX export, and the SHA-256 each file must have.
 *
 * @param name              directory name under the model cache, and the model's name
 * @param modelUri          the {@code model.onnx} file
 * @param modelSha256       its SHA-256, lower-case hex
 * @param tokenizerUri      the {@code tokenizer.json} file
 * @param tokenizerSha256   its SHA-256, lower-case hex
 */
public record ModelSource(String name, URI modelUri, String modelSha256, URI tokenizerUri, String tokenizerSha256) {

    public ModelSource {
        Objects.requireNonNull(modelUri, "modelUri");
        Objects.requireNonNull(tokenizerUri, "tokenizerUri");
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("model name must be a plain directory name, was '" + name + "'");
        }
        for (String sha : new String[] {modelSha256, tokenizerSha256}) {
            if (sha == null || !sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("SHA-256 must be 64 lower-case hex digits, was '" + sha + "'");
            }
        }
    }

    /** A model published on Hugging Face with the usual layout ({@code onnx/model.onnx}, {@code tokenizer.json}). */
    public static ModelSource huggingFace(String repo, String revision, String modelSha256, String tokenizerSha256) {
        String base = "https://huggingface.co/" + repo + "/resolve/" + revision + "/";
        return new ModelSource(repo.substring(repo.indexOf('/') + 1), URI.create(base + "onnx/model.onnx"), modelSha256,
                URI.create(base + "tokenizer.json"), tokenizerSha256);
    }
}
