package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.MessagePart;

/**
 * Withdrawing a press question on a real database: the journalist takes back their own freely; the agency's staff record
 * a withdrawal only with a reason, which the journalist reads on their page and in an e-mail (a real SMTP server,
 * GreenMail), which the history and the audit trail say the agency recorded, and which does not excuse a late question in
 * the compliance figures and their XLSX. The history reads in the reader's language, old Vietnamese notes included.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PressWithdrawalIntegrationTests {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));

    @Autowired
    MockMvc mvc;

    @Autowired
    Enquiries enquiries;

    @Autowired
    Obligations obligations;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAgencyWithdrawsAJournalistsQuestionOnlyWithAReasonTheJournalistReadsAndReceivesByMail() throws Exception {
        String subject = "Rút hộ câu hỏi về vắc xin " + System.nanoTime();
        Enquiry asked = ask(subject);
        MockHttpSession officer = signIn("officer");
        // no reason: refused, the field named, in the API and on the page, and nothing changes
        transition(officer, asked.id(), "{\"action\":\"WITHDRAW\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("note"));
        mvc.perform(post("/press/enquiries/" + asked.id() + "/actions").session(officer).with(csrf())
                        .param("action", "WITHDRAW").param("note", " "))
                .andExpect(r -> assertThat(problems(r)).extracting(InvalidInput::field).containsExactly("note"));
        String tooLong = "Lý do dài ".repeat(60);
        mvc.perform(post("/press/enquiries/" + asked.id() + "/actions").session(officer).with(csrf())
                        .param("action", "WITHDRAW").param("note", tooLong))
                .andExpect(r -> assertThat(problems(r)).extracting(InvalidInput::messageKey)
                        .containsExactly("press.error.withdraw-reason"))
                .andExpect(r -> assertThat(r.getFlashMap().get("typedNote")).isEqualTo(tooLong));
        assertThat(enquiries.get(asked.id(), COORDINATOR).status()).isEqualTo(EnquiryStatus.RECEIVED);
        assertThat(page(officer, asked.id(), "vi")).contains("Lý do rút câu hỏi (phóng viên sẽ đọc)");

        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            transition(officer, asked.id(), """
                    {"action":"WITHDRAW","note":"Phóng viên gọi điện đề nghị rút <b>câu hỏi</b>"}""")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"))
                    .andExpect(jsonPath("$.withdrawal.byAgency").value(true));
            MimeMessage message = vn.loa.TestMail.received(smtp, "press@demo.loa.local", subject);
            assertThat(message).as("the journalist's e-mail").isNotNull();
            assertThat(message.getSubject()).contains("được cơ quan rút");
            assertThat((String) message.getContent()).contains("Lý do: Phóng viên gọi điện đề nghị rút <b>câu hỏi</b>",
                    "/press/enquiries/" + asked.id());
        } finally {
            smtp.stop();
        }

        // the journalist reads that the agency withdrew it, and why, not "withdrawn" as if they had
        MockHttpSession press = signIn("press");
        mvc.perform(get("/api/v1/press/enquiries/" + asked.id()).session(press)).andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawal.byAgency").value(true))
                .andExpect(jsonPath("$.withdrawal.reason").value("Phóng viên gọi điện đề nghị rút <b>câu hỏi</b>"));
        String journalistPage = page(press, asked.id(), "vi");
        assertThat(journalistPage).contains("Cơ quan đã ghi nhận rút câu hỏi này",
                "Phóng viên gọi điện đề nghị rút &lt;b&gt;câu hỏi&lt;/b&gt;").doesNotContain("<b>câu hỏi</b>");
        assertThat(page(press, asked.id(), "en")).contains("The agency recorded the withdrawal of this question");
        // the history and the audit trail say the agency did it
        List<Enquiries.HistoryEntry> history = enquiries.history(asked.id(), COORDINATOR);
        assertThat(history.getLast().action()).isEqualTo("WITHDRAW_BY_AGENCY");
        assertThat(history.getLast().note()).isEqualTo("Phóng viên gọi điện đề nghị rút <b>câu hỏi</b>");
        assertThat(history.getLast().parts()).extracting(MessagePart::key).containsExactly("press.mail.sent");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'press-enquiry.withdrawn-by-agency'"
                + " AND target_id = ?").param(String.valueOf(asked.id())).query(Long.class).single()).isEqualTo(1);
        assertThat(page(officer, asked.id(), "en")).contains("Withdrawal recorded by the agency", "e-mailed 1 of 1 people");
    }

    @Test
    void aJournalistWithdrawsTheirOwnQuestionWithoutAReason() throws Exception {
        Enquiry asked = ask("Câu hỏi tự rút " + System.nanoTime());
        transition(signIn("press"), asked.id(), "{\"action\":\"WITHDRAW\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawal.byAgency").value(false))
                .andExpect(jsonPath("$.withdrawal.reason").doesNotExist());
        assertThat(enquiries.history(asked.id(), COORDINATOR).getLast().action()).isEqualTo("WITHDRAW");
        assertThat(page(signIn("press"), asked.id(), "vi")).contains("Phóng viên đã rút câu hỏi lúc");
        // a question an officer recorded from a phone call is withdrawn by the agency: with a reason too
        Enquiry phoned = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, EnquiryChannel.PHONE,
                "Lê Văn Gọi", "Báo Kiểm Thử", null, "0905000222", "Câu hỏi ghi nhầm " + System.nanoTime(), "Hỏi gì đó?", null),
                OFFICER);
        assertThatThrownBy(() -> enquiries.act(phoned.id(), new Enquiries.Transition(EnquiryAction.WITHDRAW, null, null,
                null, null), OFFICER)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aQuestionTheAgencyWithdrawsAfterItsDueTimeStillCountsAsLateOnTheComplianceFiguresAndTheirSpreadsheet()
            throws Exception {
        Instant real = clock.instant();
        try {
            // Monday 04/04/2033, a quarter no other test counts in
            clock.set(OffsetDateTime.of(2033, 4, 4, 9, 0, 0, 0, VIETNAM).toInstant());
            Enquiry byAgency = ask("Câu hỏi rút trễ hạn " + System.nanoTime());
            Enquiry byJournalist = ask("Câu hỏi phóng viên rút trễ hạn " + System.nanoTime());
            Enquiry inTime = ask("Câu hỏi rút trong hạn " + System.nanoTime());
            enquiries.act(inTime.id(), new Enquiries.Transition(EnquiryAction.WITHDRAW, null, "Ghi nhầm cơ quan", null, null),
                    OFFICER);
            clock.advance(Duration.ofDays(10));
            LocalDate from = LocalDate.of(2033, 4, 1);
            LocalDate to = LocalDate.of(2033, 6, 30);
            Obligations.PeriodFigures before = obligations.figures(from, to, COORDINATOR);

            Enquiry withdrawn = enquiries.act(byAgency.id(), new Enquiries.Transition(EnquiryAction.WITHDRAW, null,
                    "Phóng viên không cần câu trả lời nữa", null, null), OFFICER);
            assertThat(withdrawn.withdrawal().late()).isTrue();
            Obligations.PeriodFigures after = obligations.figures(from, to, COORDINATOR);
            assertThat(after.late()).as("a late question the agency withdrew still counts as late").isEqualTo(before.late());
            assertThat(after.withdrawnByAgency()).isEqualTo(before.withdrawnByAgency() + 1);

            enquiries.act(byJournalist.id(), new Enquiries.Transition(EnquiryAction.WITHDRAW, null, null, null, null),
                    JOURNALIST);
            Obligations.PeriodFigures last = obligations.figures(from, to, COORDINATOR);
            assertThat(last.late()).as("the journalist's own withdrawal is not the agency's delay").isEqualTo(after.late() - 1);

            MockHttpSession coordinator = signIn("coordinator");
            String page = mvc.perform(get("/press/compliance").param("year", "2033").param("quarter", "2").session(coordinator)
                            .cookie(new Cookie("loa-lang", "en"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("id=\"figure-late\">" + last.late() + "<",
                    "id=\"figure-withdrawn-by-agency\">" + last.withdrawnByAgency() + "<");
            // the province's English name is written with its diacritics, as on every other English page
            assertThat(page).contains("Khánh Hòa Provincial People").doesNotContain("Khanh Hoa");
            byte[] xlsx = mvc.perform(get("/press/compliance/export.xlsx").param("year", "2033").param("quarter", "2")
                    .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getSheet("Câu hỏi của báo chí trong quý");
                assertThat(sheet).isNotNull();
                Row late = null;
                for (Row row : sheet) {
                    if (row.getCell(0).getStringCellValue().startsWith("Trễ hạn")) {
                        late = row;
                    }
                }
                assertThat(late).isNotNull();
                assertThat((long) late.getCell(1).getNumericCellValue()).isEqualTo(last.late());
            }
        } finally {
            clock.set(real);
        }
    }

    @Test
    void theHistoryReadsInTheReadersLanguageAndAnOldVietnameseNoteStaysReadable() throws Exception {
        Enquiry asked = ask("Lịch sử song ngữ " + System.nanoTime());
        jdbc.sql("""
                INSERT INTO press_enquiry_history (enquiry_id, action, from_status, to_status, actor, occurred_at, note)
                VALUES (?, 'REMINDED', 'RECEIVED', 'RECEIVED', 'system', now(), 'hạn 08/12/2026 10:57; ghi chú cũ')""")
                .param(asked.id()).update();
        MockHttpSession officer = signIn("officer");
        String english = page(officer, asked.id(), "en");
        assertThat(english).contains("Question received", "routed to spokesperson").doesNotContain("chuyển người phát ngôn",
                "chưa gửi thư", "đã gửi thư");
        assertThat(english).contains("hạn 08/12/2026 10:57; ghi chú cũ");
        assertThat(page(officer, asked.id(), "vi")).contains("chuyển người phát ngôn");
        // the API gives the keys and their arguments, for a client to word in its own language
        mvc.perform(get("/api/v1/press/enquiries/" + asked.id() + "/history").session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].parts[0].key").value("press.note.routed"));
    }

    private Enquiry ask(String subject) {
        return enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, null, null, null, null, null, subject,
                "Xin Sở cho biết thông tin.", null), JOURNALIST);
    }

    @SuppressWarnings("unchecked")
    private static List<InvalidInput> problems(MvcResult result) {
        return (List<InvalidInput>) result.getFlashMap().get("problems");
    }

    private String page(MockHttpSession session, long id, String language) throws Exception {
        return mvc.perform(get("/press/enquiries/" + id).session(session).cookie(new Cookie("loa-lang", language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private ResultActions transition(MockHttpSession session, long id, String body) throws Exception {
        return mvc.perform(post("/api/v1/press/enquiries/" + id + "/transitions").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
