package vn.loa.coordination;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened to a periodic report: generated, edited, regenerated, issued. Every one is audited. */
public record ReportEvent(Actor by, long reportId, String action, String kind, String period, Map<String, Object> more)
        implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("period", period);
        details.putAll(more);
        return new AuditEntry(by.username(), by.agencyCode(), "coord-report." + action, "coord-report",
                String.valueOf(reportId), details);
    }
}
