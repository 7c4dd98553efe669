package vn.loa.audit;

import java.util.List;

/**
 * The audit trail: appends records in a hash chain, lists them and verifies the chain.
 */
public interface AuditTrail {

    /** Appends an entry at the end of the chain and returns the stored record. */
    AuditRecord append(AuditEntry entry);

    /** Returns the newest records first, at most {@code limit}, starting below {@code beforeId} when given. */
    List<AuditRecord> newest(int limit, Long beforeId);

    /** Recomputes every record's hash and link and names the first broken record. */
    ChainVerification verify();
}
