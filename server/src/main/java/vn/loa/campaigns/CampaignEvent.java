package vn.loa.campaigns;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened to plans, campaigns and messages. Every one is audited, in the transaction of the change. */
public sealed interface CampaignEvent extends AuditableEvent {

    /** A plan was created. */
    record PlanCreated(Actor by, long planId, String agencyCode, int year) implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign-plan.created", "campaign-plan", planId, details("agency", agencyCode,
                    "year", year));
        }
    }

    /** A campaign was created. */
    record CampaignCreated(Actor by, long campaignId, long planId, String agencyCode) implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign.created", "campaign", campaignId, details("plan", planId, "agency", agencyCode));
        }
    }

    /** A message was written. */
    record MessageWritten(Actor by, long messageId, long campaignId, Emergency emergency) implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign-message.written", "campaign-message", messageId, details("campaign", campaignId,
                    "emergency", emergency == null ? null : emergency.name()));
        }
    }

    /** A draft's title and text were rewritten. */
    record MessageRewritten(Actor by, long messageId) implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign-message.rewritten", "campaign-message", messageId, details());
        }
    }

    /** A channel version was saved, or its audio attached. */
    record VersionSaved(Actor by, long versionId, long messageId, VersionKind kind, String what)
            implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign-version." + what, "campaign-version", versionId, details("message", messageId,
                    "kind", kind.name()));
        }
    }

    /** A message took a step of its approval. */
    record MessageStepTaken(Actor by, long messageId, MessageAction action, MessageStatus from, MessageStatus to,
            String reason) implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign-message." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "campaign-message", messageId, details("from", from == null ? null : from.name(), "to", to.name(),
                            "reason", reason));
        }
    }

    /** A message's versions were handed to publishing. */
    record MessagePublished(Actor by, long messageId, int publications) implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign-message.published", "campaign-message", messageId,
                    details("publications", publications));
        }
    }

    /** A translation was assigned, entered or approved. */
    record TranslationChanged(Actor by, long translationId, long versionId, String language, String what,
            String translator) implements CampaignEvent {
        public AuditEntry auditEntry() {
            return entry(by, "campaign-translation." + what, "campaign-translation", translationId,
                    details("version", versionId, "language", language, "translator", translator));
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
