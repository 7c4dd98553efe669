package vn.loa.consultation;

/** How a contribution came in. */
public enum ContributionSource {
    /** The public form, verified by a one-time code. */
    FORM,
    /** An organisation's official opinion entered by an officer from its letter. */
    OFFICIAL,
    /** A file of contributions. */
    IMPORT,
    /** Another system through the API. */
    API
}
