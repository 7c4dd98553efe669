package vn.loa.consultation;

/** Where a contribution stands in moderation. */
public enum ContributionStatus {
    /** Waiting for an officer (held by moderation). */
    RECEIVED,
    /** Shown on the portal and counted. */
    PUBLISHED,
    /** Moderated away, with a reason. */
    REJECTED
}
