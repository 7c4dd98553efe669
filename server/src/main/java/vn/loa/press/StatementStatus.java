package vn.loa.press;

/** Where a statement stands. */
public enum StatementStatus {
    /** Being written; only the agency sees it. */
    DRAFT,
    /** Approved and given: published on its channel. */
    PUBLISHED
}
