package il.co.voicely.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {

    private final TestApp app;

    RateLimitTest(Database database) {
        this.app = TestApp.start(database);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theEleventhRapidSignInAttemptFromOneAddressGets429WithRetryAfter() {
        WebClient client = app.client();
        client.get("/sign-in");
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> attempt = client.post("/sign-in", "email", "guess" + i + "@example.com", "password", "wrong password " + i);
            assertThat(attempt.statusCode()).as("attempt %d", i).isEqualTo(200);
        }

        HttpResponse<String> eleventh = client.post("/sign-in", "email", "guess11@example.com", "password", "wrong password 11");

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(app.client().signIn("guess12@example.com", "wrong").statusCode()).as("another address is not limited").isEqualTo(200);
    }

    @Test
    void theApiLoginShares429AndAnswersInJson() {
        WebClient script = app.client();
        for (int i = 1; i <= 10; i++) {
            assertThat(script.postJson("/api/v1/auth/login", "{\"email\":\"api" + i + "@example.com\",\"password\":\"x\"}").statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> eleventh = script.postJson("/api/v1/auth/login", "{\"email\":\"api11@example.com\",\"password\":\"x\"}");

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
        assertThat(eleventh.body()).contains("\"error\":\"rate_limited\"");
    }

    @Test
    void repeatedFailuresForOneAccountLockItAndAnswer429() {
        WebClient client = app.client();
        client.get("/sign-in");
        for (int i = 0; i < 5; i++) {
            client.post("/sign-in", "email", "victim@example.com", "password", "wrong " + i);
        }

        HttpResponse<String> locked = client.post("/sign-in", "email", "victim@example.com", "password", "wrong again");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("יותר מדי ניסיונות כושלים");
    }
}
