package vn.loa.coordination;

import java.time.LocalDate;

/**
 * Where one occurrence of a task stands on a day, as the directive's follow-up counts it. Computed, never stored: the
 * same occurrence is in progress today and overdue tomorrow.
 */
public enum TaskStatusClass {

    /** Reported done on or before its due date, or done with no due date. */
    DONE_ON_TIME,
    /** Reported done after its due date. */
    DONE_LATE,
    /** Not done, and its due date (if any) is today or later. */
    IN_PROGRESS,
    /** Not done, and its due date has passed. */
    OVERDUE;

    /**
     * The class of an occurrence.
     *
     * @param dueOn its due date, null for a task with no deadline
     * @param doneOn the day it was reported done, null while it is not
     * @param today the day to judge on, in the province
     */
    public static TaskStatusClass of(LocalDate dueOn, LocalDate doneOn, LocalDate today) {
        if (doneOn != null) {
            return dueOn == null || !doneOn.isAfter(dueOn) ? DONE_ON_TIME : DONE_LATE;
        }
        return dueOn == null || !today.isAfter(dueOn) ? IN_PROGRESS : OVERDUE;
    }

    /** Whether the occurrence is done, on time or late. */
    public boolean done() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }
}
