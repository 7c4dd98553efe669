package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostImporter;
import vn.loa.listening.Trends;
import vn.loa.nlp.io.JsonLine;
import vn.loa.shared.Actor;

/**
 * Alerts on emerging issues, with time moved by a test clock: an issue fires once, again only when it has grown by the
 * rule's factor (at once, within the hour), and never again without growth; the e-mail says what happened (the
 * issue's sentence, three example posts, the agency's name, the link); quiet days raise no storm. Each scenario has
 * its own weeks, far from the other tests' posts (which are dated now) and from each other.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueAlertsIntegrationTests {

    @Autowired
    TestClock clock;

    @Autowired
    JdbcAlerts alerts;

    @Autowired
    Trends trends;

    @Autowired
    PostImporter importer;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    RoutingRules routing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private GreenMail smtp;
    private final String marker = "chợ Hòa" + ProcessHandle.current().pid();
    private final String agency = "AL" + ProcessHandle.current().pid();
    private final String agencyName = "Ban quản lý chợ Hòa thử nghiệm";
    private final SignedInUser coordinator = new SignedInUser(0L, "coordinator", "Điều phối", null, null,
            Set.of(Role.COORDINATOR));

    @BeforeAll
    void startSmtpAndMakeAnAgency() {
        smtp = vn.loa.TestMail.smtp();
        smtp.start();
        moveTo(Instant.parse("2025-09-01T00:00:00Z"));
        agencies.create(new AgencyDirectory.AgencyForm(agency, AgencyKind.OTHER, null, agencyName, "Hoa market test board",
                LocalDate.of(2025, 1, 1), null, "test"), Actor.SYSTEM);
        routing.add(agency, "KEYWORD", marker, new Actor("test", null));
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void anIssueFiresOnceAndAgainAtOnceWhenItHasDoubledButNotWhenItGrewByAThird() throws Exception {
        Instant start = Instant.parse("2025-10-08T03:00:00Z"); // 10:00 in Vietnam
        moveTo(start.minus(1, ChronoUnit.HOURS));
        importQuietWeeks(start);
        String email = "cho-hoa-" + ProcessHandle.current().pid() + "@example.vn";
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm(agency, "BURST", "5", "", email, ""), coordinator);
        assertThat(rule.refireFactor()).isEqualTo(2.0);
        try {
            // twelve traders complain within half an hour: one alert, one e-mail
            moveTo(start);
            importComplaints(start, 0, 12, 30);
            alerts.evaluate();
            assertThat(alertsOf(rule, start)).hasSize(1);
            Alerts.Alert first = alertsOf(rule, start).get(0);
            assertThat(first.posts()).isEqualTo(12);
            assertThat(first.grewFrom()).isNull();
            // the default threshold would have caught it too
            assertThat(first.observed()).isGreaterThanOrEqualTo(JdbcAlerts.defaultThreshold("BURST"));
            System.out.printf("Twelve complaints in half an hour stand %.1f above normal%n", first.observed());
            assertThat(first.postIds()).hasSizeGreaterThanOrEqualTo(12);
            MimeMessage mail = mailTo(email, 1).get(0);
            String body = (String) mail.getContent();
            assertThat(mail.getSubject()).startsWith("[Loa] «").contains("12 bài trong");
            assertThat(body).startsWith(first.sentence()).contains("phí trông xe");
            // three example posts, quoted with their time and platform, from the burst
            List<String> quotes = body.lines().filter(line -> line.matches("[123]\\. \\d\\d/\\d\\d/2025 \\d\\d:\\d\\d, Facebook: «.*"))
                    .toList();
            assertThat(quotes).hasSize(3).allMatch(line -> line.contains("phí trông xe tăng gấp đôi"));
            // the agency by its name, never its code; the link to the alert
            assertThat(body).contains("Cơ quan: " + agencyName).doesNotContain(agency)
                    .contains("http://localhost:8080/alerts/" + first.id());
            assertThat(mail.getSubject()).doesNotContain(agency);

            // five minutes later, nothing new: no second alert
            moveTo(start.plus(5, ChronoUnit.MINUTES));
            alerts.evaluate();
            // four more posts (a third more) are not enough
            importComplaints(start.plus(9, ChronoUnit.MINUTES), 12, 4, 3);
            moveTo(start.plus(10, ChronoUnit.MINUTES));
            alerts.evaluate();
            assertThat(alertsOf(rule, start)).hasSize(1);
            // a case opened from the alert now holds the issue's 16 posts, not only the 12 it was raised with
            org.jsoup.nodes.Document draft = org.jsoup.Jsoup.parse(mvc.perform(get("/cases/new").param("alert",
                    Long.toString(first.id())).session(signIn("coordinator"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(draft.select("#draft-posts > li")).hasSize(16);
            assertThat(draft.text()).contains("Bài viết (16)");
            // the digest's line of the alert says how many posts it was raised with, beside the issue's sentence of now
            assertThat(alerts.digestText(LocalDate.of(2025, 10, 8))).contains("16 bài trong").contains("khi đó 12 bài");

            // nine more: twice the posts of the first alert, in the same hour: it fires again at once, saying so
            importComplaints(start.plus(19, ChronoUnit.MINUTES), 16, 9, 8);
            moveTo(start.plus(20, ChronoUnit.MINUTES));
            alerts.evaluate();
            List<Alerts.Alert> raised = alertsOf(rule, start);
            assertThat(raised).hasSize(2);
            Alerts.Alert second = raised.get(0);
            assertThat(second.grewFrom()).isEqualTo(first.id());
            assertThat(second.posts()).isEqualTo(25);
            assertThat(second.growth()).isGreaterThanOrEqualTo(2.0);
            MimeMessage grown = mailTo(email, 2).get(1);
            assertThat(grown.getSubject()).contains("25 bài").contains("tăng gấp 2 lần từ lúc báo lúc 10:00");
            assertThat((String) grown.getContent()).contains("Đã tăng gấp 2 lần từ lúc báo lúc 10:00 (khi đó 12 bài, nay 25 bài)");

            // and never again while it has not doubled once more, however often the rules run
            importComplaints(start.plus(28, ChronoUnit.MINUTES), 25, 7, 6);
            for (int i = 0; i < 6; i++) {
                moveTo(start.plus(30 + 5 * i, ChronoUnit.MINUTES));
                alerts.evaluate();
            }
            assertThat(alertsOf(rule, start)).hasSize(2);
            assertThat(mailTo(email, 2)).hasSize(2);

            // the leaders' digest: the day's issue in a sentence, its two alerts as one line
            String digest = alerts.digestText(LocalDate.of(2025, 10, 8));
            assertThat(digest).contains("phí trông").contains(second.title() + " (" + agencyName + "): 2 cảnh báo");
            assertThat(digest.lines().filter(line -> line.endsWith("/alerts/" + first.id()))).isEmpty();

            // the alert page: the sentence as it stands now, the examples escaped, the agency's name, what to do next
            MockHttpSession session = signIn("coordinator");
            String page = mvc.perform(get("/alerts/" + second.id()).session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("32 bài").contains(agencyName).contains("&lt;b&gt;quá đáng&lt;/b&gt;")
                    .doesNotContain("<b>quá đáng").contains("/cases/new?alert=" + second.id())
                    .contains("/trends?dimension=").contains("id=\"acknowledge\"")
                    .contains("Đã tăng gấp 2 lần").doesNotContain("độ lệch chuẩn");
            String english = mvc.perform(get("/alerts/" + second.id()).param("lang", "en").session(session))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(english).contains("32 posts").contains("Hoa market test board").contains("It has grown 2");
            String list = mvc.perform(get("/alerts").session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(list).contains(first.title())
                    .contains("tăng gấp 2 lần").doesNotContain("độ lệch chuẩn");

            // a day later the issue is over: the page says what was sent
            moveTo(start.plus(30, ChronoUnit.HOURS));
            String later = mvc.perform(get("/alerts/" + first.id()).session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(later).contains("câu trên là nội dung đã gửi").contains("12 bài");
        } finally {
            alerts.disableRule(rule.id(), coordinator);
        }
    }

    @Test
    void aKeywordFiresAgainWithinTheHourOnlyWhenItsCountHasDoubled() throws Exception {
        Instant start = Instant.parse("2025-12-30T03:10:00Z");
        moveTo(start);
        String keyword = "nước mặn " + ProcessHandle.current().pid();
        String email = "nuoc-man-" + ProcessHandle.current().pid() + "@example.vn";
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm("", "KEYWORD", "3", keyword, email, "2"), coordinator);
        try {
            importTexts("keyword-a", start, 3, i -> "Ruộng lúa ở " + marker + " bị " + keyword + " xâm nhập, hộ số " + i);
            alerts.evaluate();
            alerts.evaluate();
            assertThat(alertsOf(rule, start)).hasSize(1);
            importTexts("keyword-b", start.plus(1, ChronoUnit.MINUTES), 2, i -> "Thêm một cánh đồng bị " + keyword
                    + " ở " + marker + ", thửa " + i);
            moveTo(start.plus(5, ChronoUnit.MINUTES));
            alerts.evaluate();
            assertThat(alertsOf(rule, start)).hasSize(1);
            importTexts("keyword-c", start.plus(6, ChronoUnit.MINUTES), 1, i -> "Cả xóm lo " + keyword + " lan rộng "
                    + marker + ", nhà " + i);
            moveTo(start.plus(10, ChronoUnit.MINUTES));
            alerts.evaluate();
            List<Alerts.Alert> raised = alertsOf(rule, start);
            assertThat(raised).hasSize(2);
            assertThat(raised.get(0).grewFrom()).isEqualTo(raised.get(1).id());
            assertThat(raised.get(0).posts()).isEqualTo(6);
            MimeMessage mail = mailTo(email, 2).get(1);
            assertThat(mail.getSubject()).contains(keyword).contains("6 bài");
            String body = (String) mail.getContent();
            assertThat(body).contains("Từ khóa «" + keyword + "» có trong 6 bài trong 1 giờ qua (toàn tỉnh)")
                    // the province is the rule's scope, not an agency: none answers yet
                    .contains("Cơ quan: Chưa rõ cơ quan trả lời").doesNotContain("Cơ quan: toàn tỉnh");
            assertThat(body.lines().filter(line -> line.matches("[123]\\. .*, Facebook: «.*" + keyword + ".*"))).hasSize(3);

            // the turn of the clock hour with only the posts already reported raises nothing: the same posts, told again
            moveTo(start.plus(51, ChronoUnit.MINUTES));
            alerts.evaluate();
            assertThat(alertsOf(rule, start)).hasSize(2);

            // the next clock hour, the same count of new posts fires once more, as before
            importTexts("keyword-d", start.plus(60, ChronoUnit.MINUTES), 3, i -> "Hôm nay vẫn " + keyword + " ở "
                    + marker + ", ruộng " + i);
            moveTo(start.plus(62, ChronoUnit.MINUTES));
            alerts.evaluate();
            alerts.evaluate();
            raised = alertsOf(rule, start);
            assertThat(raised).hasSize(3);
            assertThat(raised.get(0).grewFrom()).isNull();
        } finally {
            alerts.disableRule(rule.id(), coordinator);
        }
    }

    @Test
    void quietDaysRaiseNoStormAndNoIssueTwiceWithoutGrowth() throws Exception {
        // the demo's month of real posts without its spreading story: the days before its last, moved a day later
        Instant end = Instant.parse("2025-11-20T05:00:00Z");
        moveTo(end.minus(24, ChronoUnit.HOURS));
        List<Long> demoRouting = addDemoRouting();
        importDemoPosts("quiet", end, Duration.ofDays(1));
        Alerts.Rule byDefault = alerts.addRule(new Alerts.RuleForm("", "BURST", "", "", "mac-dinh@example.vn", ""),
                coordinator);
        Alerts.Rule health = alerts.addRule(new Alerts.RuleForm("SYT", "BURST", "", "", "syt@example.vn", ""), coordinator);
        Alerts.Rule eager = alerts.addRule(new Alerts.RuleForm("", "BURST", "2", "", "som@example.vn", ""), coordinator);
        Alerts.Rule negative = alerts.addRule(new Alerts.RuleForm("SYT", "NEGATIVE_VOLUME", "5", "", "syt@example.vn", ""),
                coordinator);
        assertThat(byDefault.threshold()).isEqualTo(8.0);
        try {
            Set<String> above = new HashSet<>();
            double highest = 0;
            // twenty evaluations over the last day, an hour and 12 minutes apart
            Instant from = end.minus(24, ChronoUnit.HOURS);
            for (int i = 1; i <= 20; i++) {
                moveTo(from.plus(72L * i, ChronoUnit.MINUTES));
                alerts.evaluate();
                for (Trends.Issue issue : trends.emerging(new ListeningScope(null, true), "vi")) {
                    highest = Math.max(highest, issue.burst());
                    if (issue.burst() >= 2) {
                        above.add(issue.key());
                    }
                }
            }
            List<Alerts.Alert> eagerAlerts = alertsOf(eager, from);
            System.out.printf("Quiet days: 20 evaluations over a day; default burst rules %d and %d alerts; "
                            + "burst rule at 2: %d alerts for %d issues seen above 2 (the highest at %.1f); "
                            + "SYT negative comments rule at 5: %d alerts%n",
                    alertsOf(byDefault, from).size(), alertsOf(health, from).size(), eagerAlerts.size(), above.size(),
                    highest, alertsOf(negative, from).size());
            assertThat(alertsOf(byDefault, from)).isEmpty();
            assertThat(alertsOf(health, from)).isEmpty();
            assertThat(alertsOf(negative, from)).isEmpty();
            // a rule that fires on anything a little above normal fires at most once per issue it saw
            assertThat(eagerAlerts.size()).isLessThanOrEqualTo(above.size());
            assertNoIssueTwiceWithoutGrowth(eagerAlerts, eager.refireFactor());
        } finally {
            for (Alerts.Rule rule : List.of(byDefault, health, eager, negative)) {
                alerts.disableRule(rule.id(), coordinator);
            }
            demoRouting.forEach(id -> routing.remove(id, Actor.SYSTEM));
        }
    }

    /**
     * The default rules of the demo over its last day replayed (every 30 minutes, or as {@code -Dalerts.replay-step}
     * says): how many alerts they raise, none about an issue it reported without growth. The figures go to
     * docs/flows/alerts.md.
     */
    @Test
    void theDemosDefaultRulesOverItsLastDayRaiseFewAlertsAndNoneTwiceWithoutGrowth() throws Exception {
        Instant end = Instant.parse("2025-09-01T05:00:00Z");
        moveTo(end.minus(24, ChronoUnit.HOURS));
        List<Long> demoRouting = addDemoRouting();
        importDemoPosts("replay", end, Duration.ZERO);
        Alerts.Rule burst = alerts.addRule(new Alerts.RuleForm("", "BURST", "", "", "demo-burst@example.vn", ""),
                coordinator);
        Alerts.Rule negative = alerts.addRule(new Alerts.RuleForm("SYT", "NEGATIVE_VOLUME", "5", "", "demo-syt@example.vn",
                ""), coordinator);
        try {
            int step = Integer.getInteger("alerts.replay-step", 30);
            Instant from = end.minus(24, ChronoUnit.HOURS);
            int evaluations = 0;
            for (Instant at = from; !at.isAfter(end); at = at.plus(step, ChronoUnit.MINUTES)) {
                moveTo(at);
                alerts.evaluate();
                evaluations++;
            }
            List<Alerts.Alert> bursts = alertsOf(burst, from);
            List<Alerts.Alert> negatives = alertsOf(negative, from);
            long firstRun = trends.emerging(new ListeningScope(null, true), "vi").stream()
                    .filter(issue -> issue.burst() >= burst.threshold()).count();
            System.out.printf("Demo replay: %d evaluations every %d minutes; burst rule (threshold %.1f): %d alerts %s; "
                            + "SYT negative comments rule: %d alerts; issues above the threshold at the end: %d%n", evaluations,
                    step, burst.threshold(), bursts.size(), bursts.stream().map(a -> String.format("%s at %s: %.1f, %d posts",
                            a.title(), a.raisedAt(), a.observed(), a.posts())).toList(),
                    negatives.size(), firstRun);
            assertNoIssueTwiceWithoutGrowth(bursts, burst.refireFactor());
            // a clock hour holds one alert of a rule of counts, and a second only on growth
            for (int i = 1; i < negatives.size(); i++) {
                Alerts.Alert later = negatives.get(i - 1);
                Alerts.Alert earlier = negatives.get(i);
                if (sameHour(later.raisedAt(), earlier.raisedAt())) {
                    assertThat(later.posts()).isGreaterThanOrEqualTo((long) Math.ceil(2 * earlier.posts()));
                }
            }
            assertThat(bursts.size()).isLessThanOrEqualTo(5);
        } finally {
            alerts.disableRule(burst.id(), coordinator);
            alerts.disableRule(negative.id(), coordinator);
            demoRouting.forEach(id -> routing.remove(id, Actor.SYSTEM));
        }
    }

    private static boolean sameHour(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.HOURS).equals(b.truncatedTo(ChronoUnit.HOURS));
    }

    /** Of two alerts holding a third of the same posts, the later grew from the earlier by the factor. */
    private static void assertNoIssueTwiceWithoutGrowth(List<Alerts.Alert> newestFirst, double factor) {
        for (int i = 0; i < newestFirst.size(); i++) {
            for (int j = i + 1; j < newestFirst.size(); j++) {
                Alerts.Alert later = newestFirst.get(i);
                Alerts.Alert earlier = newestFirst.get(j);
                if (Duration.between(earlier.raisedAt(), later.raisedAt()).toHours() < 24
                        && JdbcAlerts.holdsAThird(later.postIds(), earlier.postIds())) {
                    assertThat(later.posts()).as("alert %d after %d", later.id(), earlier.id())
                            .isGreaterThanOrEqualTo((long) Math.ceil(factor * earlier.posts()));
                }
            }
        }
    }

    // --- scenario data

    /** The demo's routing rules (by policy domain and keywords), as it adds them; returns those that were not there. */
    private List<Long> addDemoRouting() {
        Set<Long> before = new HashSet<>(routing.all().stream().map(vn.loa.listening.AgencyRouting.Rule::id).toList());
        for (String[] rule : DemoPosts.RULES) {
            routing.add(rule[0], rule[1], rule[2], new Actor("test", null));
        }
        return routing.all().stream().map(vn.loa.listening.AgencyRouting.Rule::id).filter(id -> !before.contains(id)).toList();
    }

    private void moveTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    /** Four weeks of two ordinary notices a day about the market, at 9:00 and 20:00 in Vietnam. */
    private void importQuietWeeks(Instant start) throws IOException {
        StringBuilder file = new StringBuilder();
        for (int day = 28; day >= 1; day--) {
            for (int hour : new int[] {2, 13}) {
                Instant at = start.truncatedTo(ChronoUnit.DAYS).minus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS);
                file.append(line("quiet", "quiet-" + day + "-" + hour, "Ban quản lý " + marker, at,
                        "Ban quản lý " + marker + " thông báo lịch họp giao ban định kỳ số " + day + hour));
            }
        }
        storeLocal("quiet", file);
    }

    /** {@code count} traders' complaints about a new parking fee, spread over the {@code minutes} before {@code at}. */
    private void importComplaints(Instant at, int first, int count, int minutes) throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            Instant published = at.minusSeconds((long) (i - first) * minutes * 60 / count);
            file.append(line("burst", "burst-" + i, "Tiểu thương " + i, published, "Tiểu thương " + marker
                    + " bức xúc vì phí trông xe tăng gấp đôi, thật <b>quá đáng</b>, ý kiến thứ " + i + " của quầy số " + (i * 7)));
        }
        storeLocal("burst", file);
    }

    private void importTexts(String source, Instant at, int count, java.util.function.IntFunction<String> text)
            throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count; i++) {
            file.append(line(source, source + "-" + i, "Nông dân " + i, at.minusSeconds(i * 20L), text.apply(i)));
        }
        storeLocal(source, file);
    }

    /**
     * The demo's posts as the demo loads them, dated to end at {@code end}, under sources of their own; with a shift,
     * the posts of the last {@code shift} are left out and the others moved later by it.
     */
    private void importDemoPosts(String prefix, Instant end, Duration shift) throws IOException {
        StringBuilder file = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                DemoPosts.class.getResourceAsStream(DemoPosts.RESOURCE)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Map<String, Object> post = JsonLine.object(line);
                Duration age = Duration.ofMinutes(((Number) post.get("age_minutes")).longValue());
                if (age.compareTo(shift) < 0) {
                    continue;
                }
                String moved = line.replace("\"demo-", "\"" + prefix + "-");
                file.append(moved, 0, moved.lastIndexOf('}')).append(", \"published_at\": \"")
                        .append(end.minus(age).plus(shift)).append("\"}\n");
            }
        }
        store(prefix, file);
    }

    private static String line(String source, String id, String author, Instant at, String text) {
        return "{\"source\":\"alerts-" + source + "\",\"platform\":\"facebook\",\"external_id\":\"" + id
                + "\",\"author\":\"" + author + "\",\"published_at\":\"" + at + "\",\"text\":\"" + text + "\"}\n";
    }

    /**
     * Stores posts of a source of the province's own (the market's page, its traders' and farmers' groups): the
     * routing rules route those the register model reads as news too.
     */
    private void storeLocal(String name, StringBuilder file) throws IOException {
        jdbc.sql("""
                INSERT INTO post_source (code, kind, created_at, local) VALUES (?, 'IMPORT', now(), TRUE)
                ON CONFLICT (code) DO UPDATE SET local = TRUE
                """).param("alerts-" + name).update();
        store(name, file);
    }

    private void store(String name, StringBuilder file) throws IOException {
        ImportSummary summary = importer.importFile(name + ".jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
    }

    /** The rule's alerts raised from {@code since} to a day after it (other tests' clocks are elsewhere), newest first. */
    private List<Alerts.Alert> alertsOf(Alerts.Rule rule, Instant since) {
        return jdbc.sql("SELECT id FROM alert WHERE rule_id = ? AND raised_at >= ? AND raised_at < ? ORDER BY raised_at DESC, id DESC")
                .params(rule.id(), Timestamp.from(since.minus(1, ChronoUnit.HOURS)), Timestamp.from(since.plus(2, ChronoUnit.DAYS)))
                .query(Long.class).list().stream().map(id -> alerts.alert(id, coordinator)).toList();
    }

    /** The e-mails to an address, oldest first, once at least {@code count} have arrived. */
    private List<MimeMessage> mailTo(String address, int count) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (int attempt = 0; attempt < 50; attempt++) {
            messages = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(address)).toList();
            if (messages.size() >= count) {
                break;
            }
            smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
        }
        assertThat(messages).as("e-mails to " + address).hasSizeGreaterThanOrEqualTo(count);
        return messages;
    }

    private static List<String> to(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients == null ? List.of() : Arrays.stream(recipients).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
