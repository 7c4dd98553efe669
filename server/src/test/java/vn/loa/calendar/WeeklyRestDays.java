package vn.loa.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Weekly rest days as the calendar keeps them, for tests that need one near the day they run on: a Saturday may be a
 * holiday (Tết of 2027 begins on Saturday 6 February) or a Saturday worked in exchange for a day off, which the
 * calendar then explains otherwise.
 */
public final class WeeklyRestDays {

    private WeeklyRestDays() {
    }

    /** Whether the agency does not work on the day and the calendar has nothing else to say of it. */
    public static boolean isOrdinaryRestDay(WorkingDays calendar, LocalDate day, String agencyCode) {
        return !calendar.isWorkingDay(day, agencyCode)
                && calendar.year(day.getYear()).stream().noneMatch(listed -> listed.date().equals(day));
    }

    /** The first Saturday after {@code day} that is an ordinary weekly rest day of the agency. */
    public static LocalDate saturdayAfter(WorkingDays calendar, LocalDate day, String agencyCode) {
        LocalDate saturday = day.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        while (!isOrdinaryRestDay(calendar, saturday, agencyCode)) {
            saturday = saturday.plusWeeks(1);
        }
        return saturday;
    }

    /** The last Wednesday before {@code day} whose Saturday and Sunday are ordinary weekly rest days of the agency. */
    public static LocalDate wednesdayBeforeAnOrdinaryWeekend(WorkingDays calendar, LocalDate day, String agencyCode) {
        LocalDate wednesday = day.with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY));
        while (!isOrdinaryRestDay(calendar, wednesday.plusDays(3), agencyCode)
                || !isOrdinaryRestDay(calendar, wednesday.plusDays(4), agencyCode)) {
            wednesday = wednesday.minusWeeks(1);
        }
        return wednesday;
    }
}
