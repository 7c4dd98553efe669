package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.Actor;

/**
 * A source marked as citizens' own posts: its posts read as citizens' comments however well they are written, the
 * posts it held are read again by the re-analysis, and only those who edit sources may mark one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CitizensSourcesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostImporter importer;

    @Autowired
    PostReanalysis reanalysis;

    @Test
    void aResidentsGroupsPostsAreCitizensCommentsOnceItIsMarkedSo() throws Exception {
        String source = "cu-dan-" + ProcessHandle.current().pid();
        // well-written questions of residents, which the register model learnt from chatter may take for news
        List<String> texts = List.of("Mẹ tôi 76 tuổi, có được cấp thẻ BHYT không hay phải tự mua? " + source + " một",
                "Bao giờ thì người cao tuổi ở thôn được phát thẻ bảo hiểm y tế, cán bộ xã chưa báo gì cả. " + source + " hai");
        importPosts(source, "a", texts);
        long id = jdbc.sql("SELECT id FROM post_source WHERE code = ?").param(source).query(Long.class).single();
        assertThat(jdbc.sql("SELECT citizens FROM post_source WHERE id = ?").param(id).query(Boolean.class).single()).isFalse();

        // an officer does not edit sources
        mvc.perform(post("/listening/sources/{id}/citizens", id).param("citizens", "true").with(csrf())
                .session(signIn("officer"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT citizens FROM post_source WHERE id = ?").param(id).query(Boolean.class).single()).isFalse();

        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(post("/listening/sources/{id}/citizens", id).param("citizens", "true").with(csrf()).session(coordinator))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("citizensResult", new long[] {1, 2}));
        assertThat(jdbc.sql("SELECT citizens FROM post_source WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
        // its two posts are due for re-analysis, and the change is in the audit trail
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE source_id = ? AND model_version = 'source-changed'").param(id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'source.citizens' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        // marking it again changes nothing
        mvc.perform(post("/listening/sources/{id}/citizens", id).param("citizens", "true").with(csrf()).session(coordinator))
                .andExpect(flash().attribute("citizensResult", new long[] {1, 0}));
        String page = mvc.perform(get("/listening/sources").param("q", source).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Bài của người dân").contains("Bỏ đánh dấu bài của người dân");

        PostReanalysis.Run run = reanalysis.run(new Actor("test", null), 500, progress -> {
        });
        assertThat(run.status()).isEqualTo(PostReanalysis.Status.DONE);
        assertThat(jdbc.sql("SELECT register FROM post WHERE source_id = ? ORDER BY id").param(id).query(String.class).list())
                .containsExactly("comment", "comment");

        // a new post of the source reads so at once, even when its text is a copy of a post of another source
        importPosts(source + "-news-page", "b", List.of(texts.get(0).replace(" một", " ba")));
        importPosts(source, "c", List.of(texts.get(0).replace(" một", " ba")));
        assertThat(jdbc.sql("SELECT register FROM post WHERE source_id = ? AND external_id = 'c0'").param(id)
                .query(String.class).single()).isEqualTo("comment");
        assertThat(reanalysis.outdated()).isZero();
    }

    @Test
    void theImportFormSaysHowAPostsRegisterIsChosenAndMakesItsNewSourcesCitizensPostsWhenAsked() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(mvc.perform(get("/posts/import").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(form.select("#register-hint").text()).contains("Bài của một nguồn mới được máy đọc là tin tức hay ý kiến")
                .contains("“Bài của người dân”").contains("trang Nguồn dữ liệu");
        assertThat(form.select("#register-hint a").attr("href")).isEqualTo("/listening/sources");
        assertThat(form.select("#import-form input[type=checkbox][name=citizens]")).hasSize(1);

        // a complaint and a text written like news, into a new source made as citizens' posts: both are their comments
        String marked = "phan-anh-fb-" + ProcessHandle.current().pid();
        String unmarked = marked + "-khong";
        String existing = marked + "-co-san";
        List<String> texts = List.of("Đường vào chợ ngập sâu cả tuần nay, xin các cấp xem xét " + marked,
                "Sở Y tế tỉnh kiểm tra an toàn thực phẩm tại các bếp ăn tập thể trên địa bàn " + marked);
        importPosts(existing, "e", texts.subList(0, 1));
        upload(coordinator, marked, texts, true);
        upload(coordinator, unmarked, texts, false);
        // a source that exists keeps its mark
        upload(coordinator, existing, texts, true);
        assertThat(citizens(marked)).isTrue();
        assertThat(citizens(unmarked)).isFalse();
        assertThat(citizens(existing)).isFalse();
        assertThat(jdbc.sql("SELECT p.register FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ?")
                .param(marked).query(String.class).list()).containsExactly("comment", "comment");
        assertThat(jdbc.sql("SELECT count(*) FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ?")
                .param(unmarked).query(Long.class).single()).isEqualTo(2);
    }

    private void upload(MockHttpSession session, String source, List<String> texts, boolean citizens) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            lines.append("{\"source\":\"").append(source).append("\",\"platform\":\"facebook\",\"external_id\":\"f")
                    .append(i).append("\",\"published_at\":\"").append(Instant.now().minus(3, ChronoUnit.HOURS))
                    .append("\",\"text\":\"").append(texts.get(i)).append("\"}\n");
        }
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/posts/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", source + ".jsonl", "application/x-ndjson",
                        lines.toString().getBytes(StandardCharsets.UTF_8)))
                .session(session).with(csrf());
        if (citizens) {
            request.param("citizens", "true");
        }
        mvc.perform(request).andExpect(status().isOk());
    }

    private boolean citizens(String source) {
        return jdbc.sql("SELECT citizens FROM post_source WHERE code = ?").param(source).query(Boolean.class).single();
    }

    private void importPosts(String source, String prefix, List<String> texts) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            lines.append("{\"source\":\"").append(source).append("\",\"platform\":\"facebook\",\"external_id\":\"")
                    .append(prefix).append(i).append("\",\"published_at\":\"")
                    .append(Instant.now().minus(2, ChronoUnit.HOURS)).append("\",\"text\":\"").append(texts.get(i))
                    .append("\"}\n");
        }
        importer.importFile(source + ".jsonl", new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
