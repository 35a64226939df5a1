package il.co.voicely.gamification.leaderboard;

import static il.co.voicely.gamification.Fixtures.israel;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.gamification.Fixtures;
import il.co.voicely.gamification.MutableClock;
import il.co.voicely.gamification.events.ExerciseCompleted;
import il.co.voicely.gamification.events.LessonAttended;
import il.co.voicely.gamification.rules.AchievementEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scores are stars earned in the period: "first lesson" gives 1, an exercise scored 60 gives 1 star,
 * one scored 95 gives 3.
 */
@ExtendWith(PostgresExtension.class)
class LeaderboardsTest {

    /** Monday of the Israeli week that started on Sunday 2026-06-14. */
    private static final Instant NOW = israel("2026-06-15T12:00");

    private TestDatabase t;
    private AchievementEngine engine;
    private MutableClock clock;
    private Leaderboards boards;

    @BeforeEach
    void freshSchool(TestDatabase t) {
        this.t = t;
        t.owner().useHandle(h -> h.execute("delete from users; delete from leaderboards"));
        engine = new AchievementEngine(t.database());
        clock = new MutableClock(NOW);
        boards = new Leaderboards(t.database(), clock);
    }

    private UUID student(String name) {
        return Fixtures.student(t, name);
    }

    private void lesson(UUID student, Instant at) {
        engine.process(new LessonAttended(UUID.randomUUID(), student, at, UUID.randomUUID()));
    }

    private void exercise(UUID student, Instant at, double score) {
        engine.process(new ExerciseCompleted(UUID.randomUUID(), student, at, Fixtures.exercise(t), score));
    }

    private static List<String> rows(Board board) {
        return board.standings().stream()
                .map(s -> s.rank() + " " + s.displayName().orElse("?") + " " + s.score().stripTrailingZeros().toPlainString())
                .toList();
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        UUID carmel = student("Carmel");
        UUID dana = student("Dana");
        UUID eli = student("Eli");
        UUID fay = student("Fay");
        exercise(carmel, NOW, 95);
        lesson(dana, NOW);
        exercise(dana, NOW, 60);
        lesson(eli, NOW);
        exercise(eli, NOW, 60);
        lesson(fay, NOW);

        Board board = boards.recompute(Period.WEEKLY, Optional.empty());

        assertThat(rows(board)).containsExactly("1 Carmel 3", "2 Dana 2", "2 Eli 2", "4 Fay 1");
        assertThat(board.start()).contains(LocalDate.parse("2026-06-14"));
        assertThat(board.end()).contains(LocalDate.parse("2026-06-20"));
    }

    @Test
    void studentsWhoOptedOutAreLeftOutAndDoNotTakeARank() {
        UUID hidden = Fixtures.student(t, "Gil", null, true, "Asia/Jerusalem");
        UUID shown = student("Hadar");
        exercise(hidden, NOW, 95);
        lesson(shown, NOW);

        Board board = boards.recompute(Period.WEEKLY, Optional.empty());

        assertThat(rows(board)).containsExactly("1 Hadar 1");
        assertThat(board.standings()).extracting(Standing::userId).doesNotContain(hidden);
    }

    @Test
    void studentsUnder18OnThePeriodsFirstDayAreHidden() {
        LocalDate sunday = LocalDate.parse("2026-06-14");
        UUID eighteenThatSunday = Fixtures.student(t, "Inbal", sunday.minusYears(18), false, "Asia/Jerusalem");
        UUID eighteenOnMonday = Fixtures.student(t, "Yoni", sunday.minusYears(18).plusDays(1), false, "Asia/Jerusalem");
        UUID child = Fixtures.student(t, "Kid", LocalDate.parse("2014-01-01"), false, "Asia/Jerusalem");
        for (UUID s : List.of(eighteenThatSunday, eighteenOnMonday, child)) {
            lesson(s, NOW);
        }

        Board board = boards.recompute(Period.WEEKLY, Optional.empty());

        assertThat(rows(board)).containsExactly("1 Inbal 1");
    }

    @Test
    void theWeekStartsOnSundayAtMidnightIsraelTime() {
        UUID late = student("Saturday night");
        UUID early = student("Sunday midnight");
        // Both instants are on 2026-06-13 in UTC; only Israel time puts the second in the new week.
        lesson(late, israel("2026-06-13T23:59:59"));
        lesson(early, israel("2026-06-14T00:00"));

        Board thisWeek = boards.recompute(Period.WEEKLY, Optional.empty());
        clock.set(israel("2026-06-13T23:59:59"));
        Board lastWeek = boards.recompute(Period.WEEKLY, Optional.empty());

        assertThat(rows(thisWeek)).containsExactly("1 Sunday midnight 1");
        assertThat(rows(lastWeek)).containsExactly("1 Saturday night 1");
        assertThat(lastWeek.start()).contains(LocalDate.parse("2026-06-07"));
        assertThat(lastWeek.id()).isNotEqualTo(thisWeek.id());
    }

    @Test
    void monthlyAndAllTimeBoardsCoverTheirPeriods() {
        UUID may = student("May");
        UUID june = student("June");
        exercise(may, israel("2026-05-31T23:30"), 95);
        lesson(june, israel("2026-06-01T00:30"));

        Board month = boards.recompute(Period.MONTHLY, Optional.empty());
        Board allTime = boards.recompute(Period.ALL_TIME, Optional.empty());

        assertThat(rows(month)).containsExactly("1 June 1");
        assertThat(month.start()).contains(LocalDate.parse("2026-06-01"));
        assertThat(rows(allTime)).containsExactly("1 May 3", "2 June 1");
        assertThat(allTime.start()).isEmpty();
    }

    @Test
    void aGroupBoardRanksOnlyItsMembersAndOnlyTheyMayReadIt() {
        UUID member = student("Member");
        UUID other = student("Outsider");
        UUID group = Fixtures.group(t, member);
        lesson(member, NOW);
        exercise(other, NOW, 95);

        Board board = boards.recompute(Period.WEEKLY, Optional.of(group));

        assertThat(rows(board)).containsExactly("1 Member 1");
        assertThat(boards.read(SessionContext.user(member, Role.STUDENT), Period.WEEKLY, Optional.of(group)))
                .map(LeaderboardsTest::rows).contains(List.of("1 Member 1"));
        assertThat(boards.read(SessionContext.user(other, Role.STUDENT), Period.WEEKLY, Optional.of(group))).isEmpty();
    }

    @Test
    void recomputingReplacesTheStoredBoardWhichStudentsRead() {
        UUID a = student("Alon");
        UUID b = student("Bar");
        lesson(a, NOW);
        Board first = boards.recompute(Period.WEEKLY, Optional.empty());
        exercise(b, NOW, 95);
        clock.set(NOW.plusSeconds(60));

        Board second = boards.recompute(Period.WEEKLY, Optional.empty());
        Optional<Board> seen = boards.read(SessionContext.user(a, Role.STUDENT), Period.WEEKLY, Optional.empty());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(seen).map(LeaderboardsTest::rows).contains(List.of("1 Bar 3", "2 Alon 1"));
        assertThat(seen.orElseThrow().computedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(seen.orElseThrow().standings().get(0).score()).isEqualByComparingTo(BigDecimal.valueOf(3));
        assertThat(boards.read(SessionContext.anonymous(), Period.WEEKLY, Optional.empty())).isEmpty();
    }
}
