package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/**
 * What happened to the desk's periodic obligations, crises and correction requests. Every one is audited, in the
 * transaction of the change.
 */
public sealed interface PressFollowUpEvent extends AuditableEvent {

    /** A rule of periodic information was entered. */
    record ObligationRuleEntered(Actor by, long ruleId, Obligation obligation, int everyMonths, LocalDate validFrom,
            String source) implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-obligation-rule.entered", "press-obligation-rule", ruleId, details("obligation",
                    obligation.name(), "months", everyMonths, "validFrom", validFrom.toString(), "document", source));
        }
    }

    /** A press conference was scheduled. */
    record ConferenceScheduled(Actor by, long conferenceId, String agencyCode, Instant scheduledAt)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-conference.scheduled", "press-conference", conferenceId, details("agency", agencyCode,
                    "deadline", scheduledAt.toString()));
        }
    }

    /** A press conference was held and its record kept. */
    record ConferenceHeld(Actor by, long conferenceId, String agencyCode, int questions) implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-conference.held", "press-conference", conferenceId, details("agency", agencyCode,
                    "questions", questions));
        }
    }

    /** A planned press conference was called off. */
    record ConferenceCancelled(Actor by, long conferenceId, String agencyCode) implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-conference.cancelled", "press-conference", conferenceId, details("agency", agencyCode));
        }
    }

    /** A crisis was opened and its clock started. */
    record CrisisOpened(Actor by, long crisisId, String agencyCode, CrisisSource source, Long sourceId, Instant due)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-crisis.opened", "press-crisis", crisisId, details("agency", agencyCode,
                    "crisisSource", source.name(), "sourceId", sourceId, "deadline", due.toString()));
        }
    }

    /** The agency of an open crisis ended and the one unit that took over from it holds the crisis now, its clock unchanged. */
    record CrisisPassedToSuccessor(Actor by, long crisisId, String agencyCode, String fromAgencyCode, Instant due)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-crisis.passed-to-successor", "press-crisis", crisisId, details("agency", agencyCode,
                    "predecessor", fromAgencyCode, "deadline", due.toString()));
        }
    }

    /** A crisis's first statement was published: its clock stopped. */
    record CrisisFirstStatement(Actor by, long crisisId, String agencyCode, long statementId, boolean late)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-crisis.first-statement", "press-crisis", crisisId, details("agency", agencyCode,
                    "statement", statementId, "late", late));
        }
    }

    /** A press enquiry was linked to a crisis. */
    record CrisisEnquiryLinked(Actor by, long crisisId, String agencyCode, long enquiryId) implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-crisis.enquiry-linked", "press-crisis", crisisId, details("agency", agencyCode,
                    "enquiry", enquiryId));
        }
    }

    /** A statement was drafted for a crisis. */
    record CrisisStatementDrafted(Actor by, long crisisId, String agencyCode, long statementId)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-crisis.statement-drafted", "press-crisis", crisisId, details("agency", agencyCode,
                    "statement", statementId));
        }
    }

    /** A crisis was closed. */
    record CrisisClosed(Actor by, long crisisId, String agencyCode, String reason, boolean withoutStatement)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, withoutStatement ? "press-crisis.closed-without-statement" : "press-crisis.closed",
                    "press-crisis", crisisId, details("agency", agencyCode, "reason", reason));
        }
    }

    /** The hours for a crisis's first statement were entered. */
    record CrisisRuleEntered(Actor by, long ruleId, int hours, LocalDate validFrom, String source)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-crisis-rule.entered", "press-crisis-rule", ruleId, details("hours", hours,
                    "validFrom", validFrom.toString(), "document", source));
        }
    }

    /** A refutation of the misinformation desk was issued as a press statement. */
    record RefutationIssued(Actor by, long statementId, String agencyCode, long caseId, Long crisisId)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-statement.refutation-issued", "press-statement", statementId, details("agency",
                    agencyCode, "case", caseId, "crisis", crisisId));
        }
    }

    /** A correction request was found published in the news, or its due date passed without it. */
    record CorrectionChecked(Actor by, long statementId, String agencyCode, CorrectionStatus status, Long postId)
            implements PressFollowUpEvent {
        public AuditEntry auditEntry() {
            return entry(by, "press-correction." + status.name().toLowerCase(Locale.ROOT), "press-statement",
                    statementId, details("agency", agencyCode, "post", postId));
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
