package vn.loa.calendar.internal;

import java.time.LocalDate;
import vn.loa.shared.Actor;
import vn.loa.shared.MessagePart;

/**
 * Days between {@code first} and {@code last} changed whether they are worked; heard in the same transaction.
 *
 * @param reason the change in Vietnamese, as the deadline's record and the audit trail keep it
 * @param change the same as a message key and its arguments, for each reader's language
 */
record CalendarChanged(LocalDate first, LocalDate last, String reason, MessagePart change, Actor by) {
}
