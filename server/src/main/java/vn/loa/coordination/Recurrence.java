package vn.loa.coordination;

/** How often a task falls due. */
public enum Recurrence {

    /** Once, on its due date (or with no deadline: "thường xuyên"). */
    ONCE,
    /** Every month, on the due day of the month. */
    MONTHLY,
    /** Every quarter, on the due day of the quarter's last month. */
    QUARTERLY,
    /** Every year, on the due day of the due month (December unless said). */
    YEARLY
}
