package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.IssueSentences;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostImporter;
import vn.loa.listening.Trends;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseTestData;
import vn.loa.misinformation.Cases;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * The leader's view on a real database: from task occurrences, a case and a periodic report inserted here, the page
 * shows the overdue escalated task with its days, the one due in three days, the report task due, the open case and the
 * last quarter's draft report, each linked to where it is handled, and not the task done, the one cancelled nor the
 * month's report already issued; an officer may not open it. An emerging issue is counted by its posts of the last 24
 * hours, as the home page and the alerts count it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class LeadershipIntegrationTests {

    /** The issues the page shows at most. */
    private static final int LEADERSHIP_ISSUES = 5;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Cases cases;

    @Autowired
    TestClock clock;

    @Autowired
    PostImporter importer;

    @Autowired
    Trends trends;

    @Autowired
    IssueSentences sentences;


    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private long agency(String code) {
        return agencies.findByCode(code, today()).orElseThrow().id().value();
    }

    private long task(long directive, String title, long lead, boolean report, String state) {
        return jdbc.sql("INSERT INTO coord_task (directive_id, clause, title, expected_result, lead_agency_id, recurrence,"
                + " due_on, starts_on, is_report, state, created_by, created_at) VALUES (:directive, '2.b', :title,"
                + " 'Kết quả', :lead, 'ONCE', :due, :starts, :report, :state, 'test', :at) RETURNING id")
                .param("directive", directive).param("title", title).param("lead", lead).param("due", today())
                .param("starts", today().minusMonths(2)).param("report", report).param("state", state)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private long occurrence(long task, LocalDate due, LocalDate done, boolean escalated) {
        return jdbc.sql("INSERT INTO coord_occurrence (task_id, period_start, period_end, due_on, done_on, escalated_due,"
                + " escalated_at) VALUES (:task, :start, :due, :due, :done, :escalatedDue, :escalatedAt) RETURNING id")
                .param("task", task).param("start", today().minusMonths(2)).param("due", due).param("done", done)
                .param("escalatedDue", escalated ? due : null)
                .param("escalatedAt", escalated ? Timestamp.from(clock.instant().minusSeconds(3600)) : null)
                .query(Long.class).single();
    }

    @Test
    void theLeadersViewShowsExactlyWhatIsAtRiskOrDueEachWithItsLinkAndAnOfficerMayNotOpenIt() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = today();
        long province = agency("56");
        long commune = agency("22852");
        long health = agency("SYT");
        long directive = jdbc.sql("INSERT INTO coord_directive (doc_kind, number, issued_on, issuer_agency_id, signer, title,"
                + " created_by, created_at) VALUES ('Kế hoạch', :number, :issued, :issuer, 'Phó Chủ tịch Nguyễn Văn B',"
                + " 'Kế hoạch kiểm thử', 'test', :at) RETURNING id")
                .param("number", marker + "/KH-UBND").param("issued", today.minusMonths(3)).param("issuer", province)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        long overdueTask = task(directive, "Quá hạn " + marker, commune, false, "OPEN");
        long overdue = occurrence(overdueTask, today.minusDays(5), null, true);
        long soonTask = task(directive, "Sắp đến hạn " + marker, health, false, "OPEN");
        long soon = occurrence(soonTask, today.plusDays(3), null, false);
        long doneTask = task(directive, "Đã xong " + marker, health, false, "OPEN");
        long done = occurrence(doneTask, today.minusDays(2), today.minusDays(3), false);
        long cancelledTask = task(directive, "Đã hủy " + marker, health, false, "CANCELLED");
        long cancelled = occurrence(cancelledTask, today.minusDays(4), null, false);
        long laterTask = task(directive, "Còn xa " + marker, health, false, "OPEN");
        long later = occurrence(laterTask, today.plusDays(10), null, false);
        long reportTask = task(directive, "Báo cáo quý " + marker, health, true, "OPEN");
        long report = occurrence(reportTask, today.plusDays(10), null, false);

        // the month's report is issued, the quarter's only drafted
        LocalDate month = today.withDayOfMonth(1).minusMonths(1);
        LocalDate quarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        jdbc.sql("INSERT INTO coord_report (kind, period_start, period_end, issuer_agency_id, symbol, number, number_year,"
                + " title, status, figures, sections, generated_at, generated_by) VALUES ('MONTHLY', :start, :end, :issuer,"
                + " :symbol, 1, :year, 'Báo cáo tháng', 'ISSUED', '{}'::jsonb, '{}'::jsonb, :at, 'test')")
                .param("start", month).param("end", month.plusMonths(1).minusDays(1)).param("issuer", province)
                .param("symbol", "BC-" + marker).param("year", today.getYear()).param("at", Timestamp.from(clock.instant()))
                .update();
        long draft = jdbc.sql("INSERT INTO coord_report (kind, period_start, period_end, issuer_agency_id, symbol, title,"
                + " status, figures, sections, generated_at, generated_by) VALUES ('QUARTERLY', :start, :end, :issuer,"
                + " :symbol, 'Báo cáo quý', 'DRAFT', '{}'::jsonb, '{}'::jsonb, :at, 'test') RETURNING id")
                .param("start", quarter).param("end", quarter.plusMonths(3).minusDays(1)).param("issuer", province)
                .param("symbol", "BC-" + marker).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        boolean quarterIssuedElsewhere = jdbc.sql("SELECT count(*) FROM coord_report WHERE kind = 'QUARTERLY'"
                + " AND period_start = :start AND status = 'ISSUED'").param("start", quarter).query(Long.class).single() > 0;

        SignedInUser coordinator = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
                Set.of(Role.COORDINATOR));
        Case open = cases.open(new Cases.NewCase("Tin đồn kiểm thử điều hành " + marker, "FALSE_INFORMATION", "HIGH",
                List.of(), null, null, "SYT"), coordinator);
        try {
            String html = mvc.perform(get("/leadership").session(signIn("leader"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document page = Jsoup.parse(html);

            Element atRisk = page.getElementById("tasks-at-risk");
            Element overdueItem = atRisk.selectFirst("li[data-occurrence=" + overdue + "]");
            assertThat(overdueItem).isNotNull();
            assertThat(overdueItem.attr("data-overdue")).isEqualTo("true");
            assertThat(overdueItem.selectFirst("a").attr("href")).isEqualTo("/coordination/tasks/" + overdueTask);
            assertThat(overdueItem.text()).contains("Quá hạn " + marker, "quá hạn 5 ngày", "Xã Ninh Hải",
                    marker + "/KH-UBND", "2.b", LocalTime.format(today.minusDays(5)));
            assertThat(overdueItem.select(".badge").text()).startsWith("Đã báo người điều phối và lãnh đạo lúc");
            Element soonItem = atRisk.selectFirst("li[data-occurrence=" + soon + "]");
            assertThat(soonItem).isNotNull();
            assertThat(soonItem.attr("data-overdue")).isEqualTo("false");
            assertThat(soonItem.text()).contains("còn 3 ngày").doesNotContain("vượt cấp");
            assertThat(soonItem.selectFirst("a").attr("href")).isEqualTo("/coordination/tasks/" + soonTask);
            for (long absent : List.of(done, cancelled, later, report)) {
                assertThat(atRisk.select("li[data-occurrence=" + absent + "]")).isEmpty();
            }
            // counts per lead agency: the commune has (at least) this overdue one
            Element communeCount = atRisk.selectFirst("tr[data-agency=" + commune + "]");
            assertThat(communeCount).isNotNull();
            assertThat(Integer.parseInt(communeCount.select("td").get(1).text())).isGreaterThanOrEqualTo(1);

            Element reports = page.getElementById("reports");
            Element reportItem = reports.selectFirst("li[data-occurrence=" + report + "]");
            assertThat(reportItem).isNotNull();
            assertThat(reportItem.selectFirst("a").attr("href")).isEqualTo("/coordination/tasks/" + reportTask);
            assertThat(reports.select("li[data-occurrence=" + later + "]")).isEmpty();
            assertThat(reports.select("li[data-report-kind=MONTHLY]")).isEmpty();
            if (!quarterIssuedElsewhere) {
                Element quarterly = reports.selectFirst("li[data-report-kind=QUARTERLY]");
                assertThat(quarterly).isNotNull();
                assertThat(quarterly.selectFirst("a").attr("href")).isEqualTo("/coordination/reports/" + draft);
                assertThat(quarterly.text()).contains(LocalTime.format(quarter));
            }

            Element caseItem = page.getElementById("cases").selectFirst("li[data-case=" + open.id() + "]");
            assertThat(caseItem).isNotNull();
            assertThat(caseItem.selectFirst("a").attr("href")).isEqualTo("/cases/" + open.id());
            assertThat(page.getElementById("issues")).isNotNull();
            assertThat(page.getElementById("crises")).isNotNull();
            // the links lead somewhere real: the case's page opens for the leader
            mvc.perform(get("/cases/{id}", open.id()).session(signIn("leader"))).andExpect(status().isOk());

            mvc.perform(get("/leadership").session(signIn("officer"))).andExpect(status().isForbidden());
            mvc.perform(get("/leadership").session(signIn("coordinator"))).andExpect(status().isOk());
        } finally {
            // the case leaves the open work other tests count, and the tasks leave the view
            cases.act(open.id(), new Cases.Transition("DISMISS", null, null, null, null, null, null, "Dữ liệu kiểm thử", null),
                    coordinator);
            jdbc.sql("UPDATE coord_task SET state = 'CANCELLED' WHERE directive_id = :directive").param("directive", directive)
                    .update();
            jdbc.sql("UPDATE coord_report SET period_start = DATE '1990-01-01', period_end = DATE '1990-01-31'"
                    + " WHERE symbol = :symbol").param("symbol", "BC-" + marker).update();
        }
    }

    @Test
    void anEmergingIssueIsCountedByItsPostsOfTheLast24HoursAsTheHomePageCountsThemInEitherLanguage() throws Exception {
        String marker = CaseTestData.marker();
        Instant now = clock.instant();
        // complaints that began in the morning and burst in the last half hour: the short window it stands out in
        // holds fewer posts than its day
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append(line(marker, "burst" + i, now.minus(1 + i, ChronoUnit.MINUTES), i));
        }
        for (int i = 0; i < 12; i++) {
            lines.append(line(marker, "morning" + i, now.minus(6, ChronoUnit.HOURS).minus(i * 10L, ChronoUnit.MINUTES),
                    100 + i));
        }
        ImportSummary summary = importer.importFile("leadership-issue.jsonl",
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(42);
        List<Long> posts = jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ?")
                .param("leadership-" + marker).query(Long.class).list();

        SignedInUser leader = new SignedInUser(null, "leader", "Lãnh đạo", null, null, Set.of(Role.LEADER));
        List<Trends.Issue> emerging = trends.emerging(ListeningScope.of(leader, false), "vi");
        // the smallest issue that holds them all, not the first that holds any: a larger one ranking above may hold
        // some of them too (a series of the day, their policy domain say, or the demo's burst of 90 reposts, 8 of which
        // say "bức xúc" as these complaints once did); the first that held any once counted 90 posts for these 42
        Trends.Issue issue = emerging.stream().filter(i -> i.postIds().containsAll(posts))
                .min(java.util.Comparator.comparingLong(Trends.Issue::observed))
                .orElseThrow(() -> new AssertionError("no issue of the complaints about " + marker + ": " + emerging));
        assertThat(issue.recent()).as("the posts of its short window").isLessThan(issue.observed());
        // its posts of the last 24 hours: the 30 of the burst and the 12 of the morning, and any post of another test
        // class (the database is shared) that holds its new words in the same hours, as the issue finder counts it
        assertThat(issue.observed()).isGreaterThanOrEqualTo(42).isEqualTo(issue.postIds().size())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM post WHERE id = ANY(?) AND published_at >= ? AND published_at <= ?")
                        .params(issue.postIds().toArray(Long[]::new), Timestamp.from(now.minus(24, ChronoUnit.HOURS)),
                                Timestamp.from(now)).query(Long.class).single());
        // the home page and the alerts say the same figure in the issue's sentence
        assertThat(sentences.amount(issue, Locale.of("vi"))).contains(issue.observed() + " bài của");

        // the page shows the first five issues (other tests' bursts of the same day may rank above this one), each
        // with its posts of the last 24 hours, not those of the short window it stands out in
        MockHttpSession session = signIn("leader");
        Document vi = Jsoup.parse(page("vi", session));
        Document en = Jsoup.parse(page("en", session));
        List<Trends.Issue> shown = emerging.stream().limit(LEADERSHIP_ISSUES).toList();
        assertThat(shown).isNotEmpty();
        for (Trends.Issue each : shown) {
            Element item = issueItem(vi, sentences.title(each, Locale.of("vi")));
            assertThat(item.select(".muted").text()).isEqualTo(each.observed() + " bài viết trong 24 giờ qua");
            assertThat(item.text()).doesNotContain("tin, bài", "gần đây");
            // "the story" is one that holds at least half the posts counted, saying how many: twelve complaints each in
            // words of its own are twelve stories, and the link led to one post
            vn.loa.listening.ListeningOverview.StoryRow largest = each.stories().isEmpty() ? null : each.stories().getFirst();
            org.jsoup.select.Elements story = item.select("a[href^=/listening/stories/]");
            if (largest != null && largest.story() > 0 && 2 * largest.posts() >= each.observed()) {
                assertThat(story.text()).isEqualTo("Xem câu chuyện (" + largest.posts() + " trong " + each.observed() + " bài)");
            } else {
                assertThat(story).as("a story of %s of the %s posts of %s", largest == null ? 0 : largest.posts(),
                        each.observed(), each.title()).isEmpty();
            }
            assertThat(issueItem(en, sentences.title(each, Locale.of("en"))).select(".muted").text())
                    .isEqualTo(each.observed() + " posts in the last 24 hours");
        }
    }

    private String page(String language, MockHttpSession session) throws Exception {
        return mvc.perform(get("/leadership").param("lang", language).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Element issueItem(Document page, String title) {
        return page.getElementById("issues").select("li").stream()
                .filter(li -> li.selectFirst("a[data-untrusted]").text().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no issue " + title + " on the page"));
    }

    /**
     * A citizen's complaint about {@code marker}, on a source of its own, in words of this test only: no phrase of the
     * demo's posts of the day ("bức xúc") or of other tests' ("người thứ ... kể", "chưa ai"), since a word new today
     * that two bursts share can join them in one issue; the complaints differ by a number, which is no word.
     */
    private static String line(String marker, String id, Instant at, int person) {
        return "{\"source\":\"leadership-" + marker + "\",\"platform\":\"facebook\",\"external_id\":\"" + id
                + "\",\"author\":\"người dân " + person + "\",\"published_at\":\"" + at + "\",\"text\":\"Chợ "
                + marker + " bốc mùi rác thải ứ đọng cả tuần không được thu gom, ruồi nhặng khắp nơi, người bán và người "
                + "mua đều khó chịu (" + person + ")\"}\n";
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
