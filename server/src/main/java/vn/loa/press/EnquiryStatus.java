package vn.loa.press;

/** Where a press enquiry stands. */
public enum EnquiryStatus {
    /** Recorded and routed to the agency's spokesperson; waits for a draft answer. The clock runs. */
    RECEIVED,
    /** An officer drafted the answer; it waits for the spokesperson's or the head's approval. The clock runs. */
    DRAFTED,
    /** The approved answer went back to the journalist (and was published, when so decided). */
    ANSWERED,
    /** The journalist withdrew the question, or the agency's staff recorded its withdrawal with a reason. */
    WITHDRAWN;

    /** Whether the enquiry still waits for the agency. */
    public boolean open() {
        return this == RECEIVED || this == DRAFTED;
    }
}
