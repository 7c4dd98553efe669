package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;

/**
 * An import writes each batch's roll-ups in a second transaction; a batch stored but not yet
 * rolled up when the process dies is rolled up later, exactly once.
 */
@SpringBootTest
class RollupBacklogIntegrationTests {

    @Autowired
    PostImporter importer;

    @Autowired
    Rollups rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBatchStoredButNotRolledUpIsRolledUpOnceByTheBacklog() throws Exception {
        StringBuilder file = new StringBuilder();
        String source = "backlog-" + ProcessHandle.current().pid();
        String[] texts = {"Người dân phường Tân Lợi phản ánh đường ngập nước sau mưa lớn, xe máy chết máy hàng loạt",
            "Bệnh viện đa khoa tỉnh quá tải, bệnh nhân nằm ghép ngoài hành lang, đề nghị Sở Y tế xem xét",
            "Cảm ơn Công an tỉnh đã hỗ trợ người dân làm căn cước nhanh chóng và tận tình"};
        for (int i = 0; i < 30; i++) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(i % 3 == 0 ? "hotline" : "facebook")
                    .append("\",\"external_id\":\"b").append(i).append("\",\"author\":\"Người dân\",\"published_at\":\"2026-10-0")
                    .append(1 + i % 9).append("T0").append(i % 10).append(":15:00+07:00\",\"text\":\"").append(texts[i % 3])
                    .append(" (lần ").append(i).append(")\"}\n");
        }
        ImportSummary summary = importer.importFile("backlog.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(30);
        assertThat(jdbc.sql("SELECT count(*) FROM rollup_pending").query(Long.class).single()).isZero();
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();

        // as if the process died after a batch's transaction and before its roll-ups': take them out, leave the note
        List<Long> ids = jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? "
                + "ORDER BY p.id LIMIT 12").param(source).query(Long.class).list();
        transactions.executeWithoutResult(status -> {
            rollups.apply(ids, -1);
            rollups.pending(ids, Instant.now());
        });
        assertThat(RollupChecks.mismatches(jdbc)).isNotEmpty();

        assertThat(rollups.applyBacklog()).isEqualTo(1);
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM rollup_pending").query(Long.class).single()).isZero();

