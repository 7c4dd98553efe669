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
import java.util.Arrays;
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
 * The routing rules route a news report only when it is about the province: a national news site's health news is not
 * the province's Department of Health's to answer, the same report on the province's own newspaper is, and so is a
 * citizen's comment or a report naming the province. Only those who edit sources mark one as local.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LocalSourcesIntegrationTests {

    /** A health study abroad, as a national news site reports it: it names no place nor agency of the province. */
    private static final String STUDY = "Các nhà khoa học của trung tâm y khoa Cedars-Sinai công bố nghiên cứu mới: một loại"
            + " thuốc điều trị suy tim giúp giảm một phần ba nguy cơ đột quỵ ở bệnh nhân cao tuổi.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PostImporter importer;

    @Autowired
    PostReanalysis reanalysis;

    @Autowired
    AgencyRouting routing;

    @Test
    void healthNewsIsRoutedToTheDepartmentOfHealthOnlyWhenItIsAboutTheProvince() throws Exception {
        String mark = "ls" + ProcessHandle.current().pid();
        boolean added = routing.all().stream().noneMatch(rule -> rule.agencyCode().equals("SYT")
                && rule.kind().equals("DOMAIN") && rule.value().equals("health"));
        routing.add("SYT", "DOMAIN", "health", Actor.SYSTEM);
        try {
            String national = "bao-toan-quoc-" + mark;
            String province = "bao-tinh-" + mark;
            String residents = "nhom-cu-dan-" + mark;
            jdbc.sql("INSERT INTO post_source (code, kind, created_at, citizens) VALUES (?, 'IMPORT', now(), TRUE)")
                    .param(residents).update();
            importPost(national, "news", "n1", STUDY + " " + mark);
            importPost(national, "news", "n2", STUDY + " Người bệnh ở Khánh Hòa sẽ được dùng thuốc từ năm sau. " + mark);
            importPost(province, "news", "p1", STUDY + " " + mark);
            importPost(residents, "facebook", "c1", STUDY + " " + mark);

            assertThat(stored(national, "n1")).as("a national site's news about a study abroad")
                    .containsExactly("news", "health", "");
            assertThat(stored(national, "n2")).as("the same news naming the province")
                    .containsExactly("news", "health", "SYT");
            assertThat(stored(province, "p1")).as("the province's newspaper, not marked yet")
                    .containsExactly("news", "health", "");
            assertThat(stored(residents, "c1")).as("a resident sharing it with a word of theirs")
                    .containsExactly("comment", "health", "SYT");

            long id = jdbc.sql("SELECT id FROM post_source WHERE code = ?").param(province).query(Long.class).single();
            // an officer does not edit sources
            mvc.perform(post("/listening/sources/{id}/local", id).param("local", "true").with(csrf())
                    .session(signIn("officer"))).andExpect(status().isForbidden());
            assertThat(local(id)).isFalse();

            MockHttpSession coordinator = signIn("coordinator");
            mvc.perform(post("/listening/sources/{id}/local", id).param("local", "true").with(csrf()).session(coordinator))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("localResult", new long[] {1, 1}));
            assertThat(local(id)).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM post WHERE source_id = ? AND model_version = 'source-changed'")
                    .param(id).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'source.local' AND target_id = ?")
                    .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
            // marking it again changes nothing
            mvc.perform(post("/listening/sources/{id}/local", id).param("local", "true").with(csrf()).session(coordinator))
                    .andExpect(flash().attribute("localResult", new long[] {1, 0}));
            String page = mvc.perform(get("/listening/sources").param("q", province).session(coordinator))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Nguồn địa phương").contains("Bỏ đánh dấu nguồn địa phương");

            // the re-analysis routes its stored post again, and its new posts are routed so at once
            PostReanalysis.Run run = reanalysis.run(new Actor("test", null), 500, progress -> {
            });
            assertThat(run.status()).isEqualTo(PostReanalysis.Status.DONE);
            assertThat(stored(province, "p1")).containsExactly("news", "health", "SYT");
            importPost(province, "news", "p2", STUDY + " (" + mark + ")");
            assertThat(stored(province, "p2")).containsExactly("news", "health", "SYT");
        } finally {
            // the rule would route the posts of later tests too
            if (added) {
                routing.all().stream().filter(rule -> rule.agencyCode().equals("SYT") && rule.kind().equals("DOMAIN")
                        && rule.value().equals("health")).forEach(rule -> routing.remove(rule.id(), Actor.SYSTEM));
            }
        }
    }

    private boolean local(long id) {
        return jdbc.sql("SELECT local FROM post_source WHERE id = ?").param(id).query(Boolean.class).single();
    }

    /** A stored post's register, domain and agencies (joined by commas). */
    private List<String> stored(String source, String externalId) {
        return jdbc.sql("""
                SELECT p.register, p.domain, p.agencies FROM post p JOIN post_source s ON s.id = p.source_id
                WHERE s.code = ? AND p.external_id = ?
                """).params(source, externalId).query((rs, row) -> List.of(rs.getString(1), rs.getString(2),
                        String.join(",", Arrays.asList((String[]) rs.getArray(3).getArray())))).single();
    }

    private void importPost(String source, String platform, String externalId, String text) throws Exception {
        String line = "{\"source\":\"" + source + "\",\"platform\":\"" + platform + "\",\"external_id\":\"" + externalId
                + "\",\"published_at\":\"" + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"text\":\"" + text + "\"}\n";
        ImportSummary summary = importer.importFile(source + ".jsonl",
                new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(1);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
