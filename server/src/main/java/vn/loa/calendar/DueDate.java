package vn.loa.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The end of a period and how it was reached: counted from the day after {@code from} (Civil Code Art. 147),
 * passing over {@code skipped}.
 *
 * @param from the day of the event the period follows
 * @param amount how many days
 * @param unit working or calendar days
 * @param date the last day of the period
 * @param skipped the days not counted (working days) or that moved the end (calendar days), in order
 */
public record DueDate(LocalDate from, int amount, PeriodUnit unit, LocalDate date, List<Skipped> skipped) {

    public DueDate {
        skipped = List.copyOf(skipped);
    }

    /**
     * A day not counted, and why.
     *
     * @param date the day
     * @param restDay the weekly rest day it is, when that is the reason; else null
     * @param day the holiday or day off it is, when that is the reason; else null
     */
    public record Skipped(LocalDate date, DayOfWeek restDay, CalendarDay day) {
    }
}
