package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.nlp.Fingerprint;
import vn.loa.shared.Actor;

/**
 * Two stored stories that a later post shows to be one become one: the younger one's posts, counts and cases
 * move to the older, and a link to the younger one still leads to the story.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoryMergeIntegrationTests {

    private static final Pattern CASE_ID = Pattern.compile("/cases/(\\d+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPostNearTwoStoredStoriesMakesThemOneAndWhatReferredToTheYoungerFollows() throws Exception {
        String marker = "hopnhat" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100_000;
        String report = "Bà con thôn Suối Đá " + marker + " phản ánh trạm y tế xã thường xuyên đóng cửa vào buổi chiều, người "
                + "bệnh phải đi hơn mười cây số lên bệnh viện, đề nghị ngành y tế sớm bố trí thêm người trực";
        String[] reactions = {"", "Bức xúc quá!", "Chia sẻ cho mọi người biết.", "Ở xã mình cũng vậy.",
            "Có ai bị như này chưa?", "Đề nghị cơ quan chức năng trả lời.", "Thật không thể chấp nhận.", "Quá tệ!"};
        String[] remarks = {"", "Ai biết thì chỉ giúp.", "Cần minh bạch.", "Mong sớm được sửa.", "Nguy hiểm lắm."};
        List<String> texts = new ArrayList<>();
        for (String reaction : reactions) {
            for (String remark : remarks) {
                texts.add(String.join(" ", java.util.stream.Stream.of(reaction, report, remark).filter(s -> !s.isEmpty())
                        .toList()));
            }
        }
        // two variants the look-up does not find near each other, and a third it finds near both
        String[] triple = null;
        search:
        for (String a : texts) {
            for (String b : texts) {
                if (findable(a, b) || Fingerprint.nearDuplicates(Fingerprint.of(a), Fingerprint.of(b))) {
                    continue;
                }
                for (String c : texts) {
                    if (findable(c, a) && findable(c, b)) {
                        triple = new String[] {a, b, c};
                        break search;
                    }
                }
            }
        }
        assertThat(triple).as("variants of the report that two stories and a bridge between them are made of").isNotNull();
        Instant at = Instant.now().minus(32, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS); // out of the day's issues
        String source = "merge-" + marker;
        importOne(source, "m1", at, triple[0]);
        importOne(source, "m2", at.plusSeconds(600), triple[1]);
        long older = storyOf(source, "m1");
        long younger = storyOf(source, "m2");
        assertThat(younger).isGreaterThan(older);

        // a case is opened on the younger story
        MockHttpSession coordinator = signIn("coordinator");
        String location = mvc.perform(post("/cases/new").session(coordinator).with(csrf())
                        .param("claim", "Trạm y tế thôn Suối Đá đóng cửa buổi chiều " + marker).param("category", "FALSE_INFORMATION")
                        .param("severity", "MEDIUM").param("agencyCode", "SYT").param("storyId", Long.toString(younger))
                        .param("postIds", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher caseId = CASE_ID.matcher(location);
        assertThat(caseId.find()).as(location).isTrue();

        // the bridge: one story of three posts, the older one
        importOne(source, "m3", at.plusSeconds(1200), triple[2]);
        assertThat(storyOf(source, "m1")).isEqualTo(older);
        assertThat(storyOf(source, "m2")).isEqualTo(older);
        assertThat(storyOf(source, "m3")).isEqualTo(older);
        Map<String, Object> merged = jdbc.sql("SELECT merged_into, posts FROM story WHERE id = ?").param(younger).query()
                .singleRow();
        assertThat(merged.get("merged_into")).isEqualTo(older);
        assertThat(merged.get("posts")).isEqualTo(0);
        Map<String, Object> story = jdbc.sql("SELECT posts, first_seen, last_seen FROM story WHERE id = ?").param(older)
                .query().singleRow();
        assertThat(story.get("posts")).isEqualTo(3);
        assertThat(((java.sql.Timestamp) story.get("first_seen")).toInstant()).isEqualTo(at);
        assertThat(((java.sql.Timestamp) story.get("last_seen")).toInstant()).isEqualTo(at.plusSeconds(1200));
        assertThat(jdbc.sql("SELECT story_id, posts FROM story_merge WHERE merged_id = ?").param(younger).query().singleRow())
                .containsEntry("story_id", older).containsEntry("posts", 1);
        assertThat(jdbc.sql("SELECT story_id FROM misinformation_case WHERE id = ?").param(Long.parseLong(caseId.group(1)))
                .query(Long.class).single()).isEqualTo(older);
        assertThat(jdbc.sql("SELECT count(*) FROM story_daily WHERE story_id = ?").param(younger).query(Long.class).single())
                .isZero();
        assertThat(vn.loa.listening.internal.RollupChecks.mismatches(jdbc)).isEmpty();

        // a link to the younger story leads to the story it joined
        assertThat(mvc.perform(get("/listening/stories/" + younger).session(coordinator))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/listening/stories/" + older);
        String page = mvc.perform(get("/listening/stories/" + older).session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("story=" + older).doesNotContain("story=" + younger);

        // and search, once the index has read the moved post again, finds the three as one story
        long deadline = System.nanoTime() + 30_000_000_000L;
        int found = 0;
        while (System.nanoTime() < deadline) {
            String json = mvc.perform(get("/api/v1/posts").param("q", marker).param("story", Long.toString(older))
                    .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            found = ((Number) JsonPath.read(json, "$.total")).intValue();
            if (found == 3) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(found).isEqualTo(3);
    }

    /** Whether the import's look-up of stored posts finds one from the other: within 6 bits, a 16-bit band shared. */
    private static boolean findable(String a, String b) {
        long x = Fingerprint.of(a);
        long y = Fingerprint.of(b);
        if (!Fingerprint.nearDuplicates(x, y)) {
            return false;
        }
        for (int shift = 0; shift < 64; shift += 16) {
            if (((x >>> shift) & 0xFFFF) == ((y >>> shift) & 0xFFFF)) {
                return true;
            }
        }
        return false;
    }

    private void importOne(String source, String id, Instant at, String text) throws Exception {
        String line = "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"" + id
                + "\",\"author\":\"Người dùng " + id + "\",\"published_at\":\"" + at + "\",\"text\":\"" + text + "\"}\n";
        ImportSummary summary = importer.importFile(source + "-" + id + ".jsonl",
                new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
        assertThat(summary.stored()).isEqualTo(1);
    }

    private long storyOf(String source, String externalId) {
        return jdbc.sql("SELECT p.story_id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? "
                + "AND p.external_id = ?").params(source, externalId).query(Long.class).single();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
