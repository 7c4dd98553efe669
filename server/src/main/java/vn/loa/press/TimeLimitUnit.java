package vn.loa.press;

/** How a press time limit is counted. */
public enum TimeLimitUnit {
    /** Working days of the agency's calendar, counted from the day after the question; due at the end of the last. */
    WORKING_DAYS,
    /** Hours elapsed from the question, day and night: a crisis does not wait for Monday. */
    HOURS
}
