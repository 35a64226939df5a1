package il.co.voicely.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class HealthTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void healthIsUpWithTheDatabaseAndDiskWhenBothAreFine(Database database) throws Exception {
        try (TestApp app = TestApp.start(database)) {
            HttpResponse<String> health = app.get("/health");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = json.readTree(health.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").path("detail").asText()).startsWith("PostgreSQL ");
            assertThat(body.path("database").path("latencyMillis").isNumber()).isTrue();
            assertThat(body.path("disk").path("freeBytes").asLong()).isPositive();
        }
    }

    @Test
    void healthIsDownWith503WhenTheDatabaseIsGone(TestDatabase test) throws Exception {
        Database ownPool = Database.open(test.settings());
        try (TestApp app = TestApp.start(ownPool)) {
            ownPool.close();

            HttpResponse<String> health = app.get("/health");

            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = json.readTree(health.body());
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("database").path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("database").path("detail").asText()).isNotBlank();
        }
    }
}
