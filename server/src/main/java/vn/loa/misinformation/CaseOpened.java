package vn.loa.misinformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** A case was opened, from an alert, a story, a citizen's report or an officer's entry. */
public record CaseOpened(long caseId, CaseSource source, CaseCategory category, Severity severity, String agencyCode,
        List<Long> postIds, Actor by) implements AuditableEvent {

    public CaseOpened {
        postIds = List.copyOf(postIds);
    }

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source.name());
        details.put("category", category.name());
        details.put("severity", severity.name());
        if (agencyCode != null) {
            details.put("agency", agencyCode);
        }
        details.put("posts", postIds.size());
        return new AuditEntry(by.username(), by.agencyCode(), "case.opened", "case", Long.toString(caseId), details);
    }
}
