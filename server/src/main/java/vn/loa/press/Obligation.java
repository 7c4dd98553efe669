package vn.loa.press;

/** What an agency must do periodically to inform the press (Decree 09/2017, Art. 5). */
public enum Obligation {
    /** Give the press information, at least once in each period: a statement published or a conference held. */
    MONTHLY_INFORMATION,
    /** Hold a press conference at least once in each period. */
    PRESS_CONFERENCE
}
