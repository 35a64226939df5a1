package il.co.voicely.app.home;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageTest {

    private final TestApp app;

    HomePageTest(Database database) {
        this.app = TestApp.start(database);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void homeIsHebrewAndRightToLeftByDefault() {
        HttpResponse<String> home = app.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(home.body())
                .contains("<html lang=\"he\" dir=\"rtl\">")
                .contains("<title>Voicely — בית ספר לקול</title>")
                .contains("הקול שלך, במיטבו")
                .contains("href=\"?lang=en\"");
    }

    @Test
    void langParameterSwitchesToEnglishAndRemembersItInACookie() {
        HttpResponse<String> english = app.get("/?lang=en");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body())
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("<title>Voicely — voice school</title>")
                .contains("Your voice, at its best")
                .contains("href=\"?lang=he\"");
        assertThat(english.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("lang="))
                .singleElement().satisfies(cookie -> assertThat(cookie).startsWith("lang=en").contains("Path=/").contains("SameSite=Lax"));
    }

    @Test
    void theLanguageCookieKeepsLaterPagesInEnglish() {
        HttpResponse<String> home = app.get("/", "Cookie", "lang=en");

        assertThat(home.body()).contains("dir=\"ltr\"").contains(">Lessons<");
        assertThat(home.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("lang="));
    }

    @Test
    void anUnknownLanguageFallsBackToHebrew() {
        assertThat(app.get("/?lang=xx").body()).contains("dir=\"rtl\"");
    }

    @Test
    void bottomNavigationLinksTheFiveDestinationsAndMarksHomeCurrent() {
        String body = app.get("/").body();
        String nav = body.substring(body.indexOf("<nav class=\"bottom-nav\""), body.indexOf("</nav>"));

        assertThat(Pattern.compile("href=\"([^\"]+)\"").matcher(nav).results().map(m -> m.group(1)))
                .containsExactly("/", "/lessons", "/recordings", "/chat", "/achievements");
        assertThat(nav).contains("בית", "שיעורים", "הקלטות", "צ'אט", "הישגים");
        assertThat(nav).containsOnlyOnce("aria-current=\"page\"");
        assertThat(nav.indexOf("aria-current")).isLessThan(nav.indexOf("/lessons"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons", "/recordings", "/chat", "/achievements"})
    void everyBottomNavigationDestinationIsARealPage(String path) {
        HttpResponse<String> response = app.get(path);

        // Pages for signed-in people send visitors to sign in; none is missing.
        assertThat(response.statusCode()).isIn(200, 302, 303);
        if (response.statusCode() != 200) {
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/sign-in"));
        }
    }
}
