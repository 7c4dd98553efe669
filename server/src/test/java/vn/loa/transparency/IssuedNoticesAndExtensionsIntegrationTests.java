package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.TestMail;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.calendar.CalendarAdministration;
import vn.loa.calendar.DayKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;

/**
 * What a requester was told stays true: an extended due date follows the calendar as an unextended one does (the day
 * it extends counted again when a day off is entered or withdrawn); a notice once issued says what it said then; a
 * withdrawal is recorded with how it came, told to the requester, and counted late when the request was overdue; what
 * Loa wrote in the history reads in the reader's language. The days are those of the review on the demo, December 2026.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class IssuedNoticesAndExtensionsIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final Actor ADMIN = new Actor("admin", null);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    @Autowired
    MockMvc mvc;

    @Autowired
    InformationRequests requests;

    @Autowired
    CalendarAdministration administration;

    @Autowired
    AuditTrail audit;

    @Autowired
    TestClock clock;

    private Instant real;

    @BeforeEach
    void atTheReview() {
        real = clock.instant();
        clock.set(OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, VIETNAM).toInstant());
    }

    @AfterEach
    void backToNow() {
        clock.set(real);
    }

    @Test
    void anExtendedDueDateIsCountedAgainFromTheDayItExtendsWheneverTheCalendarChanges() {
        // received Monday 07/12/2026, complex: 15 working days end on 28/12/2026
        InformationRequest early = submit("Hồ sơ giải phóng mặt bằng đường Hòn Bà EXTCAL-1", true, "hoa@example.vn");
        InformationRequest late = submit("Hồ sơ giải phóng mặt bằng đường Hòn Bà EXTCAL-2", true, "hoa@example.vn");
        assertThat(early.dueDate()).isEqualTo(LocalDate.of(2026, 12, 28));
        List<Long> entries = new ArrayList<>();
        try {
            // one extended before the day off is entered, one after; 15 calendar days from the day after the due date
            assertThat(extend(early, 15).dueDate()).isEqualTo(LocalDate.of(2027, 1, 12));
            long ninth = dayOff(LocalDate.of(2026, 12, 9), entries);
            assertThat(requests.get(early.id(), COORDINATOR).dueDate()).isEqualTo(LocalDate.of(2027, 1, 13));
            assertThat(requests.get(late.id(), COORDINATOR).dueDate()).isEqualTo(LocalDate.of(2026, 12, 29));
            assertThat(extend(late, 15).dueDate()).isEqualTo(LocalDate.of(2027, 1, 13));
            // the notice of extension is handed out (downloaded): it names 13/01/2027
            requests.notice(late.id(), InformationRequests.NoticeForm.EXTENSION, COORDINATOR);

            long twentyFirst = dayOff(LocalDate.of(2026, 12, 21), entries);
            assertThat(requests.get(late.id(), COORDINATOR).dueDate()).isEqualTo(LocalDate.of(2027, 1, 14));
            dayOff(LocalDate.of(2027, 1, 13), entries);
            administration.withdraw(ninth, "Nhập nhầm EXTCAL", ADMIN);
            administration.withdraw(twentyFirst, "Nhập nhầm EXTCAL", ADMIN);

            // the original due date is 28/12/2026 again, and both extensions count from it: 12/01/2027, not 14/01
            for (InformationRequest request : List.of(early, late)) {
                InformationRequest now = requests.get(request.id(), COORDINATOR);
                assertThat(now.dueDate()).isEqualTo(LocalDate.of(2027, 1, 12));
                assertThat(now.deadlineExplanation()).contains("Hạn cuối 12/01/2027: 15 ngày theo lịch tính từ ngày tiếp theo liền kề ngày 28/12/2026");
            }
            // a request whose notice of extension was never handed out has nothing to write again
            assertThat(requests.history(early.id(), COORDINATOR)).filteredOn(h -> h.action().equals("DEADLINE_MOVED"))
                    .extracting(InformationRequests.HistoryEntry::remark).isNotEmpty()
                    .noneMatch(remark -> remark.contains("mẫu 04"));
            // each move is in the request's history and the audit trail, as an unextended request's is
            assertThat(requests.history(late.id(), COORDINATOR)).filteredOn(h -> h.action().equals("DEADLINE_MOVED"))
                    .extracting(InformationRequests.HistoryEntry::remark)
                    .anySatisfy(remark -> assertThat(remark).startsWith("Hạn dời từ 13/01/2027 sang 14/01/2027 · Nhập ngày nghỉ ")
                            .endsWith(" · Thông báo gia hạn (mẫu 04) đã gửi người yêu cầu ghi hạn 13/01/2027, nay hạn là "
                                    + "14/01/2027: hãy báo lại cho họ bằng văn bản"))
                    .anySatisfy(remark -> assertThat(remark).startsWith("Hạn dời từ 14/01/2027 sang 12/01/2027 · Rút ngày nghỉ ").contains("Nhập nhầm EXTCAL"));
            assertThat(audit.newest(200, null)).filteredOn(r -> String.valueOf(late.id()).equals(r.targetId()))
                    .extracting(AuditRecord::action).contains("deadline.moved");
        } finally {
            for (long entry : entries) {
                administration.withdraw(entry, "Hết kiểm thử EXTCAL", ADMIN);
            }
        }
    }

    @Test
    void aReceiptAndANoticeOfHandlingSayWhatTheySaidWhenIssuedAfterAnExtension() throws Exception {
        MockHttpSession officer = signIn("officer");
        InformationRequest simple = submit("Báo cáo quyết toán trạm bơm Suối Dầu ISSUED-1", false, "hoa@example.vn");
        assertThat(simple.dueDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        byte[] receipt = document(simple.id(), "receipt", officer);
        assertThat(text(receipt)).contains("Thời hạn giải quyết: chậm nhất ngày 14/12/2026 (5 ngày làm việc");

        clock.set(OffsetDateTime.of(2026, 12, 9, 15, 0, 0, 0, VIETNAM).toInstant());
        assertThat(extend(simple, 10).dueDate()).isEqualTo(LocalDate.of(2026, 12, 24));
        // the receipt issued on 07/12 is the same document, the extension its own notice (form 04)
        assertThat(document(simple.id(), "receipt", officer)).isEqualTo(receipt);
        assertThat(text(document(simple.id(), "extension", officer))).contains("gia hạn đến hết ngày 24/12/2026");

        clock.set(OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, VIETNAM).toInstant());
        InformationRequest complex = submit("Hồ sơ quy hoạch khu dân cư Hòn Xện ISSUED-2", true, "hoa@example.vn");
        // a notice of handling not yet recorded as sent is a draft, and follows the request
        assertThat(text(document(complex.id(), "handling", officer))).contains("chậm nhất ngày 28/12/2026");
        requests.act(complex.id(), InformationRequests.Transition.noticeSent(null, NoticeMeans.POST, "Bưu gửi ISSUED-2"),
                COORDINATOR);
        byte[] handling = document(complex.id(), "handling", officer);
        clock.set(OffsetDateTime.of(2026, 12, 21, 9, 0, 0, 0, VIETNAM).toInstant());
        assertThat(extend(complex, 15).dueDate()).isEqualTo(LocalDate.of(2027, 1, 12));
        byte[] after = document(complex.id(), "handling", officer);
        assertThat(after).isEqualTo(handling);
        assertThat(text(after)).contains("chậm nhất ngày 28/12/2026").doesNotContain("12/01/2027");
    }

    @Test
    void aWithdrawalNeedsHowItCameIsMailedToTheRequesterAndAnOverdueOneCountsLate() throws Exception {
        InformationRequest overdue = submit("Biên bản thanh tra chợ Vĩnh Hải WITHDRAW-1", false, "hoa@example.vn");
        // past its due date (14/12/2026)
        clock.set(OffsetDateTime.of(2026, 12, 16, 9, 0, 0, 0, VIETNAM).toInstant());
        MockHttpSession officer = signIn("officer");
        InformationRequests.PeriodFigures before = figures();

        // no note: refused naming it, in the API and on the page
        mvc.perform(post("/api/v1/information-requests/" + overdue.id() + "/transitions").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"WITHDRAW\",\"note\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("note"));
        Document refused = Jsoup.parse(mvc.perform(post("/transparency/requests/" + overdue.id() + "/actions")
                        .param("action", "WITHDRAW").param("note", "").session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#problems li").eachAttr("data-field")).containsExactly("note");
        assertThat(refused.select("#problems li").text()).startsWith("Người yêu cầu rút thế nào: bắt buộc");
        assertThat(refused.select("#note-WITHDRAW").attr("aria-invalid")).isEqualTo("true");
        assertThat(requests.get(overdue.id(), COORDINATOR).status()).isEqualTo(RequestStatus.ACCEPTED);
        // what was typed in another action's form comes back with its message
        Document unchecked = Jsoup.parse(mvc.perform(post("/transparency/requests/" + overdue.id() + "/actions")
                        .param("action", "PROVIDE").param("answer", "Biên bản thanh tra kèm theo WITHDRAW-1")
                        .param("costVnd", "12000").param("note", "Đã xem lại").session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(unchecked.select("#problems li").eachAttr("data-field")).containsExactly("reviewed");
        assertThat(unchecked.select("#answer-PROVIDE").text()).isEqualTo("Biên bản thanh tra kèm theo WITHDRAW-1");
        assertThat(unchecked.select("#cost-PROVIDE").attr("value")).isEqualTo("12000");
        assertThat(unchecked.select("#note-PROVIDE").text()).isEqualTo("Đã xem lại");
        assertThat(unchecked.select("#note-WITHDRAW").text()).isEmpty();

        GreenMail smtp = TestMail.smtp();
        smtp.start();
        try {
            mvc.perform(post("/transparency/requests/" + overdue.id() + "/actions").param("action", "WITHDRAW")
                            .param("note", "Đơn rút ngày 15/12/2026, gọi điện xác nhận lúc 9 giờ")
                            .session(officer).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            MimeMessage told = mailTo(smtp, "hoa@example.vn", "Rút yêu cầu cung cấp thông tin số " + overdue.id());
            assertThat(told).isNotNull();
            assertThat(String.valueOf(told.getContent())).contains("Biên bản thanh tra chợ Vĩnh Hải WITHDRAW-1",
                    "Đơn rút ngày 15/12/2026, gọi điện xác nhận lúc 9 giờ");
        } finally {
            smtp.stop();
        }
        // it ended overdue: no longer open, but late
        InformationRequests.PeriodFigures after = figures();
        assertThat(after.overdue()).isEqualTo(before.overdue() - 1);
        assertThat(after.withdrawnLate()).isEqualTo(before.withdrawnLate() + 1);
        assertThat(after.answeredLate()).isEqualTo(before.answeredLate());
        mvc.perform(get("/api/v1/information-requests/figures").param("year", "2026").session(officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.withdrawnLate").isNumber());
        assertThat(page("/transparency", officer).select("#figures").text()).contains("Rút hoặc chuyển cơ quan khác khi đã quá hạn: ");

        // what Loa wrote in the history reads in the reader's language; the officer's words as typed
        String vietnamese = page("/transparency/requests/" + overdue.id(), officer).select("#history li").last().text();
        assertThat(vietnamese).contains("Đơn rút ngày 15/12/2026", "rút khi đã quá hạn (hạn 14/12/2026)", "đã gửi thư cho 1/1 người");
        String english = page("/transparency/requests/" + overdue.id() + "?lang=en", officer).select("#history li").last().text();
        assertThat(english).contains("recorded its withdrawal", "Đơn rút ngày 15/12/2026",
                "withdrawn when already overdue (due 14/12/2026)", "e-mail sent to 1 of 1 people")
                .doesNotContain("đã gửi thư", "quá hạn");
        mvc.perform(get("/api/v1/information-requests/" + overdue.id() + "/history").param("lang", "en").session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[-1].note").value("Đơn rút ngày 15/12/2026, gọi điện xác nhận lúc 9 giờ"))
                .andExpect(jsonPath("$[-1].remark").value(
                        "withdrawn when already overdue (due 14/12/2026) · e-mail sent to 1 of 1 people"));
    }

    @Test
    void aRequestWithdrawnInTimeIsNotLateAndOneWithoutAnEmailIsNotMailed() {
        InformationRequest onTime = submit("Kế hoạch nạo vét sông Cái WITHDRAW-2", false, null);
        InformationRequests.PeriodFigures before = figures();
        requests.act(onTime.id(), new InformationRequests.Transition(RequestAction.WITHDRAW, "Gọi điện rút lúc 10 giờ 07/12",
                null, null, null, null, null, null, null, null, null, null, null), COORDINATOR);
        InformationRequests.PeriodFigures after = figures();
        assertThat(after.withdrawnLate()).isEqualTo(before.withdrawnLate());
        assertThat(requests.history(onTime.id(), COORDINATOR).getLast().remark()).isNull();
    }

    // ---- helpers ----

    @Test
    void anOverdueRequestPassedToTheCompetentAgencyCountsLateInsteadOfNowhere() {
        InformationRequest overdue = submit("Quy hoạch bến cá Đông Hải TRANSFER-1", false, null);
        // past its due date (14/12/2026)
        clock.set(OffsetDateTime.of(2026, 12, 16, 9, 0, 0, 0, VIETNAM).toInstant());
        InformationRequests.PeriodFigures before = figures();
        requests.act(overdue.id(), new InformationRequests.Transition(RequestAction.TRANSFER, null, null, null,
                "Sở Giáo dục và Đào tạo", null, null, null, null, null, null, null, null, null, null), COORDINATOR);
        InformationRequests.PeriodFigures after = figures();
        assertThat(after.overdue()).isEqualTo(before.overdue() - 1);
        assertThat(after.withdrawnLate()).isEqualTo(before.withdrawnLate() + 1);

        // passed on in time, it is not late
        clock.set(OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, VIETNAM).toInstant());
        InformationRequest inTime = submit("Quy hoạch bến cá Đông Hải TRANSFER-2", false, null);
        InformationRequests.PeriodFigures then = figures();
        requests.act(inTime.id(), new InformationRequests.Transition(RequestAction.TRANSFER, null, null, null,
                "Sở Giáo dục và Đào tạo", null, null, null, null, null, null, null, null, null, null), COORDINATOR);
        assertThat(figures().withdrawnLate()).isEqualTo(then.withdrawnLate());
    }

    private InformationRequests.PeriodFigures figures() {
        LocalDate received = LocalDate.of(2026, 12, 7);
        return requests.figures(received, received, LocalDate.ofInstant(clock.instant(), VIETNAM), COORDINATOR);
    }

    private long dayOff(LocalDate day, List<Long> entries) {
        long id = administration.enter(new CalendarAdministration.EntryForm(day, DayKind.EXTRA_DAY_OFF,
                "Nghỉ bù kiểm thử EXTCAL", "Thông báo 12/TB-EXTCAL", null, null), ADMIN).id();
        entries.add(id);
        return id;
    }

    private InformationRequest extend(InformationRequest request, int days) {
        return requests.act(request.id(), new InformationRequests.Transition(RequestAction.EXTEND,
                "Cần lấy ý kiến Sở Tài nguyên và Môi trường", days, null, null, null, null, null, null, null, null, null, null),
                COORDINATOR).request();
    }

    private InformationRequest submit(String description, boolean complex, String email) {
        return requests.submit(new InformationRequests.Submission(Channel.POST,
                OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, VIETNAM), "SYT",
                new InformationRequests.Requester("Lê Thị Hoa", null, email, email == null ? "0905 111 222" : null, "Nha Trang"),
                description, "Tìm hiểu", null, complex, null, null), null);
    }

    private byte[] document(long id, String form, MockHttpSession session) throws Exception {
        return mvc.perform(get("/transparency/requests/" + id + "/documents/" + form + ".docx").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor words = new XWPFWordExtractor(document)) {
            return words.getText();
        }
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static MimeMessage mailTo(GreenMail smtp, String address, String subject) throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address) && subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(250);
        }
        return null;
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
