package vn.loa.press;

/** Where a press conference stands. */
public enum ConferenceStatus {
    /** Scheduled; the agency is reminded the day before. */
    PLANNED,
    /** Held: its record (questions, materials, transcript) is kept. */
    HELD,
    /** Called off; it does not count for any obligation. */
    CANCELLED
}
