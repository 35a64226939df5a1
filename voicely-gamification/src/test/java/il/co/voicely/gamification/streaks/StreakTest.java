package il.co.voicely.gamification.streaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreakTest {

    private static final UUID USER = UUID.randomUUID();
    private static final LocalDate MON = LocalDate.parse("2026-06-01");

    private static Streak run(int current, LocalDate last, int freezes) {
        return new Streak(USER, current, current, Optional.of(last), freezes);
    }

    @Test
    void firstPracticeStartsARunOfOne() {
        assertThat(Streak.none(USER).practisedOn(MON)).isEqualTo(new Streak(USER, 1, 1, Optional.of(MON), 0));
    }

    @Test
    void practiceTheNextDayExtendsTheRun() {
        assertThat(run(4, MON, 0).practisedOn(MON.plusDays(1)).currentDays()).isEqualTo(5);
    }

    @Test
    void practiceTwiceADayOrLateForAnEarlierDayChangesNothing() {
        Streak s = run(4, MON, 1);
        assertThat(s.practisedOn(MON)).isEqualTo(s);
        assertThat(s.practisedOn(MON.minusDays(3))).isEqualTo(s);
    }

    @Test
    void aMissedDayRestartsTheRunWithoutAFreezeAndKeepsTheLongest() {
        Streak after = run(6, MON, 0).practisedOn(MON.plusDays(2));
        assertThat(after.currentDays()).isEqualTo(1);
        assertThat(after.longestDays()).isEqualTo(6);
    }

    @Test
    void aMissedDayIsBridgedByConsumingAFreeze() {
        Streak after = run(6, MON, 1).practisedOn(MON.plusDays(2));
        assertThat(after.currentDays()).isEqualTo(7);
        assertThat(after.freezesAvailable()).isZero();
    }

    @Test
    void twoMissedDaysNeedTwoFreezesAndOneIsNotEnough() {
        assertThat(run(6, MON, 2).practisedOn(MON.plusDays(3))).extracting(Streak::currentDays, Streak::freezesAvailable)
                .containsExactly(7, 0);
        assertThat(run(6, MON, 1).practisedOn(MON.plusDays(3))).extracting(Streak::currentDays, Streak::freezesAvailable)
                .containsExactly(1, 1);
    }

    @Test
    void theDashboardShowsARunAsAliveUntilItCanNoLongerBeContinued() {
        Streak s = run(5, MON, 1);
        assertThat(s.currentDaysOn(MON)).isEqualTo(5);
        assertThat(s.currentDaysOn(MON.plusDays(1))).isEqualTo(5);
        assertThat(s.currentDaysOn(MON.plusDays(2))).isEqualTo(5);
        assertThat(s.currentDaysOn(MON.plusDays(3))).isZero();
    }
}
