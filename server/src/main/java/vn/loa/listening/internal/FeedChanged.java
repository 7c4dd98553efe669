package vn.loa.listening.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** A source was added, switched on or off, or marked (or unmarked) as citizens' posts or as local. */
record FeedChanged(Actor by, long sourceId, String code, String change, String url) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", code);
        if (url != null) {
            details.put("url", url);
        }
        return new AuditEntry(by.username(), by.agencyCode(), "source." + change, "post-source", Long.toString(sourceId),
                details);
    }
}