        // a note already applied by someone else is not applied twice
        long note = transactions.execute(status -> rollups.pending(ids, Instant.now()));
        jdbc.sql("DELETE FROM rollup_pending WHERE id = ?").param(note).update();
        rollups.applyPending(java.util.Map.of(note, List.of(new Rollups.Fact(Timestamp.valueOf("2026-10-01 08:00:00").toInstant(),
                "FACEBOOK", "negative", "Suc khoe", "comment", "health", false, new String[0], new String[0], null))));
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
    }

    /**
     * A batch's roll-ups are written after its transaction, so a later import can merge its story into an older one
     * first: those roll-ups then count for the older story, and no daily row is left under the merged one.
     */
    @Test
    void rollUpsWrittenAfterTheirStoryWasMergedCountForTheStoryItJoined() throws Exception {
        String marker = "rollupmerge" + ProcessHandle.current().pid();
        String[] texts = vn.loa.listening.StoryVariants.twoStoriesAndABridge(k -> "Người dân thôn Tà Lọt " + marker + " " + k
                + " phản ánh giếng nước chung bị nhiễm phèn suốt nhiều tháng, trẻ em bị ngứa và đau bụng, đề nghị xã sớm đưa nước sạch về");
        assertThat(texts).isNotNull();
        String source = "rollup-merge-" + marker;
        Instant at = Instant.now().minus(33, java.time.temporal.ChronoUnit.DAYS).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            String line = "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"r" + i
                    + "\",\"author\":\"Người dân " + i + "\",\"published_at\":\"" + at.plusSeconds(600L * i)
                    + "\",\"text\":\"" + texts[i] + "\"}\n";
            if (i == 2) {
                // the second post's roll-ups not yet written when the bridge merges its story into the first's
                List<Long> second = jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id "
                        + "WHERE s.code = ? AND p.external_id = 'r1'").param(source).query(Long.class).list();
                List<Rollups.Fact> facts = rollups.facts(second);
                assertThat(facts).hasSize(1);
                transactions.executeWithoutResult(status -> rollups.apply(second, -1));
                assertThat(importer.importFile("r2.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                        Actor.SYSTEM, null).stored()).isEqualTo(1);
                long merged = facts.getFirst().story();
                assertThat(jdbc.sql("SELECT merged_into IS NOT NULL FROM story WHERE id = ?").param(merged)
                        .query(Boolean.class).single()).as("the bridge merged the second post's story").isTrue();
                transactions.executeWithoutResult(status -> rollups.add(facts, 1));
                assertThat(jdbc.sql("SELECT count(*) FROM story_daily WHERE story_id = ?").param(merged).query(Long.class)
                        .single()).isZero();
            } else {
                assertThat(importer.importFile("r" + i + ".jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                        Actor.SYSTEM, null).stored()).isEqualTo(1);
            }
        }
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
    }

    @Test
    void theMigrationCountsTheCommentsOfThePostsRolledUpBeforeIt() throws Exception {
        StringBuilder file = new StringBuilder();
        String source = "comments-" + ProcessHandle.current().pid();
        String[] texts = {"Người dân phàn nàn bệnh viện tỉnh thu thêm tiền ngoài danh mục, quá bức xúc, đề nghị Sở Y tế xử lý",
            "Sở Y tế tổ chức hội nghị triển khai kế hoạch tiêm chủng mở rộng năm 2027 tại Nha Trang"};
        for (int i = 0; i < 12; i++) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(i % 2 == 0 ? "facebook" : "news")
                    .append("\",\"external_id\":\"c").append(i).append("\",\"author\":\"Tác giả ").append(i)
                    .append("\",\"published_at\":\"2026-10-1").append(i % 5).append("T0").append(i % 10)
                    .append(":20:00+07:00\",\"text\":\"").append(texts[i % 2]).append(" (").append(i).append(")\"}\n");
        }
        importer.importFile("comments.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE register = 'comment' AND sentiment = 'negative'")
                .query(Long.class).single()).isPositive();
        // roll-ups as they were before V37 (no comment counts), and a batch of comments stored but not yet rolled up
        List<Long> pending = jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? "
                + "AND p.register = 'comment' ORDER BY p.id LIMIT 3").param(source).query(Long.class).list();
        transactions.executeWithoutResult(status -> {
            rollups.apply(pending, -1);
            rollups.pending(pending, Instant.now());
            jdbc.sql("UPDATE post_hourly SET comments = 0, negative_comments = 0").update();
            jdbc.sql("UPDATE post_daily SET comments = 0, negative_comments = 0").update();
            jdbc.sql("UPDATE story_daily SET negative_comments = 0").update();
        });
        assertThat(RollupChecks.mismatches(jdbc)).containsOnlyKeys("post_hourly", "post_daily", "story_daily");

        // V37's statements after its columns are added, as Flyway runs them: in one transaction
        String migration = new String(getClass().getResourceAsStream("/db/migration/V37__rollups_comments.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        List<String> backfill = java.util.Arrays.stream(migration.split(";\\s*\\n"))
                .map(statement -> statement.lines().filter(line -> !line.startsWith("--")).collect(
                        java.util.stream.Collectors.joining("\n")).strip())
                .filter(statement -> !statement.isEmpty() && !statement.startsWith("ALTER TABLE")).toList();
        assertThat(backfill).hasSize(4);
        transactions.executeWithoutResult(status -> backfill.forEach(statement -> jdbc.sql(statement).update()));

        // the pending batch is counted once, when its roll-ups are written, with its comments
        assertThat(rollups.applyBacklog()).isEqualTo(1);
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
    }
}
