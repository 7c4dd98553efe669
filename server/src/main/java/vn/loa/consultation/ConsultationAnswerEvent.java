package vn.loa.consultation;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened to the groups, the answers and the adoption of a consultation. Every one is audited. */
public sealed interface ConsultationAnswerEvent extends AuditableEvent {

    /** The contributions were grouped again. */
    record Regrouped(Actor by, long consultationId, int contributions, int groups) implements ConsultationAnswerEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation.regrouped", "consultation", consultationId,
                    details("contributions", contributions, "groups", groups));
        }
    }

    /** An officer corrected the groups. */
    record GroupsCorrected(Actor by, long consultationId, long correctionId, CorrectionAction action)
            implements ConsultationAnswerEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation.group-corrected", "consultation", consultationId,
                    details("correction", correctionId, "correctionAction", action.name()));
        }
    }

    /** An answer was written, submitted, approved or published. */
    record AnswerChanged(Actor by, long answerId, long consultationId, AnswerStatus status, Verdict verdict)
            implements ConsultationAnswerEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation-answer." + status.name().toLowerCase(java.util.Locale.ROOT),
                    "consultation-answer", answerId, details("consultation", consultationId, "verdict", verdict.name()));
        }
    }

    /** An answer template was saved. */
    record TemplateSaved(Actor by, long templateId, String agencyCode) implements ConsultationAnswerEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation-template.saved", "consultation-template", templateId,
                    details("agency", agencyCode));
        }
    }

    /** The final text was adopted and the contributors told. */
    record Adopted(Actor by, long consultationId, long finalVersionId, int notified) implements ConsultationAnswerEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation.adopted", "consultation", consultationId,
                    details("finalVersion", finalVersionId, "notified", notified));
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
