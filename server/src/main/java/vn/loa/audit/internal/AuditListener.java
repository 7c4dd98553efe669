package vn.loa.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.loa.audit.AuditTrail;
import vn.loa.audit.AuditableEvent;

/**
 * Appends an audit record for every auditable domain event, synchronously, so that the record
 * commits or rolls back with the change that caused it.
 */
@Component
class AuditListener {

    private final AuditTrail trail;

    AuditListener(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuditableEvent event) {
        trail.append(event.auditEntry());
    }
}
