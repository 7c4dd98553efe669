package vn.loa.coordination;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One occurrence of a task: its period, due date, and whether and when it was reported done.
 *
 * @param statusClass its class today
 */
public record TaskOccurrence(long id, long taskId, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn,
        LocalDate doneOn, String doneBy, LocalDate remindedDue, LocalDate escalatedDue, Instant escalatedAt,
        TaskStatusClass statusClass) {
}
