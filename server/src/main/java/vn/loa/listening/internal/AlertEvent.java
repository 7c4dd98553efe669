package vn.loa.listening.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** A rule was added or switched off, or an alert acknowledged. */
record AlertEvent(Actor by, String action, String type, long id, Map<String, Object> details) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry(by.username(), by.agencyCode(), action, type, Long.toString(id), new LinkedHashMap<>(details));
    }
}
