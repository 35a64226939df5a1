package il.co.voicely.gamification.leaderboard;

import static il.co.voicely.gamification.Fixtures.ISRAEL;
import static il.co.voicely.gamification.Fixtures.israel;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void theIsraeliWeekRunsFromSundayMidnightAndIsAnHourShortWhenSummerTimeStarts() {
        Period.Range week = Period.WEEKLY.rangeAt(israel("2026-03-27T12:00"), ISRAEL);

        assertThat(week.start()).isEqualTo(LocalDate.parse("2026-03-22"));
        assertThat(week.end()).isEqualTo(LocalDate.parse("2026-03-28"));
        assertThat(week.from()).isEqualTo(Instant.parse("2026-03-21T22:00:00Z"));
        assertThat(week.until()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
        assertThat(Duration.between(week.from(), week.until())).isEqualTo(Duration.ofHours(7 * 24 - 1));
    }

    @Test
    void sundayAtMidnightBelongsToTheNewWeekAndOneSecondBeforeToTheOld() {
        assertThat(Period.WEEKLY.rangeAt(israel("2026-06-14T00:00"), ISRAEL).start()).isEqualTo(LocalDate.parse("2026-06-14"));
        assertThat(Period.WEEKLY.rangeAt(israel("2026-06-13T23:59:59"), ISRAEL).start()).isEqualTo(LocalDate.parse("2026-06-07"));
    }

    @Test
    void aMonthIsItsCalendarDaysInIsrael() {
        Period.Range month = Period.MONTHLY.rangeAt(Instant.parse("2026-05-31T21:30:00Z"), ISRAEL);

        assertThat(month.start()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(month.end()).isEqualTo(LocalDate.parse("2026-06-30"));
    }
}
