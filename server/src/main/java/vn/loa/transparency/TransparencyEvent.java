package vn.loa.transparency;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened to an information request. Every one is audited. */
public sealed interface TransparencyEvent extends AuditableEvent {

    /** A request was received. */
    record RequestReceived(Actor by, long requestId, String agencyCode, Channel channel, String status)
            implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.received", requestId,
                    details("agency", agencyCode, "channel", channel.name(), "requestStatus", status));
        }
    }

    /** An action was taken. */
    record RequestActed(Actor by, long requestId, String agencyCode, RequestAction action, RequestStatus from,
            RequestStatus to) implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.acted", requestId, details("agency", agencyCode, "requestAction",
                    action.name(), "requestStatus", to.name()));
        }
    }

    /**
     * The agency holding an open request ended and the one unit that took over from it answers it now, by the same due
     * date.
     */
    record RequestPassedToSuccessor(Actor by, long requestId, String agencyCode, String fromAgencyCode,
            java.time.LocalDate due) implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.passed-to-successor", requestId, details("agency", agencyCode,
                    "predecessor", fromAgencyCode, "dueOn", due == null ? "—" : due.toString()));
        }
    }

    /** A request was published in the register. */
    record RequestPublished(Actor by, long requestId, String agencyCode, int redactions) implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.published", requestId, details("agency", agencyCode, "redactions",
                    redactions));
        }
    }

    /** An officer gave a new one-time download link for a provided request's answer; the links before stopped working. */
    record DownloadLinkIssued(Actor by, long requestId, String agencyCode) implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.link-issued", requestId, details("agency", agencyCode));
        }
    }

    /** An officer added files to a provided request's answer; they are delivered with it from then on. */
    record AnswerFilesAdded(Actor by, long requestId, String agencyCode, int files) implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.files-added", requestId, details("agency", agencyCode, "files", files));
        }
    }

    /** The last day to send a complex request's notice of handling (form 03) passed unrecorded: the coordinators were told. */
    record NoticeEscalated(Actor by, long requestId, String agencyCode, java.time.LocalDate due) implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.notice-escalated", requestId, details("agency", agencyCode, "dueOn",
                    due.toString()));
        }
    }

    /** A request's due date passed while it was open: the coordinators were told. */
    record RequestEscalated(Actor by, long requestId, String agencyCode, java.time.LocalDate due) implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return entry(by, "information-request.escalated", requestId, details("agency", agencyCode, "dueOn",
                    due.toString()));
        }
    }

    /** An item of the disclosure catalogue was added or published. */
    record DisclosureItemChanged(Actor by, long itemId, String agencyCode, String action, String title)
            implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), action, "disclosure-item", String.valueOf(itemId),
                    details("agency", agencyCode, "name", title));
        }
    }

    /** An administrator entered the time limits of a later law. */
    record TimeLimitEntered(Actor by, long ruleId, Channel channel, java.time.LocalDate validFrom, String source)
            implements TransparencyEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), "access-time-limit.entered", "access-time-limit",
                    String.valueOf(ruleId), details("channel", channel.name(), "validFrom", validFrom.toString(), "document", source));
        }
    }

    private static AuditEntry entry(Actor by, String action, long id, Map<String, Object> details) {
        return new AuditEntry(by.username(), by.agencyCode(), action, "information-request", String.valueOf(id), details);
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}
