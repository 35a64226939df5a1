package il.co.voicely.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.helidon.http.BadRequestException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The app has no route that fails on purpose, so these routes are made here, handled by the real {@link ErrorPages}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailingHandlerTest {

    private final ErrorPages errors = new ErrorPages(
            new Pages(TemplateEngine.createPrecompiled(ContentType.Html), Messages.load(), Assets.fromClassPath()));
    private final WebServer server = WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownHook(false)
            .routing(HttpRouting.builder()
                    .get("/boom", (req, res) -> {
                        throw new IllegalStateException("the database went away");
                    })
                    .get("/bad", (req, res) -> {
                        throw new BadRequestException("no such lesson id");
                    })
                    .error(Throwable.class, errors::handle))
            .build()
            .start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void anUnexpectedExceptionGivesTheErrorPageWithStatus500AndNoDetails() throws Exception {
        HttpResponse<String> response = get("/boom", "he");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("dir=\"rtl\"").contains("משהו השתבש").doesNotContain("database went away");
    }

    @Test
    void anHttpExceptionKeepsItsStatusAndSpeaksTheVisitorsLanguage() throws Exception {
        HttpResponse<String> response = get("/bad", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("dir=\"ltr\"").contains("Bad request").contains("Error 400");
    }

    private HttpResponse<String> get(String path, String lang) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Cookie", "lang=" + lang).build(), HttpResponse.BodyHandlers.ofString());
    }
}
