package vn.loa.calendar;

import java.time.LocalDate;
import java.util.List;

/** Vietnamese working days: which days are off and why, and periods counted over them. */
public interface WorkingDays {

    /**
     * The year's holidays, compensatory days, extra days off and swapped working days, in date order, as the
     * calendar stands now.
     *
     * @throws vn.loa.shared.InvalidInput ({@code year}) outside {@value LunarCalendar#FIRST_YEAR} to 2198
     */
    List<CalendarDay> year(int year);

    /**
     * The end of a period of {@code amount} days after {@code from} for an agency (its own working week, when it
     * has one; Monday to Friday otherwise). Working days are counted from the day after {@code from}; a period of
     * no working days ends on {@code from} when it is a working day, else on the next working day.
     *
     * @param agencyCode the agency whose week counts, or null for Monday to Friday
     * @throws vn.loa.shared.InvalidInput ({@code days}) for an amount below 0 or above 1,000
     */
    DueDate add(LocalDate from, int amount, PeriodUnit unit, String agencyCode);

    /** Whether the agency works on that day. */
    boolean isWorkingDay(LocalDate day, String agencyCode);
}
