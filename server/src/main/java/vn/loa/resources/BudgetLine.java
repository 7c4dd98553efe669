package vn.loa.resources;

import java.time.Instant;

/**
 * A budget line of an agency for one year, in đồng: planned, committed and spent as last updated.
 *
 * @param campaignId the campaign it funds, may be null
 * @param contractId the press contract it funds, may be null
 * @param updatedBy who updated it last, null if never
 */
public record BudgetLine(long id, long agencyId, int year, String name, String source, long plannedVnd,
        long committedVnd, long spentVnd, Long campaignId, Long contractId, String updatedBy, Instant updatedAt) {
}
