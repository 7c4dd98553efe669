package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened on the press desk. Every one is audited, in the transaction of the change. */
public sealed interface PressEvent extends AuditableEvent {

    /** A person was entered in the spokesperson registry. */
    record SpokespersonAppointed(Actor by, long spokespersonId, String agencyCode, SpeakerCapacity capacity,
            LocalDate validFrom) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "spokesperson.appointed", "spokesperson", spokespersonId, details("agency", agencyCode,
                    "capacity", capacity.name(), "validFrom", validFrom.toString()));
        }
    }

    /** A spokesperson's term was ended. */
    record SpokespersonEnded(Actor by, long spokespersonId, String agencyCode, LocalDate lastDay) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "spokesperson.ended", "spokesperson", spokespersonId, details("agency", agencyCode,
                    "validTo", lastDay.toString()));
        }
    }

    /** A registry row entered by mistake was withdrawn. */
    record SpokespersonWithdrawn(Actor by, long spokespersonId, String agencyCode, String reason) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "spokesperson.withdrawn", "spokesperson", spokespersonId, details("agency", agencyCode,
                    "reason", reason));
        }
    }

    /** An outlet or a journalist was added to the media directory, or a journalist's entry ended. */
    record MediaDirectoryChanged(Actor by, String action, String targetType, long id, String name) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, action, targetType, id, details("name", name));
        }
    }

    /** A press enquiry was recorded and routed, with or without the journalist's request for crisis handling. */
    record EnquiryReceived(Actor by, long enquiryId, String agencyCode, EnquiryKind kind, EnquiryChannel channel,
            Instant dueAt, boolean crisisRequested) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.received", "press-enquiry", enquiryId, details("agency", agencyCode,
                    "enquiryKind", kind.name(), "enquiryChannel", channel.name(), "deadline", dueAt.toString(),
                    "crisisRequested", crisisRequested));
        }
    }

    /** An official confirmed a journalist's request for crisis handling: the enquiry is due by {@code dueAt}. */
    record EnquiryCrisisConfirmed(Actor by, long enquiryId, String agencyCode, Instant dueAt) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.crisis-confirmed", "press-enquiry", enquiryId, details("agency", agencyCode,
                    "deadline", dueAt.toString()));
        }
    }

    /** An official declined a journalist's request for crisis handling, for the reason the journalist reads. */
    record EnquiryCrisisDeclined(Actor by, long enquiryId, String agencyCode, String reason) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.crisis-declined", "press-enquiry", enquiryId, details("agency", agencyCode,
                    "reason", reason));
        }
    }

    /**
     * The agency's staff withdrew a press question on the journalist's behalf, for the reason the journalist reads;
     * {@code late} when its due time had passed, so that it still counts as late.
     */
    record EnquiryWithdrawnByAgency(Actor by, long enquiryId, String agencyCode, String reason, boolean late)
            implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.withdrawn-by-agency", "press-enquiry", enquiryId, details("agency", agencyCode,
                    "reason", reason, "late", late));
        }
    }

    /** The agency holding an open enquiry ended and the one unit that took over from it answers it now, by the same due time. */
    record EnquiryPassedToSuccessor(Actor by, long enquiryId, String agencyCode, String fromAgencyCode, Instant due)
            implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.passed-to-successor", "press-enquiry", enquiryId, details("agency",
                    agencyCode, "predecessor", fromAgencyCode, "deadline", due.toString()));
        }
    }

    /** An action was taken on a press enquiry. */
    record EnquiryActed(Actor by, long enquiryId, String agencyCode, EnquiryAction action, EnquiryStatus from,
            EnquiryStatus to) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.acted", "press-enquiry", enquiryId, details("agency", agencyCode,
                    "enquiryAction", action.name(), "enquiryStatus", to.name()));
        }
    }

    /**
     * A coordinator approved or returned a draft answer in the place of an agency where nobody holds the spokesperson
     * role; {@code basis} is whose word it is (the head's, a commune chairman's), as they wrote it.
     */
    record EnquiryActedInPlace(Actor by, long enquiryId, String agencyCode, EnquiryAction action, EnquiryStatus to,
            String basis) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.acted-in-place", "press-enquiry", enquiryId, details("agency", agencyCode,
                    "onBehalfOf", agencyCode, "enquiryAction", action.name(), "enquiryStatus", to.name(), "reason", basis));
        }
    }

    /** A press enquiry's due time passed while it was open: the coordinators were told. */
    record EnquiryEscalated(Actor by, long enquiryId, String agencyCode, Instant dueAt) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-enquiry.escalated", "press-enquiry", enquiryId, details("agency", agencyCode,
                    "deadline", dueAt.toString()));
        }
    }

    /** A statement was drafted. */
    record StatementDrafted(Actor by, long statementId, String agencyCode, StatementForm form) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-statement.drafted", "press-statement", statementId, details("agency", agencyCode,
                    "statementForm", form.name()));
        }
    }

    /** A statement was approved and published on its channel. */
    record StatementPublished(Actor by, long statementId, String agencyCode, StatementForm form, StatementChannel channel)
            implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-statement.published", "press-statement", statementId, details("agency", agencyCode,
                    "statementForm", form.name(), "statementChannel", channel.name()));
        }
    }

    /**
     * A coordinator published a statement in the place of an agency where nobody holds the spokesperson role;
     * {@code basis} is whose word it is, as they wrote it. Follows its {@link StatementPublished}.
     */
    record StatementPublishedInPlace(Actor by, long statementId, String agencyCode, String basis) implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-statement.published-in-place", "press-statement", statementId, details("agency",
                    agencyCode, "onBehalfOf", agencyCode, "reason", basis));
        }
    }

    /** A time limit for answering the press was entered. */
    record TimeLimitEntered(Actor by, long limitId, EnquiryKind kind, LocalDate validFrom, String source)
            implements PressEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-time-limit.entered", "press-time-limit", limitId, details("enquiryKind", kind.name(),
                    "validFrom", validFrom.toString(), "document", source));
        }
    }

    private static AuditEntry entry(Actor by, String action, String type, long id, Map<String, Object> details) {
        return new AuditEntry(by.username(), by.agencyCode(), action, type, String.valueOf(id), details);
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}
