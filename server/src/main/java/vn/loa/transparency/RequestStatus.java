package vn.loa.transparency;

/** Where an information request stands. */
public enum RequestStatus {
    /** Incomplete: the requester was asked to complete it; the clock is stopped. */
    NEEDS_COMPLETION,
    /** Complete and accepted: the clock runs. */
    ACCEPTED,
    /** Being handled. */
    IN_PROGRESS,
    /** The one extension was given, with its notice (form 04). */
    EXTENDED,
    /** Answered, fully or in part. */
    PROVIDED,
    /** Refused in writing on a ground of Art. 28 (form 05). */
    REFUSED,
    /** Outside the agency's remit: sent to the agency that holds the information. */
    TRANSFERRED,
    /** Withdrawn by the requester. */
    WITHDRAWN;

    /** Whether the request still waits for the agency. */
    public boolean open() {
        return this == NEEDS_COMPLETION || this == ACCEPTED || this == IN_PROGRESS || this == EXTENDED;
    }
}
