package vn.loa.resources;

/** What a directive asks every agency of a kind to have. */
public enum RequirementKind {

    /** A spokesperson valid today in the press desk's registry (a head or a named spokesperson). */
    SPOKESPERSON,
    /** At least {@code minimum} communication officers in office today. */
    COMMUNICATION_OFFICERS,
    /** At least {@code minimum} staff in office today trained in the last 24 months. */
    TRAINED_OFFICERS,
    /** At least {@code minimum} budget lines for the year. */
    BUDGET_LINE
}
