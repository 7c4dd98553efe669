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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.platform.CliCommand;
import vn.loa.shared.Actor;

@SpringBootTest
@AutoConfigureMockMvc
class PostCorrectionsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    ListeningOverview overview;

    @Autowired
    java.time.Clock clock;

    @TempDir
    Path dir;

    private final String marker = "sualabel" + ProcessHandle.current().pid();

    private long importOne(String platform, String text) throws Exception {
        String external = platform + System.nanoTime();
        importer.importFile("corrections.jsonl", new ByteArrayInputStream(("{\"source\":\"corr-" + marker + "\",\"platform\":\""
                + platform + "\",\"external_id\":\"" + external + "\",\"published_at\":\"2024-05-01T09:00:00+07:00\",\"text\":\""
                + text + " " + marker + "\"}\n").getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        return jdbc.sql("SELECT id FROM post WHERE external_id = ?").param(external).query(Long.class).single();
    }

    @Test
    void anOfficerCorrectsTheSentimentAndSearchRollUpsAndTrainingDataFollow() throws Exception {
        long id = importOne("facebook", "Cảm ơn cán bộ phường đã hỗ trợ làm thủ tục nhanh chóng");
        String before = jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single();
        String target = before.equals("negative") ? "positive" : "negative";
        long targetBefore = rolled(target);
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"sentiment\",\"value\":\"" + target + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.oldValue").value(before))
                .andExpect(jsonPath("$.newValue").value(target));
        // the search index, the roll-ups and the post agree at once
        mvc.perform(get("/api/v1/posts").param("q", marker).param("sentiment", target).session(officer))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isNotEmpty());
        assertThat(rolled(target)).isEqualTo(targetBefore + 1);
        mvc.perform(get("/api/v1/posts/" + id + "/corrections").session(officer))
                .andExpect(jsonPath("$[0].correctedBy").value("officer"));

        CliCommand export = commands.stream().filter(c -> c.name().equals("corrections")).findFirst().orElseThrow();
        Path file = dir.resolve("sentiment-corrections.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = export.run(List.of("export", "--task", "sentiment", "--out", file.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(file);
        String mine = lines.stream().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat((String) JsonPath.read(mine, "$.sentiment")).isEqualTo(target);
        assertThat((String) JsonPath.read(mine, "$.text")).contains("thủ tục nhanh chóng");
    }

    @Test
    void theDashboardShowsACorrectionAtOnce() throws Exception {
        // a post of the last hour, on the province's dashboard of the last 30 days
        String external = "dash" + System.nanoTime();
        String published = java.time.OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofHours(1)),
                java.time.ZoneOffset.ofHours(7)).toString();
        importer.importFile("dashboard.jsonl", new ByteArrayInputStream(("{\"source\":\"corr-" + marker
                + "\",\"platform\":\"facebook\",\"external_id\":\"" + external + "\",\"published_at\":\"" + published
                + "\",\"text\":\"Cảm ơn cán bộ xã đã đến tận nhà hướng dẫn làm hồ sơ " + marker + "\"}\n")
                .getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        long id = jdbc.sql("SELECT id FROM post WHERE external_id = ?").param(external).query(Long.class).single();
        String before = jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single();
        String target = before.equals("negative") ? "positive" : "negative";
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(3L, "coordinator", "Điều phối", null,
                "SVHTTDL", java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        ListeningScope province = ListeningScope.of(coordinator, true);
        long negativeBefore = overview.overview(province, 30, "vi").negative(); // read, and kept
        mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(signIn("officer")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"sentiment\",\"value\":\"" + target + "\"}"))
                .andExpect(status().isCreated());
        // no import came in between: the kept overview is read again because the roll-ups changed
        assertThat(overview.overview(province, 30, "vi").negative())
                .isEqualTo(negativeBefore + (target.equals("negative") ? 1 : -1));
    }

    private long rolled(String sentiment) {
        return jdbc.sql("SELECT coalesce(sum(" + sentiment + "), 0) FROM post_hourly WHERE scope = '' AND dim = 'all' "
                + "AND hour = '2024-05-01T02:00:00Z'").query(Long.class).single();
    }

    @Test
    void wrongValuesAreRefusedNamingTheFieldAndOnlyThoseWhoSeeAPostMayCorrectIt() throws Exception {
        long id = importOne("facebook", "Đường liên xã xuống cấp nghiêm trọng");
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"sentiment\",\"value\":\"angry\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("value"));
        mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"author\",\"value\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("field"));
        mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(signIn("press")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"topic\",\"value\":\"Doi song\"}"))
                .andExpect(status().isForbidden());
        // hotline feedback about the Department of Health is not the district's to see, nor to correct
        long hotline = importOne("hotline", "Phản ánh Sở Y tế về thuốc bảo hiểm");
        mvc.perform(post("/api/v1/posts/" + hotline + "/corrections").session(signIn("district")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"topic\",\"value\":\"Doi song\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/posts/" + hotline + "/corrections").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"agency\",\"value\":\"SYT\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT count(*) FROM post_correction WHERE post_id = ?").param(id).query(Long.class).single()).isZero();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
