package il.co.voicely.app.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LessonsWebTest {

    static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");
    private static final Pattern LESSON = Pattern.compile("/lessons/([0-9a-f-]{36})");
    private static final Pattern JOIN = Pattern.compile("/join/([A-Za-z0-9_-]+)\"");

    private final Database database;
    private final TestApp app;
    private final Accounts accounts;

    LessonsWebTest(Database database) {
        this.database = database;
        this.app = TestApp.start(database);
        this.accounts = new Accounts(database, app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Schedules through the form; returns the first lesson's id. */
    static UUID schedule(WebClient teacher, String title, LocalDateTime start, String... more) {
        teacher.get("/lessons/new");
        String[] fields = {"title", title, "kind", "group", "date", start.toLocalDate().toString(),
                "time", start.toLocalTime().toString(), "duration", "45", "capacity", "1", "place", "Studio 2"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(fields), java.util.Arrays.stream(more)).toArray(String[]::new);
        HttpResponse<String> created = teacher.post("/lessons/new", all);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        Matcher m = LESSON.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return UUID.fromString(m.group(1));
    }

    static String joinCode(WebClient teacher, UUID lesson) {
        Matcher m = JOIN.matcher(teacher.get("/lessons/" + lesson).body());
        assertThat(m.find()).as("join link on the teacher's lesson page").isTrue();
        return m.group(1);
    }

    private static LocalDateTime nextWeekAt(int hour) {
        return LocalDate.now(ISRAEL).plusDays(7).atTime(hour, 0);
    }

    @Test
    void teacherSchedulesAWeeklyGroupLessonStudentsJoinByLinkAndTheTeacherMarksAttendance() {
        UUID teacherId = accounts.create("Michal Levi", Role.TEACHER);
        UUID noaId = accounts.create("Noa Cohen", Role.STUDENT);
        UUID yonatanId = accounts.create("Yonatan Avraham", Role.STUDENT);
        WebClient teacher = accounts.signedIn(teacherId);
        LocalDateTime start = nextWeekAt(18);

        UUID lesson = schedule(teacher, "Juniors choir", start, "repeat", "weekly", "days", start.getDayOfWeek().name(),
                "end", "count", "count", "3");
        String code = joinCode(teacher, lesson);

        WebClient noa = accounts.signedIn(noaId);
        assertThat(noa.get("/join/" + code).body()).contains("Join by invitation");
        HttpResponse<String> joined = noa.post("/join/" + code);
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location")).hasValue("/lessons/" + lesson + "?joined=enrolled");
        assertThat(noa.get("/lessons/" + lesson).body()).contains("You have a place").contains("Michal Levi");

        WebClient yonatan = accounts.signedIn(yonatanId);
        yonatan.get("/join/" + code);
        yonatan.post("/join/" + code);
        assertThat(yonatan.get("/lessons/" + lesson).body()).contains("On the waiting list, number 1");

        String teacherView = teacher.get("/lessons/" + lesson).body();
        assertThat(teacherView).contains("Noa Cohen").contains("Yonatan Avraham").contains("1 / 1");
        HttpResponse<String> marked = teacher.header("HX-Request", "true")
                .post("/lessons/" + lesson + "/attendance", "student", noaId.toString(), "mark", "LATE");
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.body()).startsWith("<li class=\"participant\"").contains("value=\"LATE\"\n                aria-pressed=\"true\"");
        teacher.header("HX-Request", "true").post("/lessons/" + lesson + "/attendance", "student", noaId.toString(), "mark", "ATTENDED");
        int held = database.inContext(SessionContext.system(), h -> h.createQuery(
                        "select count(*) from analytics_events where name = 'lesson_held' and properties ->> 'lesson_id' = :lesson")
                .bind("lesson", lesson.toString()).mapTo(Integer.class).one());
        assertThat(held).as("the lesson was held once, however often attendance is marked").isEqualTo(1);

        String calendar = teacher.get("/lessons?view=month&from=" + start.toLocalDate()).body();
        assertThat(calendar).containsOnlyOnce("/lessons/" + lesson + "\"");
        assertThat(teacher.get("/lessons?view=agenda&from=" + start.toLocalDate()).body().split("Juniors choir", -1))
                .as("three weekly occurrences in the four-week agenda").hasSize(4);
        assertThat(noa.get("/lessons?from=" + start.toLocalDate()).body()).contains("Juniors choir").contains("18:00–18:45");
    }

    @Test
    void aStudentCannotMarkAttendance() {
        UUID teacherId = accounts.create("Teacher A", Role.TEACHER);
        UUID studentId = accounts.create("Student A", Role.STUDENT);
        WebClient teacher = accounts.signedIn(teacherId);
        UUID lesson = schedule(teacher, "Breathing", nextWeekAt(10));
        WebClient student = accounts.signedIn(studentId);
        student.get("/join/" + joinCode(teacher, lesson));
        student.post("/join/" + joinCode(teacher, lesson));
        student.get("/lessons/" + lesson);

        HttpResponse<String> refused = student.post("/lessons/" + lesson + "/attendance", "student", studentId.toString(), "mark", "ATTENDED");

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aStudentGets404ForALessonTheyCannotSee() {
        UUID teacherId = accounts.create("Teacher B", Role.TEACHER);
        UUID studentId = accounts.create("Student B", Role.STUDENT);
        UUID lesson = schedule(accounts.signedIn(teacherId), "Private coaching", nextWeekAt(11));

        WebClient student = accounts.signedIn(studentId);

        assertThat(student.get("/lessons/" + lesson).statusCode()).isEqualTo(404);
        assertThat(student.get("/lessons/not-a-lesson").statusCode()).isEqualTo(404);
    }

    @Test
    void aClashingLessonIsRefusedBesideTheTimeNamingTheOtherLesson() {
        WebClient teacher = accounts.signedIn(accounts.create("Teacher C", Role.TEACHER));
        LocalDateTime start = nextWeekAt(12);
        schedule(teacher, "Range and transitions", start);

        teacher.get("/lessons/new");
        HttpResponse<String> clash = teacher.post("/lessons/new", "title", "Another", "kind", "private", "date",
                start.toLocalDate().toString(), "time", start.plusMinutes(30).toLocalTime().toString(), "duration", "20");

        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("id=\"time-error\"").contains("You already teach \"Range and transitions\"")
                .contains("value=\"Another\"");
    }

    @Test
    void badInputIsExplainedBesideEachField() {
        WebClient teacher = accounts.signedIn(accounts.create("Teacher D", Role.TEACHER));
        teacher.get("/lessons/new");

        HttpResponse<String> bad = teacher.post("/lessons/new", "title", "", "kind", "group", "date", "tomorrow", "time", "",
                "duration", "30", "meetingUrl", "zoom");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Give the lesson a title").contains("Choose a date.").contains("Choose a time.")
                .contains("A lesson lasts 20, 45 or 60 minutes.").contains("The online link must start with https://");
    }

    @Test
    void aStudentCannotOpenTheSchedulingForm() {
        WebClient student = accounts.signedIn(accounts.create("Student E", Role.STUDENT));

        assertThat(student.get("/lessons/new").statusCode()).isEqualTo(403);
    }

    @Test
    void leavingAfterTheCutOffIsRefusedInPlainLanguage() {
        UUID teacherId = accounts.create("Teacher F", Role.TEACHER);
        UUID studentId = accounts.create("Student F", Role.STUDENT);
        WebClient teacher = accounts.signedIn(teacherId);
        LocalDateTime soon = LocalDateTime.now(ISRAEL).plusHours(3).withMinute(0).withSecond(0).withNano(0);
        UUID lesson = schedule(teacher, "Soon", soon);
        WebClient student = accounts.signedIn(studentId);
        String code = joinCode(teacher, lesson);
        student.get("/join/" + code);
        student.post("/join/" + code);
        student.get("/lessons/" + lesson);

        HttpResponse<String> refused = student.post("/lessons/" + lesson + "/leave");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("It is too late to leave this lesson: leaving was possible until");
        assertThat(student.get("/lessons/" + lesson).body()).contains("You have a place");
    }

    @Test
    void anUnknownJoinLinkSaysSo() {
        WebClient student = accounts.signedIn(accounts.create("Student G", Role.STUDENT));
        student.get("/join/NOPE1234");

        HttpResponse<String> unknown = student.post("/join/NOPE1234");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This join link does not work any more.");
    }

    @Test
    void aJoinLinkSendsAStrangerToSignInAndBack() {
        HttpResponse<String> anonymous = app.client().get("/join/ABCD1234");

        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/sign-in?next=%2Fjoin%2FABCD1234");
    }

    @Test
    void theCalendarFeedIsServedAsICalendarAndParsesBack() throws Exception {
        UUID teacherId = accounts.create("Teacher H", Role.TEACHER);
        WebClient teacher = accounts.signedIn(teacherId);
        LocalDateTime start = nextWeekAt(16);
        schedule(teacher, "Feed lesson", start, "repeat", "weekly", "end", "count", "count", "2");
        teacher.get("/lessons");

        HttpResponse<String> created = teacher.post("/lessons/feed");
        Matcher m = Pattern.compile("/ics/([A-Za-z0-9_-]{20,})").matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        HttpResponse<String> feed = app.get("/ics/" + m.group(1));

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar").containsIgnoringCase("charset=utf-8"));
        Calendar parsed = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(parsed.<VEvent>getComponents("VEVENT")).hasSize(2)
                .allSatisfy(e -> assertThat(e.getSummary().getValue()).isEqualTo("Feed lesson"));
        assertThat(app.get("/ics/not-a-token").statusCode()).isEqualTo(404);

        teacher.get("/lessons");
        teacher.post("/lessons/feed");
        assertThat(app.get("/ics/" + m.group(1)).statusCode()).as("a replaced address stops working").isEqualTo(404);
    }

    @Test
    void theCalendarPageIsInHebrewByDefault() {
        WebClient teacher = accounts.signedIn(accounts.create("Teacher I", Role.TEACHER));
        schedule(teacher, "Hebrew day", nextWeekAt(9));

        String hebrew = teacher.get("/lessons?lang=he&from=" + nextWeekAt(9).toLocalDate()).body();

        assertThat(hebrew).contains("dir=\"rtl\"").contains("מערכת השיעורים שלי")
                .contains(nextWeekAt(9).toLocalDate().format(DateTimeFormatter.ofPattern("EEEE, d MMMM", java.util.Locale.forLanguageTag("he"))));
    }

    @Test
    void theTeacherMovesOrCancelsOneOccurrenceAndTheOthersStay() {
        WebClient teacher = accounts.signedIn(accounts.create("Teacher J", Role.TEACHER));
        LocalDateTime start = nextWeekAt(14);
        UUID first = schedule(teacher, "Weekly warm-up", start, "repeat", "weekly", "end", "count", "count", "2");
        UUID other = schedule(teacher, "Other lesson", start.plusDays(1));

        teacher.get("/lessons/" + first);
        HttpResponse<String> clash = teacher.post("/lessons/" + first + "/reschedule",
                "date", start.plusDays(1).toLocalDate().toString(), "time", "14:15");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("You already teach \"Other lesson\" at that time.");

        assertThat(teacher.post("/lessons/" + first + "/reschedule", "date", start.toLocalDate().toString(), "time", "15:00")
                .statusCode()).isEqualTo(303);
        assertThat(teacher.get("/lessons/" + first).body()).contains("15:00–15:45");
        assertThat(teacher.post("/lessons/" + other + "/cancel").statusCode()).isEqualTo(303);
        assertThat(teacher.get("/lessons/" + other).body()).contains("This lesson was cancelled.");

        String agenda = teacher.get("/lessons?from=" + start.toLocalDate()).body();
        assertThat(agenda.split("Weekly warm-up", -1)).as("both occurrences still listed").hasSize(3);
        assertThat(agenda).contains("lesson-line cancelled\" href=\"/lessons/" + other);
    }

    @Test
    void twoStudentsRacingForTheLastPlaceOneGetsItTheOtherWaits() throws Exception {
        WebClient teacher = accounts.signedIn(accounts.create("Teacher K", Role.TEACHER));
        UUID lesson = schedule(teacher, "Last place", nextWeekAt(20));
        String code = joinCode(teacher, lesson);
        WebClient first = accounts.signedIn(accounts.create("Racer One", Role.STUDENT));
        WebClient second = accounts.signedIn(accounts.create("Racer Two", Role.STUDENT));
        first.get("/join/" + code);
        second.get("/join/" + code);

        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var a = threads.submit(() -> first.post("/join/" + code));
            var b = threads.submit(() -> second.post("/join/" + code));
            assertThat(java.util.List.of(a.get().headers().firstValue("Location").orElseThrow(),
                    b.get().headers().firstValue("Location").orElseThrow()))
                    .containsExactlyInAnyOrder("/lessons/" + lesson + "?joined=enrolled", "/lessons/" + lesson + "?joined=waitlisted");
        }
        assertThat(teacher.get("/lessons/" + lesson).body()).contains("1 / 1").contains("Waiting list, number 1");
    }
}
