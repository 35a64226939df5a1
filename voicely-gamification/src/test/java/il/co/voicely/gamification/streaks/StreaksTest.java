package il.co.voicely.gamification.streaks;

import static il.co.voicely.gamification.Fixtures.israel;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import il.co.voicely.gamification.Fixtures;
import il.co.voicely.gamification.MutableClock;
import il.co.voicely.gamification.events.PracticeSession;
import il.co.voicely.gamification.rules.AchievementEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streak days are local days in the student's zone, recorded through the engine as in production. */
@ExtendWith(PostgresExtension.class)
class StreaksTest {

    private static Streak practise(TestDatabase t, UUID student, Instant... times) {
        AchievementEngine engine = new AchievementEngine(t.database());
        Streak last = null;
        for (Instant at : times) {
            last = engine.process(new PracticeSession(UUID.randomUUID(), student, at, Duration.ofMinutes(15))).streak().orElseThrow();
        }
        return last;
    }

    @Test
    void twentyThreeFiftyNineAndZeroZeroOneLocalAreTwoDays(TestDatabase t) {
        UUID student = Fixtures.student(t, "A");

        Streak s = practise(t, student, israel("2026-06-01T23:59"), israel("2026-06-02T00:01"));

        assertThat(s.currentDays()).isEqualTo(2);
        assertThat(s.lastDay()).contains(LocalDate.parse("2026-06-02"));
    }

    @Test
    void zeroZeroOneAndTwentyThreeFiftyNineLocalAreOneDay(TestDatabase t) {
        UUID student = Fixtures.student(t, "B");

        // 23:58 apart, but one Israeli day; in UTC (21:01 the day before .. 20:59) also two UTC dates.
        Streak s = practise(t, student, israel("2026-06-02T00:01"), israel("2026-06-02T23:59"));

        assertThat(s.currentDays()).isEqualTo(1);
    }

    @Test
    void daysFollowTheStudentsOwnTimeZone(TestDatabase t) {
        UUID student = Fixtures.student(t, "C", null, false, "America/New_York");

        // 23:30 and 01:00 New York time are two days there, but both fall on 2026-06-02 in Israel.
        Streak s = practise(t, student, Instant.parse("2026-06-02T03:30:00Z"), Instant.parse("2026-06-02T05:00:00Z"));

        assertThat(s.currentDays()).isEqualTo(2);
        assertThat(s.lastDay()).contains(LocalDate.parse("2026-06-02"));
    }

    @Test
    void springForwardInIsraelKeepsMidnightAsTheBoundary(TestDatabase t) {
        UUID student = Fixtures.student(t, "D");
        // Israel moves to summer time on Friday 2026-03-27 at 02:00 (the Friday before the last Sunday of
        // March). 00:30 on the 28th is 21:30Z on the 27th: a fixed +02:00 offset would call it the 27th.
        Instant friday = israel("2026-03-27T00:30");
        Instant saturday = israel("2026-03-28T00:30");
        assertThat(Duration.between(friday, saturday)).isEqualTo(Duration.ofHours(23));

        Streak s = practise(t, student, israel("2026-03-26T12:00"), friday, saturday, israel("2026-03-28T23:45"));

        assertThat(s.currentDays()).isEqualTo(3);
        assertThat(s.lastDay()).contains(LocalDate.parse("2026-03-28"));
    }

    @Test
    void fallBackInIsraelMakesSunday25HoursLongAndStillOneDay(TestDatabase t) {
        UUID student = Fixtures.student(t, "E");
        // Summer time ends on the last Sunday of October, 2026-10-25 at 02:00 (clocks go back to 01:00).
        Instant early = israel("2026-10-25T00:30");
        Instant late = israel("2026-10-25T23:45");
        assertThat(Duration.between(early, late)).isEqualTo(Duration.ofHours(24).plusMinutes(15));

        Streak s = practise(t, student, israel("2026-10-24T20:00"), early, late);

        assertThat(s.currentDays()).isEqualTo(2);
        assertThat(s.lastDay()).contains(LocalDate.parse("2026-10-25"));
    }

    @Test
    void aFreezeIsConsumedByAMissedDay(TestDatabase t) {
        UUID student = Fixtures.student(t, "F");
        Streaks streaks = new Streaks(t.database(), new MutableClock(israel("2026-06-04T12:00")));
        practise(t, student, israel("2026-06-01T10:00"), israel("2026-06-02T10:00"));
        assertThat(streaks.grantFreezes(student, 1).freezesAvailable()).isEqualTo(1);

        Streak s = practise(t, student, israel("2026-06-04T10:00"));

        assertThat(s.currentDays()).isEqualTo(3);
        assertThat(s.freezesAvailable()).isZero();
    }

    @Test
    void withoutAFreezeAMissedDayRestartsTheRun(TestDatabase t) {
        UUID student = Fixtures.student(t, "G");

        Streak s = practise(t, student, israel("2026-06-01T10:00"), israel("2026-06-02T10:00"), israel("2026-06-04T10:00"));

        assertThat(s.currentDays()).isEqualTo(1);
        assertThat(s.longestDays()).isEqualTo(2);
    }

    @Test
    void theStudentSeesTheirRunAsBrokenOnceItCanNoLongerContinue(TestDatabase t) {
        UUID student = Fixtures.student(t, "H");
        practise(t, student, israel("2026-06-01T10:00"), israel("2026-06-02T22:00"));
        MutableClock clock = new MutableClock(israel("2026-06-03T23:59"));
        Streaks streaks = new Streaks(t.database(), clock);
        SessionContext self = SessionContext.user(student, Role.STUDENT);

        assertThat(streaks.current(self, student).currentDays()).isEqualTo(2);
        clock.set(israel("2026-06-04T00:01"));
        assertThat(streaks.current(self, student).currentDays()).isZero();
        assertThat(streaks.current(self, student).longestDays()).isEqualTo(2);
    }

    @Test
    void freezesAreCappedAtTen(TestDatabase t) {
        UUID student = Fixtures.student(t, "I");
        Streaks streaks = new Streaks(t.database(), new MutableClock(Instant.EPOCH));

        streaks.grantFreezes(student, 7);

        assertThat(streaks.grantFreezes(student, 7).freezesAvailable()).isEqualTo(Streak.MAX_FREEZES);
        assertThat(ZoneId.of("Asia/Jerusalem")).isEqualTo(Streaks.DEFAULT_ZONE);
    }
}
