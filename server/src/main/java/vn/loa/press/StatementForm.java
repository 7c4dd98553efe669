package vn.loa.press;

/** The six forms in which an agency informs the press (Decree 09/2017, Art. 4). */
public enum StatementForm {
    /** (1) A press conference. */
    PRESS_CONFERENCE,
    /** (2) A statement on the agency's portal, website or official social-network page. */
    PORTAL_STATEMENT,
    /** (3) A direct statement or interview. */
    INTERVIEW,
    /** (4) A press release, or a written or e-mail answer. */
    PRESS_RELEASE,
    /** (5) A direct exchange or a press briefing on request. */
    BRIEFING,
    /** (6) A written request to a press agency to publish a reply, correction or apology. */
    CORRECTION_REQUEST;

    /** Whether publishing it puts it on the public portal and its feed and e-mails it to the media list. */
    public boolean goesToPortal() {
        return this == PRESS_RELEASE || this == PORTAL_STATEMENT;
    }
}
