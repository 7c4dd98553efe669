package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Periodic reports over rows this test writes in a period of a year far ahead (no other test or demo has data there):
 * the figures equal what the test counts itself from those rows, or, for what also counts older data (open cases, open
 * tasks), its own SQL over the tables; numbers run per year from 01; an issued report cannot change; the DOCX in the
 * Decree 30/2020 format; the seal check, including removed records after the seal; who may do what.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PeriodicReportsIntegrationTests {

    static final SignedInUser COORDINATOR = new SignedInUser(3L, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    static final SignedInUser LEADER = new SignedInUser(2L, "leader", "Lãnh đạo", null, null, Set.of(Role.LEADER));
    static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT", Set.of(Role.OFFICER));

    @Autowired
    PeriodicReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;


    @Autowired
    AuditTrail audit;

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    vn.loa.listening.ListeningOverview overview;

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(LocalTime.ZONE).toInstant();
    }

    private static Timestamp ts(int year, int month, int day, int hour) {
        return Timestamp.from(at(year, month, day, hour));
    }

    private long id(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theFiguresOfAPeriodAreWhatItsRowsSay() {
        int y = 2101 + ThreadLocalRandom.current().nextInt(48);
        Instant before = clock.instant();
        try {
            clock.set(at(y, 10, 5, 10));
            String marker = "rpt-" + y + "-" + System.nanoTime();
            // listening: three days of Q3 (the roll-ups of the whole province, public and restricted rows)
            dailyRow("all", "", false, LocalDate.of(y, 7, 1), 1000, 300, 500, 150);
            dailyRow("all", "", true, LocalDate.of(y, 8, 12), 2000, 100, 1200, 600);
            dailyRow("all", "", false, LocalDate.of(y, 9, 30), 85, 5, 40, 30);
            dailyRow("all", "", false, LocalDate.of(y, 10, 1), 999, 999, 0, 0); // after the period
            dailyRow("register", "comment", false, LocalDate.of(y, 7, 1), 700, 250, 300, 100);
            dailyRow("register", "news", false, LocalDate.of(y, 7, 1), 300, 50, 200, 50);
            dailyRow("register", "news", true, LocalDate.of(y, 8, 12), 2085, 100, 1240, 630);
            dailyRow("domain", "health", false, LocalDate.of(y, 7, 1), 900, 300, 400, 150);
            dailyRow("domain", "transport", true, LocalDate.of(y, 8, 12), 1500, 100, 900, 400);
            dailyRow("topic", "Suc khoe", false, LocalDate.of(y, 7, 1), 640, 200, 300, 100);
            dailyRow("topic", "Phap luat", true, LocalDate.of(y, 8, 12), 800, 50, 500, 200);
            long rule = id("""
                    INSERT INTO alert_rule (agency_code, kind, threshold, enabled, created_by, created_at)
                    VALUES (NULL, 'BURST', 3, false, 'test', ?) RETURNING id""", ts(y, 7, 1, 0));
            alert(rule, ts(y, 8, 3, 9), "“ngập, Cam Ranh” " + marker, "48 tin, bài trong một giờ về ngập ở Cam Ranh.", 48);
            alert(rule, ts(y, 8, 3, 10), "“ngập, Cam Ranh” " + marker, "96 tin, bài trong một giờ về ngập ở Cam Ranh.", 96);
            alert(rule, ts(y, 10, 2, 10), "sau kỳ " + marker, "không tính", 500);

            // the misinformation desk
            caseRow(marker, "ANSWERED", ts(y, 7, 2, 8), ts(y, 7, 2, 20), ts(y, 7, 3, 8)); // 12 h to the answer
            caseRow(marker, "REFUTED", ts(y, 7, 10, 8), ts(y, 7, 11, 14), ts(y, 7, 12, 8)); // 30 h
            caseRow(marker, "REFERRED", ts(y, 8, 1, 8), null, ts(y, 8, 20, 8));
            caseRow(marker, "VERIFYING", ts(y, 9, 29, 8), null, null);
            caseRow(marker, "ANSWERED", ts(y, 6, 20, 8), ts(y, 6, 21, 8), ts(y, 6, 22, 8)); // before: none of it counts
            // transparency: 4 received (2 answered, 1 of them late; 1 overdue; 1 in progress)
            request(marker, "PROVIDED", ts(y, 7, 1, 9), LocalDate.of(y, 7, 20), ts(y, 7, 15, 9));
            request(marker, "REFUSED", ts(y, 7, 5, 9), LocalDate.of(y, 7, 25), ts(y, 7, 28, 9));
            request(marker, "IN_PROGRESS", ts(y, 8, 5, 9), LocalDate.of(y, 8, 25), null);
            request(marker, "ACCEPTED", ts(y, 9, 20, 9), LocalDate.of(y, 10, 10), null);
            // press: 3 enquiries (2 answered, 1 in time; late: the other answer and the third, due 2/10 and still open when the report is made on 5/10), 2 statements (a correction request apart), 1 conference, 1 crisis
            enquiry(marker, ts(y, 7, 1, 9), ts(y, 7, 3, 9), ts(y, 7, 2, 9));
            enquiry(marker, ts(y, 7, 1, 9), ts(y, 7, 3, 9), ts(y, 7, 5, 9));
            enquiry(marker, ts(y, 9, 30, 9), ts(y, 10, 2, 9), null);
            statement(marker, "PRESS_RELEASE", ts(y, 7, 4, 9));
            statement(marker, "PORTAL_STATEMENT", ts(y, 8, 4, 9));
            statement(marker, "CORRECTION_REQUEST", ts(y, 8, 4, 9));
            jdbc.sql("""
                    INSERT INTO press_conference (agency_code, title, scheduled_at, agenda, status, entered_by, entered_at)
                    VALUES ('SYT', ?, ?, 'agenda', 'HELD', 'test', ?), ('SYT', ?, ?, 'agenda', 'CANCELLED', 'test', ?)""")
                    .params(marker, ts(y, 8, 10, 9), ts(y, 8, 1, 9), marker, ts(y, 8, 11, 9), ts(y, 8, 1, 9)).update();
            jdbc.sql("""
                    INSERT INTO press_crisis (agency_code, title, source_kind, status, opened_by, opened_at, rule_id, first_statement_due)
                    VALUES ('SYT', ?, 'MANUAL', 'CLOSED', 'test', ?, (SELECT min(id) FROM press_crisis_rule), ?)""")
                    .params(marker, ts(y, 9, 1, 9), ts(y, 9, 2, 9)).update();
            // campaigns and reach: 2 campaigns running in the period (1 outside), 2 publications (1 withdrawn apart),
            // deliveries 2 SMS (1 failed apart) and 1 loudspeaker confirmed
            long plan = id("INSERT INTO campaign_plan (agency_code, year, title, created_by, created_at) VALUES (?, 2100, ?, 'test', ?) RETURNING id",
                    marker, marker, ts(y, 1, 1, 9));
            campaign(plan, marker, LocalDate.of(y, 6, 1), LocalDate.of(y, 7, 1));
            campaign(plan, marker, LocalDate.of(y, 9, 30), LocalDate.of(y, 12, 31));
            campaign(plan, marker, LocalDate.of(y, 10, 1), LocalDate.of(y, 12, 31));
            long sms = publication(marker, "SMS", ts(y, 7, 7, 9), false);
            long loud = publication(marker, "LOUDSPEAKER", ts(y, 7, 8, 9), false);
            publication(marker, "PORTAL", ts(y, 7, 9, 9), true);
            delivery(sms, "SMS", "0900000001", "SENT", marker);
            delivery(sms, "SMS", "0900000002", "FAILED", marker);
            long loudDelivery = delivery(loud, "LOUDSPEAKER", "22852", "CONFIRMED", marker);
            jdbc.sql("""
                    INSERT INTO pub_broadcast (publication_id, delivery_id, commune_code, kind, slots, first_slot_at, confirmed_at)
                    VALUES (?, ?, '22852', 'LOUDSPEAKER', '06:00', ?, ?)""").params(loud, loudDelivery, ts(y, 7, 9, 6), ts(y, 7, 9, 8))
                    .update();
            // consultations: 1 opened and closed in the period, with 3 contributions
            long draft = id("INSERT INTO consultation_draft (agency_code, title, created_by, created_at) VALUES ('SYT', ?, 'test', ?) RETURNING id",
                    marker, ts(y, 6, 1, 9));
            long version = id("""
                    INSERT INTO consultation_draft_version (draft_id, version_no, file_name, file_bytes, imported_by, imported_at)
                    VALUES (?, 1, 'd.docx', '\\x00'::bytea, 'test', ?) RETURNING id""", draft, ts(y, 6, 1, 9));
            long consultation = id("""
                    INSERT INTO consultation (draft_id, version_id, agency_code, title, opens_on, closes_on, status, created_by, created_at)
                    VALUES (?, ?, 'SYT', ?, ?, ?, 'CLOSED', 'test', ?) RETURNING id""", draft, version, marker,
                    Date.valueOf(LocalDate.of(y, 7, 10)), Date.valueOf(LocalDate.of(y, 8, 10)), ts(y, 7, 1, 9));
            for (int i = 0; i < 3; i++) {
                jdbc.sql("""
                        INSERT INTO consultation_contribution (consultation_id, kind, author_name, body, source, status, received_at, reference)
                        VALUES (?, 'CITIZEN', 'A', 'góp ý', 'FORM', 'PUBLISHED', ?, ?)""")
                        .params(consultation, ts(y, 7, 20 + i, 9), marker + "-" + i).update();
            }
            // tasks: a directive with occurrences due in the period, done on time, late, not done; and difficulties
            long agencySyt = id("SELECT id FROM agency WHERE code = 'SYT' ORDER BY valid_from DESC LIMIT 1");
            long commune = id("SELECT id FROM agency WHERE code = '22852' ORDER BY valid_from DESC LIMIT 1");
            long directive = id("""
                    INSERT INTO coord_directive (doc_kind, number, issued_on, issuer_agency_id, signer, title, created_by, created_at)
                    VALUES ('Kế hoạch', ?, ?, ?, 'Phó Chủ tịch', ?, 'test', ?) RETURNING id""", marker, Date.valueOf(LocalDate.of(y, 6, 1)),
                    agencySyt, marker, ts(y, 6, 1, 9));
            long t1 = task(directive, agencySyt, y, marker);
            long t2 = task(directive, commune, y, marker);
            occurrence(t1, LocalDate.of(y, 7, 1), LocalDate.of(y, 7, 31), LocalDate.of(y, 7, 25), LocalDate.of(y, 7, 20)); // on time
            occurrence(t1, LocalDate.of(y, 8, 1), LocalDate.of(y, 8, 31), LocalDate.of(y, 8, 25), LocalDate.of(y, 9, 5)); // late
            // done after the day the figures stand on: overdue on 30/9
            occurrence(t1, LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 30), LocalDate.of(y, 9, 25), LocalDate.of(y, 10, 2));
            occurrence(t2, LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 30), LocalDate.of(y, 9, 25), null); // overdue
            occurrence(t2, LocalDate.of(y, 10, 1), LocalDate.of(y, 10, 31), LocalDate.of(y, 10, 25), null); // not started on 30/9
            jdbc.sql("""
                    INSERT INTO coord_difficulty (kind, agency_id, title, body, status, answered_at, created_by, created_at)
                    VALUES ('DIFFICULTY', ?, ?, 'b', 'ANSWERED', ?, 'test', ?), ('PROPOSAL', ?, ?, 'b', 'SUBMITTED', NULL, 'test', ?)""")
                    .params(agencySyt, marker, ts(y, 8, 2, 9), ts(y, 8, 1, 9), commune, marker, ts(y, 9, 1, 9)).update();

            PeriodicReports.Report r = reports.generate(ReportPeriod.of("QUARTERLY", y, 3, LocalDate.of(y, 10, 5)), COORDINATOR);
            ReportFigures f = r.figures();
            assertThat(r.title()).isEqualTo("Báo cáo công tác truyền thông chính sách quý III năm " + y);
            assertThat(r.status()).isEqualTo("DRAFT");
            assertThat(r.number()).isNull();
            assertThat(r.issuerCode()).isEqualTo("56");
            assertThat(f.from()).isEqualTo(LocalDate.of(y, 7, 1));
            assertThat(f.asOf()).isEqualTo(LocalDate.of(y, 9, 30));

            ReportFigures.Listening l = f.listening();
            assertThat(l.posts()).isEqualTo(3085);
            assertThat(l.negative()).isEqualTo(405);
            assertThat(l.neutral()).isEqualTo(1740);
            assertThat(l.positive()).isEqualTo(780);
            assertThat(l.unclear()).isEqualTo(160);
            assertThat(l.registers()).containsExactly(new ReportFigures.Count("news", 2385), new ReportFigures.Count("comment", 700));
            assertThat(l.domains()).containsExactly(new ReportFigures.Count("transport", 1500), new ReportFigures.Count("health", 900));
            assertThat(l.topics()).containsExactly(new ReportFigures.Count("Phap luat", 800), new ReportFigures.Count("Suc khoe", 640));
            assertThat(l.buckets().stream().mapToLong(ReportFigures.Bucket::posts).sum()).isEqualTo(3085);
            assertThat(l.buckets()).hasSizeBetween(13, 14);
            // the issue by what happened in the period: its posts there and when it was first raised, not the
            // largest alert's "in the last hour"
            assertThat(l.issues()).singleElement().satisfies(i -> {
                assertThat(i.posts()).isEqualTo(96);
                assertThat(i.raisedAt()).isEqualTo(ts(y, 8, 3, 9).toInstant());
                assertThat(i.sentence()).startsWith("96 tin, bài");
            });

            assertThat(f.desk().opened()).isEqualTo(4);
            assertThat(f.desk().closed()).isEqualTo(3);
            assertThat(f.desk().answered()).isEqualTo(2);
            assertThat(f.desk().medianHoursToAnswer()).isEqualTo(21.0);
            assertThat(f.desk().referred()).isEqualTo(1);
            // open at the end counts every case still open then, of any year before: counted here with its own rule
            long openAtEnd = id("""
                    SELECT count(*) FROM misinformation_case WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)""",
                    ts(y, 10, 1, 0), ts(y, 10, 1, 0));
            assertThat(f.desk().openAtEnd()).isEqualTo(openAtEnd).isGreaterThanOrEqualTo(1);

            assertThat(f.transparency()).isEqualTo(new ReportFigures.Transparency(4, 2, 1, 2, 1, 0L));
            assertThat(f.press()).isEqualTo(new ReportFigures.Press(3, 2, 1, 2, 1, 1, 0L, 2L));
            assertThat(f.reach().campaigns()).isEqualTo(2);
            assertThat(f.reach().publications()).isEqualTo(2);
            assertThat(f.reach().deliveries()).containsExactlyInAnyOrder(new ReportFigures.Count("SMS", 1),
                    new ReportFigures.Count("LOUDSPEAKER", 1));
            assertThat(f.reach().broadcastsConfirmed()).isEqualTo(1);
            assertThat(f.consultations()).isEqualTo(new ReportFigures.Consultations(1, 1, 3));

            // tasks: also every occurrence still open on 30/9 of other directives: counted with TaskStatusClass here
            Map<TaskStatusClass, Long> expected = new EnumMap<>(TaskStatusClass.class);
            LocalDate asOf = LocalDate.of(y, 9, 30);
            jdbc.sql("""
                    SELECT o.due_on, o.done_on FROM coord_occurrence o JOIN coord_task t ON t.id = o.task_id
                    WHERE t.state <> 'CANCELLED' AND NOT (t.state = 'TRANSFERRED' AND o.done_on IS NULL)
                      AND ((o.due_on BETWEEN ? AND ?) OR (o.period_start <= ? AND (o.done_on IS NULL OR o.done_on > ?)))""")
                    .params(Date.valueOf(LocalDate.of(y, 7, 1)), Date.valueOf(asOf), Date.valueOf(asOf), Date.valueOf(asOf))
                    .query(rs -> {
                        LocalDate due = rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate();
                        LocalDate done = rs.getDate(2) == null || rs.getDate(2).toLocalDate().isAfter(asOf) ? null
                                : rs.getDate(2).toLocalDate();
                        expected.merge(TaskStatusClass.of(due, done, asOf), 1L, Long::sum);
                    });
            for (TaskStatusClass c : TaskStatusClass.values()) {
                assertThat(f.tasks().count(c)).as(c.name()).isEqualTo(expected.getOrDefault(c, 0L));
            }
            assertThat(f.tasks().count(TaskStatusClass.DONE_ON_TIME)).isGreaterThanOrEqualTo(1);
            assertThat(f.tasks().count(TaskStatusClass.DONE_LATE)).isGreaterThanOrEqualTo(1);
            assertThat(f.tasks().count(TaskStatusClass.OVERDUE)).isGreaterThanOrEqualTo(2);
            assertThat(f.tasks().byAgencyKind()).containsKeys("DEPARTMENT", "COMMUNE");
            // in the Word file, the table by kind of lead agency counts occurrences, as the rows "Lượt thực hiện ..."
            // above it do, not tasks as the rows "Nhiệm vụ ..." do: its header says so, and its columns add up to them
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.docx(r.id(), COORDINATOR).content()))) {
                var byKind = doc.getTables().stream().filter(t -> t.getRow(0).getTableCells().size() == 5).findFirst()
                        .orElseThrow();
                assertThat(byKind.getRow(0).getTableCells()).extracting(c -> c.getText()).containsExactly(
                        "Loại cơ quan chủ trì", "Lượt hoàn thành đúng hạn", "Lượt hoàn thành quá hạn",
                        "Lượt đang thực hiện trong hạn", "Lượt quá hạn chưa hoàn thành");
                TaskStatusClass[] columns = {TaskStatusClass.DONE_ON_TIME, TaskStatusClass.DONE_LATE,
                        TaskStatusClass.IN_PROGRESS, TaskStatusClass.OVERDUE};
                for (int c = 0; c < columns.length; c++) {
                    long sum = 0;
                    for (int row = 1; row < byKind.getRows().size(); row++) {
                        sum += Long.parseLong(byKind.getRow(row).getCell(c + 1).getText().replace(".", ""));
                    }
                    assertThat(sum).as(columns[c].name()).isEqualTo(f.tasks().count(columns[c]));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(f.tasks().difficultiesReceived()).isEqualTo(2);
            assertThat(f.tasks().difficultiesAnswered()).isEqualTo(1);

            // the text says the same numbers, the Vietnamese way
            // all posts of the sources followed, of which those about the province (none in the search index that year)
            assertThat(l.aboutProvince()).isZero();
            // citizens' opinion by week, apart from the news: the comments' row of 1 July
            assertThat(l.opinion()).extracting(ReportFigures.Bucket::posts).containsOnly(0L, 700L);
            assertThat(l.opinion().stream().mapToLong(ReportFigures.Bucket::negative).sum()).isEqualTo(250);
            assertThat(r.sections().get("listening")).startsWith("Trong quý, hệ thống ghi nhận 3.085 tin, bài trên các nguồn"
                    + " được theo dõi (Tin tức báo chí: 2.385").contains(", trong đó 0 tin, bài về tỉnh (đăng trên nguồn của tỉnh")
                    .doesNotContain("liên quan đến tỉnh")
                    .contains("Giao thông (1.500 tin, bài)")
                    .contains("(96 tin, bài, nổi lên từ ngày 03/08/" + y + ")").doesNotContain("trong một giờ")
                    // citizens' opinion stated apart from the tone of news
                    .contains("Sắc thái của tin tức báo chí: tiêu cực ", "; sắc thái của ý kiến người dân: tiêu cực ");
            assertThat(l.tones()).extracting(ReportFigures.Tone::register, ReportFigures.Tone::posts)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("news", 2385L), org.assertj.core.groups.Tuple.tuple("comment", 700L));
            assertThat(l.tones().stream().mapToLong(ReportFigures.Tone::negative).sum()).isLessThanOrEqualTo(l.negative());
            assertThat(r.sections().get("misinformation")).contains("tiếp nhận 4 vụ việc", "21 giờ");
            assertThat(r.sections().get("transparency")).contains("tiếp nhận 4 yêu cầu", "đúng thời hạn 1 yêu cầu");
            assertThat(r.sections().get("press")).contains("tiếp nhận 3 đề nghị", "(trong thời hạn 1 đề nghị), 2 đề nghị trễ hạn");
            // stored as generated: read back the same
            assertThat(reports.get(r.id(), LEADER).figures()).isEqualTo(f);
            // the report's page says the issue the same way, in the page's language
            try {
                MockHttpSession coordinator = signIn("coordinator");
                for (String lang : List.of("vi", "en")) {
                    String issue = org.jsoup.Jsoup.parse(mvc.perform(get("/coordination/reports/" + r.id()).param("lang", lang)
                            .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                            .select("li:contains(" + marker + ")").text();
                    assertThat(issue).as(lang).startsWith("«“ngập, Cam Ranh” " + marker + "»: 96 ")
                            .contains(lang.equals("vi") ? "tin, bài trong kỳ; nổi lên từ " : "posts in the period; emerging since ")
                            .contains("03/08/" + y).doesNotContain("một giờ");
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        } finally {
            clock.set(before);
        }
    }

    @Test
    void theListeningFiguresAreWhatTheDashboardShowsForTheSameDays() {
        // the dashboard of the last 30 days covers today and the 29 days before, whole days from the daily roll-ups
        vn.loa.listening.ListeningScope province = vn.loa.listening.ListeningScope.of(COORDINATOR, true);
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        vn.loa.listening.ListeningOverview.Overview dashboard = overview.overview(province, 30, "vi");
        vn.loa.listening.ListeningOverview.Summary summary = overview.summary(province, today.minusDays(29), today, 20);
        assertThat(summary.total()).isEqualTo(dashboard.total()).isPositive();
        assertThat(summary.negative()).isEqualTo(dashboard.negative());
        assertThat(summary.domains()).isEqualTo(dashboard.domains());
        assertThat(summary.topics()).isEqualTo(dashboard.topics());
        assertThat(summary.registers().get("comment")).isEqualTo(dashboard.opinion());
        assertThat(summary.days()).hasSize(30);
        assertThat(summary.days().stream().mapToLong(d -> d.negative() + d.neutral() + d.positive() + d.unclear()).sum())
                .isEqualTo(dashboard.total());
    }

    @Test
    void theDashboardsThirtyDaysAreTodayAndTheTwentyNineBeforeAtEveryHour() {
        vn.loa.listening.ListeningScope province = vn.loa.listening.ListeningScope.of(COORDINATOR, true);
        Instant before = clock.instant();
        try {
            LocalDate day = LocalDate.ofInstant(before, LocalTime.ZONE);
            // the last hour of the day once ended the period at midnight and started it a day late (29 days)
            for (int hour : new int[] {0, 12, 23}) {
                clock.set(day.atTime(hour, 30).atZone(LocalTime.ZONE).toInstant());
                vn.loa.listening.ListeningOverview.Overview dashboard = overview.overview(province, 30, "vi");
                assertThat(dashboard.from()).as("from, at %d:30", hour)
                        .isEqualTo(day.minusDays(29).atStartOfDay(LocalTime.ZONE).toInstant());
                assertThat(dashboard.volume()).as("days, at %d:30", hour).hasSize(30);
                vn.loa.listening.ListeningOverview.Summary summary = overview.summary(province, day.minusDays(29), day, 20);
                assertThat(dashboard.total()).as("posts, at %d:30", hour).isEqualTo(summary.total());
            }
        } finally {
            clock.set(before);
        }
    }

    @Test
    void numbersRunFromOneEachYearAndAnIssuedReportCannotChange() throws Exception {
        int y = 2151 + ThreadLocalRandom.current().nextInt(40);
        Instant before = clock.instant();
        try {
            clock.set(at(y, 5, 4, 9));
            PeriodicReports.Report a = reports.generate(ReportPeriod.of("QUARTERLY", y, 1, LocalDate.of(y, 5, 4)), COORDINATOR);
            PeriodicReports.Report b = reports.generate(ReportPeriod.of("MONTHLY", y, 4, LocalDate.of(y, 5, 4)), COORDINATOR);
            String edited = "Đề nghị Bộ hỗ trợ kinh phí nâng cấp hệ thống truyền thanh cơ sở " + y + ".";
            PeriodicReports.Report aEdited = reports.edit(a.id(), Map.of("proposals", edited), a.version(), COORDINATOR);
            assertThat(aEdited.sections().get("proposals")).isEqualTo(edited);
            assertThat(aEdited.editedBy()).isEqualTo("coordinator");
            // an edit that read the report before the last change is refused
            assertThatThrownBy(() -> reports.edit(a.id(), Map.of("press", "x"), a.version(), COORDINATOR))
                    .isInstanceOf(Conflict.class).hasMessage("periodic.error.stale");
            assertThatThrownBy(() -> reports.edit(a.id(), Map.of("nope", "x"), aEdited.version(), COORDINATOR))
                    .isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> reports.edit(a.id(), Map.of("press", "x"), aEdited.version(), LEADER))
                    .isInstanceOf(AccessDeniedException.class);

            // regenerating keeps the edited text and drafts the rest again
            PeriodicReports.Report regenerated = reports.regenerate(a.id(), false, COORDINATOR);
            assertThat(regenerated.sections().get("proposals")).isEqualTo(edited);
            assertThat(regenerated.version()).isGreaterThan(aEdited.version());
            assertThat(reports.regenerate(a.id(), true, COORDINATOR).sections().get("proposals")).isNotEqualTo(edited);
            PeriodicReports.Report again = reports.get(a.id(), COORDINATOR);
            again = reports.edit(a.id(), Map.of("proposals", edited), again.version(), COORDINATOR);

            PeriodicReports.Report first = reports.issue(b.id(), false, COORDINATOR);
            PeriodicReports.Report second = reports.issue(a.id(), false, COORDINATOR);
            assertThat(first.numberAndSymbol()).isEqualTo("01/BC-UBND");
            assertThat(second.numberAndSymbol()).isEqualTo("02/BC-UBND");
            assertThat(second.issuedOn()).isEqualTo(LocalDate.of(y, 5, 4));
            assertThat(second.numberYear()).isEqualTo(y);
            long version = second.version();
            assertThatThrownBy(() -> reports.edit(a.id(), Map.of("press", "x"), version, COORDINATOR))
                    .isInstanceOf(Conflict.class).hasMessage("periodic.error.issued");
            assertThatThrownBy(() -> reports.regenerate(a.id(), false, COORDINATOR)).isInstanceOf(Conflict.class);
            assertThatThrownBy(() -> reports.issue(a.id(), false, COORDINATOR)).isInstanceOf(Conflict.class);

            // the DOCX as issued
            byte[] docx = reports.docx(a.id(), LEADER).content();
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
                var section = doc.getDocument().getBody().getSectPr();
                assertThat(((BigInteger) section.getPgSz().getW())).isEqualTo(BigInteger.valueOf(11906));
                assertThat(((BigInteger) section.getPgSz().getH())).isEqualTo(BigInteger.valueOf(16838));
                assertThat(((BigInteger) section.getPgMar().getLeft()).intValue()).isBetween(1700, 1702);
                assertThat(((BigInteger) section.getPgMar().getRight()).intValue()).isBetween(850, 851);
                assertThat(((BigInteger) section.getPgMar().getTop()).intValue()).isBetween(1133, 1134);
                String header = doc.getTables().getFirst().getText();
                assertThat(header).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                        "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "Số: 02/BC-UBND", "Khánh Hòa, ngày 04 tháng 5 năm " + y);
                String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
                assertThat(text).contains("BÁO CÁO", "Công tác truyền thông chính sách quý I năm " + y, edited,
                        "I. THÔNG TIN TRÊN MẠNG VÀ DƯ LUẬN XÃ HỘI");
                for (XWPFParagraph p : doc.getParagraphs()) {
                    for (XWPFRun run : p.getRuns()) {
                        if (!run.text().isBlank()) {
                            assertThat(run.getFontFamily()).as(run.text()).isEqualTo("Times New Roman");
                        }
                    }
                }
                assertThat(doc.getTables().stream().anyMatch(t -> t.getRow(0).getCell(0).getText().equals("Chỉ tiêu"))).isTrue();
                assertThat(doc.getAllPictures()).hasSize(3);
                assertThat(doc.getAllPictures().getFirst().getPictureType()).isEqualTo(org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG);
                // page numbers: none on the first page, a PAGE field centred in the others' header
                assertThat(section.isSetTitlePg()).isTrue();
                var policy = doc.getHeaderFooterPolicy();
                assertThat(policy.getFirstPageHeader().getText()).isBlank();
                XWPFParagraph pageNumber = policy.getDefaultHeader().getParagraphs().getFirst();
                assertThat(pageNumber.getAlignment()).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
                assertThat(pageNumber.getCTP().xmlText()).contains("PAGE").contains("fldChar");
                assertThat(text).doesNotContain("Số:        /");
                // the first citation of the Prime Minister's directive with its real date; a rule under the issuing
                // body and under the motto, drawn as borders; the signer's authority and title
                assertThat(text).contains("Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ");
                PeriodicReports.Report sealed = reports.get(a.id(), LEADER);
                assertThat(text).contains("bản ghi số " + sealed.auditRecordId() + ", mã băm SHA-256: " + sealed.auditHash());
                var headerCells = doc.getTables().getFirst().getRow(0).getTableCells();
                assertThat(headerCells.get(0).getParagraphs().getFirst().getText()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA");
                assertThat(headerCells.get(0).getParagraphs().getLast().getBorderBottom())
                        .isEqualTo(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
                assertThat(headerCells.get(1).getParagraphs().getLast().getText()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
                assertThat(headerCells.get(1).getParagraphs().getLast().getBorderBottom())
                        .isEqualTo(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
                String signature = doc.getTables().getLast().getRow(0).getCell(1).getText();
                assertThat(signature).contains("TM. ỦY BAN NHÂN DÂN");
                // signed by the People's Committee's default signer when it has one (the demo's has), its name under
                // the signature; else for the chairperson by a vice-chair, the name left to be written
                reports.signedBy(a.id(), LEADER).ifPresentOrElse(
                        signer -> assertThat(signature).contains(signer.fullName()).doesNotContain("ghi rõ họ tên"),
                        () -> assertThat(signature).contains("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Ký, ghi rõ họ tên, đóng dấu)"));
            }
            // one report per period: a second for the same quarter is refused, naming the first
            assertThatThrownBy(() -> reports.generate(ReportPeriod.of("QUARTERLY", y, 1, LocalDate.of(y, 5, 4)), COORDINATOR))
                    .isInstanceOfSatisfying(vn.loa.shared.InvalidInput.class, e -> {
                        assertThat(e.field()).isEqualTo("period");
                        assertThat(e.arguments()).containsExactly("02/BC-UBND");
                    });
            // the stored DOCX does not change when read again
            assertThat(reports.docx(a.id(), COORDINATOR).content()).isEqualTo(docx);

            // a new year starts again from 01
            clock.set(at(y + 1, 1, 2, 9));
            PeriodicReports.Report c = reports.generate(ReportPeriod.of("YEARLY", y, null, LocalDate.of(y + 1, 1, 2)), COORDINATOR);
            assertThat(reports.issue(c.id(), false, COORDINATOR).numberAndSymbol()).isEqualTo("01/BC-UBND");
            assertThat(reports.list(LEADER).stream().filter(s -> s.id() == c.id()).findFirst().orElseThrow().numberAndSymbol())
                    .isEqualTo("01/BC-UBND");
            // every step audited
            assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target_type = 'coord-report' AND target_id = ? ORDER BY id")
                    .param(String.valueOf(a.id())).query(String.class).list())
                    .containsSubsequence("coord-report.generated", "coord-report.edited", "coord-report.regenerated",
                            "coord-report.issued");
        } finally {
            clock.set(before);
        }
    }

    @Autowired
    vn.loa.identity.AgencySigners signers;

    @Autowired
    vn.loa.identity.AgencyDirectory agencies;

    @Test
    void anIssuedReportIsSignedWithTheChosenSignersNameAndKeepsItWhenTheSignersChange() throws Exception {
        SignedInUser admin = new SignedInUser(1L, "admin", "Quản trị", null, null, Set.of(Role.ADMIN));
        // a year of its own, after the other tests' years
        int y = 2151 + ThreadLocalRandom.current().nextInt(40);
        Instant before = clock.instant();
        clock.set(at(y, 8, 3, 9));
        PeriodicReports.Report draft = reports.generate(ReportPeriod.of("MONTHLY", y, 6, LocalDate.of(y, 8, 3)),
                COORDINATOR);
        var issuer = agencies.findByCode(draft.issuerCode(), LocalDate.now(clock.withZone(LocalTime.ZONE))).orElseThrow();
        Long formerDefault = signers.byDefault(issuer.id()).map(vn.loa.identity.AgencySigners.Signer::id).orElse(null);
        var vice = signers.add(issuer.id(), "Đỗ Văn Ký", "Phó Chủ tịch", true, admin);
        vn.loa.identity.AgencySigners.Signer chair = null;
        try {
            // the draft bears no name: who signs is chosen when it is issued
            assertThat(signatureOf(reports.docx(draft.id(), COORDINATOR).content()))
                    .contains("(Ký, ghi rõ họ tên, đóng dấu)").doesNotContain("Đỗ Văn Ký");
            // the default signer offered, and a signer who is not the issuing body's refused on the field
            assertThat(reports.signers(draft.id(), COORDINATOR)).first().extracting(s -> s.fullName()).isEqualTo("Đỗ Văn Ký");
            assertThatThrownBy(() -> reports.issue(draft.id(), false, -1L, COORDINATOR))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("signerId"));
            reports.issue(draft.id(), false, COORDINATOR);
            assertThat(signatureOf(reports.docx(draft.id(), LEADER).content()))
                    .contains("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Văn Ký")
                    .doesNotContain("ghi rõ họ tên");
            assertThat(reports.signedBy(draft.id(), LEADER)).contains(new PeriodicReports.SignedBy("Đỗ Văn Ký", "Phó Chủ tịch"));

            // the chairperson signs by default from now on, and the vice-chair is no longer a signer at all: the report
            // issued before still reads as it was issued
            chair = signers.add(issuer.id(), "Lý Thị Sau", "Chủ tịch", true, admin);
            signers.remove(issuer.id(), vice.id(), admin);
            assertThat(signatureOf(reports.docx(draft.id(), LEADER).content())).contains("Đỗ Văn Ký")
                    .doesNotContain("Lý Thị Sau");
            // the next one issued is the new default signer's, the chairperson signing for the committee (TM.)
            PeriodicReports.Report next = reports.generate(ReportPeriod.of("MONTHLY", y, 7, LocalDate.of(y, 8, 3)),
                    COORDINATOR);
            reports.issue(next.id(), false, COORDINATOR);
            assertThat(signatureOf(reports.docx(next.id(), LEADER).content())).contains("CHỦ TỊCH", "Lý Thị Sau")
                    .doesNotContain("KT.", "Đỗ Văn Ký");
        } finally {
            clock.set(before);
            if (signers.of(issuer.id()).stream().anyMatch(s -> s.id() == vice.id())) {
                signers.remove(issuer.id(), vice.id(), admin);
            }
            if (chair != null) {
                signers.remove(issuer.id(), chair.id(), admin);
            }
            if (formerDefault != null) {
                signers.makeDefault(issuer.id(), formerDefault, admin);
            }
        }
    }

    /** The signature block's text: the last table's right-hand cell. */
    private static String signatureOf(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getTables().getLast().getRow(0).getCell(1).getText();
        }
    }

    @Test
    void theSealCheckFindsRecordsRemovedAfterTheSeal() throws SQLException {
        PeriodicReports.Report r = reports.generate(ReportPeriod.of("MONTHLY", 2024, 2, LocalDate.of(2026, 1, 1)), COORDINATOR);
        AuditRecord newestBefore = audit.newest(1, null).getFirst();
        PeriodicReports.Report issued = reports.issue(r.id(), false, COORDINATOR);
        assertThat(issued.auditRecordId()).isEqualTo(newestBefore.id());
        assertThat(issued.auditHash()).isEqualTo(newestBefore.hash());
        PeriodicReports.SealCheck check = reports.seal(r.id(), LEADER);
        assertThat(check.holds()).isTrue();

        // the owner removes every record after the seal (the report's own "issued" record among them), then puts them back
        List<AuditRecord> removed = new ArrayList<>();
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            // what is removed is read back from the DELETE itself, so that exactly that is put back
            removed.addAll(delete(statement, "id > " + issued.auditRecordId()));
            assertThat(removed).extracting(AuditRecord::action).contains("coord-report.issued");
            try {
                PeriodicReports.SealCheck broken = reports.seal(r.id(), LEADER);
                assertThat(broken.holds()).isFalse();
                assertThat(broken.recordPresent()).isTrue();
                assertThat(broken.chainIntact()).as("a chain cut at its end still links").isTrue();
                assertThat(broken.laterRecordsPresent()).isFalse();
                // and the sealing record itself removed as well
                removed.addAll(0, delete(statement, "id = " + issued.auditRecordId()));
                PeriodicReports.SealCheck gone = reports.seal(r.id(), LEADER);
                assertThat(gone.recordPresent()).isFalse();
                assertThat(gone.holds()).isFalse();
            } finally {
                for (AuditRecord a : removed) {
                    restore(owner, a);
                }
            }
        }
        assertThat(reports.seal(r.id(), LEADER).holds()).isTrue();
        assertThat(audit.verify().intact()).isTrue();
    }

    private static List<AuditRecord> delete(Statement statement, String where) throws SQLException {
        List<AuditRecord> removed = new ArrayList<>();
        try (java.sql.ResultSet rs = statement.executeQuery("DELETE FROM audit_record WHERE " + where + " RETURNING *")) {
            while (rs.next()) {
                removed.add(new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("agency_code"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash")));
            }
        }
        removed.sort(java.util.Comparator.comparingLong(AuditRecord::id));
        return removed;
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"), "postgres", "");
    }

    private static void restore(Connection owner, AuditRecord a) throws SQLException {
        try (PreparedStatement insert = owner.prepareStatement("""
                INSERT INTO audit_record (id, occurred_at, actor, agency_code, action, target_type, target_id, details,
                                          previous_hash, hash)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            insert.setLong(1, a.id());
            insert.setTimestamp(2, Timestamp.from(a.occurredAt()));
            insert.setString(3, a.actor());
            insert.setString(4, a.agencyCode());
            insert.setString(5, a.action());
            insert.setString(6, a.targetType());
            insert.setString(7, a.targetId());
            insert.setString(8, a.details());
            insert.setString(9, a.previousHash());
            insert.setString(10, a.hash());
            insert.executeUpdate();
        }
    }

    @Test
    void aReportIssuedOrRedraftedFromAPageOpenedBeforeAColleaguesEditIsRefusedUntilTheIssuerHasReadIt() throws Exception {
        int y = 2191 + ThreadLocalRandom.current().nextInt(9);
        // a month over by 20 December, so that its report may be issued as the month's
        int month = 1 + ThreadLocalRandom.current().nextInt(11);
        Instant before = clock.instant();
        try {
            clock.set(at(y, 12, 20, 9));
            PeriodicReports.Report r = reports.generate(ReportPeriod.of("MONTHLY", y, month, LocalDate.of(y, 12, 20)),
                    COORDINATOR);
            MockHttpSession coordinator = signIn("coordinator");
            String path = "/coordination/reports/" + r.id();
            org.jsoup.nodes.Document opened = org.jsoup.Jsoup.parse(mvc.perform(get(path).session(coordinator))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            String issueVersion = opened.select("#issue-form input[name=version]").val();
            String regenerateVersion = opened.select("#regenerate-form input[name=version]").val();
            assertThat(issueVersion).isEqualTo(Long.toString(r.version())).isEqualTo(regenerateVersion);
            // a colleague rewrites the proposals meanwhile
            String colleagues = "Đề nghị của đồng nghiệp, chưa ai đọc lại " + y + ".";
            reports.edit(r.id(), Map.of("proposals", colleagues), r.version(), COORDINATOR);
            String refused = mvc.perform(post(path + "/issue").session(coordinator).with(csrf()).param("confirm", "true")
                    .param("version", issueVersion)).andExpect(status().isConflict()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused);
            assertThat(page.select(".flash.error").text()).contains("nên chưa ban hành");
            assertThat(page.select("#section-proposals").text()).isEqualTo(colleagues);
            assertThat(reports.get(r.id(), COORDINATOR).issued()).isFalse();
            mvc.perform(post(path + "/regenerate").session(coordinator).with(csrf()).param("redraft", "true")
                    .param("version", regenerateVersion)).andExpect(status().isConflict());
            assertThat(reports.get(r.id(), COORDINATOR).sections().get("proposals")).isEqualTo(colleagues);
            mvc.perform(post("/api/v1/reports/" + r.id() + "/issue").session(coordinator).with(csrf())
                    .param("version", issueVersion)).andExpect(status().isConflict());
            // from the page as it now stands, it is issued
            mvc.perform(post(path + "/issue").session(coordinator).with(csrf()).param("confirm", "true")
                    .param("version", page.select("#issue-form input[name=version]").val()))
                    .andExpect(status().is3xxRedirection());
            assertThat(reports.get(r.id(), COORDINATOR).issued()).isTrue();
        } finally {
            clock.set(before);
        }
    }

    @Test
    void aReportOfAPeriodNotOverIsRefusedNamingTheLastDayUnlessIssuedAsAQuickReportThatSaysSo() throws Exception {
        int y = 2031 + ThreadLocalRandom.current().nextInt(60);
        Instant before = clock.instant();
        try {
            clock.set(at(y, 12, 8, 4).plusSeconds(4 * 60));
            PeriodicReports.Report quarter = reports.generate(ReportPeriod.of("QUARTERLY", y, 4, LocalDate.of(y, 12, 8)),
                    COORDINATOR);
            MockHttpSession coordinator = signIn("coordinator");
            String path = "/coordination/reports/" + quarter.id();
            org.jsoup.nodes.Document opened = org.jsoup.Jsoup.parse(mvc.perform(get(path).session(coordinator))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(opened.select("#issue-form #issue-early")).hasSize(1);
            assertThat(opened.select("#issue-early-hint").text()).contains("31/12/" + y);
            String version = opened.select("#issue-form input[name=version]").val();

            // confirmed but not ticked as a quick report: refused, naming the day the quarter ends
            assertThatThrownBy(() -> reports.issue(quarter.id(), false, COORDINATOR))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.field()).isEqualTo("beforePeriodEnd");
                        assertThat(e.arguments()).containsExactly("31/12/" + y);
                    });
            String refused = mvc.perform(post(path + "/issue").session(coordinator).with(csrf()).param("confirm", "true")
                    .param("version", version)).andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(org.jsoup.Jsoup.parse(refused).select(".flash.error").text())
                    .contains("kết thúc ngày 31/12/" + y, "Báo cáo nhanh trước khi hết kỳ");
            mvc.perform(post("/api/v1/reports/" + quarter.id() + "/issue").session(coordinator).with(csrf()))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.errors[0].field").value("beforePeriodEnd"));
            // the last day itself is not over either
            clock.set(at(y, 12, 31, 20));
            assertThatThrownBy(() -> reports.issue(quarter.id(), false, COORDINATOR)).isInstanceOf(InvalidInput.class);
            assertThat(reports.get(quarter.id(), COORDINATOR).issued()).isFalse();

            // the desk opens a case after the draft's figures were computed; the issue, 8 minutes later, counts it
            clock.set(at(y, 12, 8, 4).plusSeconds(12 * 60));
            caseRow("rpt-nhanh-" + y + "-" + System.nanoTime(), "RECEIVED", ts(y, 12, 8, 1), null, null);
            PeriodicReports.Report issued = reports.issue(quarter.id(), true, COORDINATOR);
            assertThat(issued.issued()).isTrue();
            assertThat(issued.figures().desk().opened()).isEqualTo(quarter.figures().desk().opened() + 1);
            assertThat(issued.figures().computedAt()).isEqualTo(clock.instant());
            assertThat(issued.figures().asOf()).isEqualTo(LocalDate.of(y, 12, 8));
            assertThat(issued.title()).isEqualTo(quarter.title() + " (số liệu đến ngày 08/12/" + y + ")");
            // its text speaks of the quarter so far, not of the quarter as if it were over
            assertThat(issued.sections().get("transparency")).startsWith("Từ đầu quý đến ngày 08/12/" + y + ", các cơ quan");
            assertThat(issued.sections().get("misinformation")).contains("; đến ngày 08/12/" + y + " còn ")
                    .doesNotContain("Trong quý", "cuối kỳ");
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.docx(quarter.id(), LEADER).content()))) {
                String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
                assertThat(text).contains("(số liệu đến ngày 08/12/" + y + ")",
                        "đến ngày 08/12/" + y + " (số liệu tổng hợp từ hệ thống Loa lúc 04:12 ngày 08/12/" + y + ")");
            }
            assertThat(jdbc.sql("""
                    SELECT details FROM audit_record WHERE action = 'coord-report.issued' AND target_type = 'coord-report'
                      AND target_id = ?""").param(String.valueOf(quarter.id())).query(String.class).single())
                    .contains("beforePeriodEnd", "true", y + "-12-08");

            // a month that is over is issued as the month's report, with no such mark
            PeriodicReports.Report november = reports.generate(ReportPeriod.of("MONTHLY", y, 11, LocalDate.of(y, 12, 8)),
                    COORDINATOR);
            PeriodicReports.Report monthIssued = reports.issue(november.id(), false, COORDINATOR);
            assertThat(monthIssued.title()).isEqualTo(november.title()).doesNotContain("số liệu đến ngày");
            assertThat(monthIssued.figures().asOf()).isEqualTo(LocalDate.of(y, 11, 30));
            assertThat(monthIssued.sections().get("transparency")).startsWith("Trong tháng, các cơ quan");
            assertThat(monthIssued.sections().get("misinformation")).contains("; đến cuối kỳ còn ");
            assertThat(jdbc.sql("""
                    SELECT details FROM audit_record WHERE action = 'coord-report.issued' AND target_type = 'coord-report'
                      AND target_id = ?""").param(String.valueOf(november.id())).query(String.class).single())
                    .contains("beforePeriodEnd").doesNotContain("\"beforePeriodEnd\":true");
        } finally {
            clock.set(before);
        }
    }

    @Test
    void theApiNamesWhatIsWrongAndOnlyTheProvinceSeesReports() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        MockHttpSession leader = signIn("leader");
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/api/v1/reports").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"WEEKLY\",\"year\":2025,\"period\":1}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/reports").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"QUARTERLY\",\"year\":2025,\"period\":5}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(post("/api/v1/reports").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"YEARLY\",\"year\":2199}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(post("/api/v1/reports").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"MONTHLY\",\"periodStart\":\"2025-03-02\"}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("periodStart"));
        mvc.perform(post("/api/v1/reports").session(leader).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"QUARTERLY\",\"year\":2025,\"period\":1}")).andExpect(status().isForbidden());
        String created = mvc.perform(post("/api/v1/reports").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"MONTHLY\",\"periodStart\":\"2025-03-01\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.periodEnd").value("2025-03-31"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        long version = Long.parseLong(created.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));

        mvc.perform(get("/api/v1/reports").session(officer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/" + id).session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + id + "/docx").session(signIn("press"))).andExpect(status().isNotFound());
        mvc.perform(get("/coordination/reports/" + id).session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/coordination/reports/" + id).session(leader)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/reports/" + id).session(leader)).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.kind").value("MONTHLY"))
                .andExpect(jsonPath("$.sections.listening").exists());
        mvc.perform(put("/api/v1/reports/" + id + "/sections").session(leader).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"sections\":{\"press\":\"x\"}}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/reports/" + id + "/sections").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"sections\":{\"press\":\"Báo chí: đã sửa.\"}}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.press").value("Báo chí: đã sửa."));
        mvc.perform(put("/api/v1/reports/" + id + "/sections").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + ",\"sections\":{\"press\":\"cũ\"}}")).andExpect(status().isConflict());
        // on the page, a save that comes after someone else's keeps what this user typed, with the saved text beside it
        String stale = mvc.perform(post("/coordination/reports/" + id + "/sections").session(coordinator).with(csrf())
                        .param("version", Long.toString(version)).param("section-press", "Báo chí: bản tôi vừa gõ."))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document stalePage = org.jsoup.Jsoup.parse(stale);
        assertThat(stalePage.select("#section-press").text()).isEqualTo("Báo chí: bản tôi vừa gõ.");
        assertThat(stalePage.select("#saved-press p").text()).isEqualTo("Báo chí: đã sửa.");
        assertThat(stalePage.select("#sections-form input[name=version]").attr("value")).isNotEqualTo(Long.toString(version));
        assertThat(stalePage.text()).contains("Nội dung bạn vừa nhập vẫn ở trong các ô bên dưới");
        mvc.perform(post("/api/v1/reports/" + id + "/regenerate").session(coordinator).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.press").value("Báo chí: đã sửa."));
        mvc.perform(get("/coordination/reports/" + id + "/charts/sentiment.png").session(leader)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/reports/" + id + "/issue").session(coordinator).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED"));
        mvc.perform(post("/api/v1/reports/" + id + "/issue").session(coordinator).with(csrf())).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/reports/" + id + "/seal").session(leader)).andExpect(status().isOk())
                .andExpect(jsonPath("$.recordPresent").value(true)).andExpect(jsonPath("$.laterRecordsPresent").value(true));
        mvc.perform(get("/api/v1/reports/" + id + "/docx").session(signIn("admin"))).andExpect(status().isOk());
        mvc.perform(get("/coordination/reports").session(officer)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/reports/" + id + "/sections").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"sections\":{\"press\":\"x\"}}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/reports/" + id + "/issue").session(officer).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/reports").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"QUARTERLY\",\"year\":2025,\"period\":1}")).andExpect(status().isForbidden());
        // the page's form names the field it refuses
        String page = mvc.perform(post("/coordination/reports").session(coordinator).with(csrf()).param("kind", "MONTHLY")
                .param("year", "2025").param("period", "13")).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-field=\"period\"", "Kỳ: phải từ 1 đến 12.");
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }

    // ---- rows

    private void dailyRow(String dim, String val, boolean restricted, LocalDate day, int posts, int negative, int neutral,
            int positive) {
        jdbc.sql("""
                INSERT INTO post_daily (scope, dim, val, restricted, day, posts, negative, neutral, positive, toxic)
                VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?, 0)""").params(dim, val, restricted, Date.valueOf(day), posts, negative,
                neutral, positive).update();
    }

    private void alert(long rule, Timestamp at, String title, String sentence, long posts) {
        jdbc.sql("""
                INSERT INTO alert (rule_id, window_start, raised_at, observed, post_ids, title, sentence, posts, acknowledged_by, acknowledged_at)
                VALUES (?, ?, ?, 5, '{}', ?, ?, ?, 'test', ?)""").params(rule, at, at, title, sentence, posts, at).update();
    }

    private void caseRow(String marker, String status, Timestamp opened, Timestamp published, Timestamp closed) {
        // a published case as the desk leaves one (with its verdict, answer and address): other tests read the public site
        boolean answered = published != null;
        jdbc.sql("""
                INSERT INTO misinformation_case (source, claim, category, severity, status, agency_code, opened_at, opened_by,
                                                 deadline, published_at, closed_at, claim_fingerprint, verdict, explanation, slug)
                VALUES ('MANUAL', ?, 'FALSE_INFORMATION', 'LOW', ?, 'SYT', ?, 'test', ?, ?, ?, 0, ?, ?, ?)""")
                .params(marker, status, opened, opened, published, closed,
                        answered ? (status.equals("REFUTED") ? "FALSE" : "CLARIFICATION") : null,
                        answered ? "Không đúng sự thật." : null,
                        answered ? "bao-cao-" + marker.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                                + System.nanoTime() : null)
                .update();
    }

    private void request(String marker, String status, Timestamp received, LocalDate due, Timestamp answered) {
        long id = id("""
                INSERT INTO information_request (agency_code, channel, received_at, requester_name, description, status, due_date,
                                                 created_by, created_at)
                VALUES ('SYT', 'ELECTRONIC', ?, 'Người yêu cầu', ?, ?, ?, 'test', ?) RETURNING id""", received, marker, status,
                Date.valueOf(due), received);
        if (answered != null) {
            jdbc.sql("""
                    INSERT INTO information_request_history (request_id, action, from_status, to_status, actor, occurred_at)
                    VALUES (?, ?, 'IN_PROGRESS', ?, 'test', ?)""").params(id, status.equals("PROVIDED") ? "PROVIDE" : "REFUSE",
                    status, answered).update();
        }
    }

    private void enquiry(String marker, Timestamp received, Timestamp due, Timestamp answered) {
        jdbc.sql("""
                INSERT INTO press_enquiry (agency_code, kind, channel, journalist_name, subject, question, received_at,
                                           time_limit_id, due_at, status, answered_at, created_by, created_at)
                VALUES ('SYT', 'ROUTINE', 'EMAIL', 'Nhà báo', ?, 'q', ?, (SELECT min(id) FROM press_time_limit), ?, ?, ?, 'test', ?)""")
                .params(marker, received, due, answered == null ? "RECEIVED" : "ANSWERED", answered, received).update();
    }

    private void statement(String marker, String form, Timestamp published) {
        jdbc.sql("""
                INSERT INTO press_statement (agency_code, form, channel, title, body, status, drafted_by, created_at, published_at)
                VALUES ('SYT', ?, 'EMAIL', ?, 'b', 'PUBLISHED', 'test', ?, ?)""").params(form, marker, published, published).update();
    }

    private void campaign(long plan, String marker, LocalDate starts, LocalDate ends) {
        jdbc.sql("""
                INSERT INTO campaign (plan_id, agency_code, title, policy, starts_on, ends_on, created_by, created_at)
                VALUES (?, 'SYT', ?, 'p', ?, ?, 'test', ?)""").params(plan, marker, Date.valueOf(starts), Date.valueOf(ends),
                Timestamp.from(Instant.now())).update();
    }

    private long publication(String marker, String channel, Timestamp at, boolean withdrawn) {
        return id("""
                INSERT INTO pub_publication (source, agency_id, agency_code, channel, language, body, publish_at, emergency,
                                             created_by, created_at, withdrawn_at)
                VALUES (?, (SELECT id FROM agency WHERE code = 'SYT' ORDER BY valid_from DESC LIMIT 1), 'SYT', ?, 'vi', 'b', ?, false,
                        'test', ?, ?) RETURNING id""", marker + ":" + channel, channel, at, at, withdrawn ? at : null);
    }

    private long delivery(long publication, String channel, String recipient, String status, String marker) {
        return id("""
                INSERT INTO pub_delivery (publication_id, channel, recipient, status, emergency, idempotency_key, done_at)
                VALUES (?, ?, ?, ?, false, ?, now()) RETURNING id""", publication, channel, recipient, status,
                marker + ":" + publication + ":" + recipient);
    }

    private long task(long directive, long agency, int y, String marker) {
        return id("""
                INSERT INTO coord_task (directive_id, title, expected_result, lead_agency_id, recurrence, due_day, starts_on,
                                        created_by, created_at)
                VALUES (?, ?, 'kết quả', ?, 'MONTHLY', 30, ?, 'test', ?) RETURNING id""", directive, marker, agency,
                Date.valueOf(LocalDate.of(y, 7, 1)), ts(y, 6, 1, 9));
    }

    private void occurrence(long task, LocalDate start, LocalDate end, LocalDate due, LocalDate done) {
        jdbc.sql("INSERT INTO coord_occurrence (task_id, period_start, period_end, due_on, done_on) VALUES (?, ?, ?, ?, ?)")
                .params(task, Date.valueOf(start), Date.valueOf(end), Date.valueOf(due), done == null ? null : Date.valueOf(done))
                .update();
    }
}
