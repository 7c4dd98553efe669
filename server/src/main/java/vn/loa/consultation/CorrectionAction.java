package vn.loa.consultation;

/** How an officer corrects the grouping; corrections are kept and applied again when the grouping runs again. */
public enum CorrectionAction {
    /** A contribution moves into the group of another contribution. */
    MOVE,
    /** A contribution's whole group joins the group of another contribution. */
    MERGE,
    /** A contribution's group gets a new label. */
    RENAME,
    /** Contributions leave their groups for a new group with its own label. */
    SPLIT
}
