package vn.loa.coordination;

import java.time.Instant;
import vn.loa.shared.MessagePart;

/**
 * What happened to a task: CREATED, PROGRESS, DONE, REOPENED, REMINDED, ESCALATED, TRANSFERRED_IN/OUT, CANCELLED ...
 *
 * @param detail the detail as text: an official's words (a reason, a percentage), or Loa's words in Vietnamese
 * @param part Loa's words as a message key and its arguments, for each reader's language; null when the detail is an
 *     official's words only, or was recorded before such words were kept so
 */
public record TaskEvent(long id, long taskId, Long occurrenceId, String kind, String actor, String detail, MessagePart part,
        Instant at) {
}
