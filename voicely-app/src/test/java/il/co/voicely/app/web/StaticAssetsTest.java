package il.co.voicely.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticAssetsTest {

    private final TestApp app;

    StaticAssetsTest(Database database) {
        this.app = TestApp.start(database);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void htmxIsServedFromItsWebJarAndCachedForever() {
        String htmx = Assets.webJar("htmx.org", "dist/htmx.min.js");
        HttpResponse<String> script = app.get(htmx);

        assertThat(htmx).isEqualTo("/webjars/htmx.org/2.0.10/dist/htmx.min.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(script.body()).contains("htmx");
    }

    @Test
    void theLayoutLoadsHtmxAndTheStylesheet() {
        assertThat(app.get("/").body())
                .contains("<script src=\"/webjars/htmx.org/2.0.10/dist/htmx.min.js\" defer></script>")
                .contains("<link rel=\"stylesheet\" href=\"/static/css/app.css\">");
    }

    @Test
    void theStylesheetIsServedAndUsesLogicalProperties() {
        HttpResponse<String> css = app.get("/static/css/app.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains("inset-inline", "padding-block", "margin-inline")
                .doesNotContainPattern("(margin|padding)-(left|right)\\s*:")
                .doesNotContainPattern("text-align:\\s*(left|right)");
    }
}
