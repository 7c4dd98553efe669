package vn.loa.coordination;

/** How often a periodic report is made: each month, each quarter or each year. */
public enum ReportKind {
    MONTHLY,
    QUARTERLY,
    YEARLY
}
