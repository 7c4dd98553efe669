package vn.loa.coordination;

import java.time.Instant;

/** What happened to a task: CREATED, PROGRESS, DONE, REOPENED, REMINDED, ESCALATED, TRANSFERRED_IN/OUT, CANCELLED ... */
public record TaskEvent(long id, long taskId, Long occurrenceId, String kind, String actor, String detail, Instant at) {
}
