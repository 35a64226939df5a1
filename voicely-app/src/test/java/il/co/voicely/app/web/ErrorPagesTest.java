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
class ErrorPagesTest {

    private final TestApp app;

    ErrorPagesTest(Database database) {
        this.app = TestApp.start(database);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void anUnknownPathGetsTheHebrewNotFoundPageWithStatus404() {
        HttpResponse<String> missing = app.get("/no/such/page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(missing.body())
                .contains("dir=\"rtl\"")
                .contains("העמוד לא נמצא")
                .contains("שגיאה 404")
                .contains("<nav class=\"bottom-nav\"");
    }

    @Test
    void theNotFoundPageSpeaksTheVisitorsLanguage() {
        HttpResponse<String> missing = app.get("/no/such/page", "Cookie", "lang=en");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("dir=\"ltr\"").contains("Page not found").contains("Error 404");
    }

    @Test
    void aMissingStaticFileIsA404PageToo() {
        HttpResponse<String> missing = app.get("/static/css/missing.css");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("העמוד לא נמצא");
    }
}
