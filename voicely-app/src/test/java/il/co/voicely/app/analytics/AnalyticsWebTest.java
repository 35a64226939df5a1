package il.co.voicely.app.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.app.web.Json;
import il.co.voicely.core.analytics.AnalyticsTab;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsWebTest {

    private final TestDatabase db;
    private final TestApp app;

    AnalyticsWebTest(TestDatabase db) {
        this.db = db;
        this.app = TestApp.start(db.database());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private WebClient signedIn(Role role) {
        WebClient client = app.client();
        assertThat(client.signIn(Accounts.create(db.database(), role), Accounts.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    @Test
    void aSignInAndAViewOfAKeyPageAreRecordedAsEventsAboutTheUser() {
        String email = Accounts.create(db.database(), Role.STUDENT);
        WebClient student = app.client();

        student.signIn(email, Accounts.PASSWORD);
        student.get("/dashboard");
        student.get("/settings");

        List<String> events = db.owner().withHandle(h -> h.createQuery("""
                select e.name || ' ' || coalesce(e.properties ->> 'method', e.properties ->> 'path') from analytics_events e
                  join users u on u.id = e.user_id where u.email = :email order by e.id
                """).bind("email", email).mapTo(String.class).list());
        assertThat(events).containsExactly("signin password", "page_view /dashboard");
    }

    @Test
    void anAdminOpensEveryTabAsAPageAndAsJson() throws IOException {
        WebClient admin = signedIn(Role.ADMIN);

        for (AnalyticsTab tab : AnalyticsTab.values()) {
            HttpResponse<String> page = admin.get("/admin/analytics/" + tab.slug() + "?from=2026-03-01&to=2026-03-10");
            HttpResponse<String> json = admin.get("/api/v1/admin/analytics/" + tab.slug() + "?from=2026-03-01&to=2026-03-10");

            assertThat(page.statusCode()).as(tab.slug()).isEqualTo(200);
            assertThat(page.body()).contains("data-analytics-api=\"/api/v1/admin/analytics/" + tab.slug())
                    .contains("class=\"data-table\"").contains("2026-02-19");
            assertThat(json.statusCode()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(json.body());
            assertThat(body.get("tab").asText()).isEqualTo(tab.slug());
            assertThat(body.get("previousFrom").asText()).isEqualTo("2026-02-19");
            assertThat(body.get("kpis")).isNotEmpty();
            assertThat(body.get("series").get(0).get("points")).hasSize(10);
        }
    }

    @Test
    void htmxGetsOnlyTheTabAndTheFullPageLinksTheOtherTabs() {
        WebClient admin = signedIn(Role.ADMIN);

        HttpResponse<String> fragment = admin.get("/admin/analytics/lessons", "HX-Request", "true");
        HttpResponse<String> page = admin.get("/admin/analytics");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html").contains("שיעור נוכחות");
        assertThat(page.body()).contains("<html").contains("/admin/analytics/ai").contains("/static/js/analytics.js")
                .contains("/webjars/chart.js/");
    }

    @Test
    void aTeacherGets403OnTheAnalyticsPagesAndApi() {
        WebClient teacher = signedIn(Role.TEACHER);

        assertThat(teacher.get("/admin/analytics").statusCode()).isEqualTo(403);
        assertThat(teacher.get("/admin/analytics/chat").statusCode()).isEqualTo(403);
        HttpResponse<String> api = teacher.get("/api/v1/admin/analytics/overview");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("\"error\":\"forbidden\"");
        assertThat(app.get("/admin/analytics").statusCode()).isEqualTo(303);
    }

    @Test
    void aBadDateRangeIsA400WithASentenceAndAnUnknownTabIs404() {
        WebClient admin = signedIn(Role.ADMIN);

        HttpResponse<String> page = admin.get("/admin/analytics/overview?from=2026-03-10&to=2026-03-01");
        HttpResponse<String> api = admin.get("/api/v1/admin/analytics/overview?from=31.3.2026");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("תאריך הסיום מוקדם מתאריך ההתחלה");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"error\":\"bad_range\"");
        assertThat(admin.get("/admin/analytics/sales").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/analytics/sales").statusCode()).isEqualTo(404);
    }
}
