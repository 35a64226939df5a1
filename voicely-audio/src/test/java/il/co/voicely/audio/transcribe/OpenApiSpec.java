package il.co.voicely.audio.transcribe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Field names of OpenAI's {@code CreateTranscriptionRequest}, read from the spec in {@code /work/shared/specs}. */
final class OpenApiSpec {
    private static final List<Path> CANDIDATES = List.of(
            Path.of("../../shared/specs/openai/openapi.yaml"), Path.of("../shared/specs/openai/openapi.yaml"),
            Path.of("/work/shared/specs/openai/openapi.yaml"));

    private OpenApiSpec() {
    }

    /** The request schema's property names (the spec is 50k lines of YAML; its indentation is regular). */
    static Set<String> transcriptionRequestFields() throws IOException {
        Path spec = CANDIDATES.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new AssertionError("OpenAI spec not found at " + CANDIDATES));
        List<String> lines = Files.readAllLines(spec);
        int at = lines.indexOf("    CreateTranscriptionRequest:");
        if (at < 0) {
            throw new AssertionError("no CreateTranscriptionRequest schema in " + spec);
        }
        Set<String> fields = new LinkedHashSet<>();
        boolean inProperties = false;
        for (int i = at + 1; i < lines.size() && !lines.get(i).matches("    \\S.*"); i++) {
            String line = lines.get(i);
            if (line.matches("      \\S.*")) {
                inProperties = line.equals("      properties:");
            } else if (inProperties && line.matches("        [a-z_]+:\\s*")) {
                fields.add(line.strip().replace(":", ""));
            }
        }
        return fields;
    }
}
