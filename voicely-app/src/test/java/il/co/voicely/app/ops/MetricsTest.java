package il.co.voicely.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MetricsTest {

    @Test
    void metricsArePrometheusTextWithJvmPoolAndHttpMeters(TestDatabase test) {
        // A pool of its own: Hikari reports to the first registry it is given, for its whole life.
        try (Database database = Database.open(test.settings()); TestApp app = TestApp.start(database)) {
            app.get("/");
            app.get("/no/such/page");

            HttpResponse<String> metrics = app.get("/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body())
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_gc_")
                    .contains("jvm_threads_live_threads")
                    .contains("process_uptime_seconds")
                    .contains("hikaricp_connections{pool=\"voicely\"}")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/\",status=\"200\"} 1")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"UNMATCHED\",status=\"404\"} 1");
        }
    }

    @Test
    void requestsAreCountedByRoutePatternNotByRawPath(Database database) {
        try (TestApp app = TestApp.start(database)) {
            app.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js");
            app.get("/static/css/app.css");

            String body = app.get("/metrics").body();

            assertThat(body)
                    .contains("route=\"/webjars\",status=\"200\"")
                    .contains("route=\"/static\",status=\"200\"")
                    .doesNotContain("htmx.min.js")
                    .doesNotContain("app.css");
        }
    }
}
