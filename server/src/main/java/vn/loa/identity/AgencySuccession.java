package vn.loa.identity;

import java.time.LocalDate;
import vn.loa.shared.AgencyId;

/**
 * One unit taking over (all or part of) another from a date: a merger, a split or an abolished level.
 *
 * @param predecessor the unit that ended
 * @param successor the unit that took over
 * @param effectiveOn the first day of the successor's responsibility
 * @param note what happened, may be null
 */
public record AgencySuccession(AgencyId predecessor, AgencyId successor, LocalDate effectiveOn, String note) {
}
