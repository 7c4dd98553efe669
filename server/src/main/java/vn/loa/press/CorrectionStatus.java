package vn.loa.press;

/** Where a published correction request stands in the news. */
public enum CorrectionStatus {
    /** Loa watches the news for it until its due date. */
    WATCHING,
    /** A news post carrying it was found. */
    FOUND,
    /** Its due date passed and no news post carried it. */
    OVERDUE
}
