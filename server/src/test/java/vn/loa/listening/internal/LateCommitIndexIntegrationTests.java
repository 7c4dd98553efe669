package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;

/**
 * Two writers at once commit in any order: a post whose id is below posts already indexed, but
 * committed after them, is still found by search.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LateCommitIndexIntegrationTests {

    @Autowired
    PostImporter importer;

    @Autowired
    Rollups rollups;

    @Autowired
    LucenePostIndex index;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aPostCommittedAfterHigherIdsWereIndexedIsIndexedToo() throws Exception {
        String source = "late-" + ProcessHandle.current().pid();
        String marker = "muonmang" + ProcessHandle.current().pid();
        importer.importFile("first.jsonl", stream(line(source, "a1", "Người dân hỏi về lịch tiêm chủng mở rộng tại trạm y tế xã")),
                Actor.SYSTEM, null);
        long sourceId = jdbc.sql("SELECT id FROM post_source WHERE code = ?").param(source).query(Long.class).single();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long lateId;
            try (PreparedStatement insert = slow.prepareStatement("""
                    INSERT INTO post (source_id, platform, external_id, published_at, text, normalized_text, fingerprint,
                                      sentiment, sentiment_confidence, topic, toxicity, toxicity_confidence, places, agencies,
                                      ingested_at, register, domain, model_version)
                    VALUES (?, 'FACEBOOK', 'late-1', now(), ?, ?, 0, 'neutral', 1, 'Doi song', 'CLEAN', 1, '{}', '{}', now(),
                            'comment', 'other', 'test')
                    RETURNING id""")) {
                insert.setLong(1, sourceId);
                insert.setString(2, "Phản ánh " + marker + " về đèn đường hỏng");
                insert.setString(3, "phản ánh " + marker + " về đèn đường hỏng");
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    lateId = rs.getLong(1);
                }
            }
            // meanwhile another import commits posts with higher ids, and the index passes them
            importer.importFile("second.jsonl", stream(line(source, "a2", "Xin hỏi thủ tục cấp lại căn cước khi bị mất ở đâu")),
                    Actor.SYSTEM, null);
            assertThat(jdbc.sql("SELECT max(id) FROM post").query(Long.class).single()).isGreaterThan(lateId);
            slow.commit();
            // its roll-ups, as the slow import would have written them: later tests recount the roll-ups
            rollups.apply(java.util.List.of(lateId), 1);
        }
        index.catchUp();
        MockHttpSession coordinator = (MockHttpSession) mvc.perform(formLogin("/login").user("coordinator").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/api/v1/posts").param("q", marker).session(coordinator)).andExpect(jsonPath("$.total").value(1));
    }

    private static String line(String source, String id, String text) {
        return "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"" + id
                + "\",\"published_at\":\"2026-11-20T08:30:00+07:00\",\"text\":\"" + text + "\"}\n";
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
