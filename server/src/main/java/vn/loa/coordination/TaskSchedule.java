package vn.loa.coordination;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * When a task falls due: one due date, or a recurrence with the day (and, for a yearly task, the month) it falls due
 * in each period, from a first day to an optional last day. Pure: the occurrences up to a day follow from it alone.
 *
 * @param recurrence how often; must not be null
 * @param dueOn the due date of a one-off task, null for none (and for a recurring task)
 * @param dueDay the day of the period's last month a recurring task is due, 1 to 31 (clamped to the month's length)
 * @param dueMonth the month a yearly task is due, 1 to 12 (December when null)
 * @param startsOn the first day; must not be null
 * @param endsOn the last day, null for no end
 */
public record TaskSchedule(Recurrence recurrence, LocalDate dueOn, Integer dueDay, Integer dueMonth, LocalDate startsOn,
        LocalDate endsOn) {

    public TaskSchedule {
        if (recurrence == null || startsOn == null) {
            throw new IllegalArgumentException("a schedule needs a recurrence and a first day");
        }
        if (recurrence == Recurrence.ONCE && dueDay != null) {
            throw new IllegalArgumentException("a one-off task has a due date, not a due day");
        }
        if (recurrence != Recurrence.ONCE && (dueDay == null || dueDay < 1 || dueDay > 31 || dueOn != null)) {
            throw new IllegalArgumentException("a recurring task needs a due day from 1 to 31, was " + dueDay);
        }
        if (dueMonth != null && (dueMonth < 1 || dueMonth > 12)) {
            throw new IllegalArgumentException("due month must be 1 to 12, was " + dueMonth);
        }
    }

    /**
     * One period of a task and its due date.
     *
     * @param start the period's first day
     * @param end the period's last day
     * @param due the due date, null for none
     */
    public record Period(LocalDate start, LocalDate end, LocalDate due) {
    }

    /**
     * The periods that have begun by {@code today}: the only one of a one-off task (from its first day, even when
     * that is later), one per month, quarter or year of a recurring one from the period holding the first day to the
     * one holding today (or the last day, when earlier), leaving out a first period already due before the first day.
     */
    public List<Period> periodsUpTo(LocalDate today) {
        List<Period> periods = new ArrayList<>();
        if (recurrence == Recurrence.ONCE) {
            periods.add(new Period(startsOn, dueOn == null ? startsOn : dueOn.isBefore(startsOn) ? startsOn : dueOn, dueOn));
            return periods;
        }
        LocalDate last = endsOn == null || endsOn.isAfter(today) ? today : endsOn;
        LocalDate start = periodStart(startsOn);
        while (!start.isAfter(last)) {
            LocalDate end = next(start).minusDays(1);
            LocalDate due = dueIn(start, end);
            // a period already due before the task began is not owed
            if (!due.isBefore(startsOn)) {
                periods.add(new Period(start, end, due));
            }
            start = next(start);
        }
        return periods;
    }

    /** The first day of the period holding the day. */
    public LocalDate periodStart(LocalDate day) {
        return switch (recurrence) {
            case ONCE -> startsOn;
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEARLY -> LocalDate.of(day.getYear(), 1, 1);
        };
    }

    private LocalDate next(LocalDate start) {
        return switch (recurrence) {
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
    }

    private LocalDate dueIn(LocalDate start, LocalDate end) {
        YearMonth month = recurrence == Recurrence.YEARLY
                ? YearMonth.of(start.getYear(), dueMonth == null ? 12 : dueMonth) : YearMonth.from(end);
        return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    }
}
