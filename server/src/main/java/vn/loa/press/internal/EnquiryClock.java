package vn.loa.press.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.press.TimeLimit;
import vn.loa.press.TimeLimitUnit;
import vn.loa.shared.LocalTime;

/**
 * When a press enquiry's answer is due: working days by the agency's calendar, counted from the day after the question
 * (Civil Code Art. 147) and due at the end of the last one; or hours elapsed from the question, day and night.
 */
final class EnquiryClock {

    private final WorkingDays calendar;

    EnquiryClock(WorkingDays calendar) {
        this.calendar = calendar;
    }

    /** The due time of a question received at {@code received} under the limit, for the agency. */
    Instant due(Instant received, TimeLimit limit, String agencyCode) {
        if (limit.unit() == TimeLimitUnit.HOURS) {
            return received.plus(Duration.ofHours(limit.amount()));
        }
        return endOf(workingDays(received, limit, agencyCode).date());
    }

    /** The due time of a period whose last day is {@code last}: 23:59 of that day in Vietnam. */
    static Instant endOf(LocalDate last) {
        return last.plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant().minusSeconds(60);
    }

    /** The period in working days and the days it skipped; null for a limit in hours. */
    DueDate workingDays(Instant received, TimeLimit limit, String agencyCode) {
        if (limit.unit() == TimeLimitUnit.HOURS) {
            return null;
        }
        return calendar.add(LocalDate.ofInstant(received, LocalTime.ZONE), limit.amount(), PeriodUnit.WORKING_DAYS, agencyCode);
    }
}
