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
        String[] triple = StoryVariants.twoStoriesAndABridge(k -> "Bà con thôn Suối Đá " + marker + " " + k + " phản ánh trạm y tế"
                + " xã thường xuyên đóng cửa vào buổi chiều, người bệnh phải đi hơn mười cây số lên bệnh viện, đề nghị ngành y tế"
                + " sớm bố trí thêm người trực");
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
        Map<String, Object> merge = jdbc.sql("SELECT story_id, posts, post_ids FROM story_merge WHERE merged_id = ?")
                .param(younger).query().singleRow();
        assertThat(merge).containsEntry("story_id", older).containsEntry("posts", 1);
        assertThat((Long[]) ((java.sql.Array) merge.get("post_ids")).getArray()).containsExactly(postOf(source, "m2"));
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

        // a case opened later from a link to the younger story covers the story its posts are in
        String again = mvc.perform(post("/cases/new").session(coordinator).with(csrf())
                        .param("claim", "Trạm y tế Suối Đá không trực buổi chiều " + marker).param("category", "FALSE_INFORMATION")
                        .param("severity", "MEDIUM").param("agencyCode", "SYT").param("storyId", Long.toString(younger))
                        .param("postIds", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher againId = CASE_ID.matcher(again);
        assertThat(againId.find()).as(again).isTrue();
        assertThat(jdbc.sql("SELECT story_id FROM misinformation_case WHERE id = ?").param(Long.parseLong(againId.group(1)))
                .query(Long.class).single()).isEqualTo(older);

        // and search, once the index has read the moved post again, finds the three as one story, by either id
        for (long asked : new long[] {older, younger}) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            int found = 0;
            while (System.nanoTime() < deadline) {
                String json = mvc.perform(get("/api/v1/posts").param("q", marker).param("story", Long.toString(asked))
                        .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                found = ((Number) JsonPath.read(json, "$.total")).intValue();
                if (found == 3) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(found).as("story=%d", asked).isEqualTo(3);
        }
    }

    private long postOf(String source, String externalId) {
        return jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? "
                + "AND p.external_id = ?").params(source, externalId).query(Long.class).single();
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
