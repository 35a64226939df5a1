package il.co.voicely.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import il.co.voicely.core.analytics.TabReport.Kpi;
import il.co.voicely.core.analytics.TabReport.Point;
import il.co.voicely.core.analytics.TabReport.Row;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every tab against a small school whose answers are counted by hand: the range is 1–10 March 2026
 * (Israel time), the previous period 19–28 February.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsReportsTest {

    static final ZoneId ISRAEL = ZoneId.of("Asia/Jerusalem");
    static final DateRange MARCH = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), ISRAEL);

    private final AnalyticsReports reports;
    private final SessionContext admin;

    AnalyticsReportsTest(TestDatabase db) {
        this.reports = new AnalyticsReports(db.database());
        UUID adminId = UUID.randomUUID();
        this.admin = SessionContext.user(adminId, Role.ADMIN);
        db.owner().useHandle(h -> h.createScript(SchoolFixture.sql(adminId)).execute());
    }

    private TabReport report(AnalyticsTab tab) {
        return reports.report(admin, tab, MARCH);
    }

    private static void assertKpi(TabReport report, String key, double current, double previous) {
        Kpi kpi = report.kpi(key).orElseThrow(() -> new AssertionError("no figure " + key));
        assertThat(kpi.current()).as(key + " now").hasValueSatisfying(v -> assertThat(v).isCloseTo(current, within(0.05)));
        assertThat(kpi.previous()).as(key + " before").hasValueSatisfying(v -> assertThat(v).isCloseTo(previous, within(0.05)));
    }

    @Test
    void overviewCountsActiveStudentsLeadsBookingsLessonsAndSignInsAgainstThePreviousPeriod() {
        TabReport overview = report(AnalyticsTab.OVERVIEW);

        assertKpi(overview, "active_students", 2, 1);
        assertKpi(overview, "new_leads", 2, 1);
        assertKpi(overview, "bookings", 1, 0);
        assertKpi(overview, "lessons_held", 2, 1);
        assertKpi(overview, "signins", 2, 1);
        assertThat(overview.kpi("lessons_held").orElseThrow().changePercent()).hasValueSatisfying(p -> assertThat(p).isCloseTo(100, within(0.01)));
        List<Point> signins = overview.series("signins").orElseThrow().points();
        assertThat(signins).hasSize(10);
        assertThat(signins).filteredOn(p -> p.value() > 0).extracting(Point::day)
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5));
        assertThat(overview.ranking("top_pages").orElseThrow().rows()).containsExactly(new Row("/", 1));
    }

    @Test
    void studentsTabFindsNewActiveAndAtRiskStudents() {
        TabReport students = report(AnalyticsTab.STUDENTS);

        assertKpi(students, "new_students", 1, 1);
        assertKpi(students, "active_students", 2, 1);
        assertKpi(students, "practice_recordings", 2, 1);
        assertKpi(students, "at_risk_students", 1, 1);
        assertThat(students.ranking("at_risk_students").orElseThrow().rows()).extracting(Row::label).containsExactly("Idle Student");
    }

    @Test
    void lessonsTabMeasuresAttendanceNoShowsCapacityAndLessonsPerTeacher() {
        TabReport lessons = report(AnalyticsTab.LESSONS);

        assertKpi(lessons, "lessons_held", 2, 1);
        assertKpi(lessons, "lessons_cancelled", 1, 0);
        assertKpi(lessons, "attendance_rate", 66.7, 100);
        assertKpi(lessons, "no_shows", 1, 0);
        assertKpi(lessons, "capacity_used", 75, 25);
        assertThat(lessons.ranking("lessons_per_teacher").orElseThrow().rows()).containsExactly(new Row("Dana Teacher", 2));
    }

    @Test
    void chatTabSplitsBotFromHumanAndTimesFirstResponseAndResolution() {
        TabReport chat = report(AnalyticsTab.CHAT);

        assertKpi(chat, "conversations", 2, 0);
        assertKpi(chat, "bot_only", 1, 0);
        assertKpi(chat, "human_handled", 1, 0);
        assertThat(chat.kpi("first_response_minutes").orElseThrow().current()).hasValueSatisfying(v -> assertThat(v).isCloseTo(7, within(0.01)));
        assertThat(chat.kpi("first_response_minutes").orElseThrow().previous()).isEmpty();
        assertThat(chat.kpi("resolution_minutes").orElseThrow().current()).hasValueSatisfying(v -> assertThat(v).isCloseTo(60, within(0.01)));
        assertKpi(chat, "leads_from_chat", 1, 0);
        assertThat(chat.ranking("conversations_by_channel").orElseThrow().rows())
                .containsExactly(new Row("whatsapp", 1), new Row("widget", 1));
    }

    @Test
    void recordingsTabCountsAnalysisOutcomesAndAveragesScores() {
        TabReport recordings = report(AnalyticsTab.RECORDINGS);

        assertKpi(recordings, "recordings", 3, 1);
        assertKpi(recordings, "analysed", 1, 0);
        assertKpi(recordings, "failed", 1, 0);
        assertThat(recordings.kpi("average_score").orElseThrow().current()).hasValueSatisfying(v -> assertThat(v).isCloseTo(65, within(0.01)));
        assertThat(recordings.ranking("score_distribution").orElseThrow().rows())
                .containsExactly(new Row("80-100", 1), new Row("0-59", 1));
    }

    @Test
    void aiTabCountsSearchesZeroResultsTopQueriesTokensAndCost() {
        TabReport ai = report(AnalyticsTab.AI);

        assertKpi(ai, "searches", 3, 0);
        assertKpi(ai, "zero_result_searches", 2, 0);
        assertKpi(ai, "assistant_calls", 2, 0);
        assertThat(ai.kpi("tokens").orElseThrow().current()).hasValue(350.0);
        assertKpi(ai, "cost_usd", 0.03, 0);
        assertThat(ai.ranking("top_queries").orElseThrow().rows()).containsExactly(new Row("breathing", 2), new Row("vibrato", 1));
        assertThat(ai.ranking("zero_result_queries").orElseThrow().rows()).containsExactly(new Row("breathing", 1), new Row("vibrato", 1));
    }

    @Test
    void someoneWhoIsNotAnAdminSeesNoEvents() {
        TabReport asStudent = reports.report(SessionContext.user(UUID.randomUUID(), Role.STUDENT), AnalyticsTab.OVERVIEW, MARCH);

        assertThat(asStudent.kpi("signins").flatMap(Kpi::current)).isEqualTo(Optional.of(0.0));
    }
}
