package vn.loa.consultation;

/** Where a consultation stands. */
public enum ConsultationStatus {
    /** Being prepared; not on the portal. */
    DRAFT,
    /** Published: on the portal, taking contributions from opens_on to closes_on inclusive. */
    OPEN,
    /** The period ended; no more contributions. */
    CLOSED,
    /** The final text was adopted. */
    ADOPTED
}
