package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.listening.internal.RollupChecks;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.Register;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.Actor;

/**
 * Each post is stored with its register (read with what its platform says), its policy domain, the
 * version of the models that labelled it, and 'unclear' for a sentiment the model is unsure of; the
 * roll-ups count it by register and domain.
 */
@SpringBootTest
class PostRegisterAndDomainIntegrationTests {

    /** Texts of every kind: comments, news, an official notice, short and unsure ones. */
    static final List<String> TEXTS = List.of(
            "Bệnh viện tỉnh quá tải, bệnh nhân nằm ghép ngoài hành lang, Sở Y tế cần kiểm tra ngay",
            "Cảm ơn chính quyền xã đã sửa đường rất nhanh",
            "Hôm nay trời mưa",
            "UBND tỉnh thông báo lịch tiếp công dân tháng 5",
            "Học sinh được nghỉ học do bão",
            "Tai nạn giao thông trên quốc lộ 1A làm 2 người bị thương",
            "Thông báo: Căn cứ Quyết định số 12/QĐ-UBND, Sở Giáo dục tổ chức kỳ thi tuyển sinh lớp 10",
            "ai biết chỉ mình với",
            "Giá xăng tăng",
            "Lúa mất mùa vì hạn hán, nông dân lo lắng",
            "Thủ tục cấp sổ đỏ quá rườm rà, đi lại nhiều lần",
            "Công an bắt đối tượng lừa đảo qua mạng",
            "Lễ hội du lịch biển Ninh Chữ thu hút hàng nghìn du khách",
            "mọi người nghĩ sao",
            "Giá điện tăng quá cao, người dân khó khăn trong mùa nắng nóng năm nay",
            "Đề nghị tỉnh xem xét lại việc thu phí bến xe khách liên tỉnh mới");

    /**
     * Short replies that say little; the test posts those the shipped sentiment model is unsure of
     * (reads as 'unclear'), so that the path of an unclear post is taken whatever the model's version.
     */
    static final List<String> UNSURE_CANDIDATES = List.of("để mai tính", "ok", "thế à", "vậy hả", "để xem",
            "có lẽ vậy", "không biết nữa", "sao cũng được", "chắc vậy", "ờ thì", "tuỳ mọi người", "để coi sao",
            "thôi kệ", "vừa vừa thôi", "nửa nọ nửa kia", "chẳng biết sao", "nói chung là", "cũng hay mà cũng dở",
            "được mà cũng không được", "tạm được", "có thể");

    @Autowired
    PostImporter importer;

    @Autowired
    TextAnalyzer analyzer;

    @Autowired
    JdbcClient jdbc;

    private record Stored(String text, String platform, String register, String domain, String sentiment,
            String modelVersion) {
    }

