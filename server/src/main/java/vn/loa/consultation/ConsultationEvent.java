package vn.loa.consultation;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened to drafts, consultations and contributions. Every one is audited. */
public sealed interface ConsultationEvent extends AuditableEvent {

    /** A draft or a new version of it was imported. */
    record DraftVersionImported(Actor by, long draftId, long versionId, int versionNo, String agencyCode,
            boolean finalText) implements ConsultationEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation-draft.version-imported", "consultation-draft", draftId,
                    details("agency", agencyCode, "version", versionNo, "versionId", versionId, "final", finalText));
        }
    }

    /** A consultation was created, changed state (published, closed), or was edited. */
    record ConsultationChanged(Actor by, long consultationId, String agencyCode, String action, ConsultationStatus status)
            implements ConsultationEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation." + action, "consultation", consultationId,
                    details("agency", agencyCode, "status", status.name()));
        }
    }

    /** A contribution was recorded (a verified comment, an official opinion, an imported row). */
    record ContributionRecorded(Actor by, long contributionId, long consultationId, ContributionSource source,
            ContributionStatus status, String heldFor) implements ConsultationEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation-contribution.recorded", "consultation-contribution", contributionId,
                    details("consultation", consultationId, "source", source.name(), "status", status.name(),
                            "heldFor", heldFor == null ? "" : heldFor));
        }
    }

    /** A contribution was published or rejected by an officer. */
    record ContributionModerated(Actor by, long contributionId, long consultationId, ContributionStatus status,
            String reason) implements ConsultationEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation-contribution.moderated", "consultation-contribution", contributionId,
                    details("consultation", consultationId, "status", status.name(), "reason",
                            reason == null ? "" : reason));
        }
    }

    /** A contribution was marked as not about the draft, or the mark was taken away, by an officer. */
    record ContributionOffTopicChanged(Actor by, long contributionId, long consultationId, boolean offTopic, String note)
            implements ConsultationEvent {
        public AuditEntry auditEntry() {
            return entry(by, offTopic ? "consultation-contribution.off-topic-marked"
                    : "consultation-contribution.off-topic-unmarked", "consultation-contribution", contributionId,
                    details("consultation", consultationId, "offTopic", offTopic, "note", note == null ? "" : note));
        }
    }

    /** A file of contributions was imported. */
    record ContributionsImported(Actor by, long consultationId, int rows, int held) implements ConsultationEvent {
        public AuditEntry auditEntry() {
            return entry(by, "consultation-contribution.imported", "consultation", consultationId,
                    details("rows", rows, "held", held));
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
