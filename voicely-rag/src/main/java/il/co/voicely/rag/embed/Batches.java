package il.co.voicely.rag.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Splits a long list of texts into the request sizes an HTTP embedding API accepts, keeping the order. */
final class Batches {

    private Batches() {
    }

    static List<float[]> embedInBatches(List<String> texts, int batchSize, Function<List<String>, List<float[]>> batch) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            out.addAll(batch.apply(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return out;
    }
}
