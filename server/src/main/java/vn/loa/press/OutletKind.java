package vn.loa.press;

/** What kind of press agency an outlet is. */
public enum OutletKind {
    /** A printed newspaper, with or without its online edition. */
    NEWSPAPER,
    /** Radio and television. */
    BROADCASTER,
    /** An online newspaper. */
    ONLINE,
    /** A news agency. */
    NEWS_AGENCY,
    /** A magazine. */
    MAGAZINE
}
