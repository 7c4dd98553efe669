package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.TestClock;
import vn.loa.shared.LocalTime;

/** Status classes on the day a clock says, and the periods and due dates of recurring tasks. */
class TaskScheduleUnitTests {

    private static LocalDate today(TestClock clock) {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Test
    void anOccurrenceIsInProgressOnItsDueDateAndOverdueTheNextDayInTheProvince() {
        LocalDate due = LocalDate.of(2026, 3, 31);
        // 31/03 23:30 in Hà Nội is still 31/03 16:30 UTC; 00:30 on 01/04 in Hà Nội is 31/03 17:30 UTC
        TestClock clock = new TestClock(Instant.parse("2026-03-31T16:30:00Z"));
        assertThat(TaskStatusClass.of(due, null, today(clock))).isEqualTo(TaskStatusClass.IN_PROGRESS);
        clock.advance(Duration.ofHours(1));
        assertThat(today(clock)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(TaskStatusClass.of(due, null, today(clock))).isEqualTo(TaskStatusClass.OVERDUE);
    }

    @Test
    void doneOnTheDueDateIsOnTimeADayLaterIsLateAndNoDeadlineIsNeverLate() {
        LocalDate due = LocalDate.of(2026, 3, 31);
        LocalDate later = LocalDate.of(2026, 6, 1);
        assertThat(TaskStatusClass.of(due, due, later)).isEqualTo(TaskStatusClass.DONE_ON_TIME);
        assertThat(TaskStatusClass.of(due, due.minusDays(5), later)).isEqualTo(TaskStatusClass.DONE_ON_TIME);
        assertThat(TaskStatusClass.of(due, due.plusDays(1), later)).isEqualTo(TaskStatusClass.DONE_LATE);
        assertThat(TaskStatusClass.of(null, later, later)).isEqualTo(TaskStatusClass.DONE_ON_TIME);
        assertThat(TaskStatusClass.of(null, null, LocalDate.of(2099, 1, 1))).isEqualTo(TaskStatusClass.IN_PROGRESS);
        assertThat(TaskStatusClass.DONE_LATE.done()).isTrue();
        assertThat(TaskStatusClass.OVERDUE.done()).isFalse();
    }

    @Test
    void aMonthlyTaskDueOnThe31stFallsDueOnEachMonthsLastDayIncludingTheLeapFebruary() {
        TaskSchedule monthly = new TaskSchedule(Recurrence.MONTHLY, null, 31, null, LocalDate.of(2024, 1, 15), null);
        List<TaskSchedule.Period> periods = monthly.periodsUpTo(LocalDate.of(2024, 4, 1));
        assertThat(periods).extracting(TaskSchedule.Period::due).containsExactly(LocalDate.of(2024, 1, 31),
                LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30));
        assertThat(periods.get(1).start()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(periods.get(1).end()).isEqualTo(LocalDate.of(2024, 2, 29));
        TaskSchedule nonLeap = new TaskSchedule(Recurrence.MONTHLY, null, 30, null, LocalDate.of(2025, 2, 1), null);
        assertThat(nonLeap.periodsUpTo(LocalDate.of(2025, 2, 10))).extracting(TaskSchedule.Period::due)
                .containsExactly(LocalDate.of(2025, 2, 28));
    }

    @Test
    void aQuarterlyTaskIsDueInTheQuartersLastMonthAndAYearlyOneInItsMonth() {
        TaskSchedule quarterly = new TaskSchedule(Recurrence.QUARTERLY, null, 31, null, LocalDate.of(2025, 5, 20), null);
        List<TaskSchedule.Period> quarters = quarterly.periodsUpTo(LocalDate.of(2026, 1, 1));
        assertThat(quarters).extracting(TaskSchedule.Period::start).containsExactly(LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1));
        assertThat(quarters).extracting(TaskSchedule.Period::due).containsExactly(LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31));
        TaskSchedule yearly = new TaskSchedule(Recurrence.YEARLY, null, 29, 2, LocalDate.of(2023, 1, 1), null);
        assertThat(yearly.periodsUpTo(LocalDate.of(2024, 12, 31))).extracting(TaskSchedule.Period::due)
                .containsExactly(LocalDate.of(2023, 2, 28), LocalDate.of(2024, 2, 29));
        // begun after the year's due date: owed from the next year on
        TaskSchedule late = new TaskSchedule(Recurrence.YEARLY, null, 31, 1, LocalDate.of(2023, 5, 26), null);
        assertThat(late.periodsUpTo(LocalDate.of(2024, 12, 31))).extracting(TaskSchedule.Period::due)
                .containsExactly(LocalDate.of(2024, 1, 31));
        TaskSchedule monthly = new TaskSchedule(Recurrence.MONTHLY, null, 25, null, LocalDate.of(2026, 11, 30), null);
        assertThat(monthly.periodsUpTo(LocalDate.of(2026, 12, 3))).extracting(TaskSchedule.Period::due)
                .containsExactly(LocalDate.of(2026, 12, 25));
        TaskSchedule december = new TaskSchedule(Recurrence.YEARLY, null, 15, null, LocalDate.of(2024, 3, 1), null);
        assertThat(december.periodsUpTo(LocalDate.of(2024, 3, 1))).extracting(TaskSchedule.Period::due)
                .containsExactly(LocalDate.of(2024, 12, 15));
    }

    @Test
    void periodsStopAtTheLastDayAndAOneOffTaskHasOnePeriod() {
        TaskSchedule ending = new TaskSchedule(Recurrence.MONTHLY, null, 10, null, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 5));
        assertThat(ending.periodsUpTo(LocalDate.of(2026, 1, 1))).hasSize(3);
        TaskSchedule once = new TaskSchedule(Recurrence.ONCE, LocalDate.of(2025, 6, 30), null, null, LocalDate.of(2025, 5, 1),
                null);
        assertThat(once.periodsUpTo(LocalDate.of(2030, 1, 1))).containsExactly(new TaskSchedule.Period(
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30)));
        assertThat(new TaskSchedule(Recurrence.MONTHLY, null, 1, null, LocalDate.of(2027, 1, 1), null)
                .periodsUpTo(LocalDate.of(2026, 12, 31))).isEmpty();
        assertThatThrownBy(() -> new TaskSchedule(Recurrence.MONTHLY, null, 32, null, LocalDate.of(2025, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    }
}
