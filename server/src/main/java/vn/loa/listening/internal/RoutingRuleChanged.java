package vn.loa.listening.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.listening.AgencyRouting.Rule;
import vn.loa.shared.Actor;

/** A routing rule was added or removed. */
record RoutingRuleChanged(Actor by, String change, Rule rule) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("agency", rule.agencyCode());
        details.put("match", rule.kind());
        details.put("value", rule.value());
        return new AuditEntry(by.username(), by.agencyCode(), "routing-rule." + change, "routing-rule",
                Long.toString(rule.id()), details);
    }
}
