package vn.loa.audit;

import java.time.Instant;

/**
 * One stored audit record with its place in the hash chain.
 *
 * @param id the record's position in the chain, increasing
 * @param occurredAt when it happened (UTC, microsecond precision)
 * @param actor who acted
 * @param agencyCode the actor's agency, may be null
 * @param action what was done
 * @param targetType the kind of target, may be null
 * @param targetId the target's id, may be null
 * @param details the details as canonical JSON
 * @param previousHash the hash of the record before, or 64 zeros for the first
 * @param hash this record's hash
 */
public record AuditRecord(long id, Instant occurredAt, String actor, String agencyCode, String action,
        String targetType, String targetId, String details, String previousHash, String hash) {
}
