package vn.loa.calendar;

/** What makes a day of the calendar different from an ordinary one. */
public enum DayKind {
    /** A public holiday (Labour Code 2019, Art. 112), from the rules or from a government notice. */
    HOLIDAY,
    /** The working day given off because a holiday fell on a weekly rest day (Art. 111(3)), computed. */
    COMPENSATORY,
    /** A day off a government notice adds (a day swapped for a Saturday worked, a bridge day). */
    EXTRA_DAY_OFF,
    /** A weekly rest day that a notice makes a working day, in exchange for a day off. */
    WORKING_DAY_SWAP;

    /** Whether the day is off (everything but a swapped working day). */
    public boolean off() {
        return this != WORKING_DAY_SWAP;
    }
}
