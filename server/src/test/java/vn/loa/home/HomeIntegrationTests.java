package vn.loa.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.listening.Alerts;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.IssueSentences;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostImporter;
import vn.loa.listening.Trends;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseTestData;
import vn.loa.misinformation.Cases;
import vn.loa.shared.Actor;

/**
 * The home page of each role on the embedded PostgreSQL, with what the test makes: bursts of complaints about a
 * hospital (the Department of Health's), a mountain road (the Department of Transport's) and a well (a test board's),
 * keyword alerts, cases of both departments, two of them past their deadline, and one of Transport's holding the posts
 * about the well. Each role sees its sections, each item links to where it is handled, and an officer sees nothing
 * of another agency's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    Cases cases;

    @Autowired
    Alerts alerts;

    @Autowired
    Trends trends;

    @Autowired
    IssueSentences sentences;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private final String hospital = CaseTestData.marker();
    private final String road = CaseTestData.marker();
    private final String well = CaseTestData.marker();
    private final String board = "HT" + ProcessHandle.current().pid();
    private final String boardOfficer = "home-officer-" + ProcessHandle.current().pid();
    private Case healthOverdue;
    private Case transportOverdue;
    private Case healthNew;
    private Case healthDrafted;
    private Case otherAgencyCovering;
    private Alerts.Alert healthAlert;
    private Alerts.Alert transportAlert;

    @BeforeAll
    void casesPastTheirDeadlineThenTwoBurstsWithTheirAlerts() throws Exception {
        // a morning of its own (a Tuesday, 09:00 in Vietnam), so that the day's top issues are this class's bursts and not
        // those other classes import at the real now into the same database; every test here starts from it
        clock.set(Instant.parse("2026-03-17T02:00:00Z"));
        SignedInUser coordinator = user("coordinator");
        SignedInUser officer = user("officer");
        healthOverdue = cases.open(new Cases.NewCase("Bệnh viện " + hospital + " từ chối bệnh nhân cấp cứu",
                "FALSE_INFORMATION", "CRITICAL", List.of(), null, null, "SYT"), coordinator);
        cases.act(healthOverdue.id(), transition("TRIAGE", "FALSE_INFORMATION", "CRITICAL", null, null), coordinator);
        cases.act(healthOverdue.id(), transition("ASSIGN", null, null, "SYT", "officer"), coordinator);
        transportOverdue = cases.open(new Cases.NewCase("Đèo " + road + " sắp bị đóng cửa vĩnh viễn",
                "FALSE_INFORMATION", "CRITICAL", List.of(), null, null, "SXD"), coordinator);
        healthNew = cases.open(new Cases.NewCase("Trạm y tế " + hospital + " thu tiền khám trẻ em",
                "FALSE_INFORMATION", "LOW", List.of(), null, null, "SYT"), coordinator);
        healthDrafted = cases.open(new Cases.NewCase("Thuốc ở bệnh viện " + hospital + " bị làm giả",
                "FALSE_INFORMATION", "LOW", List.of(), null, null, "SYT"), coordinator);
        cases.act(healthDrafted.id(), transition("TRIAGE", "FALSE_INFORMATION", "LOW", null, null), coordinator);
        cases.act(healthDrafted.id(), transition("ASSIGN", null, null, "SYT", "officer"), coordinator);
        cases.act(healthDrafted.id(), transition("START_VERIFICATION", null, null, null, null), officer);
        cases.act(healthDrafted.id(), new Cases.Transition("SUBMIT_ANSWER", null, null, null, null, "FALSE",
                "Thuốc của bệnh viện được mua qua đấu thầu và kiểm nghiệm; không có thuốc giả.", null, null), officer);
        // the critical cases have four hours
        clock.advance(Duration.ofHours(5));

        alerts.addRule(new Alerts.RuleForm("SYT", "KEYWORD", "3", hospital, "", null), coordinator);
        alerts.addRule(new Alerts.RuleForm("SXD", "KEYWORD", "3", road, "", null), coordinator);
        Instant now = clock.instant();
        StringBuilder hospitalPosts = new StringBuilder();
        StringBuilder roadPosts = new StringBuilder();
        StringBuilder wellPosts = new StringBuilder();
        for (int i = 0; i < 36; i++) {
            hospitalPosts.append(line(hospital, "h" + i, "bệnh nhân " + i, now.minus(2 + i / 2, ChronoUnit.MINUTES),
                    "Bệnh viện " + hospital + " quá tải, người bệnh nằm ghép ba người một giường, chờ cả ngày chưa được khám, "
                            + "thiếu thuốc BHYT phải tự mua ngoài, bệnh nhân thứ " + i + " cho biết"));
            roadPosts.append(line(road, "r" + i, "tài xế " + i, now.minus(3 + i / 2, ChronoUnit.MINUTES),
                    "Tai nạn giao thông liên tiếp trên đèo " + road + ", mặt đường sạt lở hư hỏng nặng mà chưa ai sửa, "
                            + "xe tải lật, dân rất bất bình, tài xế thứ " + i + " phản ánh"));
            wellPosts.append(line(well, "w" + i, "phụ huynh " + i, now.minus(4 + i / 2, ChronoUnit.MINUTES),
                    "Nước giếng khoan ở thôn " + well + " bỗng có mùi lạ và vẩn đục, cả xóm lo lắng không dám dùng, "
                            + "đề nghị kiểm tra nguồn nước ngay, hộ dân thứ " + i + " lo lắng"));
        }
        // (the three bursts share no phrase, or the day's issue of that phrase would hold all three and its case cover
        // the road)
        // residents' groups of the province: a complaint the register model reads as news is routed by the rules there
        for (String marker : List.of(hospital, road, well)) {
            jdbc.sql("INSERT INTO post_source (code, kind, created_at, local) VALUES (?, 'IMPORT', now(), TRUE)")
                    .param("home-" + marker).update();
        }
        importPosts(hospitalPosts);
        // the posts about the well go to a board of their own (no older story of it), whose officer signs in below
        agencies.create(new AgencyDirectory.AgencyForm(board, AgencyKind.OTHER, null, "Ban quản lý nước sạch thử nghiệm",
                "Test water board", LocalDate.of(2020, 1, 1), null, "test"), Actor.SYSTEM);
        mvc.perform(post("/listening/rules").session(CaseTestData.signIn(mvc, "coordinator")).with(csrf())
                .param("agency", board).param("kind", "KEYWORD").param("value", well)).andExpect(status().is3xxRedirection());
        users.create(new Users.NewUser(boardOfficer, "Cán bộ Ban nước sạch", boardOfficer + "@example.gov.vn",
                "mat-khau-dai-1", Set.of(Role.OFFICER), agencies.findByCode(board, LocalDate.of(2020, 1, 1)).orElseThrow().id()),
                Actor.SYSTEM);
        importPosts(wellPosts);
        // a case of another agency holds the posts about the well: the board's officer may not open it
        otherAgencyCovering = cases.open(new Cases.NewCase("Xe bồn chở hóa chất đổ trộm xuống giếng ở thôn " + well,
                "FALSE_INFORMATION", "LOW", burst(well), null, null, "SXD"), coordinator);
        importPosts(roadPosts);
        alerts.evaluate();
        for (int attempt = 0; attempt < 100 && (healthAlert == null || transportAlert == null); attempt++) {
            List<Alerts.Alert> open = alerts.alerts(coordinator, true, 1000);
            healthAlert = open.stream().filter(a -> hospital.equals(a.detail())).findFirst().orElse(null);
            transportAlert = open.stream().filter(a -> road.equals(a.detail())).findFirst().orElse(null);
            if (healthAlert == null || transportAlert == null) {
                Thread.sleep(100);
            }
        }
        assertThat(healthAlert).as("the hospital's alert").isNotNull();
        assertThat(transportAlert).as("the road's alert").isNotNull();
    }

    @Test
    void theCoordinatorSeesTheIssuesAlertsOverdueCasesAndNewCasesWithWhereEachIsHandled() throws Exception {
        String page = home("coordinator");
        List<Trends.Issue> top = top(user("coordinator"));
        about(top, road);
        Trends.Issue hospitalIssue = about(top, hospital);
        // the hospital's burst has no case holding its posts (its cases were opened by hand, without posts): its issue
        // offers to open one; the road's shares the day's topic issue with the well's, which the well's case covers
        assertThat(hospitalIssue.coverage()).isNull();
        String issues = section(page, "issues");
        assertThat(issues).contains("Vấn đề cần chú ý hôm nay");
        // each issue in its sentence, with its trend, and its case or, when nothing covers it, a way to open one
        for (Trends.Issue issue : top) {
            assertThat(issues).contains(escaped(sentences.sentence(issue, Locale.of("vi"))))
                    .contains("href=\"/trends?dimension=" + issue.dimension() + "&amp;value=")
                    .contains(issue.coverage() != null ? "href=\"/cases/" + issue.coverage().caseId() + "\""
                            : "href=\"/cases/new?posts=" + issue.examples().get(0).id());
        }
        // the newest open alerts of the province (other tests' alerts share the database: the page is checked against the
        // same list the service gives, and the test's own alerts are among the open ones it counts)
        assertNewestOpenAlerts(section(page, "alerts"), user("coordinator"));
        String overdue = list(page, "overdue-cases");
        assertThat(overdue).contains(caseLink(healthOverdue), caseLink(transportOverdue), "Quá hạn")
                .doesNotContain(caseLink(healthNew));
        // the cases waiting for triage: the test's new case is listed unless other tests' cases (sharing the database)
        // fill the list before it
        String triage = list(page, "triage-cases");
        assertThat(triage).doesNotContain(caseLink(healthOverdue));
        long waiting = cases.list(new Cases.Filter("RECEIVED", "", true, false), user("coordinator"), 1000).size();
        if (waiting <= 8) {
            assertThat(triage).contains(caseLink(healthNew));
        } else {
            assertThat(triage.split("href=\"/cases/\\d").length - 1).isEqualTo(8);
        }
        assertThat(main(page)).doesNotContain("CRITICAL", "RECEIVED", ">SYT<", ">SXD<", ">coordinator<");
        // a time to the minute, no seconds
        assertThat(overdue).containsPattern("hạn \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d<");

        // the links lead to working pages
        MockHttpSession session = CaseTestData.signIn(mvc, "coordinator");
        mvc.perform(get("/trends").param("dimension", hospitalIssue.dimension()).param("value", hospitalIssue.value())
                .session(session)).andExpect(status().isOk());
        String posts = href(issues, "/cases/new\\?posts=(" + hospitalIssue.examples().get(0).id() + "[0-9%C,]*)")
                .replace("%2C", ",");
        String draft = mvc.perform(get("/cases/new").param("posts", posts).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(draft).contains(hospital);
    }

    @Test
    void theLeaderSeesTheSamePictureWithoutTheDesksWork() throws Exception {
        String page = home("leader");
        Trends.Issue hospitalIssue = about(top(user("leader")), hospital);
        assertThat(section(page, "issues")).contains(escaped(sentences.sentence(hospitalIssue, Locale.of("vi"))));
        assertNewestOpenAlerts(section(page, "alerts"), user("leader"));
        assertThat(list(page, "overdue-cases")).contains(caseLink(healthOverdue), caseLink(transportOverdue));
        String main = main(page);
        // a leader neither opens nor triages cases, and administers nothing
        assertThat(main).doesNotContain("/cases/new", "id=\"triage\"", "/admin/", "/alerts/rules", "/listening/rules");
        assertThat(page).contains("Bạn xem được dữ liệu của toàn tỉnh.");
    }

    @Test
    void anOfficerSeesTheirCasesTheirAgencysAlertsAndIssuesAndNothingOfAnotherAgency() throws Exception {
        String page = home("officer");
        assertThat(section(page, "my-work")).contains("Việc của bạn");
        String mine = list(page, "mine-cases");
        assertThat(mine).contains(caseLink(healthOverdue), caseLink(healthDrafted), "Quá hạn");
        // the agency's cases nobody owns, soonest due first: the test's new case is listed unless other tests' cases
        // (sharing the database) fill the list before it; it was always first only while an earlier test class left
        // the shared clock in 2025, so that this class's cases fell due before anyone's
        String unassigned = list(page, "unassigned-cases");
        assertThat(unassigned).doesNotContain(caseLink(healthOverdue));
        long nobodys = cases.list(new Cases.Filter(null, null, true, false), user("officer"), 1000).stream()
                .filter(c -> c.owner() == null).count();
        if (nobodys <= 8) {
            assertThat(unassigned).contains(caseLink(healthNew));
        } else {
            assertThat(unassigned.split("href=\"/cases/\\d").length - 1).isEqualTo(8);
        }
        // the agency's newest open alerts (other tests' alerts of the agency may be newer than the hospital's)
        List<Alerts.Alert> agencys = alerts.alerts(user("officer"), true, 1000);
        assertThat(agencys).extracting(Alerts.Alert::id).contains(healthAlert.id()).doesNotContain(transportAlert.id());
        for (Alerts.Alert alert : agencys.subList(0, Math.min(5, agencys.size()))) {
            assertThat(section(page, "alerts")).contains("href=\"/alerts/" + alert.id() + "\"");
        }
        Trends.Issue hospitalIssue = about(top(user("officer")), hospital);
        assertThat(section(page, "issues")).contains(escaped(sentences.sentence(hospitalIssue, Locale.of("vi"))));
        // nothing of the Department of Transport: not its case, its alert, its burst
        assertThat(page).doesNotContain(caseLink(transportOverdue), "/alerts/" + transportAlert.id() + "\"", road,
                "Xe bồn");
        assertThat(page).contains("Bạn xem được dữ liệu của cơ quan mình").contains("Sở Y tế");

        MockHttpSession session = CaseTestData.signIn(mvc, "officer");
        mvc.perform(get("/cases/" + healthOverdue.id()).session(session)).andExpect(status().isOk());
        mvc.perform(get("/alerts/" + healthAlert.id()).session(session)).andExpect(status().isOk());
    }

    @Test
    void anOfficerIsToldThatAnotherAgencyHandlesAnIssueWithoutSeeingItsCase() throws Exception {
        MockHttpSession board = (MockHttpSession) mvc.perform(formLogin("/login").user(boardOfficer)
                .password("mat-khau-dai-1")).andReturn().getRequest().getSession(false);
        String page = mvc.perform(get("/").session(board))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the trends page and the API say the matter is handled, without the case's number, status, claim or link
        String trendsPage = mvc.perform(get("/trends").session(board)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(trendsPage).doesNotContain(caseLink(otherAgencyCovering), "Xe bồn");
        String api = mvc.perform(get("/api/v1/trends").session(board)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"caseId\":0").contains("\"opens\":false")
                .doesNotContain("\"caseId\":" + otherAgencyCovering.id(), "Xe bồn");
        SignedInUser officer = user(boardOfficer);
        Trends.Issue wellIssue = about(top(officer), well);
        assertThat(wellIssue.coverage().caseId()).as("the trends know the case").isEqualTo(otherAgencyCovering.id());
        assertThat(section(page, "issues")).contains(escaped(sentences.title(wellIssue, Locale.of("vi"))))
                .contains("Một cơ quan khác đang xử lý.")
                .doesNotContain(escaped(sentences.action(wellIssue, Locale.of("vi"))), caseLink(otherAgencyCovering),
                        "/cases/new");
        assertThat(page).doesNotContain("Xe bồn", hospital, road);
    }

    @Test
    void aSpokespersonSeesTheAnswersWaitingForApproval() throws Exception {
        String page = home("spokesperson");
        assertThat(list(page, "approve-cases")).contains(caseLink(healthDrafted)).doesNotContain(caseLink(healthNew));
        assertThat(page).doesNotContain("id=\"unassigned-cases\"", caseLink(transportOverdue), road);
    }

    @Test
    void aCommuneWithNothingUnusualIsToldItIsItsOwnShareThatIsCalmNotTheProvinces() throws Exception {
        // the province's alerts are listed below; "nothing grew" is about the commune's share only, and says so
        String issues = section(home("xa-bac-ai-tay"), "issues");
        assertThat(issues).contains("Không có vấn đề nào liên quan đến đơn vị tăng bất thường")
                .doesNotContain("Không có vấn đề nào tăng bất thường trong 24 giờ qua.");
        assertThat(section(home("leader"), "issues")).doesNotContain("liên quan đến đơn vị");
    }

    @Test
    void thePressSeesPublishedAnswersOnly() throws Exception {
        String page = home("press");
        assertThat(section(page, "answers")).contains("Thông tin đã được làm rõ, bác bỏ").contains("/public/refutations");
        assertThat(page).doesNotContain("id=\"issues\"", "id=\"alerts\"", "id=\"my-work\"", "id=\"due-cases\"", hospital, road);
    }

    @Test
    void theHomePageSpeaksEnglishOnRequestAndNeedsASignIn() throws Exception {
        String page = mvc.perform(get("/").param("lang", "en").session(CaseTestData.signIn(mvc, "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Issues that need attention today", "Open alerts", "Cases overdue and due today")
                .containsPattern("id=\"today\">(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{1,2} [A-Z][a-z]+ \\d{4}<");
        String officers = mvc.perform(get("/").param("lang", "en").session(CaseTestData.signIn(mvc, "officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(officers).contains("Your work", "You see your own agency&#39;s data", "Department of Health")
                .doesNotContain("''", "??");
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    private String home(String username) throws Exception {
        return mvc.perform(get("/").session(CaseTestData.signIn(mvc, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The top five issues the page shows, as the trends give them. */
    private List<Trends.Issue> top(SignedInUser user) {
        return trends.emerging(ListeningScope.of(user, false), "vi").stream().limit(5).toList();
    }

    private void importPosts(StringBuilder lines) throws Exception {
        ImportSummary summary = importer.importFile("home-bursts.jsonl",
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
    }

    /** The posts of the burst about {@code marker}. */
    private List<Long> burst(String marker) {
        List<Long> ids = jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? ORDER BY p.id")
                .param("home-" + marker).query(Long.class).list();
        assertThat(ids).isNotEmpty();
        return ids;
    }

    private void assertNewestOpenAlerts(String section, SignedInUser user) {
        List<Alerts.Alert> open = alerts.alerts(user, true, 1000);
        assertThat(open).extracting(Alerts.Alert::id).contains(healthAlert.id(), transportAlert.id());
        for (Alerts.Alert alert : open.subList(0, Math.min(5, open.size()))) {
            assertThat(section).contains("href=\"/alerts/" + alert.id() + "\"");
        }
    }

    /** The issue that holds the burst about {@code marker} (whatever words it is named by). */
    private Trends.Issue about(List<Trends.Issue> issues, String marker) {
        List<Long> burst = burst(marker);
        return issues.stream().filter(i -> i.postIds().stream().anyMatch(burst::contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no issue holds the burst about " + marker + " among the top five: "
                        + issues.stream().map(Trends.Issue::title).toList()));
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private static String list(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("list " + id).isPositive();
        return page.substring(start, page.indexOf("</ul>", start));
    }

    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private static String href(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }

    private static String caseLink(Case found) {
        return "href=\"/cases/" + found.id() + "\"";
    }

    /** As Thymeleaf writes text into HTML. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Cases.Transition transition(String action, String category, String severity, String agency,
            String owner) {
        return new Cases.Transition(action, category, severity, agency, owner, null, null, null, null);
    }

    private SignedInUser user(String username) {
        var account = users.findByUsername(username).orElseThrow();
        return new SignedInUser(account.id(), account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles());
    }

    /** A post of the burst about {@code marker}, on a source of its own. */
    private static String line(String marker, String id, String author, Instant at, String text) {
        return "{\"source\":\"home-" + marker + "\",\"platform\":\"facebook\",\"external_id\":\"" + id
                + "\",\"author\":\"" + author + "\",\"published_at\":\"" + at + "\",\"text\":\"" + text + "\"}\n";
    }
}
