package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.Actor;

/**
 * Voices, not only texts: the same complaint from several people is several posts of one story, each
 * counted and searchable; only the same post seen twice is a duplicate.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RepostsIntegrationTests {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    /** A made-up word only this test's posts contain, so that no other test's post is a copy of them. */
    private static String marker() {
        return "tiengnoi" + ProcessHandle.current().pid() + "x" + RUN.incrementAndGet();
    }

    private static String line(String source, String platform, String id, String author, Instant at, String text) {
        return "{\"source\":\"" + source + "\",\"platform\":\"" + platform + "\",\"external_id\":\"" + id + "\","
                + (author == null ? "" : "\"author\":\"" + author + "\",") + "\"published_at\":\"" + at
                + "\",\"text\":\"" + text + "\"}\n";
    }

    private ImportSummary importFile(String name, String content) throws IOException {
        ImportSummary summary = importer.importFile(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
        return summary;
    }

    /** The posts with this word, in id order: external id, author, story, sentiment. */
    private List<Map<String, Object>> posts(String marker) {
        return jdbc.sql("SELECT external_id, author, story_id, sentiment FROM post WHERE text LIKE ? ORDER BY id")
                .param("%" + marker + "%").query().listOfRows();
    }

    @Test
    void threeIdenticalComplaintsFromThreeAuthorsAreThreePostsOfOneStoryAndCountAsThreeVoices() throws Exception {
        String marker = marker();
        String complaint = "Bệnh viện tỉnh quá tải, người bệnh phải nằm ghép hai ba người một giường, Sở Y tế ở đâu " + marker;
        Instant at = Instant.now().minus(40, ChronoUnit.MINUTES);
        MockHttpSession coordinator = signIn("coordinator");
        MockHttpSession officer = signIn("officer");
        long[] provinceBefore = counts(coordinator);
        long[] healthBefore = counts(officer);

        ImportSummary summary = importFile("voices.jsonl",
                line("voices-fb-" + marker, "facebook", "v1", "Nguyễn Văn An " + marker, at, complaint)
                + line("voices-fb-" + marker, "facebook", "v2", "Trần Thị Bình " + marker, at.plusSeconds(60), complaint)
                + line("voices-zalo-" + marker, "zalo", "v3", "Lê Văn Cường " + marker, at.plusSeconds(120), complaint));

        assertThat(summary.stored()).isEqualTo(3);
        assertThat(summary.duplicates()).isZero();
        List<Map<String, Object>> posts = posts(marker);
        assertThat(posts).hasSize(3);
        Object story = posts.get(0).get("story_id");
        assertThat(story).isNotNull();
        assertThat(posts).allSatisfy(post -> assertThat(post.get("story_id")).isEqualTo(story));
        assertThat(jdbc.sql("SELECT posts FROM story WHERE id = ?").param(story).query(Integer.class).single()).isEqualTo(3);

        // counted on the dashboard: three posts, three people, one story, for the province and for the agency named
        long[] provinceAfter = counts(coordinator);
        assertThat(provinceAfter[0] - provinceBefore[0]).as("posts").isEqualTo(3);
        assertThat(provinceAfter[1] - provinceBefore[1]).as("authors").isEqualTo(3);
        assertThat(provinceAfter[2] - provinceBefore[2]).as("stories").isEqualTo(1);
        long[] healthAfter = counts(officer);
        assertThat(healthAfter[0] - healthBefore[0]).as("the agency's posts").isEqualTo(3);
        assertThat(healthAfter[1] - healthBefore[1]).as("the agency's authors").isEqualTo(3);
        assertThat(healthAfter[2] - healthBefore[2]).as("the agency's stories").isEqualTo(1);
        assertThat(mvc.perform(get("/listening").param("days", "1").param("lang", "vi").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"overview-authors\"").contains("người viết").contains("câu chuyện được lặp lại");

        // each repost is searchable; collapsed, the three are one result standing for two others
        mvc.perform(get("/api/v1/posts").param("q", marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/v1/posts").param("q", marker).param("collapse", "true").session(coordinator))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.groups").value(1))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].similar").value(2));
        assertThat(mvc.perform(get("/posts").param("q", marker).param("lang", "vi").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("+2 tương tự").contains("/listening/stories/" + story);
    }

    @Test
    void reimportingTheSameFileStoresNothingNewAndLeavesTheStoryAsItWas() throws Exception {
        String marker = marker();
        String text = "Đường vào khu dân cư ngập sâu sau mưa, xe cộ không đi được suốt hai ngày nay " + marker;
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
        String file = line("again-" + marker, "facebook", "a1", "Phạm Minh " + marker, at, text)
                + line("again-" + marker, "facebook", "a2", "Hoàng Lan " + marker, at.plusSeconds(30), text)
                + line("again-" + marker, "forum", "a3", null, at.plusSeconds(60), "Ngập thật " + marker);
        ImportSummary first = importFile("again.jsonl", file);
        ImportSummary second = importFile("again.jsonl", file);
        assertThat(first.stored()).isEqualTo(3);
        assertThat(second.stored()).isZero();
        assertThat(second.duplicates()).isEqualTo(3);
        List<Map<String, Object>> posts = posts(marker);
        assertThat(posts).hasSize(3);
        assertThat(jdbc.sql("SELECT posts FROM story WHERE id = ?").param(posts.get(0).get("story_id"))
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theSameSourceAndExternalIdTwiceIsADuplicateEvenWithAnotherText() throws Exception {
        String marker = marker();
        Instant at = Instant.now().minus(5, ChronoUnit.HOURS);
        ImportSummary summary = importFile("twice.jsonl",
                line("twice-" + marker, "facebook", "same", "Đỗ Hà " + marker, at,
                        "Giá nước sinh hoạt tăng gấp đôi mà nước vẫn đục, người dân rất bức xúc " + marker)
                + line("twice-" + marker, "facebook", "same", "Đỗ Hà " + marker, at.plusSeconds(60),
                        "Bài đã sửa: giá nước sinh hoạt tăng gấp đôi " + marker));
        assertThat(summary.stored()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(posts(marker)).hasSize(1);
    }

    @Test
    void theSameAuthorRepeatingALongTextOnOneSourceIsOnePostButOnAnotherSourceARepost() throws Exception {
        String marker = marker();
        String text = "Trường tiểu học thu thêm nhiều khoản ngoài quy định, phụ huynh đề nghị Sở Giáo dục kiểm tra " + marker;
        String author = "Vũ Thảo " + marker;
        Instant at = Instant.now().minus(6, ChronoUnit.HOURS);
        ImportSummary first = importFile("author-1.jsonl", line("group-a-" + marker, "facebook", "p1", author, at, text));
        // the same words under new ids: again on the same source (a double post), then in another group
        ImportSummary second = importFile("author-2.jsonl",
                line("group-a-" + marker, "facebook", "p2", author, at.plusSeconds(600), text)
                + line("group-b-" + marker, "facebook", "p3", author, at.plusSeconds(900), text)
                + line("group-b-" + marker, "facebook", "p4", author, at.plusSeconds(960), text));
        assertThat(first.stored()).isEqualTo(1);
        assertThat(second.stored()).as("only the post in the other group").isEqualTo(1);
        assertThat(second.duplicates()).isEqualTo(2);
        List<Map<String, Object>> posts = posts(marker);
        assertThat(posts).extracting(post -> post.get("external_id")).containsExactly("p1", "p3");
        assertThat(posts.get(1).get("story_id")).isEqualTo(posts.get(0).get("story_id"));
    }

    @Test
    void shortIdenticalTextsAreRepostsButOneOrTwoWordReactionsStayApart() throws Exception {
        String marker = marker();
        Instant at = Instant.now().minus(7, ChronoUnit.HOURS);
        String shortComplaint = "Chợ xã bẩn quá không ai dọn " + marker;
        ImportSummary summary = importFile("short.jsonl",
                line("short-" + marker, "facebook", "s1", "Mai " + marker, at, shortComplaint)
                + line("short-" + marker, "tiktok", "s2", "Lan " + marker, at.plusSeconds(60), shortComplaint)
                + line("short-" + marker, "facebook", "s3", "Mai " + marker, at.plusSeconds(120), "Đồng ý " + marker)
                + line("short-" + marker, "facebook", "s4", "Lan " + marker, at.plusSeconds(180), "Đồng ý " + marker));
        assertThat(summary.stored()).isEqualTo(4);
        List<Map<String, Object>> posts = posts(marker);
        assertThat(posts.get(0).get("story_id")).isNotNull().isEqualTo(posts.get(1).get("story_id"));
        assertThat(posts.get(2).get("story_id")).isNull();
        assertThat(posts.get(3).get("story_id")).isNull();
    }

    @Test
    void aRepostTakesTheLabelsOfTheStoredCopyIncludingAnOfficersCorrection() throws Exception {
        String marker = marker();
        String text = "Cán bộ phường hướng dẫn làm thủ tục đất đai rất chậm, hẹn đi hẹn lại nhiều lần " + marker;
        Instant at = Instant.now().minus(8, ChronoUnit.HOURS);
        importFile("label-1.jsonl", line("label-" + marker, "facebook", "l1", "Hùng " + marker, at, text));
        // a coordinator says the first copy is positive and about culture (the models do not): its reposts take that
        long first = jdbc.sql("SELECT id FROM post WHERE text = ?").param(text).query(Long.class).single();
        MockHttpSession coordinator = signIn("coordinator");
        for (String[] correction : new String[][] {{"sentiment", "positive"}, {"topic", "Van hoa"}}) {
            mvc.perform(post("/api/v1/posts/" + first + "/corrections").session(coordinator).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"field\":\"" + correction[0] + "\",\"value\":\"" + correction[1] + "\"}"))
                    .andExpect(status().isCreated());
        }
        importFile("label-2.jsonl", line("label-" + marker, "zalo", "l2", "Dũng " + marker, at.plusSeconds(600), text)
                + line("label-news-" + marker, "news", "l3", null, at.plusSeconds(900), text));
        Map<String, String> sentiments = new java.util.HashMap<>();
        Map<String, String> topics = new java.util.HashMap<>();
        jdbc.sql("SELECT external_id, sentiment, topic FROM post WHERE text = ?").param(text).query(rs -> {
            sentiments.put(rs.getString(1), rs.getString(2));
            topics.put(rs.getString(1), rs.getString(3));
        });
        assertThat(sentiments).containsEntry("l2", "positive");
        assertThat(topics).containsEntry("l2", "Van hoa");
        // a news site's copy is read as news: analysed on its own, not given a comment's labels
        assertThat(topics.get("l3")).isNotEqualTo("Van hoa");
        // the roll-ups count each repost with the labels it was stored with
        assertThat(vn.loa.listening.internal.RollupChecks.mismatches(jdbc)).isEmpty();
    }

    /**
     * Bursts, as the demo has one: one report shared again and again, a short reaction before it and a remark after
     * it. Some posts are more than 6 bits from every post before them, and each is within 6 bits of others but one
     * (a variant with the longest reaction and remark, in the second burst): the stories are the chains of near
     * duplicates, one story to a chain whatever order the variants come in (before 06/12/2026 a post joined the first
     * story it met, and a post with no earlier near duplicate began one of its own: the first burst made four
     * stories, and the demo's burst of 90 posts read as three).
     */
    @Test
    void burstsOfOneReportSharedWithDifferentReactionsAreOneStoryPerChainOfNearDuplicates() throws Exception {
        String marker = marker();
        assertOneStoryPerChain("burst-" + marker, WATER, false, false, 1);
        assertOneStoryPerChain("burst-reversed-" + marker, LUNCH, true, false, 2);
        assertThat(vn.loa.listening.internal.RollupChecks.mismatches(jdbc)).isEmpty();
    }

    private static final String WATER = "Người dân phường Bảo An phản ánh nước máy có mùi lạ và màu vàng đục suốt ba ngày "
            + "nay, công ty cấp nước chưa có thông báo nào, nhiều gia đình phải mua nước đóng bình để nấu ăn và tắm cho trẻ nhỏ";
    private static final String LUNCH = "Phụ huynh Trường Tiểu học Lê Lợi phản ánh bếp ăn bán trú cho học sinh ăn thức ăn "
            + "ôi thiu trong bữa trưa hôm qua, nhiều em bị đau bụng phải nghỉ học, nhà trường chưa có ý kiến gì với phụ huynh";

    /**
     * The same bursts as they come from a connector that pushes each post as it sees it: one import per post. A post
     * finds its stored near duplicates through the bands (a shared 16-bit quarter of the fingerprint), and the stored
     * stories it is near become one, the oldest; so the stories are the chains of near duplicates that share a band
     * (before 06/12/2026, stored stories were never merged, and a burst read as one story per first comer). A merged
     * story keeps its row, pointing at the story it joined, and the merge is recorded.
     */
    @Test
    void burstsPushedOnePostAtATimeAreOneStoryPerChainOfNearDuplicatesThatShareABand() throws Exception {
        String marker = marker();
        // other reports than the test above's, whose stored posts these would join
        assertOneStoryPerChain("pushed-" + marker, "Người dân phường Phước Long phản ánh điện mất liên tục suốt một tuần nay, "
                + "có hôm mất từ sáng đến tối mà điện lực không báo trước, tủ lạnh hư hỏng, trẻ nhỏ và người già không "
                + "ngủ được vì nóng", false, true, 1);
        assertOneStoryPerChain("pushed-reversed-" + marker, "Tiểu thương chợ Vĩnh Hải phản ánh ban quản lý chợ thu thêm "
                + "phí vệ sinh và phí giữ xe không có biên lai, ai hỏi thì bị dọa không cho bán, đề nghị cơ quan chức "
                + "năng kiểm tra", true, true, 4);
        assertThat(vn.loa.listening.internal.RollupChecks.mismatches(jdbc)).isEmpty();
        for (String source : List.of("pushed-" + marker, "pushed-reversed-" + marker)) {
            List<Map<String, Object>> merged = jdbc.sql("""
                    SELECT m.merged_id, m.story_id, s.merged_into, s.posts FROM story_merge m JOIN story s ON s.id = m.merged_id
                    WHERE m.story_id IN (SELECT p.story_id FROM post p JOIN post_source o ON o.id = p.source_id WHERE o.code = ?)
                    """).param(source).query().listOfRows();
            assertThat(merged).as(source).isNotEmpty().allSatisfy(row -> {
                assertThat(row.get("merged_into")).isEqualTo(row.get("story_id"));
                assertThat(row.get("posts")).isEqualTo(0);
                assertThat((Long) row.get("merged_id")).isGreaterThan((Long) row.get("story_id"));
            });
        }
    }

    /**
     * Imports 40 variants of a report from one source, in the order written or in reverse, and expects their stories
     * to be the groups that chains of near duplicates (within 6 bits) make of them: one story each, in whatever order.
     */
    private void assertOneStoryPerChain(String source, String report, boolean reversed, boolean onePerImport,
            int expectedChains) throws IOException {
        String[] reactions = {"Bức xúc quá!", "Chia sẻ cho mọi người biết.", "Ở phường mình cũng vậy.",
            "Có ai bị như này chưa?", "Đề nghị cơ quan chức năng trả lời.", "Thật không thể chấp nhận.", "", "Share.",
            "Quá tệ!", "Lại chuyện cũ."};
        String[] remarks = {"", "Ai biết thì chỉ giúp.", "Cần minh bạch.", "Mong cơ quan chức năng trả lời."};
        List<String> texts = new java.util.ArrayList<>();
        for (String remark : remarks) {
            for (String reaction : reactions) {
                texts.add(String.join(" ", java.util.stream.Stream.of(reaction, report, remark)
                        .filter(part -> !part.isEmpty()).toList()));
            }
        }
        if (reversed) {
            java.util.Collections.reverse(texts);
        }
        int n = texts.size();
        long[] fingerprints = texts.stream().mapToLong(vn.loa.nlp.Fingerprint::of).toArray();
        // the chains, worked out here from the fingerprints alone: chain[i] is the first post of post i's chain
        int[] chain = new int[n];
        int firstComers = 0;
        for (int i = 0; i < n; i++) {
            chain[i] = i;
            boolean near = false;
            for (int j = 0; j < i; j++) {
                // in one import every pair is compared; across imports a stored post is found through a band
                if (vn.loa.nlp.Fingerprint.nearDuplicates(fingerprints[i], fingerprints[j])
                        && (!onePerImport || StoryVariants.shareBand(fingerprints[i], fingerprints[j]))) {
                    near = true;
                    int from = chain[i];
                    int to = chain[j];
                    for (int k = 0; k <= i; k++) {
                        if (chain[k] == from) {
                            chain[k] = to;
                        }
                    }
                }
            }
            if (!near) {
                firstComers++; // no earlier post within 6 bits: joining the first story met, it began its own
            }
        }
        assertThat(java.util.Arrays.stream(chain).distinct().count()).as(source).isEqualTo(expectedChains);
        assertThat(firstComers).as(source).isGreaterThan(expectedChains);
        // the pushed bursts a month ago, so that the day's issues and alerts of the other tests stay as they were
        Instant at = Instant.now().minus(onePerImport ? 30 * 24 : 3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder file = new StringBuilder();
        for (int j = 0; j < n; j++) {
            String line = line(source, "facebook", "b" + j, "Người dùng " + j, at.plusSeconds(60L * j), texts.get(j));
            if (onePerImport) {
                assertThat(importFile(source + "-" + j + ".jsonl", line).stored()).isEqualTo(1);
            } else {
                file.append(line);
            }
        }
        if (!onePerImport) {
            assertThat(importFile(source + ".jsonl", file.toString()).stored()).isEqualTo(n);
        }

        List<Long> stories = jdbc.sql("""
                SELECT p.story_id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? ORDER BY p.id
                """).param(source).query(Long.class).list();
        assertThat(stories).as(source).hasSize(n).doesNotContainNull();
        Map<Long, Integer> posts = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(stories.get(i).equals(stories.get(j))).as(source + ": posts " + j + " and " + i)
                        .isEqualTo(chain[i] == chain[j]);
            }
            posts.merge(stories.get(i), 1, Integer::sum);
        }
        posts.forEach((story, count) -> assertThat(jdbc.sql("SELECT posts FROM story WHERE id = ?").param(story)
                .query(Integer.class).single()).as(source).isEqualTo(count));
        // the first and the last post are of one chain in both orders here: the story spans the burst
        assertThat(chain[n - 1]).isEqualTo(chain[0]);
        Map<String, Object> first = jdbc.sql("SELECT first_seen, last_seen FROM story WHERE id = ?")
                .param(stories.get(0)).query().singleRow();
        assertThat(((java.sql.Timestamp) first.get("first_seen")).toInstant()).isEqualTo(at);
        assertThat(((java.sql.Timestamp) first.get("last_seen")).toInstant()).isEqualTo(at.plusSeconds(60L * (n - 1)));
    }

    /**
     * Two connectors push the variants of one report at the same time, one post per import: whatever the two imports
     * merge meanwhile, every post ends in a story that stands (not merged away), each story counts its posts, and
     * the roll-ups agree with the posts.
     */
    @Test
    void concurrentPushesOfOneBurstLeaveNoPostInAMergedStory() throws Exception {
        String source = "pushed-together-" + marker();
        String report = "Người dân khu phố Mỹ Hải phản ánh cống thoát nước bị nghẹt, mỗi lần mưa nước tràn vào nhà, rác "
                + "thải bốc mùi hôi thối, đã nhiều lần báo tổ dân phố nhưng chưa ai đến xử lý";
        String[] reactions = {"Bức xúc quá!", "Chia sẻ cho mọi người biết.", "Ở phường mình cũng vậy.", "", "Share.",
            "Có ai bị như này chưa?", "Đề nghị cơ quan chức năng trả lời.", "Quá tệ!"};
        String[] remarks = {"", "Ai biết thì chỉ giúp.", "Cần minh bạch.", "Mong sớm xử lý.", "Khổ quá."};
        List<String> lines = new java.util.ArrayList<>();
        Instant at = Instant.now().minus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS); // out of the day's issues
        for (String remark : remarks) {
            for (String reaction : reactions) {
                String text = String.join(" ", java.util.stream.Stream.of(reaction, report, remark)
                        .filter(part -> !part.isEmpty()).toList());
                int j = lines.size();
                lines.add(line(source, "facebook", "t" + j, "Người dùng " + j, at.plusSeconds(30L * j), text));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> pushes = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int first = t;
                pushes.add(pool.submit(() -> {
                    int stored = 0;
                    for (int j = first; j < lines.size(); j += 2) {
                        stored += importFile(source + "-" + j + ".jsonl", lines.get(j)).stored();
                    }
                    return stored;
                }));
            }
            int stored = 0;
            for (java.util.concurrent.Future<Integer> push : pushes) {
                stored += push.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
            assertThat(stored).isEqualTo(lines.size());
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> stories = jdbc.sql("""
                SELECT s.id, s.merged_into, s.posts, count(p.id) AS counted FROM post p JOIN post_source o ON o.id = p.source_id
                JOIN story s ON s.id = p.story_id WHERE o.code = ? GROUP BY s.id, s.merged_into, s.posts
                """).param(source).query().listOfRows();
        assertThat(stories).isNotEmpty().allSatisfy(story -> {
            assertThat(story.get("merged_into")).as("story %s", story.get("id")).isNull();
            assertThat(((Number) story.get("posts")).longValue()).as("story %s", story.get("id"))
                    .isEqualTo(((Number) story.get("counted")).longValue());
        });
        // stories were merged on the way: the first comers of the burst began more stories than stand now
        assertThat(jdbc.sql("SELECT count(*) FROM story_merge WHERE story_id = ANY(?)")
                .param(stories.stream().map(story -> story.get("id")).toArray(Long[]::new)).query(Long.class).single())
                .isPositive();
        assertThat(vn.loa.listening.internal.RollupChecks.mismatches(jdbc)).isEmpty();
    }

    /** Posts, authors and stories of the last day on the dashboard the user sees. */
    private long[] counts(MockHttpSession session) throws Exception {
        String json = mvc.perform(get("/api/v1/overview").param("days", "1").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return new long[] {((Number) JsonPath.read(json, "$.total")).longValue(),
            ((Number) JsonPath.read(json, "$.authors")).longValue(), ((Number) JsonPath.read(json, "$.stories")).longValue()};
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
