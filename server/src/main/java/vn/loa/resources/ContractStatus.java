package vn.loa.resources;

/** Where a press commissioning contract stands. */
public enum ContractStatus {

    /** Signed and being carried out. */
    ACTIVE,
    /** Carried out and accepted. */
    COMPLETED,
    /** Ended without being carried out. */
    CANCELLED
}
