package vn.loa.press;

/** Where a statement was given. */
public enum StatementChannel {
    /** The province's or the agency's portal. */
    PORTAL,
    /** The agency's official social-network page. */
    SOCIAL_PAGE,
    /** A press conference or briefing, in person. */
    IN_PERSON,
    /** E-mail to the media list. */
    EMAIL,
    /** A letter to one press agency. */
    LETTER
}
