package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.PageRequest;

/**
 * Press enquiries through the API and the service on a real database: a journalist's question routed to the Department
 * of Health's spokesperson, drafted by the officer and approved by the spokesperson (never by the drafter), every
 * forbidden transition, who sees what, and the clock with an injected clock across the 30/4–1/5 holidays and a weekend,
 * its reminders and escalation; a journalist's request for crisis handling, which only the agency confirms (the crisis
 * limit then counting from the question) or declines with a reason the journalist reads.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PressEnquiriesIntegrationTests {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser SPOKESPERSON = new SignedInUser(6L, "spokesperson", "Người phát ngôn Sở Y tế", null,
            "SYT", Set.of(Role.SPOKESPERSON));
    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));

    @Autowired
    MockMvc mvc;

    @Autowired
    Enquiries enquiries;

    @Autowired
    TestClock clock;

    @Autowired
    Users users;

    @Autowired
    vn.loa.identity.ApiTokens tokens;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.loa.calendar.CalendarAdministration administration;

    @Autowired
    vn.loa.calendar.WorkingDays calendar;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theJournalistAsksTheSpokespersonApprovesTheOfficersDraftAndTheJournalistReadsTheAnswer() throws Exception {
        MockHttpSession press = signIn("press");
        String body = """
                {"agencyCode":"SYT","subject":"Quá tải bệnh viện tỉnh","question":"Vì sao bệnh nhân phải nằm ghép giường?"}""";
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/press/enquiries").session(press).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.channel").value("LOA"))
                .andExpect(jsonPath("$.journalistUsername").value("press"))
                .andExpect(jsonPath("$.spokespersonName").value("Trần Minh Đức"))
                .andExpect(jsonPath("$.timeLimit.legal").value(false))
                .andExpect(jsonPath("$.timeLimit.source").value(org.hamcrest.Matchers.containsString("Chưa kiểm chứng")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long id = created.get("id").asLong();

        MockHttpSession officer = signIn("officer");
        transition(officer, id, "{\"action\":\"DRAFT\",\"draft\":\"Bệnh viện đang mở thêm 120 giường.\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFTED"));
        // the journalist does not see the draft
        mvc.perform(get("/api/v1/press/enquiries/" + id).session(press)).andExpect(status().isOk())
                .andExpect(jsonPath("$.draft").doesNotExist()).andExpect(jsonPath("$.answer").doesNotExist());
        // an officer is not the approver
        transition(officer, id, "{\"action\":\"APPROVE\"}").andExpect(status().isForbidden());
        MockHttpSession spokesperson = signIn("spokesperson");
        transition(spokesperson, id, "{\"action\":\"APPROVE\",\"publish\":false}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.approvedBy").value("spokesperson"));
        mvc.perform(get("/api/v1/press/enquiries/" + id).session(press)).andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("Bệnh viện đang mở thêm 120 giường."))
                .andExpect(jsonPath("$.published").value(false));
        String page = mvc.perform(get("/press/enquiries/" + id).session(press)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Bệnh viện đang mở thêm 120 giường.", "Đã trả lời");
        // a private answer is not among the published ones
        assertThat(enquiries.publishedAnswers(100)).extracting(Enquiry::id).doesNotContain(id);
        assertThat(enquiries.history(id, COORDINATOR)).extracting(Enquiries.HistoryEntry::action)
                .containsExactly("RECEIVED", "DRAFT", "APPROVE");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE target_type = 'press-enquiry' AND target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theSpokespersonWhoDraftedCannotApproveAndAReturnedDraftGoesBackToReceived() throws Exception {
        Enquiry e = ask("Lịch tiêm chủng");
        MockHttpSession spokesperson = signIn("spokesperson");
        transition(spokesperson, e.id(), "{\"action\":\"DRAFT\",\"draft\":\"Tiêm vào ngày 25 hằng tháng.\"}")
                .andExpect(status().isOk());
        transition(spokesperson, e.id(), "{\"action\":\"APPROVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("không được tự duyệt")));
        assertThat(enquiries.actionsFor(enquiries.get(e.id(), SPOKESPERSON), SPOKESPERSON)).doesNotContain(EnquiryAction.APPROVE);
        // sending back needs a reason
        transition(spokesperson, e.id(), "{\"action\":\"RETURN\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("note"));
        transition(spokesperson, e.id(), "{\"action\":\"RETURN\",\"note\":\"Nêu rõ địa điểm\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        transition(spokesperson, e.id(), "{\"action\":\"FLY\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("action"));
        // the note between the spokesperson and the drafter is the agency's: its staff read it, the journalist not
        mvc.perform(get("/api/v1/press/enquiries/" + e.id() + "/history").session(spokesperson)).andExpect(status().isOk())
                .andExpect(jsonPath("$[2].note").value("Nêu rõ địa điểm"));
        mvc.perform(get("/api/v1/press/enquiries/" + e.id() + "/history").session(signIn("press")))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyActionTheStatusDoesNotAllowIsAConflict() throws Exception {
        for (EnquiryStatus status : EnquiryStatus.values()) {
            for (EnquiryAction action : EnquiryAction.values()) {
                if (action.allowedFrom(status)) {
                    continue;
                }
                Enquiry e = inStatus(status);
                assertThatThrownBy(() -> enquiries.act(e.id(), valid(action), status == EnquiryStatus.DRAFTED ? COORDINATOR
                        : SPOKESPERSON)).as(action + " from " + status).isInstanceOf(Conflict.class);
                assertThat(enquiries.get(e.id(), COORDINATOR).status()).isEqualTo(status);
            }
        }
        // and through the API: 409 with a problem body
        Enquiry answered = inStatus(EnquiryStatus.ANSWERED);
        transition(signIn("officer"), answered.id(), "{\"action\":\"WITHDRAW\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").exists());
    }

    @Test
    void aJournalistSeesOnlyTheirOwnQuestionsAndAnAgencyOnlyItsOwn() throws Exception {
        Enquiry mine = ask("Câu hỏi riêng của phóng viên " + System.nanoTime());
        if (users.findByUsername("press2").isEmpty()) {
            users.create(new Users.NewUser("press2", "Phóng viên thứ hai", "press2@example.vn", "mat-khau-kiem-thu",
                    Set.of(Role.PRESS), agencies.findByCode("BPTTH", LocalDate.now(VIETNAM)).orElseThrow().id()), Actor.SYSTEM);
        }
        MockHttpSession other = signIn("press2", "mat-khau-kiem-thu");
        mvc.perform(get("/api/v1/press/enquiries/" + mine.id()).session(other)).andExpect(status().isNotFound());
        mvc.perform(get("/press/enquiries/" + mine.id()).session(other)).andExpect(status().isNotFound());
        assertThat(ids(other)).doesNotContain(mine.id());
        assertThat(ids(signIn("press"))).contains(mine.id()).allSatisfy(id ->
                assertThat(enquiries.get(id, COORDINATOR).journalistUsername()).isEqualTo("press"));
        transition(other, mine.id(), "{\"action\":\"WITHDRAW\"}").andExpect(status().isNotFound());
        // another agency's officer neither sees nor acts
        MockHttpSession district = signIn("district");
        mvc.perform(get("/api/v1/press/enquiries/" + mine.id()).session(district)).andExpect(status().isNotFound());
        assertThat(ids(district)).doesNotContain(mine.id());
        assertThat(ids(signIn("officer"))).contains(mine.id()).allSatisfy(id ->
                assertThat(enquiries.get(id, COORDINATOR).agencyCode()).isEqualTo("SYT"));
        mvc.perform(get("/api/v1/press/enquiries/" + mine.id()).session(signIn("leader"))).andExpect(status().isOk());
        // an officer records questions for their own agency only
        mvc.perform(post("/api/v1/press/enquiries").session(district).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"agencyCode":"SYT","channel":"PHONE","journalistName":"Ai đó","contactPhone":"0905123456",
                                 "subject":"x","question":"y"}"""))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> enquiries.submit(new Enquiries.Question("STC", null, EnquiryChannel.PHONE, "A", null, null,
                "0905123456", "x", "y", null), OFFICER)).isInstanceOf(AccessDeniedException.class);
        // what is missing is named, each once
        mvc.perform(post("/api/v1/press/enquiries").session(signIn("officer")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyCode\":\"SYT\",\"channel\":\"LOA\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("channel",
                        "journalistName", "contact", "subject", "question")));
        // an agency's own system, by API token, sees that agency's questions only
        var token = tokens.issue("he-thong-syt-" + System.nanoTime(), agencies.findByCode("SYT", LocalDate.now(VIETNAM))
                .orElseThrow().id(), Actor.SYSTEM);
        JsonNode byToken = json.readTree(mvc.perform(get("/api/v1/press/enquiries").param("size", "200")
                        .header("Authorization", "Bearer " + token.secret())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(byToken.findValuesAsString("agencyCode")).isNotEmpty().containsOnly("SYT");
        var finance = tokens.issue("he-thong-stc-" + System.nanoTime(), agencies.findByCode("STC", LocalDate.now(VIETNAM))
                .orElseThrow().id(), Actor.SYSTEM);
        mvc.perform(get("/api/v1/press/enquiries/" + mine.id()).header("Authorization", "Bearer " + finance.secret()))
                .andExpect(status().isNotFound());
        // the journalist withdraws their own question; the answer gives them the question as they may see it, without
        // the agency's draft or who wrote it
        transition(signIn("officer"), mine.id(), "{\"action\":\"DRAFT\",\"draft\":\"Bản nháp nội bộ chưa duyệt.\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.draft").value("Bản nháp nội bộ chưa duyệt."));
        transition(signIn("press"), mine.id(), "{\"action\":\"WITHDRAW\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.draft").doesNotExist()).andExpect(jsonPath("$.draftedBy").doesNotExist());
    }

    @Test
    void theClockSkipsTheHolidaysAndTheWeekendRemindsOnTheDueDayAndEscalatesOnceAfter() {
        Instant real = clock.instant();
        try {
            // Wednesday 29/04/2026: 30/04 and 01/05 are holidays, then the weekend
            clock.set(OffsetDateTime.of(2026, 4, 29, 10, 0, 0, 0, VIETNAM).toInstant());
            Enquiry routine = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, null, null, null, null,
                    null, "Giá viện phí", "Giá viện phí mới áp dụng từ khi nào?", null), JOURNALIST);
            assertThat(routine.dueAt()).isEqualTo(OffsetDateTime.of(2026, 5, 5, 23, 59, 0, 0, VIETNAM).toInstant());
            assertThat(routine.timeLimit().unit()).isEqualTo(TimeLimitUnit.WORKING_DAYS);
            // a crisis question an officer takes by phone on Friday evening is due on Saturday evening
            clock.set(OffsetDateTime.of(2026, 5, 8, 17, 0, 0, 0, VIETNAM).toInstant());
            Enquiry crisis = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.CRISIS, EnquiryChannel.PHONE,
                    "Phóng viên Báo tỉnh", null, null, "0905123456", "Ngộ độc thực phẩm", "Bao nhiêu người phải nhập viện?",
                    null), OFFICER);
            assertThat(crisis.kind()).isEqualTo(EnquiryKind.CRISIS);
            assertThat(crisis.crisisRequest()).as("an official's own choice, no request").isNull();
            assertThat(crisis.dueAt()).isEqualTo(OffsetDateTime.of(2026, 5, 9, 17, 0, 0, 0, VIETNAM).toInstant());

            clock.set(OffsetDateTime.of(2026, 5, 5, 9, 0, 0, 0, VIETNAM).toInstant());
            enquiries.remind();
            assertThat(actions(routine)).containsOnlyOnce("REMINDED").doesNotContain("ESCALATED");
            assertThat(enquiries.get(routine.id(), COORDINATOR).overdue(clock.instant())).isFalse();
            clock.advance(Duration.ofDays(1));
            enquiries.remind();
            enquiries.remind();
            assertThat(actions(routine)).containsOnlyOnce("REMINDED").containsOnlyOnce("ESCALATED");
            assertThat(enquiries.get(routine.id(), COORDINATOR).overdue(clock.instant())).isTrue();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_record WHERE action = 'press-enquiry.escalated' AND target_id = ?""")
                    .param(String.valueOf(routine.id())).query(Long.class).single()).isEqualTo(1);
            // an answered question is neither reminded of nor escalated
            enquiries.act(crisis.id(), new Enquiries.Transition(EnquiryAction.DRAFT, "Chín người nhập viện.", null, null, null),
                    OFFICER);
            enquiries.act(crisis.id(), new Enquiries.Transition(EnquiryAction.APPROVE, null, null, true, null), SPOKESPERSON);
            clock.set(OffsetDateTime.of(2026, 5, 12, 9, 0, 0, 0, VIETNAM).toInstant());
            enquiries.remind();
            assertThat(actions(crisis)).doesNotContain("REMINDED", "ESCALATED");
            assertThat(enquiries.publishedAnswers(100)).extracting(Enquiry::id).contains(crisis.id());
        } finally {
            clock.set(real);
        }
    }

    @Test
    void aPublishedAnswerIsLinkedOnlyForThoseWhoMayOpenItsEnquiry() throws Exception {
        Enquiry asked = ask("Câu trả lời đã công bố cho xã đọc");
        enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.DRAFT, "Đã có kết quả xét nghiệm.", null, null, null),
                OFFICER);
        enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.APPROVE, null, null, true, null), SPOKESPERSON);
        String link = "a[href=/press/enquiries/" + asked.id() + "]";
        // a commune's officer reads the answer in the list: a link would lead to "not found"
        org.jsoup.nodes.Document commune = org.jsoup.Jsoup.parse(mvc.perform(get("/press").session(signIn("xa-bac-ai-tay")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(commune.select("#published-answers").text()).contains("Câu trả lời đã công bố cho xã đọc");
        assertThat(commune.select("#published-answers " + link)).isEmpty();
        mvc.perform(get("/press/enquiries/" + asked.id()).session(signIn("xa-bac-ai-tay")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        // the agency's staff and the province's desk open it
        for (String user : java.util.List.of("officer", "coordinator")) {
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/press").session(signIn(user)))
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.select("#published-answers " + link)).as(user).hasSize(1);
        }
        // the answered enquiry still says when it was due, and that the answer met it
        org.jsoup.nodes.Document answered = org.jsoup.Jsoup.parse(mvc.perform(get("/press/enquiries/" + asked.id())
                .session(signIn("officer"))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answered.select("#due").text()).startsWith("Hạn trả lời: ").endsWith(", đúng hạn.");
    }

    @Test
    void anOfficersOwnAgencyIsAlreadyChosenWhenTheyRecordAQuestionAndNobodyElsesIs() throws Exception {
        org.jsoup.nodes.Document officer = org.jsoup.Jsoup.parse(mvc.perform(get("/press/enquiries/new").session(signIn("officer")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(officer.select("#agencyCode option[selected]").eachAttr("value")).containsExactly("SYT");
        org.jsoup.nodes.Document coordinator = org.jsoup.Jsoup.parse(mvc.perform(get("/press/enquiries/new")
                .session(signIn("coordinator"))).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(coordinator.select("#agencyCode option[selected]")).isEmpty();
    }

    @Test
    void anOfficerWhoTransfersAQuestionReturnsToTheListToldWhereItWentNotToANotFoundPage() throws Exception {
        Enquiry asked = ask("Câu hỏi thuộc Sở Công Thương");
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/press/enquiries/" + asked.id() + "/actions").session(officer).with(csrf())
                        .param("action", "TRANSFER").param("transferTo", "SCT").param("note", "Thuộc lĩnh vực công thương"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/press"));
        org.jsoup.nodes.Document list = org.jsoup.Jsoup.parse(mvc.perform(get("/press").session(officer)).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(list.select("#action-done").text())
                .isEqualTo("Đã chuyển câu hỏi số " + asked.id() + " cho Sở Công Thương; từ nay cơ quan đó trả lời và theo dõi câu hỏi này.");
        // the province's desk still opens it, and is taken back to it
        Enquiry back = ask("Câu hỏi điều phối chuyển tiếp");
        mvc.perform(post("/press/enquiries/" + back.id() + "/actions").session(signIn("coordinator")).with(csrf())
                        .param("action", "TRANSFER").param("transferTo", "SCT"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/press/enquiries/" + back.id()));
    }

    @Test
    void aDraftChangedAfterThePageWasOpenedIsNeitherApprovedNorWrittenOver() {
        Enquiry asked = ask("Dự thảo thay đổi giữa chừng");
        enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.DRAFT, "Bản A của cán bộ.", null, null, null,
                Enquiries.draftMark(null)), OFFICER);
        // the spokesperson opens the page on draft A; the officer then saves draft B
        String seenByTheSpokesperson = Enquiries.draftMark("Bản A của cán bộ.");
        enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.DRAFT, "Bản B chưa ai đọc.", null, null, null,
                seenByTheSpokesperson), OFFICER);
        // approving from the page that showed A would send B, unread: refused, nothing sent
        assertThatThrownBy(() -> enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.APPROVE, null, null, true,
                null, seenByTheSpokesperson), SPOKESPERSON))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.messageKey()).isEqualTo("press.error.draft-changed"));
        // nor does a draft typed on that page write over B unknowingly
        assertThatThrownBy(() -> enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.DRAFT, "Bản C.", null, null,
                null, seenByTheSpokesperson), SPOKESPERSON)).isInstanceOf(Conflict.class);
        Enquiry unchanged = enquiries.get(asked.id(), COORDINATOR);
        assertThat(unchanged.draft()).isEqualTo("Bản B chưa ai đọc.");
        assertThat(unchanged.answer()).isNull();
        // read again, B is approved
        enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.APPROVE, null, null, false, null,
                Enquiries.draftMark(unchanged.draft())), SPOKESPERSON);
        assertThat(enquiries.get(asked.id(), COORDINATOR).answer()).isEqualTo("Bản B chưa ai đọc.");
    }

    @Test
    void aDayOffEnteredWhileAQuestionWaitsMovesItsDueTimeAndSaysWhyUntilItIsAnswered() {
        Enquiry asked = ask("Ngày nghỉ đột xuất");
        Enquiry answered = ask("Đã trả lời trước ngày nghỉ");
        enquiries.act(answered.id(), valid(EnquiryAction.DRAFT), OFFICER);
        enquiries.act(answered.id(), valid(EnquiryAction.APPROVE), SPOKESPERSON);
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        LocalDate firstWorkingDay = calendar.add(today, 1, vn.loa.calendar.PeriodUnit.WORKING_DAYS, "SYT").date();
        LocalDate lastDay = LocalDate.ofInstant(asked.dueAt(), VIETNAM);
        LocalDate oneMore = calendar.add(lastDay, 1, vn.loa.calendar.PeriodUnit.WORKING_DAYS, "SYT").date();
        var entry = administration.enter(new vn.loa.calendar.CalendarAdministration.EntryForm(firstWorkingDay,
                vn.loa.calendar.DayKind.EXTRA_DAY_OFF, "Nghỉ đột xuất (kiểm thử báo chí)", "Thông báo 15/TB-TEST", null, null),
                new Actor("admin", null));
        try {
            assertThat(LocalDate.ofInstant(enquiries.get(asked.id(), COORDINATOR).dueAt(), VIETNAM)).isEqualTo(oneMore);
            assertThat(enquiries.history(asked.id(), COORDINATOR)).anySatisfy(h -> {
                assertThat(h.action()).isEqualTo("DEADLINE_MOVED");
                assertThat(h.actor()).isEqualTo("admin");
                // the calendar's change as a message key, read in the reader's language
                assertThat(h.parts()).anySatisfy(part -> {
                    assertThat(part.key()).isEqualTo("calendar.change.entered.EXTRA_DAY_OFF");
                    assertThat(part.args()).contains("Nghỉ đột xuất (kiểm thử báo chí)", "Thông báo 15/TB-TEST");
                });
            });
            assertThat(enquiries.get(answered.id(), COORDINATOR).dueAt()).as("an answered question keeps its due time")
                    .isEqualTo(answered.dueAt());
        } finally {
            administration.withdraw(entry.id(), "Hết kiểm thử", new Actor("admin", null));
        }
        assertThat(enquiries.get(asked.id(), COORDINATOR).dueAt()).isEqualTo(asked.dueAt());
    }

    @Test
    void anAdministratorEntersALaterRuleWithItsSourceAndEarlierQuestionsKeepTheirs() throws Exception {
        MockHttpSession admin = signIn("admin");
        mvc.perform(post("/api/v1/admin/press-time-limits").session(signIn("coordinator")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/press-time-limits").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\":\"2017-01-01\",\"kind\":\"ROUTINE\",\"amount\":0,\"unit\":\"DAYS\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("unit")));
        mvc.perform(post("/api/v1/admin/press-time-limits").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\":\"2017-01-01\",\"kind\":\"ROUTINE\",\"amount\":0,\"unit\":\"HOURS\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("validFrom", "amount", "source")));
        mvc.perform(post("/api/v1/admin/press-time-limits").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"validFrom":"2090-01-01","kind":"ROUTINE","amount":3,"unit":"WORKING_DAYS","legal":true,
                                 "source":"Nghị định giả định cho kiểm thử, Điều 6"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.legal").value(true));
        TimeLimit later = enquiries.timeLimit(EnquiryKind.ROUTINE, LocalDate.of(2090, 1, 2));
        assertThat(later.amount()).isEqualTo(3);
        assertThat(later.source()).isEqualTo("Nghị định giả định cho kiểm thử, Điều 6");
        TimeLimit now = enquiries.timeLimit(EnquiryKind.ROUTINE, LocalDate.now(VIETNAM));
        assertThat(now.amount()).isEqualTo(2);
        assertThat(now.legal()).isFalse();
        assertThat(now.validTo()).isEqualTo(LocalDate.of(2089, 12, 31));
        assertThat(ask("Sau khi có quy định mới").timeLimit().id()).isEqualTo(now.id());
    }

    @Test
    void aJournalistWhoMarksAQuestionUrgentAsksForCrisisHandlingButGetsARoutineQuestion() throws Exception {
        MockHttpSession press = signIn("press");
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/press/enquiries").session(press).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"agencyCode":"SYT","kind":"CRISIS","subject":"Cháy chợ trung tâm (đề nghị khẩn)",
                                 "question":"Có bao nhiêu tiểu thương bị thiệt hại?"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ROUTINE"))
                .andExpect(jsonPath("$.timeLimit.kind").value("ROUTINE"))
                .andExpect(jsonPath("$.timeLimit.unit").value("WORKING_DAYS"))
                .andExpect(jsonPath("$.crisisRequest.requestedAt").exists())
                .andExpect(jsonPath("$.crisisRequest.decision").doesNotExist())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long id = created.get("id").asLong();
        Enquiry asked = enquiries.get(id, COORDINATOR);
        assertThat(asked.crisisRequestPending()).isTrue();
        assertThat(jdbc.sql("SELECT details FROM audit_record WHERE action = 'press-enquiry.received' AND target_id = ?")
                .param(String.valueOf(id)).query(String.class).single()).contains("\"crisisRequested\":true");

        // the journalist cannot decide it, through the API nor by the service
        assertThat(enquiries.actionsFor(enquiries.get(id, JOURNALIST), JOURNALIST))
                .doesNotContain(EnquiryAction.CONFIRM_CRISIS, EnquiryAction.DECLINE_CRISIS);
        transition(press, id, "{\"action\":\"CONFIRM_CRISIS\"}").andExpect(status().isForbidden());
        assertThatThrownBy(() -> enquiries.act(id, new Enquiries.Transition(EnquiryAction.CONFIRM_CRISIS, null, null, null,
                null), JOURNALIST)).isInstanceOf(AccessDeniedException.class);
        assertThat(enquiries.get(id, COORDINATOR).kind()).isEqualTo(EnquiryKind.ROUTINE);
        assertThat(enquiries.get(id, COORDINATOR).dueAt()).isEqualTo(asked.dueAt());
        // the agency's officers and spokesperson may
        assertThat(enquiries.actionsFor(asked, OFFICER)).contains(EnquiryAction.CONFIRM_CRISIS, EnquiryAction.DECLINE_CRISIS);
        assertThat(enquiries.actionsFor(asked, SPOKESPERSON)).contains(EnquiryAction.CONFIRM_CRISIS,
                EnquiryAction.DECLINE_CRISIS);

        // a question without a request has nothing to confirm
        Enquiry plain = ask("Không đề nghị khẩn");
        assertThat(plain.crisisRequest()).isNull();
        assertThat(enquiries.actionsFor(plain, OFFICER)).doesNotContain(EnquiryAction.CONFIRM_CRISIS,
                EnquiryAction.DECLINE_CRISIS);
        transition(signIn("officer"), plain.id(), "{\"action\":\"CONFIRM_CRISIS\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("tải lại trang")));
        assertThat(enquiries.get(plain.id(), COORDINATOR).kind()).isEqualTo(EnquiryKind.ROUTINE);
    }

    @Test
    void anOfficialConfirmsTheRequestAndTheCrisisLimitCountsFromTheQuestionNotFromTheConfirmation() {
        Instant real = clock.instant();
        try {
            // Friday 08/05/2026, 17:00: the routine limit would run to Tuesday 12/05
            Instant asked = OffsetDateTime.of(2026, 5, 8, 17, 0, 0, 0, VIETNAM).toInstant();
            clock.set(asked);
            Enquiry poisoning = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.CRISIS, null, null, null, null,
                    null, "Ngộ độc ở bếp ăn khu công nghiệp", "Bao nhiêu công nhân phải cấp cứu?", null), JOURNALIST);
            Enquiry flood = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.CRISIS, null, null, null, null,
                    null, "Nước ngập bệnh viện huyện", "Bệnh nhân đã được chuyển đi đâu?", null), JOURNALIST);
            assertThat(poisoning.kind()).isEqualTo(EnquiryKind.ROUTINE);
            assertThat(poisoning.dueAt()).isEqualTo(OffsetDateTime.of(2026, 5, 12, 23, 59, 0, 0, VIETNAM).toInstant());

            // confirmed on Saturday morning: due 24 hours after the question, Saturday 17:00, not Sunday 10:00
            clock.set(OffsetDateTime.of(2026, 5, 9, 10, 0, 0, 0, VIETNAM).toInstant());
            Enquiry confirmed = enquiries.act(poisoning.id(), new Enquiries.Transition(EnquiryAction.CONFIRM_CRISIS, null,
                    "Sự cố ngộ độc tập thể", null, null), SPOKESPERSON);
            assertThat(confirmed.kind()).isEqualTo(EnquiryKind.CRISIS);
            assertThat(confirmed.status()).isEqualTo(EnquiryStatus.RECEIVED);
            assertThat(confirmed.timeLimit().kind()).isEqualTo(EnquiryKind.CRISIS);
            assertThat(confirmed.timeLimit().unit()).isEqualTo(TimeLimitUnit.HOURS);
            assertThat(confirmed.dueAt()).isEqualTo(asked.plus(Duration.ofHours(24)));
            assertThat(confirmed.overdue(clock.instant())).isFalse();
            assertThat(confirmed.crisisRequest().decision()).isEqualTo(CrisisRequest.Decision.CONFIRMED);
            assertThat(confirmed.crisisRequest().decidedBy()).isEqualTo("spokesperson");
            assertThat(confirmed.crisisRequest().decidedAt()).isEqualTo(clock.instant());
            assertThat(confirmed.crisisRequest().requestedAt()).isEqualTo(asked);
            // the routine working-day deadline stopped: a day off no longer moves the crisis due time
            assertThat(jdbc.sql("SELECT deadline_id FROM press_enquiry WHERE id = ?").param(poisoning.id())
                    .query(Long.class).optional()).isEmpty();
            assertThat(jdbc.sql("SELECT bool_or(running) FROM deadline WHERE owner_type = 'press-enquiry' AND owner_id = ?")
                    .param(String.valueOf(poisoning.id())).query(Boolean.class).single()).isFalse();
            assertThat(actions(poisoning)).containsExactly("RECEIVED", "CONFIRM_CRISIS");
            assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target_type = 'press-enquiry' AND target_id = ? ORDER BY id")
                    .param(String.valueOf(poisoning.id())).query(String.class).list())
                    .containsExactly("press-enquiry.received", "press-enquiry.crisis-confirmed");

            // the page that still offered it is stale: a second decision is a conflict and changes nothing
            assertThat(enquiries.actionsFor(confirmed, OFFICER)).doesNotContain(EnquiryAction.CONFIRM_CRISIS,
                    EnquiryAction.DECLINE_CRISIS);
            assertThatThrownBy(() -> enquiries.act(poisoning.id(), new Enquiries.Transition(EnquiryAction.DECLINE_CRISIS,
                    null, "Không phải khủng hoảng", null, null), OFFICER)).isInstanceOf(Conflict.class);
            assertThatThrownBy(() -> enquiries.act(poisoning.id(), new Enquiries.Transition(EnquiryAction.CONFIRM_CRISIS,
                    null, null, null, null), OFFICER)).isInstanceOf(Conflict.class);
            assertThat(enquiries.get(poisoning.id(), COORDINATOR).crisisRequest().decidedBy()).isEqualTo("spokesperson");

            // confirmed on Sunday, past the 24 hours from the question: overdue at once
            clock.set(OffsetDateTime.of(2026, 5, 10, 9, 0, 0, 0, VIETNAM).toInstant());
            Enquiry late = enquiries.act(flood.id(), new Enquiries.Transition(EnquiryAction.CONFIRM_CRISIS, null, null, null,
                    null), OFFICER);
            assertThat(late.dueAt()).isEqualTo(asked.plus(Duration.ofHours(24)));
            assertThat(late.overdue(clock.instant())).isTrue();
        } finally {
            clock.set(real);
        }
    }

    @Test
    void aDeclinedRequestStaysRoutineAndTheJournalistReadsWhy() throws Exception {
        MockHttpSession press = signIn("press");
        long id = json.readTree(mvc.perform(post("/api/v1/press/enquiries").session(press).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"agencyCode":"SYT","kind":"crisis","subject":"Giá khẩu trang tăng (đề nghị khẩn)",
                                 "question":"Sở có kiểm tra các nhà thuốc không?"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("id").asLong();
        Enquiry asked = enquiries.get(id, COORDINATOR);
        MockHttpSession officer = signIn("officer");
        // the journalist reads the reason: it must be given, and short
        transition(officer, id, "{\"action\":\"DECLINE_CRISIS\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("note"));
        transition(officer, id, "{\"action\":\"DECLINE_CRISIS\",\"note\":\"" + "x".repeat(501) + "\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("note"));
        String reason = "Giá một mặt hàng tăng không phải sự cố bất ngờ; Sở trả lời trong thời hạn thường xuyên.";
        transition(officer, id, "{\"action\":\"DECLINE_CRISIS\",\"note\":\"" + reason + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ROUTINE"))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.crisisRequest.decision").value("DECLINED"))
                .andExpect(jsonPath("$.crisisRequest.decidedBy").value("officer"));
        assertThat(enquiries.get(id, COORDINATOR).dueAt()).isEqualTo(asked.dueAt());
        assertThat(enquiries.get(id, COORDINATOR).timeLimit().id()).isEqualTo(asked.timeLimit().id());

        // the journalist reads the decision and why, not who made it
        mvc.perform(get("/api/v1/press/enquiries/" + id).session(press)).andExpect(status().isOk())
                .andExpect(jsonPath("$.crisisRequest.decision").value("DECLINED"))
                .andExpect(jsonPath("$.crisisRequest.reason").value(reason))
                .andExpect(jsonPath("$.crisisRequest.decidedBy").doesNotExist());
        String page = mvc.perform(get("/press/enquiries/" + id).session(press)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("#crisis-decline-reason").text()).isEqualTo(reason);
        assertThat(org.jsoup.Jsoup.parse(page).select("#crisis-request-state").text()).contains("không chấp nhận");

        assertThat(jdbc.sql("SELECT details FROM audit_record WHERE action = 'press-enquiry.crisis-declined' AND target_id = ?")
                .param(String.valueOf(id)).query(String.class).single()).contains(reason);
        // decided: neither confirmed afterwards nor declined twice
        transition(signIn("spokesperson"), id, "{\"action\":\"CONFIRM_CRISIS\"}").andExpect(status().isConflict());
        assertThat(enquiries.get(id, COORDINATOR).kind()).isEqualTo(EnquiryKind.ROUTINE);
    }

    @Test
    void anOfficialOfAnotherAgencyCannotDecideTheRequestNorCanALeaderWhoOnlyReads() throws Exception {
        Enquiry asked = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.CRISIS, null, null, null, null, null,
                "Sạt lở đường lên trạm y tế xã", "Trạm y tế còn tiếp nhận bệnh nhân không?", null), JOURNALIST);
        String confirm = "{\"action\":\"CONFIRM_CRISIS\"}";
        transition(signIn("district"), asked.id(), confirm).andExpect(status().isNotFound());
        transition(signIn("leader"), asked.id(), confirm).andExpect(status().isForbidden());
        var finance = tokens.issue("he-thong-stc-khung-hoang-" + System.nanoTime(), agencies.findByCode("STC",
                LocalDate.now(VIETNAM)).orElseThrow().id(), Actor.SYSTEM);
        mvc.perform(post("/api/v1/press/enquiries/" + asked.id() + "/transitions").with(csrf())
                .header("Authorization", "Bearer " + finance.secret()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"DECLINE_CRISIS\",\"note\":\"Không phải\"}")).andExpect(status().isNotFound());
        SignedInUser financeOfficer = new SignedInUser(null, "officer-stc", "Cán bộ Sở Tài chính", null, "STC",
                Set.of(Role.OFFICER));
        assertThatThrownBy(() -> enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.CONFIRM_CRISIS, null, null,
                null, null), financeOfficer)).isInstanceOf(vn.loa.shared.NotFound.class);
        Enquiry still = enquiries.get(asked.id(), COORDINATOR);
        assertThat(still.kind()).isEqualTo(EnquiryKind.ROUTINE);
        assertThat(still.crisisRequestPending()).isTrue();
    }

    private java.util.List<String> actions(Enquiry e) {
        return enquiries.history(e.id(), COORDINATOR).stream().map(Enquiries.HistoryEntry::action).toList();
    }

    private Enquiry ask(String subject) {
        return enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, null, null, null, null, null, subject,
                "Xin Sở cho biết thông tin.", null), JOURNALIST);
    }

    /** A new enquiry, brought to the status by the actions that lead there. */
    private Enquiry inStatus(EnquiryStatus status) {
        Enquiry e = ask("Kiểm thử trạng thái " + status);
        switch (status) {
            case RECEIVED -> { }
            case DRAFTED -> enquiries.act(e.id(), valid(EnquiryAction.DRAFT), OFFICER);
            case ANSWERED -> {
                enquiries.act(e.id(), valid(EnquiryAction.DRAFT), OFFICER);
                enquiries.act(e.id(), valid(EnquiryAction.APPROVE), SPOKESPERSON);
            }
            case WITHDRAWN -> enquiries.act(e.id(), valid(EnquiryAction.WITHDRAW), OFFICER);
        }
        assertThat(enquiries.get(e.id(), COORDINATOR).status()).isEqualTo(status);
        return e;
    }

    private static Enquiries.Transition valid(EnquiryAction action) {
        return new Enquiries.Transition(action, "Dự thảo trả lời.", "Ghi chú", false, "STC");
    }

    private java.util.List<Long> ids(MockHttpSession session) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/press/enquiries").param("size", "200").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        java.util.List<Long> ids = new java.util.ArrayList<>();
        list.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private org.springframework.test.web.servlet.ResultActions transition(MockHttpSession session, long id, String body)
            throws Exception {
        return mvc.perform(post("/api/v1/press/enquiries/" + id + "/transitions").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return signIn(username, "loa-demo");
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password)).andReturn()
                .getRequest().getSession(false);
    }
}
