package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.calendar.CalendarAdministration;
import vn.loa.calendar.DayKind;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Crisis mode on a real database with a clock the tests move: the clock of the first statement counts down on the desk
 * and the home page of the agency's staff and stops at the first statement published (late when it is); crises opened
 * from an alert and a misinformation case take their agency and title from it; a question it raises is answered on the
 * crisis clock; a refutation is issued as a statement, read first and once; journalists and other agencies see none of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PressCrisesIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser SPOKESPERSON = new SignedInUser(6L, "spokesperson", "Người phát ngôn Sở Y tế", null,
            "SYT", Set.of(Role.SPOKESPERSON));
    private static final SignedInUser DISTRICT = new SignedInUser(5L, "district", "Cán bộ huyện", null, "22852",
            Set.of(Role.OFFICER));
    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));

    @Autowired
    MockMvc mvc;

    @Autowired
    Crises crises;

    @Autowired
    Statements statements;

    @Autowired
    Enquiries enquiries;

    @Autowired
    Cases cases;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalendarAdministration administration;

    @Value("${loa.alerts.base-url}")
    String baseUrl;

    @Autowired
    WorkingDays calendar;

    @Test
    void theClockCountsDownOnTheDeskAndTheHomePageAndStopsAtTheFirstStatementPublishedLate() throws Exception {
        Instant start = clock.instant();
        try {
            String title = "Sập giàn giáo tại công trình bệnh viện " + System.nanoTime();
            Crisis crisis = crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT", title, "Hai công nhân bị thương."),
                    OFFICER);
            assertThat(crisis.firstStatementDue()).isEqualTo(start.plus(Duration.ofHours(24)));
            // the page says the rule's kind ("Quy định nội bộ") before its source, which does not say it again
            assertThat(crisis.ruleSource()).startsWith("thông tin ban đầu chậm nhất 24 giờ");
            assertThat(crises.clocks(OFFICER)).extracting(Crisis::id).contains(crisis.id());
            assertThat(crises.clocks(COORDINATOR)).extracting(Crisis::id).contains(crisis.id());
            assertThat(crises.clocks(DISTRICT)).extracting(Crisis::id).doesNotContain(crisis.id());
            assertThat(crises.clocks(JOURNALIST)).isEmpty();

            clock.advance(Duration.ofHours(20).plusMinutes(30));
            MockHttpSession officer = signIn("officer");
            String home = page(officer, "/", "vi");
            assertThat(home).contains("id=\"crisis-clocks\"", title, "Còn 3 giờ 30 phút");
            assertThat(page(officer, "/", "en")).contains("3 hours 30 minutes left");
            assertThat(page(officer, "/press", "vi")).contains(title, "Còn 3 giờ 30 phút");

            clock.advance(Duration.ofHours(5));
            assertThat(crises.get(crisis.id(), OFFICER).overdue(clock.instant())).isTrue();
            assertThat(page(officer, "/", "vi")).contains("Quá hạn 1 giờ 30 phút");

            Statement holding = crises.draftStatement(crisis.id(), new Statements.Draft(null, StatementForm.PORTAL_STATEMENT,
                    StatementChannel.PORTAL, crises.templates(crisis.id(), OFFICER).getFirst().title(),
                    crises.templates(crisis.id(), OFFICER).getFirst().body(), null, null), OFFICER);
            // the title reads inside the sentence: "… về sập giàn giáo", not "… về Sập giàn giáo"
            assertThat(holding.title()).isEqualTo("Thông tin ban đầu về s" + title.substring(1));
            assertThat(holding.body()).contains("Sở Y tế đã nắm được thông tin về s" + title.substring(1) + ".");
            assertThat(crises.get(crisis.id(), OFFICER).firstStatementId()).as("a draft does not stop the clock").isNull();
            statements.publish(holding.id(), SPOKESPERSON);

            Crisis after = crises.get(crisis.id(), OFFICER);
            assertThat(after.firstStatementId()).isEqualTo(holding.id());
            assertThat(after.late()).isTrue();
            assertThat(crises.clocks(OFFICER)).extracting(Crisis::id).doesNotContain(crisis.id());
            assertThat(crises.timeline(crisis.id(), COORDINATOR)).extracting(Crises.TimelineEntry::kind)
                    .containsExactly("OPENED", "STATEMENT");
            assertThat(page(officer, "/", "vi")).doesNotContain(title);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'press-crisis.first-statement' AND target_id = ?")
                    .param(String.valueOf(crisis.id())).query(Long.class).single()).isEqualTo(1);
        } finally {
            clock.set(start);
        }
    }

    @Test
    void aCrisisOpenedFromAnAlertTakesItsAgencyAndTitleAndOneFromACaseTheCasesClaim() {
        String marker = "alert-" + System.nanoTime();
        long rule = jdbc.sql("""
                INSERT INTO alert_rule (agency_code, kind, threshold, created_by, created_at, enabled)
                VALUES ('SYT', 'KEYWORD', 5, 'system', now(), FALSE) RETURNING id""").query(Long.class).single();
        long alert = jdbc.sql("""
                INSERT INTO alert (rule_id, agency_code, window_start, raised_at, observed, detail, post_ids, posts, title,
                    sentence, about_agency)
                VALUES (?, 'SYT', now(), now(), 9, ?, '{}', 9, ?, 'Chín bài viết trong một giờ.', 'SYT') RETURNING id""")
                .params(rule, marker, "Quá tải bệnh viện " + marker).query(Long.class).single();
        Crisis fromAlert = crises.open(new Crises.Opening(CrisisSource.ALERT, alert, null, null, null), COORDINATOR);
        assertThat(fromAlert.agencyCode()).isEqualTo("SYT");
        assertThat(fromAlert.title()).isEqualTo("Quá tải bệnh viện " + marker);
        assertThat(fromAlert.summary()).isEqualTo("Chín bài viết trong một giờ.");
        assertThat(fromAlert.source()).isEqualTo(CrisisSource.ALERT);
        assertThat(fromAlert.sourceId()).isEqualTo(alert);
        // an alert of another agency is not the district's to open a crisis from
        assertThatThrownBy(() -> crises.open(new Crises.Opening(CrisisSource.ALERT, alert, null, null, null), DISTRICT))
                .isInstanceOf(NotFound.class);

        Case found = cases.open(new Cases.NewCase("Tin đồn bệnh viện tỉnh ngừng nhận bệnh nhân " + marker, "FALSE_INFORMATION",
                "HIGH", List.of(), null, null, "SYT"), COORDINATOR);
        Crisis fromCase = crises.open(new Crises.Opening(CrisisSource.CASE, found.id(), null, null, null), OFFICER);
        assertThat(fromCase.agencyCode()).isEqualTo("SYT");
        assertThat(fromCase.title()).isEqualTo("Tin đồn bệnh viện tỉnh ngừng nhận bệnh nhân " + marker);
        // the case leaves the agency's open work, which other tests count
        cases.act(found.id(), new Cases.Transition("DISMISS", null, null, null, null, null, null, "Dữ liệu kiểm thử", null),
                COORDINATOR);
        assertThat(crises.list(true, DISTRICT, 500)).extracting(Crisis::id).doesNotContain(fromAlert.id(), fromCase.id());
        assertThatThrownBy(() -> crises.get(fromCase.id(), DISTRICT)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT", "x", null), DISTRICT))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCrisisOpenedFromAStoryThroughTheApiAndJournalistsAreRefused() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(post("/api/v1/press/crises").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"STORY\",\"sourceId\":999999999,\"agencyCode\":\"SYT\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/press/crises").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"ALERT\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("sourceId"));
        mvc.perform(post("/api/v1/press/crises").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"MANUAL\",\"agencyCode\":\"SYT\",\"title\":\"<script>alert(1)</script> Cháy chợ\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.firstStatementDue").exists());
        MockHttpSession press = signIn("press");
        mvc.perform(get("/api/v1/press/crises").session(press)).andExpect(status().isForbidden());
        mvc.perform(get("/press/crises").session(press)).andExpect(status().isForbidden());
        String list = page(coordinator, "/press/crises", "vi");
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt; Cháy chợ").doesNotContain("<script>alert(1)");
    }

    @Test
    void aQuestionLinkedToTheCrisisIsAnsweredOnTheCrisisClock() {
        Crisis crisis = crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT", "Ngộ độc tập thể " + System.nanoTime(),
                null), COORDINATOR);
        // the journalist asked for crisis handling: a routine question until the agency decides
        Enquiry asked = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.CRISIS, null, null, null, null, null,
                "Số người nhập viện", "Bao nhiêu người đã nhập viện?", null), JOURNALIST);
        assertThat(asked.kind()).isEqualTo(EnquiryKind.ROUTINE);
        Enquiry linked = crises.linkEnquiry(crisis.id(), asked.id(), OFFICER);
        assertThat(linked.kind()).isEqualTo(EnquiryKind.CRISIS);
        // linking it to the crisis answers the request
        assertThat(linked.crisisRequest().decision()).isEqualTo(CrisisRequest.Decision.CONFIRMED);
        assertThat(linked.crisisRequestPending()).isFalse();
        assertThat(linked.dueAt()).isBeforeOrEqualTo(asked.receivedAt().plus(Duration.ofHours(24)));
        assertThat(crises.timeline(crisis.id(), OFFICER)).extracting(Crises.TimelineEntry::kind).contains("ENQUIRY");
        assertThatThrownBy(() -> crises.linkEnquiry(crisis.id(), asked.id(), DISTRICT)).isInstanceOf(NotFound.class);
        Enquiry recorded = crises.recordEnquiry(crisis.id(), new Enquiries.Question(null, null, EnquiryChannel.PHONE,
                "Lê Văn Báo", "Báo Tuổi Trẻ", null, "0905000111", "Nguyên nhân ngộ độc", "Đã xác định nguyên nhân chưa?",
                null), OFFICER);
        assertThat(recorded.kind()).isEqualTo(EnquiryKind.CRISIS);
        assertThat(recorded.agencyCode()).isEqualTo("SYT");
        assertThat(recorded.dueAt()).isEqualTo(recorded.receivedAt().plus(Duration.ofHours(24)));
        assertThat(crises.enquiries(crisis.id(), COORDINATOR)).extracting(Enquiry::id).containsExactly(asked.id(), recorded.id());
        crises.close(crisis.id(), "Đã ổn định", COORDINATOR);
        assertThatThrownBy(() -> crises.close(crisis.id(), null, COORDINATOR)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> crises.draftStatement(crisis.id(), new Statements.Draft(null, StatementForm.PRESS_RELEASE,
                StatementChannel.PORTAL, "t", "b", null, null), OFFICER)).isInstanceOf(Conflict.class);
    }

    @Test
    void onlyTheSpokespersonClosesACrisisWithNoStatementAndOnlyWithAReasonWhichIsAudited() throws Exception {
        String title = "Cháy kho hóa chất không phát ngôn " + System.nanoTime();
        Crisis crisis = crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT", title, null), OFFICER);
        // an officer may not end the clock of the first statement unanswered, with or without a reason
        assertThatThrownBy(() -> crises.close(crisis.id(), "", OFFICER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crises.close(crisis.id(), "Đã ổn định", OFFICER)).isInstanceOf(AccessDeniedException.class);
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/press/crises/" + crisis.id() + "/close").session(officer).with(csrf()).param("note", "Tự hết"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(problems(r)).extracting(vn.loa.shared.InvalidInput::field).containsExactly("note"))
                .andExpect(r -> assertThat(r.getFlashMap().get("closeNote")).isEqualTo("Tự hết"));
        String page = page(officer, "/press/crises/" + crisis.id(), "vi");
        assertThat(page).contains("id=\"close-not-yours\"").doesNotContain("id=\"close-form\"");
        mvc.perform(post("/api/v1/press/crises/" + crisis.id() + "/close").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        // the spokesperson decides, and must say why: the field is named, on the page and in the API
        MockHttpSession spokesperson = signIn("spokesperson");
        assertThat(page(spokesperson, "/press/crises/" + crisis.id(), "en")).contains("id=\"close-form\"",
                "Why it is closed with no statement (required)");
        mvc.perform(post("/api/v1/press/crises/" + crisis.id() + "/close").session(spokesperson).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("note"));
        mvc.perform(post("/press/crises/" + crisis.id() + "/close").session(spokesperson).with(csrf()).param("note", ""))
                .andExpect(r -> assertThat(problems(r)).extracting(vn.loa.shared.InvalidInput::messageKey)
                        .containsExactly("press.error.close-reason"));
        assertThat(crises.get(crisis.id(), COORDINATOR).open()).isTrue();
        assertThat(crises.clocks(OFFICER)).extracting(Crisis::id).contains(crisis.id());
        crises.close(crisis.id(), "Báo cáo nhầm: không có cháy", SPOKESPERSON);
        assertThat(crises.get(crisis.id(), COORDINATOR).open()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'press-crisis.closed-without-statement'"
                + " AND target_id = ?").param(String.valueOf(crisis.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedQuestionOrStatementOnTheCrisisPageKeepsWhatWasTypedAndNamesTheJournalistField() throws Exception {
        Crisis crisis = crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT",
                "Ngộ độc thực phẩm ở trường học " + System.nanoTime(), null), OFFICER);
        MockHttpSession officer = signIn("officer");
        org.springframework.web.servlet.FlashMap question = mvc.perform(post("/press/crises/" + crisis.id() + "/questions")
                        .session(officer).with(csrf()).param("channel", "EMAIL").param("journalistName", "")
                        .param("outletName", "Báo Khánh Hòa").param("contactEmail", "sai-dia-chi")
                        .param("subject", "Số học sinh nhập viện").param("question", "Bao nhiêu em đã xuất viện?"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/press/crises/" + crisis.id())
                        .session(officer).flashAttrs(question)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("#problems li[data-field=journalistName]").text()).startsWith("Phóng viên:");
        assertThat(page.select("#q-outlet").val()).isEqualTo("Báo Khánh Hòa");
        assertThat(page.select("#q-question").text()).isEqualTo("Bao nhiêu em đã xuất viện?");
        assertThat(page.select("#q-channel option[selected]").val()).isEqualTo("EMAIL");

        org.springframework.web.servlet.FlashMap statement = mvc.perform(post("/press/crises/" + crisis.id() + "/statements")
                        .session(officer).with(csrf()).param("form", "PRESS_RELEASE").param("channel", "EMAIL")
                        .param("title", "Thông tin ban đầu về vụ ngộ độc").param("body", " "))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        page = org.jsoup.Jsoup.parse(mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/press/crises/" + crisis.id())
                        .session(officer).flashAttrs(statement)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("#problems li")).isNotEmpty();
        assertThat(page.select("#cs-title").val()).isEqualTo("Thông tin ban đầu về vụ ngộ độc");
        // the question form, not refused this time, is empty again
        assertThat(page.select("#q-outlet").val()).isEmpty();
    }

    @Test
    void anOfficerClosesACrisisWhoseFirstStatementIsOutWithoutAReason() {
        Crisis crisis = crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT", "Lở đất đã phát ngôn "
                + System.nanoTime(), null), OFFICER);
        Statement s = crises.draftStatement(crisis.id(), new Statements.Draft(null, StatementForm.PORTAL_STATEMENT,
                StatementChannel.PORTAL, "Thông tin ban đầu về lở đất", "Không có thương vong.", null, null), OFFICER);
        statements.publish(s.id(), SPOKESPERSON);
        assertThat(crises.close(crisis.id(), null, OFFICER).open()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'press-crisis.closed' AND target_id = ?")
                .param(String.valueOf(crisis.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDayOffEnteredAfterAQuestionIsLinkedToTheCrisisNoLongerMovesItsDueTimeNorDoesClosingTheCrisis() {
        Crisis crisis = crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT", "Sạt lở đồi chè " + System.nanoTime(),
                null), COORDINATOR);
        Enquiry linkedAsked = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, EnquiryChannel.PHONE,
                "Đặng Thị Sạt", "Báo Lâm Đồng", null, "0905000222", "Người bị thương do sạt lở",
                "Bao nhiêu người bị thương do sạt lở đồi chè?", null), OFFICER);
        // the control: a routine question left alone, which the same day off moves
        Enquiry routine = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, EnquiryChannel.PHONE,
                "Đặng Thị Sạt", "Báo Lâm Đồng", null, "0905000222", "Kế hoạch trồng lại đồi chè",
                "Khi nào đồi chè được trồng lại?", null), OFFICER);
        Enquiry linked = crises.linkEnquiry(crisis.id(), linkedAsked.id(), OFFICER);
        assertThat(linked.timeLimit().kind()).isEqualTo(EnquiryKind.CRISIS);
        assertThat(linked.dueAt()).isEqualTo(linkedAsked.receivedAt().plus(Duration.ofHours(24)));

        // a day off inside the routine period, entered after the link
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        LocalDate firstWorkingDay = calendar.add(today, 1, PeriodUnit.WORKING_DAYS, "SYT").date();
        var dayOff = administration.enter(new CalendarAdministration.EntryForm(firstWorkingDay, DayKind.EXTRA_DAY_OFF,
                "Nghỉ đột xuất vì sạt lở (kiểm thử)", "Thông báo 27/TB-SATLO", null, null), new Actor("admin", null));
        try {
            assertThat(enquiries.get(routine.id(), COORDINATOR).dueAt()).as("the day off moves a routine question")
                    .isAfter(routine.dueAt());
            assertThat(enquiries.get(linked.id(), COORDINATOR).dueAt()).isEqualTo(linked.dueAt());
            assertThat(enquiries.history(linked.id(), COORDINATOR)).extracting(Enquiries.HistoryEntry::action)
                    .doesNotContain("DEADLINE_MOVED");
            // its routine working-day deadline stopped, as when a request for crisis handling is confirmed
            assertThat(jdbc.sql("SELECT deadline_id FROM press_enquiry WHERE id = ?").param(linked.id()).query(Long.class)
                    .optional()).isEmpty();
            assertThat(jdbc.sql("SELECT bool_or(running) FROM deadline WHERE owner_type = 'press-enquiry' AND owner_id = ?")
                    .param(String.valueOf(linked.id())).query(Boolean.class).single()).isFalse();

            // closing the crisis leaves the question on the crisis clock; withdrawing the day off (below) moves it neither
            crises.close(crisis.id(), "Đã khắc phục sạt lở", COORDINATOR);
            Enquiry afterClosing = enquiries.get(linked.id(), COORDINATOR);
            assertThat(afterClosing.kind()).isEqualTo(EnquiryKind.CRISIS);
            assertThat(afterClosing.dueAt()).isEqualTo(linked.dueAt());
            // and a closed crisis takes no more questions: the routine one stays on its own clock
            assertThatThrownBy(() -> crises.linkEnquiry(crisis.id(), routine.id(), OFFICER)).isInstanceOf(Conflict.class);
            assertThat(enquiries.get(routine.id(), COORDINATOR).kind()).isEqualTo(EnquiryKind.ROUTINE);
        } finally {
            administration.withdraw(dayOff.id(), "Hết kiểm thử", new Actor("admin", null));
        }
        assertThat(enquiries.get(routine.id(), COORDINATOR).dueAt()).isEqualTo(routine.dueAt());
        assertThat(enquiries.get(linked.id(), COORDINATOR).dueAt()).isEqualTo(linked.dueAt());
    }

    @Test
    void aRefutationIsIssuedOnceAsAStatementWhoseTitleCallsTheClaimFalseAndWhoseTextLinksTheAnswer() throws Exception {
        String marker = String.valueOf(System.nanoTime());
        Case found = cases.open(new Cases.NewCase("Tin đồn vắc xin gây vô sinh " + marker, "FALSE_INFORMATION", "HIGH",
                List.of(), null, null, "SYT"), COORDINATOR);
        long id = found.id();
        Crisis crisis = crises.open(new Crises.Opening(CrisisSource.CASE, id, null, null, null), COORDINATOR);
        // no answer published yet
        assertThatThrownBy(() -> crises.issueRefutation(id, crisis.id(), SPOKESPERSON)).isInstanceOf(Conflict.class);
        cases.act(id, new Cases.Transition("TRIAGE", "FALSE_INFORMATION", "HIGH", null, null, null, null, null, null), COORDINATOR);
        cases.act(id, new Cases.Transition("ASSIGN", null, null, "SYT", null, null, null, null, null), COORDINATOR);
        cases.act(id, new Cases.Transition("START_VERIFICATION", null, null, null, null, null, null, null, null), OFFICER);
        cases.act(id, new Cases.Transition("SUBMIT_ANSWER", null, null, null, null, "FALSE",
                "Vắc xin không gây vô sinh; Bộ Y tế đã khẳng định " + marker + ".", null, null), OFFICER);
        cases.act(id, new Cases.Transition("APPROVE", null, null, null, null, null, null, null, null), SPOKESPERSON);
        // an officer does not speak for the agency
        assertThatThrownBy(() -> crises.issueRefutation(id, crisis.id(), OFFICER)).isInstanceOf(AccessDeniedException.class);

        Statement issued = crises.issueRefutation(id, crisis.id(), SPOKESPERSON);
        assertThat(issued.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(issued.form()).isEqualTo(StatementForm.PORTAL_STATEMENT);
        assertThat(issued.approvedBy()).isEqualTo("spokesperson");
        // the portal shows the title alone: it names the claim as false, in quotes, and never as the official word
        assertThat(issued.title()).isEqualTo("Bác bỏ thông tin sai sự thật: “Tin đồn vắc xin gây vô sinh " + marker + "”")
                .doesNotContain("Thông tin chính thức");
        // the feed and e-mail carry the text alone: the answer's address in it is absolute
        String slug = cases.get(id, COORDINATOR).slug();
        assertThat(baseUrl).startsWith("http");
        assertThat(issued.body()).startsWith("Vắc xin không gây vô sinh; Bộ Y tế đã khẳng định " + marker + ".")
                .endsWith("\n\nToàn văn kết luận: " + baseUrl + "/public/refutations/" + slug);
        assertThat(statements.onPortal(50)).extracting(Statement::id).contains(issued.id());
        assertThat(crises.get(crisis.id(), COORDINATOR).firstStatementId()).isEqualTo(issued.id());
        mvc.perform(get("/public/press-releases/" + issued.id())).andExpect(status().isOk());
        assertThatThrownBy(() -> crises.issueRefutation(id, null, SPOKESPERSON)).isInstanceOf(Conflict.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'press-statement.refutation-issued' AND target_id = ?")
                .param(String.valueOf(issued.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSpokespersonReadsTheRefutationBeforeItGoesPublicAndMayRewordItsTitle() throws Exception {
        String marker = String.valueOf(System.nanoTime());
        String claim = "Bệnh viện không trả hồ sơ bệnh án cho người bệnh " + marker;
        long id = cases.open(new Cases.NewCase(claim, "FALSE_INFORMATION", "HIGH", List.of(), null, null, "SYT"),
                COORDINATOR).id();
        cases.act(id, new Cases.Transition("TRIAGE", "FALSE_INFORMATION", "HIGH", null, null, null, null, null, null), COORDINATOR);
        cases.act(id, new Cases.Transition("ASSIGN", null, null, "SYT", null, null, null, null, null), COORDINATOR);
        cases.act(id, new Cases.Transition("START_VERIFICATION", null, null, null, null, null, null, null, null), OFFICER);
        cases.act(id, new Cases.Transition("SUBMIT_ANSWER", null, null, null, null, "MISLEADING",
                "Người bệnh được cấp bản tóm tắt hồ sơ bệnh án khi có yêu cầu " + marker + ".", null, null), OFFICER);
        cases.act(id, new Cases.Transition("APPROVE", null, null, null, null, null, null, null, null), SPOKESPERSON);
        MockHttpSession spokesperson = signIn("spokesperson");

        // the case page's button asks for the review; it publishes nothing
        String casePage = page(spokesperson, "/cases/" + id, "vi");
        assertThat(casePage).contains("action=\"/press/crises/refutations/new\" method=\"get\"");
        String review = page(spokesperson, "/press/crises/refutations/new?caseId=" + id, "vi");
        assertThat(review).contains("id=\"refutation-confirm\"", "name=\"_csrf\"",
                "value=\"Cải chính thông tin sai lệch: “" + claim + "”\"",
                "Người bệnh được cấp bản tóm tắt hồ sơ bệnh án khi có yêu cầu " + marker,
                baseUrl + "/public/refutations/");
        assertThat(statementsOf(id)).isZero();

        // publishing is a POST with its token; a blank title is refused, what was typed kept
        var refused = mvc.perform(post("/press/crises/refutations").session(spokesperson).with(csrf())
                .param("caseId", String.valueOf(id)).param("title", "  ")).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/press/crises/refutations/new?caseId=" + id);
        assertThat(problems(refused)).extracting(vn.loa.shared.InvalidInput::field).containsExactly("title");
        assertThat(refused.getFlashMap().get("entered")).isEqualTo(java.util.Map.of("title", "  "));
        var forged = mvc.perform(post("/press/crises/refutations").session(spokesperson).param("caseId", String.valueOf(id))
                .param("title", "Cải chính")).andReturn();
        assertThat(forged.getResponse().getRedirectedUrl()).doesNotStartWith("/press/statements/");
        assertThat(statementsOf(id)).isZero();
        spokesperson = signIn("spokesperson");

        String reworded = "Thông tin cải chính: bệnh viện không từ chối cấp hồ sơ bệnh án " + marker;
        var published = mvc.perform(post("/press/crises/refutations").session(spokesperson).with(csrf())
                .param("caseId", String.valueOf(id)).param("title", reworded)).andReturn();
        assertThat(published.getResponse().getRedirectedUrl()).startsWith("/press/statements/");
        assertThat(statementsOf(id)).isOne();
        assertThat(statements.onPortal(50)).filteredOn(s -> s.title().equals(reworded)).hasSize(1);
        // once issued, the review is refused, back on the case
        var again = mvc.perform(get("/press/crises/refutations/new").session(spokesperson).param("caseId", String.valueOf(id)))
                .andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id);
        assertThat(again.getFlashMap().get("errorKey")).isEqualTo("press.error.refutation-issued");
    }

    private long statementsOf(long caseId) {
        return jdbc.sql("SELECT count(*) FROM press_statement WHERE case_id = ?").param(caseId).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static List<vn.loa.shared.InvalidInput> problems(org.springframework.test.web.servlet.MvcResult result) {
        return (List<vn.loa.shared.InvalidInput>) result.getFlashMap().get("problems");
    }

    private String page(MockHttpSession session, String path, String language) throws Exception {
        return mvc.perform(get(path).session(session).cookie(new Cookie("loa-lang", language))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
