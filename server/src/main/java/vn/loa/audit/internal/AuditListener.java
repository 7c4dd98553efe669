package vn.loa.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditTrail;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.DatabaseRestored;

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

    /** A restore replaced the whole trail with the backup's: the restore is the first record after the backup's last. */
    @EventListener
    void on(DatabaseRestored event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", event.file());
        details.put("sha256", event.sha256());
        details.put("takenAt", event.takenAt().toString());
        details.put("rows", event.rows());
        trail.append(new AuditEntry(event.by().username(), event.by().agencyCode(), "database.restored", "backup",
                event.file(), details));
    }
}
