package vn.loa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class AuditTrailIntegrationTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    record SomethingHappened(String what) implements AuditableEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry("tester", "STTTT", "test.happened", "thing", "1", Map.of("what", what));
        }
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void everyKindOfRecordInTheTrailHasASentenceInBothLanguages() {
        // the demo's records and whatever the tests before wrote: none may read "performed «campaign-message.schedule»"
        java.util.List<String> actions = jdbc.sql("SELECT DISTINCT action FROM audit_record WHERE action NOT LIKE 'test.%'")
                .query(String.class).list();
        assertThat(actions).as("the demo writes records").contains("consultation-contribution.recorded",
                "campaign-message.written");
        for (java.util.Locale locale : java.util.List.of(java.util.Locale.of("vi"), java.util.Locale.ENGLISH)) {
            assertThat(actions).as("actions without a sentence in " + locale).allSatisfy(action -> assertThat(
                    messages.getMessage("audit.entry." + action, null, null, locale)).as(action).isNotNull());
        }
    }

    @Test
    void appendsEachRecordLinkedToTheOneBefore() {
        AuditRecord first = trail.append(new AuditEntry("tester", null, "test.first", null, null, Map.of("n", 1)));
        AuditRecord second = trail.append(new AuditEntry("tester", null, "test.second", null, null, Map.of("n", 2)));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void recordsAnAuditableEventInTheSameTransaction() {
        long before = count();
        events.publishEvent(new SomethingHappened("kept"));
        assertThat(count()).isEqualTo(before + 1);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(new SomethingHappened("rolled back"));
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count()).as("a rolled-back change leaves no audit record").isEqualTo(before + 1);
    }

    @Test
    void namesTheFirstRecordChangedDirectlyInTheDatabase() throws SQLException {
        AuditRecord target = trail.append(new AuditEntry("tester", null, "test.original", null, null, Map.of("x", "y")));
        trail.append(new AuditEntry("tester", null, "test.after", null, null, Map.of()));
        try (Connection owner = ownerConnection()) {
            updateAction(owner, target.id(), "test.forged");
            ChainVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenRecord()).contains(target.id());
            assertThat(result.reason()).contains("changed");
            assertThat(result.reasonKey()).isEqualTo("audit.broken.content");
        } finally {
            try (Connection owner = ownerConnection()) {
                updateAction(owner, target.id(), "test.original");
            }
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRemovedRecordBreaksTheLinkOfTheNext() throws SQLException {
        AuditRecord removed = trail.append(new AuditEntry("tester", null, "test.removed", null, null, Map.of()));
        AuditRecord next = trail.append(new AuditEntry("tester", null, "test.next", null, null, Map.of()));
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("DELETE FROM audit_record WHERE id = " + removed.id());
            ChainVerification result = trail.verify();
            assertThat(result.firstBrokenRecord()).contains(next.id());
            assertThat(result.reason()).contains("removed");
            assertThat(result.reasonKey()).isEqualTo("audit.broken.link");
            try (PreparedStatement insert = owner.prepareStatement("""
                    INSERT INTO audit_record (id, occurred_at, actor, agency_code, action, target_type, target_id, details,
                                              previous_hash, hash)
                    OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, removed.id());
                insert.setTimestamp(2, java.sql.Timestamp.from(removed.occurredAt()));
                insert.setString(3, removed.actor());
                insert.setString(4, removed.agencyCode());
                insert.setString(5, removed.action());
                insert.setString(6, removed.targetType());
                insert.setString(7, removed.targetId());
                insert.setString(8, removed.details());
                insert.setString(9, removed.previousHash());
                insert.setString(10, removed.hash());
                insert.executeUpdate();
            }
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theApplicationsDatabaseRoleCannotChangeOrRemoveAuditRecords() {
        AuditRecord record = trail.append(new AuditEntry("tester", null, "test.protected", null, null, Map.of()));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_record SET actor = 'mallory' WHERE id = ?").param(record.id()).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_record WHERE id = ?").param(record.id()).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("loa_app");
    }

    @Test
    void evenTheOwnerCannotUpdateAnAuditRecordWithoutDisablingItsTrigger() throws SQLException {
        AuditRecord record = trail.append(new AuditEntry("tester", null, "test.owner", null, null, Map.of()));
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_record SET actor = 'x' WHERE id = " + record.id()))
                    .hasMessageContaining("append-only");
        }
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
    }

    private Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"), "postgres", "");
    }

    private static void updateAction(Connection owner, long id, String action) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
        }
        try (PreparedStatement update = owner.prepareStatement("UPDATE audit_record SET action = ? WHERE id = ?")) {
            update.setString(1, action);
            update.setLong(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        try (Statement statement = owner.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT action FROM audit_record WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(action);
        }
    }
}
