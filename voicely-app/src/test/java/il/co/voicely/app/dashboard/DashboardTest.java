package il.co.voicely.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.gamification.events.LessonAttended;
import il.co.voicely.gamification.events.PracticeSession;
import il.co.voicely.gamification.streaks.Streaks;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The student dashboard against data with a known answer: Dana attended a lesson this month, has one booked
 * next week, practised yesterday and today (one freeze granted), and had two recordings analysed — 80 % on
 * G3–C5, then 91 % on F3–D5 — earning first lesson (1★), first recording (1★), 90 % accuracy (2★) and range
 * widened (2★): 6 stars. Eli has done nothing.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    private static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");

    private final TestDatabase db;
    private final TestApp app;
    private final UUID dana;
    private final UUID eli;
    private final UUID teacher;

    DashboardTest(TestDatabase db) {
        this.db = db;
        this.app = TestApp.start(db.database());
        Students students = new Students(db.database());
        teacher = students.create("teacher.dash@voicely.test", Role.TEACHER, "Tamar");
        students.create("other.teacher@voicely.test", Role.TEACHER, "Ofer");
        dana = students.create("dana@voicely.test", Role.STUDENT, "Dana");
        eli = students.create("eli@voicely.test", Role.STUDENT, "Eli");
        UUID past = students.lesson(teacher, dana, "Breathing basics", Students.earlyThisMonth(), "completed", "attended");
        students.lesson(teacher, dana, "Range and registers", Instant.now().plus(Duration.ofDays(7)), "scheduled", null);

        GamificationBridge bridge = new GamificationBridge(db.database());
        Instant yesterday = LocalDate.now(ISRAEL).minusDays(1).atTime(LocalTime.NOON).atZone(ISRAEL).toInstant();
        Instant now = Instant.now().minusSeconds(60);
        bridge.process(new LessonAttended(UUID.randomUUID(), dana, yesterday.minusSeconds(7200), past));
        bridge.recordingAnalysed(dana, UUID.randomUUID(), 196.0, 523.25, 80, yesterday.minusSeconds(3600));
        bridge.practised(dana, UUID.randomUUID(), Duration.ofMinutes(10), yesterday);
        bridge.recordingAnalysed(dana, UUID.randomUUID(), 174.61, 587.33, 91, now);
        new Streaks(db.database(), Clock.systemUTC()).grantFreezes(dana, 1);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyCardShowsTheStudentsOwnNumbers() {
        String page = signedIn("dana@voicely.test").get("/dashboard?lang=en").body();

        assertThat(value(page, "lessons-month")).isEqualTo("1");
        assertThat(value(page, "streak")).isEqualTo("2");
        assertThat(card(page, "streak")).contains("1 freeze left").contains("best 2");
        assertThat(value(page, "stars")).isEqualTo("6");
        assertThat(value(page, "recordings")).isEqualTo("2");
        assertThat(value(page, "accuracy")).isEqualTo("91");
        assertThat(card(page, "accuracy")).contains("<polyline").contains("+11 points");
        assertThat(value(page, "range")).isEqualTo("21");
        assertThat(card(page, "range")).contains("F3 – D5").contains("21 semitones");
        assertThat(card(page, "next-lesson")).contains("Range and registers");
        assertThat(page).doesNotContain("Where to start");
    }

    @Test
    void aNewStudentSeesZerosAndWhatToDoFirst() {
        String page = signedIn("eli@voicely.test").get("/dashboard?lang=en").body();

        assertThat(value(page, "stars")).isEqualTo("0");
        assertThat(value(page, "recordings")).isEqualTo("0");
        assertThat(value(page, "lessons-month")).isEqualTo("0");
        assertThat(page).contains("Where to start").contains("No lesson booked yet.")
                .contains("Appears after your first analysed recording.").doesNotContain("class=\"celebration\"");
    }

    @Test
    void aStudentReadingAnotherStudentsProgressGetsNothing() {
        AuthenticatedUser eliViewer = new AuthenticatedUser(eli, "eli@voicely.test", Set.of(Role.STUDENT), Role.STUDENT, "he",
                UUID.randomUUID(), true);

        StudentDashboard seen = new DashboardQueries(db.database(), Clock.systemUTC()).student(eliViewer, dana);

        assertThat(seen.stars()).isZero();
        assertThat(seen.recordings()).isZero();
        assertThat(seen.nextLesson()).isEmpty();
        assertThat(seen.accuracy()).isEmpty();
        assertThat(seen.ranges()).isEmpty();
        assertThat(seen.lessonsPerMonth()).containsOnly(0);
        assertThat(seen.practiceDays()).containsOnly(false);
        assertThat(seen.celebrations()).isEmpty();
        assertThat(seen.streak().currentDays()).isZero();
    }

    @Test
    void aCelebrationIsShownUntilSeenAndAnotherStudentCannotDismissIt() {
        WebClient danaClient = signedIn("dana@voicely.test");
        List<String> before = celebrations(danaClient.get("/dashboard").body());
        assertThat(before).isNotEmpty();
        String first = before.getFirst();

        WebClient eliClient = signedIn("eli@voicely.test");
        eliClient.get("/dashboard");
        assertThat(eliClient.post("/dashboard/celebrations/" + first + "/seen").statusCode()).isEqualTo(404);
        assertThat(celebrations(danaClient.get("/dashboard").body())).contains(first);

        HttpResponse<String> seen = danaClient.header("HX-Request", "true").post("/dashboard/celebrations/" + first + "/seen");
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).isEmpty();
        assertThat(celebrations(danaClient.get("/dashboard").body())).doesNotContain(first);
        assertThat(danaClient.post("/dashboard/celebrations/" + first + "/seen").statusCode()).isEqualTo(404);
    }

    @Test
    void dismissingWithoutTheAntiForgeryTokenIsRefused() {
        WebClient danaClient = signedIn("dana@voicely.test");
        String first = celebrations(danaClient.get("/dashboard").body()).getFirst();

        int status = danaClient.postRaw("/dashboard/celebrations/" + first + "/seen", java.util.Map.of()).statusCode();

        assertThat(status).isEqualTo(403);
        assertThat(celebrations(danaClient.get("/dashboard").body())).contains(first);
    }

    @Test
    void aTeacherGetsTheStaffDashboard() {
        String page = signedIn("teacher.dash@voicely.test").get("/dashboard?lang=en").body();

        assertThat(page).contains("Lessons you teach this month").contains("Range and registers")
                .doesNotContain("data-metric=\"stars\"");
    }

    @Test
    void aStudentSeesTheirProgressAsChartsWithDataTables() {
        String page = signedIn("dana@voicely.test").get("/progress?lang=en").body();

        assertThat(page).contains("data-chart=\"line\"").contains("data-chart=\"bar\"")
                .contains("/static/js/dashboard-progress.js").contains("chart.umd.min.js");
        String range = page.substring(page.indexOf("data-table=\"range\""), page.indexOf("data-table=\"accuracy\""));
        assertThat(range).contains("G3 – C5").contains("F3 – D5").contains("<td>17</td>").contains("<td>21</td>");
        assertThat(page.substring(page.indexOf("data-table=\"accuracy\""))).contains("80%").contains("91%");
        assertThat(page).contains("data-values=\"[80,91]\"");
    }

    @Test
    void aTeacherSeesTheirOwnStudentsProgressAndNobodyElseDoes() {
        assertThat(signedIn("teacher.dash@voicely.test").get("/students/" + dana + "/progress?lang=en").body())
                .contains("Dana").contains("F3 – D5");

        assertThat(signedIn("other.teacher@voicely.test").get("/students/" + dana + "/progress").statusCode()).isEqualTo(404);
        assertThat(signedIn("eli@voicely.test").get("/students/" + dana + "/progress").statusCode()).isEqualTo(404);
        assertThat(signedIn("teacher.dash@voicely.test").get("/students/" + UUID.randomUUID() + "/progress").statusCode()).isEqualTo(404);
        assertThat(signedIn("teacher.dash@voicely.test").get("/students/not-an-id/progress").statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardQueriesCanUseTheirIndexes() {
        // Tiny test tables are cheapest to scan; with scans priced out, the plan shows the index each query has.
        String events = plan("""
                select payload from gamification_events
                 where user_id = '%s' and type = 'recording.analysed' order by occurred_at desc limit 10
                """.formatted(dana));
        String nextLesson = plan("""
                select l.title from lesson_participants p join lessons l on l.id = p.lesson_id
                 where p.user_id = '%s' and p.status = 'enrolled' and l.status = 'scheduled' and l.starts_at > now()
                 order by l.starts_at limit 1
                """.formatted(dana));

        assertThat(events).contains("Index Scan Backward using gamification_events_user_type_idx").doesNotContain("Sort");
        assertThat(nextLesson).contains("lesson_participants_user_id_idx");
    }

    private String plan(String sql) {
        return db.owner().withHandle(h -> h.inTransaction(t -> {
            t.execute("set local enable_seqscan = off");
            return String.join("\n", t.createQuery("explain " + sql).mapTo(String.class).list());
        }));
    }

    private WebClient signedIn(String email) {
        WebClient client = app.client();
        assertThat(client.signIn(email, Students.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    static String card(String page, String metric) {
        int start = page.indexOf("data-metric=\"" + metric + "\"");
        assertThat(start).as("card " + metric).isNotNegative();
        int end = page.indexOf("</article>", start);
        return page.substring(start, end);
    }

    static String value(String page, String metric) {
        Matcher m = Pattern.compile("data-value=\"([^\"]*)\"").matcher(card(page, metric));
        assertThat(m.find()).as("value of " + metric).isTrue();
        return m.group(1);
    }

    private static List<String> celebrations(String page) {
        return Pattern.compile("data-celebration=\"([^\"]+)\"").matcher(page).results().map(r -> r.group(1)).toList();
    }
}
