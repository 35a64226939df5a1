package il.co.voicely.rag.embed;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading vectors out of JSON answers. */
final class Vectors {

    private Vectors() {
    }

    static float[] read(JsonNode array, int dimensions, String model) {
        if (!array.isArray() || array.size() != dimensions) {
            throw new EmbeddingException(model + " answered a vector of " + (array.isArray() ? array.size() : "no")
                    + " dimensions, expected " + dimensions);
        }
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
