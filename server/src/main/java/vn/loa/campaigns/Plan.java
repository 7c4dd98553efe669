package vn.loa.campaigns;

import java.time.Instant;

/** An agency's communication plan for a year. */
public record Plan(long id, String agencyCode, int year, String title, String createdBy, Instant createdAt) {
}
