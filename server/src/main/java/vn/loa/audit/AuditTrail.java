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

    /**
     * The newest records the filter keeps, first, at most {@code limit} (up to {@link #MAX_FOUND}), below {@code beforeId}
     * when given.
     */
    List<AuditRecord> find(Filter filter, int limit, Long beforeId);

    /** Everyone who has one of the newest 20,000 records, by username, in order: the page's choice of people. */
    List<String> actors();

    /** The agencies the newest 20,000 records were made in, by code, in order. */
    List<String> agencies();

    /** The most records one call of {@link #find} returns: an export's size. */
    int MAX_FOUND = 100_000;

    /**
     * Which records to keep; a null part keeps every record.
     *
     * @param actor who did it (the username, any case)
     * @param agencyCode the agency it was done in
     * @param from the first instant kept
     * @param to the first instant no longer kept
     */
    record Filter(String actor, String agencyCode, java.time.Instant from, java.time.Instant to) {

        /** Every record. */
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /** Recomputes every record's hash and link and names the first broken record. */
    ChainVerification verify();
}
