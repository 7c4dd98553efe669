package vn.loa.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.audit.ChainVerification;

@Service
class JdbcAuditTrail implements AuditTrail {

    /** Serialises appends across the whole database (not just this JVM) so the chain stays linear. */
    private static final long CHAIN_LOCK = 0x4c4f41_41554454L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional
    public AuditRecord append(AuditEntry entry) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(CHAIN_LOCK).query(Integer.class).single();
        String previousHash = jdbc.sql("SELECT hash FROM audit_record ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().orElse(AuditChain.GENESIS);
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('audit_record', 'id'))").query(Long.class).single();
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String details = json.writeValueAsString(new TreeMap<>(entry.details()));
        String hash = AuditChain.hash(previousHash, id, occurredAt, entry.actor(), entry.agencyCode(), entry.action(),
                entry.targetType(), entry.targetId(), details);
        jdbc.sql("""
                INSERT INTO audit_record (id, occurred_at, actor, agency_code, action, target_type, target_id, details,
                                          previous_hash, hash)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, Timestamp.from(occurredAt), entry.actor(), entry.agencyCode(), entry.action(),
                        entry.targetType(), entry.targetId(), details, previousHash, hash)
                .update();
        return new AuditRecord(id, occurredAt, entry.actor(), entry.agencyCode(), entry.action(), entry.targetType(),
                entry.targetId(), details, previousHash, hash);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> newest(int limit, Long beforeId) {
        return jdbc.sql("SELECT * FROM audit_record WHERE id < ? ORDER BY id DESC LIMIT ?")
                .params(beforeId == null ? Long.MAX_VALUE : beforeId, Math.max(1, Math.min(limit, 500)))
                .query(JdbcAuditTrail::record)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> actors() {
        return ofRecentRecords("actor");
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> agencies() {
        return ofRecentRecords("agency_code");
    }

    /**
     * The values a column holds in the newest 20,000 records, in order: a choice for the page's filter, not a scan of a
     * trail that may hold millions. {@code column} is one of this class's own names, never a reader's.
     */
    private List<String> ofRecentRecords(String column) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM (SELECT " + column
                + " FROM audit_record ORDER BY id DESC LIMIT 20000) recent WHERE " + column + " IS NOT NULL ORDER BY 1")
                .query(String.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> find(Filter filter, int limit, Long beforeId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record WHERE id < ?");
        List<Object> params = new java.util.ArrayList<>(List.of(beforeId == null ? Long.MAX_VALUE : beforeId));
        if (filter.actor() != null) {
            sql.append(" AND lower(actor) = lower(?)");
            params.add(filter.actor());
        }
        if (filter.agencyCode() != null) {
            sql.append(" AND agency_code = ?");
            params.add(filter.agencyCode());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(java.sql.Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(Math.max(1, Math.min(limit, MAX_FOUND)));
        return jdbc.sql(sql.toString()).params(params).query(JdbcAuditTrail::record).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AtomicReference<String> expectedPrevious = new AtomicReference<>(AuditChain.GENESIS);
        AtomicReference<ChainVerification> broken = new AtomicReference<>();
        long[] count = {0};
        jdbc.sql("SELECT * FROM audit_record ORDER BY id").query((ResultSet rs) -> {
            if (broken.get() != null) {
                return;
            }
            AuditRecord record = record(rs, 0);
            count[0]++;
            if (!record.previousHash().equals(expectedPrevious.get())) {
                broken.set(new ChainVerification(count[0], Optional.of(record.id()),
                        ChainVerification.LINK_BROKEN));
                return;
            }
            String recomputed = AuditChain.hash(record.previousHash(), record.id(), record.occurredAt(), record.actor(),
                    record.agencyCode(), record.action(), record.targetType(), record.targetId(), record.details());
            if (!recomputed.equals(record.hash())) {
                broken.set(new ChainVerification(count[0], Optional.of(record.id()),
                        ChainVerification.CONTENT_CHANGED));
                return;
            }
            expectedPrevious.set(record.hash());
        });
        return broken.get() != null ? broken.get() : new ChainVerification(count[0], Optional.empty(), "");
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("agency_code"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
