package vn.loa.press;

/** Whether a periodic obligation was met in a period. */
public enum ComplianceStatus {
    /** Done at least once in the period. */
    MET,
    /** The period is over and it was not done. */
    MISSING,
    /** The period is not over and it has not been done yet. */
    PENDING
}
