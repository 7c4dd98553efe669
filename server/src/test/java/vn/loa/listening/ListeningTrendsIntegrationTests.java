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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.Users;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;

/**
 * Routing rules, hourly roll-ups, the dashboard and the trends, on posts made for the purpose: four
 * weeks of a quiet daily rhythm about a made-up agency, then a day of many complaints.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListeningTrendsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    private final String agency = "TT" + ProcessHandle.current().pid();
    private final String keyword = "cầu Tân" + ProcessHandle.current().pid();
    private int quiet;
    private int burst;
    private int hotline;
    private AgencyId agencyId;
    /** An officer of the made-up agency. */
    private final String officer = "trends-officer-" + ProcessHandle.current().pid();

    @BeforeAll
    void importFourWeeksAndABurst() throws Exception {
        agencyId = agencies.create(new AgencyDirectory.AgencyForm(agency, AgencyKind.OTHER, null, "Ban quản lý thử nghiệm",
                "Test board", LocalDate.of(2020, 1, 1), null, "test"), Actor.SYSTEM).id();
        users.create(new Users.NewUser(officer, "Cán bộ thử nghiệm", officer + "@example.gov.vn", "mat-khau-dai-1",
                Set.of(Role.OFFICER), agencyId), Actor.SYSTEM);
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(post("/listening/rules").session(coordinator).with(csrf())
                        .param("agency", agency).param("kind", "KEYWORD").param("value", keyword))
                .andExpect(status().is3xxRedirection());
        // a residents' group of the province: a question the register model reads as news is routed by the rules there
        jdbc.sql("INSERT INTO post_source (code, kind, created_at, local) VALUES (?, 'IMPORT', now(), TRUE)")
                .param("trends-" + agency).update();
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder file = new StringBuilder();
        // two posts a day for 27 days, at 9:00 and 20:00 Vietnam time (2:00 and 13:00 UTC), hours before the last day
        for (int day = 27; day >= 1; day--) {
            for (int hour : new int[] {2, 13}) {
                Instant at = now.truncatedTo(ChronoUnit.DAYS).minus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS);
                if (at.isAfter(now.minus(25, ChronoUnit.HOURS))) {
                    continue;
                }
                file.append(line("quiet-" + day + "-" + hour, "facebook", at,
                        "Người dân hỏi tiến độ xây " + keyword + " ngày " + day + " giờ " + hour + " ra sao"));
                quiet++;
            }
        }
        // forty complaints in the last twenty hours, each with markup someone pasted in (no source of words)
        for (int i = 0; i < 40; i++) {
            String markup = " <script>alert(" + i + ")</script> <img src=x onerror=alert(document.cookie)>";
            file.append(line("burst-" + i, "facebook", now.minus(i / 2, ChronoUnit.HOURS).minus(10, ChronoUnit.MINUTES),
                    "Bức xúc vì " + keyword + " sập nhịp, xe phải đi vòng rất xa, lần thứ " + i + markup));
            burst++;
        }
        // hotline feedback about the same collapse: not public
        for (int i = 0; i < 3; i++) {
            file.append(line("hotline-" + i, "hotline", now.minus(3, ChronoUnit.HOURS),
                    "Gọi đường dây nóng phản ánh " + keyword + " sập nhịp, lần " + i));
            hotline++;
        }
        ImportSummary summary = importer.importFile("trends.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
        assertThat(summary.stored()).isEqualTo(quiet + burst + hotline);
    }

    private String line(String id, String platform, Instant at, String text) {
        return "{\"source\":\"trends-" + agency + "\",\"platform\":\"" + platform + "\",\"external_id\":\"" + id
                + "\",\"published_at\":\"" + at + "\",\"text\":\"" + text + "\"}\n";
    }

    @Test
    void postsAreRoutedByTheRuleAndRolledUpHourByHour() {
        long routed = jdbc.sql("SELECT count(*) FROM post WHERE agencies @> ARRAY[?]::text[]").param(agency)
                .query(Long.class).single();
        assertThat(routed).isEqualTo(quiet + burst + hotline);
        Map<String, Object> rolled = jdbc.sql("""
                SELECT sum(posts) AS posts, sum(posts) FILTER (WHERE restricted) AS restricted FROM post_hourly
                WHERE scope = ? AND dim = 'all'""").param(agency).query().singleRow();
        assertThat(((Number) rolled.get("posts")).longValue()).isEqualTo(routed);
        assertThat(((Number) rolled.get("restricted")).longValue()).isEqualTo(hotline);
        // the province's roll-up counts each post once under its agency, as the posts table does
        long province = jdbc.sql("SELECT sum(posts) FROM post_hourly WHERE scope = '' AND dim = 'agency' AND val = ?")
                .param(agency).query(Long.class).single();
        assertThat(province).isEqualTo(routed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBurstIsAnEmergingIssueWithItsStoriesAndA72HourForecast() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        String report = mvc.perform(get("/api/v1/trends").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // one issue for the burst, answered by the agency, named by its new words, with the burst's posts
        List<Map<String, Object>> issues = JsonPath.read(report, "$.emerging[?(@.agency.code == '" + agency + "')]");
        Object seen = JsonPath.read(report, "$.emerging[*]['agency','words','score','observed']");
        assertThat(issues).as("the emerging issues: %s", seen).hasSize(1);
        Map<String, Object> issue = issues.get(0);
        assertThat((List<String>) issue.get("words")).anyMatch(w -> w.contains(keyword.toLowerCase(java.util.Locale.ROOT)
                .replace("cầu ", "")));
        // the collapse, as one word or two: the segmenter reads "sập nhịp" beside the bridge's name, which carries the
        // test's pid, and so joins the two syllables for some pids and not for others
        List<String> words = (List<String>) issue.get("words");
        assertThat(words.stream().anyMatch(w -> w.contains("sập nhịp"))
                || words.stream().anyMatch(w -> w.contains("sập")) && words.stream().anyMatch(w -> w.contains("nhịp")))
                .as("the collapse among the issue's words %s", words).isTrue();
        // named by the posts' words, never by their markup
        java.util.Set<String> markup = java.util.Set.of("script", "alert", "img", "src", "onerror", "x", "document",
                "cookie");
        assertThat(words).as("the issue's words").noneMatch(w -> java.util.Arrays.stream(w.split(" "))
                .anyMatch(markup::contains));
        assertThat(((Number) issue.get("burst")).doubleValue()).isGreaterThan(3.0);
        assertThat(((Number) issue.get("observed")).intValue()).isEqualTo(burst + hotline);
        assertThat(((Number) issue.get("authors")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat((List<?>) issue.get("stories")).isNotEmpty();
        List<String> examples = JsonPath.read(issue, "$.examples[*].text");
        assertThat(examples).hasSize(3).allMatch(text -> text.contains(keyword));
        // the agency's own series rose with it and is one of its facets, not an issue of its own
        assertThat((List<?>) JsonPath.read(report, "$.emerging[?(@.value == '" + agency + "')]")).isEmpty();
        assertThat((List<String>) JsonPath.read(issue, "$.related[*].value")).contains(agency);

        String series = mvc.perform(get("/api/v1/trends").param("dimension", "agency").param("value", agency)
                        .session(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forecast.length()").value(72))
                .andExpect(jsonPath("$.history.length()").value(14 * 24))
                .andExpect(jsonPath("$.season").value(168))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> forecast = JsonPath.read(series, "$.forecast");
        for (Map<String, Object> point : forecast) {
            double value = ((Number) point.get("value")).doubleValue();
            assertThat(((Number) point.get("low")).doubleValue()).isLessThanOrEqualTo(value);
            assertThat(((Number) point.get("high")).doubleValue()).isGreaterThan(value);
        }
        mvc.perform(get("/api/v1/trends").param("dimension", "weather").param("value", "x").session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("dimension"));
        mvc.perform(get("/api/v1/trends")).andExpect(status().isUnauthorized());
    }

    @Test
    void eachDayOfTheDailySeriesIsAWholeDayOfVietnamOrTodaySoFar() throws Exception {
        String series = mvc.perform(get("/api/v1/trends").param("dimension", "agency").param("value", agency)
                        .session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the forecast starts where the counted hours end; the series counts the 28 days before
        Instant end = Instant.parse(JsonPath.read(series, "$.forecast[0].at"));
        Instant start = end.minus(28, ChronoUnit.DAYS);
        List<String> days = JsonPath.read(series, "$.daily[*].at");
        List<Number> values = JsonPath.read(series, "$.daily[*].value");
        assertThat(days).as("a day of which the series holds only the last hours would count too few posts")
                .allMatch(day -> !Instant.parse(day).isBefore(start));
        assertThat(days).hasSizeLessThanOrEqualTo(28);
        for (int i = 0; i < days.size(); i++) {
            Instant from = Instant.parse(days.get(i));
            Instant to = from.atZone(vn.loa.shared.LocalTime.ZONE).plusDays(1).toInstant();
            long posts = jdbc.sql("SELECT count(*) FROM post WHERE agencies @> ARRAY[?]::text[] AND published_at >= ? "
                            + "AND published_at < ?").params(agency, java.sql.Timestamp.from(from),
                            java.sql.Timestamp.from(to.isAfter(end) ? end : to))
                    .query(Long.class).single();
            assertThat(values.get(i).longValue()).as("the posts of %s", days.get(i)).isEqualTo(posts);
        }
    }

    @Test
    void anAgencysOfficerSeesTheRiseOfTheirOwnAgencysSeriesAsTheCoordinatorDoes() throws Exception {
        // an alert about the agency links its officers to this series: it is their whole view, not an empty chart
        MockHttpSession mine = signIn(officer, "mat-khau-dai-1");
        String own = mvc.perform(get("/api/v1/trends").param("dimension", "agency").param("value", agency).session(mine))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String province = mvc.perform(get("/api/v1/trends").param("dimension", "agency").param("value", agency)
                        .session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Number> seen = JsonPath.read(own, "$.history[*].value");
        List<Number> expected = JsonPath.read(province, "$.history[*].value");
        double posts = seen.stream().mapToDouble(Number::doubleValue).sum();
        // the fourteen days charted hold the burst, the hotline feedback and the quiet days' posts of the last two weeks
        assertThat(posts).isGreaterThanOrEqualTo(burst + hotline);
        assertThat(seen).hasSameSizeAs(expected);
        assertThat(posts).isEqualTo(expected.stream().mapToDouble(Number::doubleValue).sum());
        assertThat(((Number) JsonPath.read(own, "$.burst")).doubleValue()).isGreaterThan(3.0);
        // the page says so too
        String page = mvc.perform(get("/trends").param("dimension", "agency").param("value", agency).session(mine))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("#forecast-rows tr:not(.forecast) td").eachText())
                .anyMatch(cell -> !cell.isBlank() && !cell.equals("0"));
        // the agency's own series is still not an issue of its own in its officers' view
        String report = mvc.perform(get("/api/v1/trends").session(mine)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<?>) JsonPath.read(report, "$.emerging[?(@.dimension == 'agency' && @.value == '" + agency + "')]"))
                .isEmpty();
    }

    @Test
    void anotherAgencysTrendIsCountedOnTheProvincesPublicPostsAndThePageSaysWhatItCounts() throws Exception {
        // the demo's officer (Sở Y tế) asks for the made-up agency's series: within Sở Y tế's share it would be zeros
        MockHttpSession health = signIn("officer");
        String asked = mvc.perform(get("/api/v1/trends").param("dimension", "agency").param("value", agency).session(health))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String publicSeries = mvc.perform(get("/api/v1/trends").param("dimension", "agency").param("value", agency)
                        .param("province", "true").session(signIn(officer, "mat-khau-dai-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Number> seen = JsonPath.read(asked, "$.history[*].value");
        List<Number> expected = JsonPath.read(publicSeries, "$.history[*].value");
        double posts = seen.stream().mapToDouble(Number::doubleValue).sum();
        assertThat(posts).as("the burst's public posts, not the hotline's").isGreaterThanOrEqualTo(burst);
        assertThat(posts).isEqualTo(expected.stream().mapToDouble(Number::doubleValue).sum());
        Document page = Jsoup.parse(mvc.perform(get("/trends").param("dimension", "agency").param("value", agency)
                        .session(health)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#series-scope").text()).contains("cơ quan khác", "công khai của toàn tỉnh");
        // the officer's own series says it counts their agency's share; the scope button keeps the series
        Document own = Jsoup.parse(mvc.perform(get("/trends").param("dimension", "agency").param("value", agency)
                        .session(signIn(officer, "mat-khau-dai-1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(own.select("#series-scope").text()).contains("đơn vị của anh/chị");
        assertThat(own.select(".page-head .actions a.button").attr("href")).contains("dimension=agency", "value=" + agency,
                "province=true");
    }

    @Test
    void aStoryACaseCoversLeadsFromTheDashboardToThatCaseNotToASecondOne() throws Exception {
        long story = jdbc.sql("SELECT story_id FROM post WHERE agencies @> ARRAY[?]::text[] AND story_id IS NOT NULL "
                + "AND external_id LIKE 'burst-%' GROUP BY story_id ORDER BY count(*) DESC LIMIT 1").param(agency)
                .query(Long.class).single();
        MockHttpSession mine = signIn(officer, "mat-khau-dai-1");
        String before = mvc.perform(get("/listening").param("days", "1").session(mine)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(before).select("#top-stories a.open-case").eachAttr("href"))
                .contains("/cases/new?story=" + story);
        String location = mvc.perform(post("/cases/new").session(signIn("coordinator")).with(csrf())
                        .param("claim", "Cầu sập nhịp " + keyword).param("category", "GRIEVANCE")
                        .param("severity", "MEDIUM").param("agencyCode", agency).param("storyId", Long.toString(story))
                        .param("postIds", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String caseId = location.replaceAll("^.*/cases/(\\d+).*$", "$1");
        // the agency's officer may open the case: the story leads there, as the home page and the trends do
        String after = mvc.perform(get("/listening").param("days", "1").session(mine)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = Jsoup.parse(after);
        assertThat(page.select("#top-stories a.open-case").eachAttr("href")).doesNotContain("/cases/new?story=" + story);
        assertThat(page.select("#top-stories a.story-case").eachAttr("href")).contains("/cases/" + caseId);
        assertThat(page.select("#top-stories a.story-case").eachText()).contains("Xem vụ việc số " + caseId);
    }

    @Test
    void theDashboardCountsWhatEachUserMaySee() throws Exception {
        assertThat(agencyPosts("coordinator", false)).containsExactly(countSince(7, true));
        // the press, and other agencies' officers looking at the province, see public posts only
        assertThat(agencyPosts("press", false)).containsExactly(countSince(7, false));
        assertThat(agencyPosts("officer", true)).containsExactly(countSince(7, false));
        assertThat(countSince(7, true)).isGreaterThan(countSince(7, false));
        // an officer's own view is their agency's posts: of this agency's, only those routed to theirs as well
        // (a routing rule by policy domain may send some there)
        mvc.perform(get("/api/v1/overview").param("days", "7").session(signIn("officer")))
                .andExpect(jsonPath("$.scope.agency").value("SYT"));
        int alsoHealth = countSince(7, true, "SYT");
        assertThat(agencyPosts("officer", false)).isEqualTo(alsoHealth == 0 ? List.of() : List.of(alsoHealth));
        mvc.perform(get("/api/v1/overview").param("days", "0").session(signIn("officer")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("days"));
        mvc.perform(get("/listening").session(signIn("coordinator"))).andExpect(status().isOk());
        mvc.perform(get("/trends").session(signIn("officer"))).andExpect(status().isOk());
    }

    /** The test agency's post counts in a user's dashboard of the last 7 days. */
    private List<Integer> agencyPosts(String username, boolean province) throws Exception {
        String body = mvc.perform(get("/api/v1/overview").param("days", "7").param("province", Boolean.toString(province))
                        .session(signIn(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.agencies[?(@.value == '" + agency + "')].posts");
    }

    /** The posts about the test agency in the dashboard's period of {@code days} days, with or without hotline ones. */
    private int countSince(int days, boolean restricted) {
        return countSince(days, restricted, agency);
    }

    /** The same, of the posts routed to another agency as well. */
    private int countSince(int days, boolean restricted, String alsoRoutedTo) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        // today (the day of the current hour, not of the hour after it) and the days before
        Instant start = end.minus(1, ChronoUnit.HOURS).atZone(vn.loa.shared.LocalTime.ZONE).truncatedTo(ChronoUnit.DAYS)
                .plusDays(1).minusDays(days).toInstant();
        return jdbc.sql("SELECT count(*) FROM post WHERE agencies @> ARRAY[?, ?]::text[] AND published_at >= ? AND published_at < ?"
                        + (restricted ? "" : " AND platform NOT IN ('HOTLINE', 'OFFICE')"))
                .params(agency, alsoRoutedTo, java.sql.Timestamp.from(start), java.sql.Timestamp.from(end)).query(Long.class)
                .single()
                .intValue();
    }

    @Test
    void theTrendsPageAsksForWhatHalfASeriesLeavesOutAsTheApiDoes() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        // a dimension without its value, or a value without its dimension: not the first issue's chart in silence
        String noValue = mvc.perform(get("/trends").param("dimension", "agency").session(coordinator))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(noValue).select("main").text()).contains("Hãy nêu giá trị");
        String noDimension = mvc.perform(get("/trends").param("value", agency).session(coordinator))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the dimensions as the pages name them, in the reader's language, never their codes
        assertThat(Jsoup.parse(noDimension).select("main").text())
                .contains("Chiều dữ liệu phải là Chủ đề, Lĩnh vực, Cơ quan, Địa danh hoặc Từ khóa.")
                .doesNotContain("topic, domain");
        assertThat(Jsoup.parse(mvc.perform(get("/trends").param("value", agency).param("lang", "en").session(coordinator))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).select("main").text())
                .contains("The dimension must be Topic, Policy domain, Agency, Place or Keyword.");
        mvc.perform(get("/api/v1/trends").param("value", agency).session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("dimension"));
        // with neither, the page charts the first emerging issue
        mvc.perform(get("/trends").session(coordinator)).andExpect(status().isOk());
    }

    @Test
    void aRuleForAnUnknownAgencyOrWithoutAValueIsRefusedNamingTheFields() throws Exception {
        String page = mvc.perform(post("/listening/rules").session(signIn("coordinator")).with(csrf())
                        .param("agency", "NOPE").param("kind", "KEYWORD").param("value", " "))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Hãy chọn một cơ quan đang hoạt động.").contains("Hãy nhập từ khóa hoặc chủ đề");
        mvc.perform(post("/listening/rules").session(signIn("officer")).with(csrf())
                        .param("agency", "SYT").param("kind", "KEYWORD").param("value", "bệnh viện"))
                .andExpect(status().isForbidden());
    }

    private MockHttpSession signIn(String username) throws Exception {
        return signIn(username, "loa-demo");
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn().getRequest().getSession(false);
    }
}
