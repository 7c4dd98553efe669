package vn.loa.audit;

/**
 * A domain event that leaves a record in the audit trail. The record is appended in the same
 * transaction as the change that published the event, so no change goes unrecorded.
 */
public interface AuditableEvent {

    /** The audit entry this event leaves; must not return null. */
    AuditEntry auditEntry();
}
