package vn.loa.publishing;

/** Where one delivery to one recipient stands. */
public enum DeliveryStatus {
    /** waiting for its time or for the next attempt */
    PENDING,
    /** the channel accepted it (a real provider, the SMTP server, the portal) */
    SENT,
    /** a local simulator received it: nothing reached a person, and Loa never calls this delivered */
    SIMULATED,
    /** broadcast and confirmed by the commune (loudspeakers, billboards) */
    CONFIRMED,
    /** given up after the last retry; the reason is in the log */
    FAILED,
    /** withdrawn before it went out */
    WITHDRAWN
}