    @Test
    void storesEachPostsRegisterDomainModelVersionAndUnclearSentimentAsTheAnalyzerReadsThem() throws Exception {
        String source = "labels-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        String[] platforms = {"facebook", "news", "hotline", "website", "forum", "office", "other", "zalo"};
        List<String> unsure = UNSURE_CANDIDATES.stream()
                .filter(text -> analyzer.analyze(text, LocalDate.of(2026, 5, 1), Platform.FACEBOOK.registerHint())
                        .sentiment().unclear())
                .toList();
        assertThat(unsure).as("the shipped sentiment model is unsure of none of the short replies").isNotEmpty();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < unsure.size(); i++) {
            file.append(line(source, "facebook", "u" + i, unsure.get(i)));
        }
        for (int i = 0; i < TEXTS.size(); i++) {
            // a text of twelve syllables or more is stored once in the whole database: those carry the test's mark
            String text = TEXTS.get(i).split(" ").length >= 12 ? TEXTS.get(i) + " (" + source + ")" : TEXTS.get(i);
            file.append(line(source, platforms[i % platforms.length], "l" + i, text));
        }
        ImportSummary summary = importer.importFile("labels.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(TEXTS.size() + unsure.size());

        List<Stored> stored = jdbc.sql("""
                SELECT p.text, p.platform, p.register, p.domain, p.sentiment, p.model_version
                FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? ORDER BY p.id
                """).param(source).query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6))).list();
        assertThat(stored).hasSize(TEXTS.size() + unsure.size());
        List<String> sentiments = new ArrayList<>();
        for (Stored post : stored) {
            Analysis expected = analyzer.analyze(post.text(), LocalDate.of(2026, 5, 1),
                    Platform.valueOf(post.platform()).registerHint());
            assertThat(post.register()).as(post.text()).isEqualTo(expected.register().id());
            assertThat(post.domain()).as(post.text()).isEqualTo(expected.domain().label());
            assertThat(post.sentiment()).as(post.text()).isEqualTo(expected.sentiment().labelOrUnclear());
            assertThat(post.modelVersion()).isEqualTo(analyzer.modelVersion());
            assertThat(PostLabels.REGISTERS).contains(post.register());
            assertThat(PostLabels.DOMAINS).contains(post.domain());
            sentiments.add(post.sentiment());
        }
        // what the platform says decides where the text cannot: feedback is a citizen's, a news site never comments
        assertThat(stored).filteredOn(p -> p.platform().equals("HOTLINE") || p.platform().equals("OFFICE"))
                .isNotEmpty().allMatch(p -> p.register().equals("comment"));
        assertThat(stored).filteredOn(p -> p.platform().equals("NEWS") || p.platform().equals("WEBSITE"))
                .isNotEmpty().allMatch(p -> !p.register().equals("comment"));
        assertThat(sentiments).as("the replies the model is unsure of are stored as unclear").contains("unclear");

        // an unclear post counts among the posts and in none of the three sentiments, under each dimension
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        Map<String, Long> byRegister = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT val, sum(posts) FROM post_hourly WHERE scope = '' AND dim = 'register'
                AND hour = '2026-05-01T01:00:00Z' GROUP BY val
                """).query(rs -> {
                    byRegister.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(byRegister.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(TEXTS.size());
        long unclearAll = jdbc.sql("""
                SELECT sum(posts - negative - neutral - positive) FROM post_hourly
                WHERE scope = '' AND dim = 'domain' AND hour = '2026-05-01T01:00:00Z'
                """).query(Long.class).single();
        assertThat(unclearAll).isGreaterThanOrEqualTo(sentiments.stream().filter("unclear"::equals).count());
    }

    /** Insults and hate in a citizen's words; the test takes one the shipped toxicity model flags. */
    static final List<String> TOXIC_CANDIDATES = List.of("Đồ chó má, lũ quan tham ăn hại, cút hết đi cho dân nhờ",
            "Thằng chủ tịch xã ngu như bò, mặt dày ăn tiền của dân", "Bọn mày là lũ súc vật, đáng chết hết",
            "địt mẹ bọn lừa đảo, ngu như chó");

    @Test
    void aNewsSitesArticleIsCleanByRuleWhileAReadersCommentUnderItIsReadByTheModel() throws Exception {
        String source = "toxic-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        LocalDate day = LocalDate.of(2026, 5, 1);
        String text = TOXIC_CANDIDATES.stream().map(t -> t + " (" + source + ")")
                .filter(t -> !analyzer.analyze(t, day, Register.Hint.SOCIAL).toxicity().label().equals("CLEAN"))
                .findFirst().orElseThrow(() -> new AssertionError("the shipped toxicity model flags none of the insults"));
        Analysis asComment = analyzer.analyze(text, day, Register.Hint.SOCIAL);

        // a reader's comment under a news site's article first, then the same words as an article and on Facebook
        String comment = line(source, "news", "c1", text).replace("\"}", "\",\"parent_external_id\":\"a0\"}");
        importer.importFile("comment.jsonl", new ByteArrayInputStream(comment.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        String copies = line(source, "news", "a1", text) + line(source, "facebook", "f1", text);
        ImportSummary summary = importer.importFile("copies.jsonl",
                new ByteArrayInputStream(copies.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(2);

        Map<String, List<String>> stored = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT p.external_id, p.register, p.toxicity FROM post p JOIN post_source s ON s.id = p.source_id
                WHERE s.code = ?
                """).param(source).query(rs -> {
                    stored.put(rs.getString(1), List.of(rs.getString(2), rs.getString(3)));
                });
        List<String> readAsComment = List.of(asComment.register().id(), asComment.toxicity().label());
        assertThat(stored.get("c1")).as("a reader's comment is read by the model").isEqualTo(readAsComment);
        assertThat(stored.get("f1")).as("the same words on Facebook").isEqualTo(readAsComment);
        assertThat(stored.get("a1").get(1)).as("what the news site publishes is clean by rule").isEqualTo("CLEAN");
        assertThat(stored.get("a1").get(0)).isNotEqualTo("comment");
    }

    static String line(String source, String platform, String id, String text) {
        return "{\"source\":\"" + source + "\",\"platform\":\"" + platform + "\",\"external_id\":\"" + id
                + "\",\"published_at\":\"2026-05-01T08:30:00+07:00\",\"text\":\"" + text + "\"}\n";
    }
}
