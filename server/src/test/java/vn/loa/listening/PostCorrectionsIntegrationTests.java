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
import vn.loa.listening.internal.RollupChecks;
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

    @Autowired
    AgencyRouting routing;

    @TempDir
    Path dir;

    private final String marker = "sualabel" + ProcessHandle.current().pid();

    /**
     * Imports a post with the test's marker at its end. The officer may correct the posts that name the Department of
     * Health (the analyzer routes them there), whatever the demo's routing rules make of the rest of the text.
     */
    private long importOne(String platform, String text) throws Exception {
        return importOne(platform, text + " " + marker, "corr-" + marker);
    }

    private long importOne(String platform, String text, String source) throws Exception {
        String external = platform + System.nanoTime();
        importer.importFile("corrections.jsonl", new ByteArrayInputStream(("{\"source\":\"" + source + "\",\"platform\":\""
                + platform + "\",\"external_id\":\"" + external + "\",\"published_at\":\"2024-05-01T09:00:00+07:00\",\"text\":\""
                + text + "\"}\n").getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        return jdbc.sql("SELECT id FROM post WHERE external_id = ?").param(external).query(Long.class).single();
    }

    @Test
    void anOfficerCorrectsTheSentimentAndSearchRollUpsAndTrainingDataFollow() throws Exception {
        long id = importOne("facebook", "Cảm ơn cán bộ Sở Y tế đã hỗ trợ làm thủ tục nhanh chóng");
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
        String mine = lines.stream().filter(l -> l.contains(marker) && l.contains("thủ tục nhanh chóng")).findFirst().orElseThrow();
        assertThat((String) JsonPath.read(mine, "$.sentiment")).isEqualTo(target);
        assertThat((String) JsonPath.read(mine, "$.text")).contains("thủ tục nhanh chóng");

        // a folder that does not exist is named as such, not "cannot write X: X"
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path nowhere = dir.resolve("no-such-folder").resolve("corrections.jsonl");
        assertThat(export.run(List.of("export", "--task", "sentiment", "--out", nowhere.toString()), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such folder: " + nowhere.getParent());
    }

    @Test
    void anAgencyCorrectionMovesThePostsAuthorWithIt() throws Exception {
        String external = "facebook" + System.nanoTime();
        importer.importFile("corrections.jsonl", new ByteArrayInputStream(("{\"source\":\"corr-" + marker
                + "\",\"platform\":\"facebook\",\"external_id\":\"" + external + "\",\"author\":\"tac-gia-" + marker
                + "\",\"published_at\":\"2024-05-02T09:00:00+07:00\",\"text\":\"Sở Giáo dục và Đào tạo cho nghỉ học muộn quá "
                + marker + "\"}\n").getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        long id = jdbc.sql("SELECT id FROM post WHERE external_id = ?").param(external).query(Long.class).single();
        assertThat(authorIn(id)).containsEntry("SGDDT", "2024-05-02").doesNotContainKey("SYT");
        mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(signIn("coordinator")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"agency\",\"value\":\"SYT\"}"))
                .andExpect(status().isCreated());
        // counted among Health's authors now, and no longer among Education's (their only post there left)
        assertThat(authorIn(id)).containsEntry("SYT", "2024-05-02").containsEntry("SGDDT", "-infinity");
    }

    /** The post's author's last post in each agency's scope, as the dashboard's count of authors reads it. */
    private java.util.Map<String, String> authorIn(long postId) {
        java.util.Map<String, String> last = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT a.scope, CASE WHEN a.last_post = '-infinity' THEN '-infinity'
                                     ELSE to_char(a.last_post AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') END
                FROM author_activity a JOIN post p ON a.author_key = hashtextextended(p.platform || '|' || p.author, 0)
                WHERE p.id = ? AND a.scope <> ''""").param(postId).query(rs -> {
                    last.put(rs.getString(1), rs.getString(2));
                });
        return last;
    }

    @Test
    void theDashboardShowsACorrectionAtOnce() throws Exception {
        // a post of the last hour, on the province's dashboard of the last 30 days
        String external = "dash" + System.nanoTime();
        String published = java.time.OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofHours(1)),
                java.time.ZoneOffset.ofHours(7)).toString();
        importer.importFile("dashboard.jsonl", new ByteArrayInputStream(("{\"source\":\"corr-" + marker
                + "\",\"platform\":\"facebook\",\"external_id\":\"" + external + "\",\"published_at\":\"" + published
                + "\",\"text\":\"Cảm ơn cán bộ Sở Y tế đã đến tận nhà hướng dẫn làm hồ sơ " + marker + "\"}\n")
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
        long id = importOne("facebook", "Đường vào trạm y tế xuống cấp nghiêm trọng, đề nghị Sở Y tế xem xét");
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

    @Test
    void anOfficerCorrectsTheirAgencysPostsAndUnroutedOnesButNotAnotherAgencysPublicPost() throws Exception {
        String keyword = "truongthu" + ProcessHandle.current().pid();
        routing.add("SGDDT", "KEYWORD", keyword, Actor.SYSTEM);
        try {
            long theirs = importOne("facebook", "Phụ huynh hỏi lịch khai giảng của " + keyword);
            assertThat(jdbc.sql("SELECT agencies FROM post WHERE id = ?").param(theirs)
                    .query((rs, row) -> List.of((String[]) rs.getArray(1).getArray())).single()).containsExactly("SGDDT");
            String sentiment = jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(theirs).query(String.class).single();
            String other = sentiment.equals("negative") ? "positive" : "negative";
            // the officer of the Department of Health sees the education department's public post, but may not move it
            MockHttpSession officer = signIn("officer");
            mvc.perform(post("/api/v1/posts/" + theirs + "/corrections").session(officer).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"agency\",\"value\":\"SYT\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/posts/" + theirs + "/corrections").session(officer).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"sentiment\",\"value\":\"" + other + "\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/posts/" + theirs + "/correct").session(officer).with(csrf())
                            .param("sentiment", other).param("was", sentiment + "||SGDDT"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("errorKey", "corrections.error.forbidden"));
            assertThat(jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(theirs).query(String.class).single())
                    .isEqualTo(sentiment);
            assertThat(jdbc.sql("SELECT count(*) FROM post_correction WHERE post_id = ?").param(theirs).query(Long.class)
                    .single()).isZero();
            // nor does the search show them the form under it (the post is on the page, its form is not)
            assertThat(searchPage(officer, keyword)).contains(keyword).doesNotContain("/posts/" + theirs + "/correct");
            // the province's coordinator may
            mvc.perform(post("/api/v1/posts/" + theirs + "/corrections").session(signIn("coordinator")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"sentiment\",\"value\":\"" + other + "\"}"))
                    .andExpect(status().isCreated());
            // and a public post routed to no agency yet is the officer's to route (a text of no domain or keyword the
            // demo's rules route, without the marker, whose hashed features could move a short text's domain)
            String question = "Người dân hỏi giờ mở cửa bộ phận một cửa vào sáng thứ bảy";
            long unrouted = importOne("facebook", question, "corr-" + marker);
            assertThat(jdbc.sql("SELECT cardinality(agencies) FROM post WHERE id = ?").param(unrouted).query(Integer.class)
                    .single()).isZero();
            assertThat(searchPage(officer, "\"" + question + "\"")).contains("/posts/" + unrouted + "/correct");
            mvc.perform(post("/api/v1/posts/" + unrouted + "/corrections").session(officer).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"agency\",\"value\":\"SYT\"}"))
                    .andExpect(status().isCreated());
            // who corrected is internal: the press may not read it
            mvc.perform(get("/api/v1/posts/" + unrouted + "/corrections").session(signIn("press")))
                    .andExpect(status().isForbidden());
        } finally {
            routing.all().stream().filter(r -> r.value().equals(keyword)).forEach(r -> routing.remove(r.id(), Actor.SYSTEM));
        }
    }

    @Test
    void theAgencyThatReceivedAPostMayCorrectItAndTheSearchShowsTheFormByTheSameRule() throws Exception {
        String word = "nguontiepnhan" + ProcessHandle.current().pid();
        // not routed to any agency, but received through the education department's own import
        String question = "Người dân hỏi giờ mở cửa bộ phận một cửa buổi chiều " + word;
        long received = importOwned("facebook", question, "SGDDT");
        assertThat(jdbc.sql("SELECT cardinality(agencies) FROM post WHERE id = ?").param(received).query(Integer.class)
                .single()).isZero();
        MockHttpSession officer = signIn("officer");
        assertThat(searchPage(officer, word)).contains(word).doesNotContain("/posts/" + received + "/correct");
        mvc.perform(post("/api/v1/posts/" + received + "/corrections").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"agency\",\"value\":\"SYT\"}"))
                .andExpect(status().isForbidden());
        // received by the Department of Health, routed elsewhere: the officer may correct it, and sees the form
        String other = "Phụ huynh hỏi lịch khai giảng và học phí " + word + "x";
        long ours = importOwned("facebook", other, "SYT");
        assertThat(searchPage(officer, word + "x")).contains("/posts/" + ours + "/correct");
        mvc.perform(post("/api/v1/posts/" + ours + "/corrections").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"agency\",\"value\":\"SGDDT\"}"))
                .andExpect(status().isCreated());
        assertThat(searchPage(signIn("coordinator"), word)).contains("/posts/" + received + "/correct");
    }

    private long importOwned(String platform, String text, String agency) throws Exception {
        long agencyId = jdbc.sql("SELECT id FROM agency WHERE code = ? AND valid_to IS NULL").param(agency).query(Long.class)
                .single();
        String external = platform + System.nanoTime();
        importer.importFile("owned.jsonl", new ByteArrayInputStream(("{\"source\":\"owned-" + agency + "-" + marker
                + "\",\"platform\":\"" + platform + "\",\"external_id\":\"" + external
                + "\",\"published_at\":\"2024-05-01T09:00:00+07:00\",\"text\":\"" + text + "\"}\n")
                .getBytes(StandardCharsets.UTF_8)), new Actor("test", agency), new vn.loa.shared.AgencyId(agencyId));
        return jdbc.sql("SELECT id FROM post WHERE external_id = ?").param(external).query(Long.class).single();
    }

    private String searchPage(MockHttpSession session, String q) throws Exception {
        return mvc.perform(get("/posts").param("q", q).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCorrectionFormKeepsAllItsChangesOrNone() throws Exception {
        long id = importOne("facebook", "Người dân hỏi Sở Y tế giờ mở cửa bộ phận một cửa");
        String sentiment = jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single();
        String topic = jdbc.sql("SELECT topic FROM post WHERE id = ?").param(id).query(String.class).single();
        String other = sentiment.equals("negative") ? "positive" : "negative";
        MockHttpSession officer = signIn("officer");
        // the sentiment is right, the topic is not one: neither is kept
        mvc.perform(post("/posts/" + id + "/correct").session(officer).with(csrf())
                        .param("sentiment", other).param("topic", "Thời tiết").param("was", sentiment + "|" + topic + "|"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorKey", "corrections.error.value.topic"));
        assertThat(jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single()).isEqualTo(sentiment);
        assertThat(jdbc.sql("SELECT count(*) FROM post_correction WHERE post_id = ?").param(id).query(Long.class).single()).isZero();
        // both right: both kept
        mvc.perform(post("/posts/" + id + "/correct").session(officer).with(csrf())
                        .param("sentiment", other).param("topic", "Doi song").param("was", sentiment + "|" + topic + "|"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashKey", "corrections.saved"));
        assertThat(jdbc.sql("SELECT count(*) FROM post_correction WHERE post_id = ?").param(id).query(Long.class).single())
                .isEqualTo(topic.equals("Doi song") ? 1 : 2);
    }

    @Test
    void aFormOpenedBeforeAColleaguesCorrectionDoesNotOverwriteIt() throws Exception {
        long id = importOne("facebook", "Người dân hỏi Sở Y tế về lịch tiêm chủng mở rộng ở trạm y tế phường");
        String sentiment = jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single();
        String topic = jdbc.sql("SELECT topic FROM post WHERE id = ?").param(id).query(String.class).single();
        String first = sentiment.equals("neutral") ? "negative" : "neutral";
        String second = "positive".equals(sentiment) || "positive".equals(first) ? "negative" : "positive";
        // both opened the page when the post read `sentiment`; the coordinator saves first
        mvc.perform(post("/posts/" + id + "/correct").session(signIn("coordinator")).with(csrf())
                        .param("sentiment", first).param("was", sentiment + "|" + topic + "|"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashKey", "corrections.saved"));
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/posts/" + id + "/correct").session(officer).with(csrf())
                        .param("sentiment", second).param("was", sentiment + "|" + topic + "|"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorKey", "corrections.error.stale"));
        assertThat(jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single()).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM post_correction WHERE post_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        // the page read again shows the coordinator's label: from there the officer's correction is kept
        mvc.perform(post("/posts/" + id + "/correct").session(officer).with(csrf())
                        .param("sentiment", second).param("was", first + "|" + topic + "|"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashKey", "corrections.saved"));
        assertThat(jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single()).isEqualTo(second);
    }

    @Test
    void anOfficerCorrectsTheDomainToxicityAndRegisterAndTheDashboardSearchAndTrainingDataFollow() throws Exception {
        // the hotline complaint of the review, read by the model however it reads it
        long id = importOne("hotline", "Khu dân cư gần chợ Phan Rang cũng mất nước sinh hoạt, đề nghị xử lý gấp.");
        java.util.Map<String, Object> before = jdbc.sql("SELECT toxicity, domain, register FROM post WHERE id = ?").param(id)
                .query().singleRow();
        String toxicity = before.get("toxicity").equals("CLEAN") ? "HATE" : "CLEAN";
        String domain = before.get("domain").equals("education") ? "transport" : "education";
        String register = before.get("register").equals("comment") ? "official" : "comment";
        long toxicBefore = rolledAll("toxic");
        long domainBefore = rolledDomain(domain);
        long oldDomainBefore = rolledDomain((String) before.get("domain"));
        MockHttpSession coordinator = signIn("coordinator");
        correct(coordinator, id, "toxicity", toxicity).andExpect(status().isCreated())
                .andExpect(jsonPath("$.oldValue").value(before.get("toxicity")));
        correct(coordinator, id, "domain", domain).andExpect(status().isCreated());
        correct(coordinator, id, "register", register).andExpect(status().isCreated());
        // the roll-ups count the corrected labels: one toxic post fewer (or more), the post under its new domain
        assertThat(rolledAll("toxic")).isEqualTo(toxicBefore + (toxicity.equals("CLEAN") ? -1 : 1));
        assertThat(rolledDomain(domain)).isEqualTo(domainBefore + 1);
        assertThat(rolledDomain((String) before.get("domain"))).isEqualTo(oldDomainBefore - 1);
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
        // the search finds it by them
        mvc.perform(get("/api/v1/posts").param("q", marker).param("toxicity", toxicity).param("domain", domain)
                        .param("register", register).session(coordinator))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isNotEmpty());
        // a hotline call is routed by its domain: the corrected domain routes it as an import would
        assertThat(agencies(id)).contains(domain.equals("education") ? "SGDDT" : "SXD");

        // each becomes a training row of its task, in the task's format
        for (String[] task : new String[][] {{"toxicity", "label", toxicity}, {"policy-domain", "domain", domain},
            {"register", "register", register}}) {
            Path file = dir.resolve(task[0] + ".jsonl");
            assertThat(command("corrections").run(List.of("export", "--task", task[0], "--out", file.toString()),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)).isZero();
            String mine = Files.readAllLines(file).stream().filter(l -> l.contains(marker) && l.contains("Phan Rang"))
                    .findFirst().orElseThrow();
            assertThat((String) JsonPath.read(mine, "$." + task[1])).as(task[0]).isEqualTo(task[2]);
        }
    }

    @Test
    void anAgencyAnOfficerSetWinsOverTheRoutingOfACorrectedDomain() throws Exception {
        long id = importOne("hotline", "Khu dân cư gần chợ cũng mất nước sinh hoạt nhiều ngày, đề nghị xử lý gấp.");
        MockHttpSession coordinator = signIn("coordinator");
        correct(coordinator, id, "agency", "SYT").andExpect(status().isCreated());
        correct(coordinator, id, "domain", "education").andExpect(status().isCreated());
        assertThat(agencies(id)).containsExactly("SYT");
        // a form that corrects both: the agency chosen is where it goes
        long other = importOne("hotline", "Nhà tôi gần trường học cũng mất nước sinh hoạt ba ngày, đề nghị xử lý.");
        String was = jdbc.sql("SELECT sentiment || '|' || topic || '|' || CASE WHEN cardinality(agencies) = 1 THEN agencies[1] "
                + "ELSE '' END || '|' || domain || '|' || toxicity || '|' || register FROM post WHERE id = ?").param(other)
                .query(String.class).single();
        String domain = was.contains("|transport|") ? "education" : "transport";
        mvc.perform(post("/posts/" + other + "/correct").session(coordinator).with(csrf()).param("domain", domain)
                        .param("agency", "SYT").param("was", was))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashKey", "corrections.saved"));
        assertThat(agencies(other)).containsExactly("SYT");
        assertThat(jdbc.sql("SELECT domain FROM post WHERE id = ?").param(other).query(String.class).single())
                .isEqualTo(domain);
        assertThat(RollupChecks.mismatches(jdbc)).isEmpty();
    }

    @Test
    void unclearIsTheModelsAbstentionAndIsRefusedSayingSo() throws Exception {
        long id = importOne("facebook", "Người dân hỏi Sở Y tế giờ làm việc của trạm y tế phường vào cuối tuần");
        MockHttpSession officer = signIn("officer");
        for (String field : List.of("sentiment", "topic", "toxicity", "domain")) {
            correct(officer, id, field, "unclear").andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.field").value("value"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("không chắc")));
        }
        correct(officer, id, "toxicity", "toxic").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CLEAN")));
        correct(officer, id, "register", "blog").andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("SELECT count(*) FROM post_correction WHERE post_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aPostsPageShowsItsLabelsWhoCorrectedThemAndItsFormToThoseWhoMaySeeIt() throws Exception {
        long id = importOne("hotline", "Phản ánh Sở Y tế <script>alert(1)</script> về thuốc bảo hiểm ở trạm y tế");
        String sentiment = jdbc.sql("SELECT sentiment FROM post WHERE id = ?").param(id).query(String.class).single();
        String target = sentiment.equals("negative") ? "positive" : "negative";
        MockHttpSession officer = signIn("officer");
        correct(officer, id, "sentiment", target).andExpect(status().isCreated());
        String page = mvc.perform(get("/posts/" + id).session(officer)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the stranger's text escaped, the correction with the model's answer, who made it, the form
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        String named = target.equals("negative") ? "Tiêu cực" : "Tích cực";
        assertThat(page).contains("data-field=\"sentiment\"").contains("Đã sửa").contains(" → " + named + ", do ")
                .contains("/posts/" + id + "/correct");
        // the district may not read the hotline's feedback to the Department of Health: no such page for them
        mvc.perform(get("/posts/" + id).session(signIn("district"))).andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + (id + 1_000_000)).session(officer)).andExpect(status().isNotFound());
        // the search links each post's number to its page
        assertThat(searchPage(officer, marker)).contains("href=\"/posts/" + id + "\"");
        // a public post: the press reads it, without who corrected it and without the form
        long open = importOne("facebook", "Cảm ơn Sở Y tế đã tổ chức tiêm chủng mở rộng tại phường");
        correct(officer, open, "topic", "Suc khoe").andExpect(status().isCreated());
        String press = mvc.perform(get("/posts/" + open).session(signIn("press"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(press).contains("Cảm ơn Sở Y tế").doesNotContain(", do ").doesNotContain("/posts/" + open + "/correct");
    }

    private org.springframework.test.web.servlet.ResultActions correct(MockHttpSession session, long id, String field,
            String value) throws Exception {
        return mvc.perform(post("/api/v1/posts/" + id + "/corrections").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"" + field + "\",\"value\":\"" + value + "\"}"));
    }

    private List<String> agencies(long id) {
        return jdbc.sql("SELECT agencies FROM post WHERE id = ?").param(id)
                .query((rs, row) -> List.of((String[]) rs.getArray(1).getArray())).single();
    }

    private long rolledAll(String column) {
        return jdbc.sql("SELECT coalesce(sum(" + column + "), 0) FROM post_hourly WHERE scope = '' AND dim = 'all' "
                + "AND hour = '2024-05-01T02:00:00Z'").query(Long.class).single();
    }

    private long rolledDomain(String domain) {
        return jdbc.sql("SELECT coalesce(sum(posts), 0) FROM post_hourly WHERE scope = '' AND dim = 'domain' AND val = ? "
                + "AND hour = '2024-05-01T02:00:00Z'").param(domain).query(Long.class).single();
    }

    private CliCommand command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
