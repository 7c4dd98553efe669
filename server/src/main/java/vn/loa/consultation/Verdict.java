package vn.loa.consultation;

/** What the drafting agency makes of a group of contributions. */
public enum Verdict {
    /** Taken into the text. */
    ACCEPTED,
    /** Taken in part, the reason says which part. */
    PARTLY_ACCEPTED,
    /** Not taken, the reason says why. */
    NOT_ACCEPTED
}
