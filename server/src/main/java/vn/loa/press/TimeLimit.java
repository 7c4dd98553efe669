package vn.loa.press;

import java.time.LocalDate;

/**
 * A row of the press time-limit table.
 *
 * @param amount how many units
 * @param unit {@code WORKING_DAYS} (by the calendar) or {@code HOURS} (elapsed, day and night)
 * @param legal whether a law sets it; false for the province's internal rule
 * @param source the law's article, or what the internal rule is
 */
public record TimeLimit(Long id, LocalDate validFrom, LocalDate validTo, EnquiryKind kind, int amount, TimeLimitUnit unit,
        boolean legal, String source) {
}
