package il.co.voicely.core.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final LocalDateTime SUNDAY_18 = LocalDateTime.of(2026, 3, 1, 18, 0);

    @Test
    void weeklyOnTwoDaysRepeatsTheGivenNumberOfTimes() {
        var starts = Recurrence.weeklyTimes(4, DayOfWeek.SUNDAY, DayOfWeek.TUESDAY).occurrences(SUNDAY_18);

        assertThat(starts).containsExactly(
                LocalDateTime.of(2026, 3, 1, 18, 0), LocalDateTime.of(2026, 3, 3, 18, 0),
                LocalDateTime.of(2026, 3, 8, 18, 0), LocalDateTime.of(2026, 3, 10, 18, 0));
    }

    @Test
    void untilDateIsTheLastDayALessonMayFallOn() {
        var starts = Recurrence.weeklyUntil(LocalDate.of(2026, 3, 15), DayOfWeek.SUNDAY).occurrences(SUNDAY_18);

        assertThat(starts).extracting(LocalDateTime::toLocalDate)
                .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 15));
    }

    @Test
    void skippedDatesHaveNoLessonButStillCountLikeIcalendarExdates() {
        var starts = Recurrence.weeklyTimes(3, DayOfWeek.SUNDAY).except(LocalDate.of(2026, 3, 8)).occurrences(SUNDAY_18);

        assertThat(starts).extracting(LocalDateTime::toLocalDate)
                .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15));
    }

    @Test
    void firstLessonIsTheFirstGivenWeekdayOnOrAfterTheStartDate() {
        var starts = Recurrence.weeklyTimes(2, DayOfWeek.WEDNESDAY).occurrences(SUNDAY_18);

        assertThat(starts).containsExactly(LocalDateTime.of(2026, 3, 4, 18, 0), LocalDateTime.of(2026, 3, 11, 18, 0));
    }

    @Test
    void aRecurrenceEndsOnADateOrAfterACountNotBothNorNeither() {
        assertThatThrownBy(() -> new Recurrence(java.util.Set.of(DayOfWeek.MONDAY), java.util.Optional.of(LocalDate.of(2026, 5, 1)),
                java.util.Optional.of(3), java.util.Set.of()))
                .isInstanceOf(InvalidLessonException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> Recurrence.weeklyTimes(3))
                .isInstanceOf(InvalidLessonException.class).hasMessageContaining("weekday");
    }

    @Test
    void anUntilDateBeforeTheFirstLessonIsRefused() {
        assertThatThrownBy(() -> Recurrence.weeklyUntil(LocalDate.of(2026, 2, 1), DayOfWeek.SUNDAY).occurrences(SUNDAY_18))
                .isInstanceOf(InvalidLessonException.class).hasMessageContaining("2026-02-01");
    }
}
