package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;

/**
 * What Loa acknowledges is on disk: the database commits synchronously (the embedded PostgreSQL's
 * builder turns that off for the whole server), and the import's batches, which ask for less inside
 * their own transactions, leave no connection of the pool asking for less afterwards.
 */
@SpringBootTest
class DurableCommitsIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    PostImporter importer;

    @Test
    void theDatabaseCommitsSynchronously() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT setting FROM pg_settings WHERE name = 'synchronous_commit'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void anImportsAsynchronousBatchesLeaveEveryConnectionSynchronous() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2_500; i++) { // two batches
            lines.append("{\"source\":\"durable-").append(ProcessHandle.current().pid())
                    .append("\",\"platform\":\"facebook\",\"external_id\":\"d").append(i)
                    .append("\",\"author\":\"a").append(i)
                    .append("\",\"published_at\":\"2026-11-20T08:30:00+07:00\",\"text\":\"Phản ánh số ").append(i)
                    .append(" về đường giao thông nông thôn xuống cấp ở thôn ").append(i % 17).append("\"}\n");
        }
        assertThat(importer.importFile("durable.jsonl", new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null).stored()).isEqualTo(2_500);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Connection connection = dataSource.getConnection();
                connections.add(connection);
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("on");
                }
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
