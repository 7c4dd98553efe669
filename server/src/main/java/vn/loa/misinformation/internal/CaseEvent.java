package vn.loa.misinformation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** Something done to a case besides a transition: a note, a file, evidence, an escalation, repeats found. */
record CaseEvent(Actor by, String action, long caseId, Map<String, Object> details) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry(by.username(), by.agencyCode(), action, "case", Long.toString(caseId),
                new LinkedHashMap<>(details));
    }
}
