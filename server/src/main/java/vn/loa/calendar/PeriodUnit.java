package vn.loa.calendar;

/** How a period of days is counted. */
public enum PeriodUnit {
    /** Only working days count. */
    WORKING_DAYS,
    /** Every day counts; a period that ends on a day off ends on the next working day (Civil Code Art. 148). */
    CALENDAR_DAYS
}
