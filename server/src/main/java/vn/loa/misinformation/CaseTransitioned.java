package vn.loa.misinformation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/**
 * A case moved from one state to another (or was reassigned within one).
 *
 * @param details what the transition carried (agency, owner, verdict, reason, legal basis); untrusted text
 */
public record CaseTransitioned(long caseId, CaseAction action, CaseStatus from, CaseStatus to, String agencyCode,
        Actor by, Instant at, Map<String, String> details) implements AuditableEvent {

    public CaseTransitioned {
        details = Map.copyOf(details);
    }

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("from", from.name());
        audit.put("to", to.name());
        audit.putAll(details);
        return new AuditEntry(by.username(), by.agencyCode(), "case." + action.name().toLowerCase(java.util.Locale.ROOT),
                "case", Long.toString(caseId), audit);
    }
}
