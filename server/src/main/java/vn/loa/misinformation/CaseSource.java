package vn.loa.misinformation;

/** Where a case came from. */
public enum CaseSource {

    /** An alert of the listening module. */
    ALERT,
    /** A story (near-duplicate posts) of the listening module. */
    STORY,
    /** A citizen's report on the public site. */
    CITIZEN,
    /** An officer's manual entry (posts optional). */
    MANUAL
}
