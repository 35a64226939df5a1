package il.co.voicely.examples.rag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code index} and {@code search} in process, as the launcher would, on the test database. */
@ExtendWith(PostgresExtension.class)
class RagProgramsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    @Test
    void indexThenSearchPrintsOneJsonLinePerHitBestFirst(@TempDir Path dir, Database db) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("school"));
        Files.createDirectories(folder.resolve("lessons"));
        Files.writeString(folder.resolve("lessons/breathing.txt"), "תרגילי נשימה: שאיפה איטית מהסרעפת ונשיפה על הצליל ס.");
        Files.writeString(folder.resolve("prices.html"), "<html><head><title>Prices</title></head><body><p>A private lesson costs 250 shekels.</p></body></html>");
        Files.writeString(folder.resolve("kids.txt"), "Children's choir meets every Tuesday afternoon.");
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        int indexed = run(new IndexFolder(() -> ExampleDatabase.borrowed(db), o, e), folder.toString(), "--collection", "school-docs");
        String summary = out.toString(StandardCharsets.UTF_8);
        out.reset();
        int searched = run(new Search(() -> ExampleDatabase.borrowed(db), o), "נשימה", "--collection", "school-docs", "--k", "2", "--json");

        assertThat(indexed).isZero();
        assertThat(summary).contains("3 files, 3 indexed");
        assertThat(searched).isZero();
        List<JsonNode> hits = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            hits.add(new ObjectMapper().readTree(line));
        }
        assertThat(hits).hasSize(2);
        JsonNode best = hits.getFirst();
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(best.get("doc").asText()).isEqualTo("lessons/breathing.txt");
        assertThat(best.get("title").asText()).isEqualTo("breathing.txt");
        assertThat(best.get("text").asText()).startsWith("תרגילי נשימה");
        assertThat(best.get("score").asDouble()).isGreaterThan(hits.get(1).get("score").asDouble());
        assertThat(hits.get(1).get("rank").asInt()).isEqualTo(2);
    }

    @Test
    void searchWithoutJsonPrintsReadableHits(Database db) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);

        int code = run(new Search(() -> ExampleDatabase.borrowed(db), o), "nothing indexed here", "--collection", "empty");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No results.");
    }
}
