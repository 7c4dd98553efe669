package vn.loa.calendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;
import vn.loa.shared.MessagePart;

/** What changed in the calendar. Every one is audited. */
public sealed interface CalendarEvent extends AuditableEvent {

    /** An administrator entered a day from a notice. */
    record EntryAdded(Actor by, long entryId, LocalDate date, DayKind kind, String name, String sourceDocument)
            implements CalendarEvent {
        public AuditEntry auditEntry() {
            return entry(by, "calendar-day.entered", "calendar-entry", String.valueOf(entryId),
                    details("day", date.toString(), "dayKind", kind.name(), "name", name, "document", sourceDocument));
        }
    }

    /** An administrator withdrew an entry. */
    record EntryWithdrawn(Actor by, long entryId, LocalDate date, String name, String reason) implements CalendarEvent {
        public AuditEntry auditEntry() {
            return entry(by, "calendar-day.withdrawn", "calendar-entry", String.valueOf(entryId),
                    details("day", date.toString(), "name", name, "reason", reason));
        }
    }

    /** An agency's working week was set. */
    record WorkWeekSet(Actor by, String agencyCode, String days) implements CalendarEvent {
        public AuditEntry auditEntry() {
            return entry(by, "work-week.set", "agency", agencyCode, details("code", agencyCode, "weekDays", days));
        }
    }

    /**
     * A running deadline moved because the calendar changed.
     *
     * @param reason the change in Vietnamese, as the audit trail keeps it
     * @param change the same as a message key and its arguments, for an owner's history read in any language
     */
    record DeadlineMoved(Actor by, long deadlineId, String ownerType, String ownerId, LocalDate from, LocalDate to,
            String reason, MessagePart change) implements CalendarEvent {
        public AuditEntry auditEntry() {
            return entry(by, "deadline.moved", ownerType, ownerId,
                    details("deadlineId", deadlineId, "previousDue", from.toString(), "newDue", to.toString(), "change", reason));
        }
    }

    private static AuditEntry entry(Actor by, String action, String type, String id, Map<String, Object> details) {
        return new AuditEntry(by.username(), by.agencyCode(), action, type, id, details);
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}
