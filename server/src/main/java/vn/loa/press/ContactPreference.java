package vn.loa.press;

/** How a journalist wants to be reached. */
public enum ContactPreference {
    /** By e-mail. */
    EMAIL,
    /** By phone. */
    PHONE,
    /** Through Loa, on their page. */
    LOA
}
