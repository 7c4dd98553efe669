package vn.loa.coordination;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened to a directive, a task or a difficulty. Every one is audited. */
public sealed interface CoordinationEvent extends AuditableEvent {

    /** A directive was entered. */
    record DirectiveCreated(Actor by, long directiveId, String number, String issuer) implements CoordinationEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), "directive.created", "directive",
                    String.valueOf(directiveId), details("number", number, "issuer", issuer));
        }
    }

    /** Something happened to a task: created, progress, done, reopened, cancelled, rescheduled, escalated, passed on. */
    record TaskChanged(Actor by, long taskId, String kind, String agencyCode, String detail) implements CoordinationEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), "task." + kind.toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'), "task", String.valueOf(taskId), details("agency", agencyCode, "detail", detail));
        }
    }

    /** A difficulty was sent, forwarded, answered or closed. */
    record DifficultyChanged(Actor by, long difficultyId, String action, String agencyCode, String status)
            implements CoordinationEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), "difficulty." + action, "difficulty",
                    String.valueOf(difficultyId), details("agency", agencyCode, "difficultyStatus", status));
        }
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}
