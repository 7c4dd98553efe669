package vn.loa.press.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.calendar.CalendarDay;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.press.EnquiryKind;
import vn.loa.press.TimeLimit;
import vn.loa.press.TimeLimitUnit;

/** The press clock on a calendar of Monday-to-Friday weeks and one holiday, without Spring. */
class EnquiryClockUnitTests {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** Reunification Day and Labour Day 2026 fall on Thursday and Friday. */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1));

    private final EnquiryClock clock = new EnquiryClock(new WeekdaysAndHolidays());

    @Test
    void twoWorkingDaysAskedOnWednesdayBeforeTheHolidaysAreDueAtTheEndOfTheNextTuesday() {
        Instant asked = OffsetDateTime.of(2026, 4, 29, 10, 0, 0, 0, VIETNAM).toInstant();
        Instant due = clock.due(asked, limit(2, TimeLimitUnit.WORKING_DAYS), "SYT");
        assertThat(due).isEqualTo(OffsetDateTime.of(2026, 5, 5, 23, 59, 0, 0, VIETNAM).toInstant());
        assertThat(clock.workingDays(asked, limit(2, TimeLimitUnit.WORKING_DAYS), "SYT").skipped())
                .extracting(DueDate.Skipped::date).containsExactly(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3));
    }

    @Test
    void aCrisisLimitInHoursRunsThroughTheWeekendAndTheHolidays() {
        Instant friday = OffsetDateTime.of(2026, 5, 1, 17, 0, 0, 0, VIETNAM).toInstant();
        assertThat(clock.due(friday, limit(24, TimeLimitUnit.HOURS), "SYT"))
                .isEqualTo(OffsetDateTime.of(2026, 5, 2, 17, 0, 0, 0, VIETNAM).toInstant());
        assertThat(clock.workingDays(friday, limit(24, TimeLimitUnit.HOURS), "SYT")).isNull();
    }

    @Test
    void aQuestionLateOnFridayNightCountsFromTheVietnameseDayNotTheUtcOne() {
        // 23:30 in Vietnam on Friday 08/05/2026 is still Friday in UTC+7, 16:30 UTC
        Instant late = OffsetDateTime.of(2026, 5, 8, 23, 30, 0, 0, VIETNAM).toInstant();
        assertThat(clock.due(late, limit(1, TimeLimitUnit.WORKING_DAYS), null))
                .isEqualTo(OffsetDateTime.of(2026, 5, 11, 23, 59, 0, 0, VIETNAM).toInstant());
    }

    private static TimeLimit limit(int amount, TimeLimitUnit unit) {
        return new TimeLimit(1L, LocalDate.of(2017, 3, 30), null, EnquiryKind.ROUTINE, amount, unit, false, "Quy định nội bộ");
    }

    /** Monday to Friday, less the holidays above. */
    private static final class WeekdaysAndHolidays implements WorkingDays {

        @Override
        public List<CalendarDay> year(int year) {
            return List.of();
        }

        @Override
        public DueDate add(LocalDate from, int amount, PeriodUnit unit, String agencyCode) {
            List<DueDate.Skipped> skipped = new ArrayList<>();
            LocalDate day = from;
            int counted = 0;
            while (counted < amount) {
                day = day.plusDays(1);
                if (isWorkingDay(day, agencyCode)) {
                    counted++;
                } else {
                    skipped.add(new DueDate.Skipped(day, HOLIDAYS.contains(day) ? null : day.getDayOfWeek(), null));
                }
            }
            return new DueDate(from, amount, unit, day, skipped);
        }

        @Override
        public boolean isWorkingDay(LocalDate day, String agencyCode) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(day);
        }
    }
}
