package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.LocalTime;

/**
 * The requester's side of an information request on the public portal, through HTTP on a real database: the one-time
 * answer link that a mail scanner's fetch does not use up, and that an officer can give again; a form sent twice that
 * makes one request; following a request by its number and code; and the law the page names.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicAccessIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    InformationRequests requests;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDemosRequestsSentFromThePortalHaveTheirFollowUpCodeAsAnyPortalRequestHas() {
        // the demo's three requests from the portal (the one by post was entered by the officer) can be followed there
        assertThat(jdbc.sql("""
                SELECT count(*) FROM information_request r JOIN information_request_follow_up f ON f.request_id = r.id
                 WHERE r.requester_address = 'Khánh Hòa (dữ liệu trình diễn)'""").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void openingTheAnswerLinkUsesNothingAndOnlyTheDownloadButtonUsesItOnce() throws Exception {
        InformationRequest request = submitted("Bảng giá đất vùng ven đầm Thủy Triều năm 2026 của xã Cam Hải Đông");
        String link = requests.act(request.id(), provide("Bảng giá gồm 14 tuyến đường ven đầm Thủy Triều."), COORDINATOR)
                .downloadPath();
        // what a mail scanner and a link preview send: a HEAD, then GETs
        mvc.perform(head(link)).andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            Document page = page(get(link), 200);
            assertThat(page.select("#download-answer").text()).isEqualTo("Tải văn bản trả lời (DOCX)");
            assertThat(page.select("#link-request").text()).contains(String.valueOf(request.id()), "Sở Tài chính");
        }
        byte[] answer = mvc.perform(post(link).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(text(answer)).contains("14 tuyến đường ven đầm Thủy Triều");
        // used: the page says so and whom to ask, the button is gone, and a second post gets the same page
        Document used = page(get(link), 410);
        assertThat(used.select("#link-used").text()).startsWith("Đường dẫn này đã được dùng để tải văn bản trả lời lúc");
        assertThat(used.select("#link-contact").text()).contains("Sở Tài chính", String.valueOf(request.id()));
        assertThat(used.select("#download-answer")).isEmpty();
        assertThat(page(post(link).with(csrf()), 410).select("#link-used")).hasSize(1);
        assertThat(requests.history(request.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .containsOnlyOnce("ANSWER_DOWNLOADED");
        // a link nobody gave
        Document unknown = page(get("/public/access-to-information/download/khongcoduongdannaytrongloa"), 404);
        assertThat(unknown.select("#link-unknown").text()).startsWith("Không tìm thấy đường dẫn tải này.");
    }

    @Test
    void anOfficerGivesANewLinkThatReplacesTheOldOneAndIsAudited() throws Exception {
        InformationRequest request = submitted("Danh sách hộ được hỗ trợ sửa nhà sau bão số 13 ở phường Bắc Nha Trang");
        String first = requests.act(request.id(), provide("Danh sách gồm 312 hộ ở phường Bắc Nha Trang."), COORDINATOR)
                .downloadPath();
        long lastAudit = audit.newest(1, null).getFirst().id();
        MockHttpSession coordinator = signIn("coordinator");
        Document desk = page(get("/transparency/requests/" + request.id()).session(coordinator), 200);
        assertThat(desk.select("#link-state").text()).startsWith("Đường dẫn mới nhất chưa được dùng; hết hạn lúc");

        MockHttpServletResponse made = mvc.perform(post("/transparency/requests/" + request.id() + "/download-link")
                .session(coordinator).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        Document after = page(get(made.getRedirectedUrl()).session(coordinator), 200);
        // the whole address of the public site, for the officer to pass on
        String shown = after.select("#download-url").text();
        assertThat(shown).matches("https?://[^/]+/public/access-to-information/download/.+");
        String second = java.net.URI.create(shown).getPath();
        assertThat(after.select("#link-state").text()).startsWith("Đường dẫn mới nhất chưa được dùng; hết hạn lúc");
        assertThat(second).startsWith("/public/access-to-information/download/").isNotEqualTo(first);

        assertThat(page(get(first), 410).select("#link-replaced").text())
                .isEqualTo("Cơ quan đã cấp đường dẫn mới thay cho đường dẫn này; hãy dùng đường dẫn trong thư mới nhất.");
        mvc.perform(post(first).with(csrf())).andExpect(status().isGone());
        assertThat(text(mvc.perform(post(second).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray())).contains("312 hộ");
        assertThat(requests.latestDownloadLink(request.id(), COORDINATOR)).get()
                .extracting(InformationRequests.DownloadLink::state).isEqualTo(InformationRequests.LinkState.USED);
        assertThat(requests.history(request.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .containsSubsequence("PROVIDE", "NEW_LINK", "ANSWER_DOWNLOADED");
        assertThat(audit.newest(20, null)).filteredOn(r -> r.id() > lastAudit)
                .filteredOn(r -> String.valueOf(request.id()).equals(r.targetId()))
                .extracting(AuditRecord::action, AuditRecord::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("information-request.link-issued", "coordinator"));
        // a request not provided has no answer to link to
        InformationRequest open = submitted("Biên bản nghiệm thu kè sông Cái đoạn qua xã Diên Lạc năm 2025");
        assertThatThrownBy(() -> requests.newDownloadLink(open.id(), COORDINATOR)).isInstanceOf(Conflict.class);
    }

    @Test
    void theSameFormSentTwiceMakesOneRequestAndShowsTheFirstsReceipt() throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        Document form = page(get("/public/access-to-information").session(citizen), 200);
        String token = form.select("input[name=formToken]").val();
        assertThat(token).isNotBlank();
        String description = "Kế hoạch nạo vét luồng cảng cá Vĩnh Lương năm 2027 và dự toán kinh phí";
        MockHttpServletResponse first = send(citizen, token, description, "203.0.113.41");
        MockHttpServletResponse again = send(citizen, token, description, "203.0.113.41");
        assertThat(first.getRedirectedUrl()).startsWith("/public/access-to-information/sent?number=")
                .isEqualTo(again.getRedirectedUrl());
        assertThat(requestsDescribed(description)).isEqualTo(1);
        long number = Long.parseLong(first.getRedirectedUrl().replaceAll("\\D", ""));

        // the receipt is a page of its own: a refresh shows it again and sends nothing
        for (int i = 0; i < 2; i++) {
            Document receipt = page(get(first.getRedirectedUrl()).session(citizen), 200);
            assertThat(receipt.select("#reference").text()).isEqualTo("Số yêu cầu của bạn: " + number + ".");
            assertThat(receipt.select("#follow-code strong").text()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
            assertThat(receipt.select("#public-due").text()).matches("Cơ quan sẽ trả lời chậm nhất ngày \\d{2}/\\d{2}/\\d{4}\\.");
        }
        // the same content from the same requester, sent again from another browser without the token: still one,
        // and that browser learns only the number
        MockHttpSession elsewhere = new MockHttpSession();
        MockHttpServletResponse third = send(elsewhere, "", description, "203.0.113.42");
        assertThat(third.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
        Document before = page(get(third.getRedirectedUrl()).session(elsewhere), 200);
        assertThat(before.select("#sent-before").text()).contains("đã được gửi trước đó với số " + number);
        assertThat(before.select("#follow-code")).isEmpty();
        assertThat(requestsDescribed(description)).isEqualTo(1);
        // without the session's code, the receipt's address leads to the follow-up form
        mvc.perform(get(first.getRedirectedUrl()).session(new MockHttpSession())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theRequesterFollowsTheRequestByNumberAndCodeAndSeesNothingInternal() throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        String token = page(get("/public/access-to-information").session(citizen), 200).select("input[name=formToken]").val();
        String description = "Quyết định phê duyệt quy hoạch chi tiết khu dân cư Hòn Rớ 2 và bản vẽ kèm theo";
        String receiptUrl = send(citizen, token, description, "203.0.113.51").getRedirectedUrl();
        Document receipt = page(get(receiptUrl).session(citizen), 200);
        long number = Long.parseLong(receiptUrl.replaceAll("\\D", ""));
        String code = receipt.select("#follow-code strong").text();
        String followLink = receipt.select("#follow-up-link").attr("href");
        InformationRequest stored = requests.get(number, COORDINATOR);
        requests.act(number, new InformationRequests.Transition(RequestAction.START, "Ghi chú nội bộ: hỏi chị Quyên phòng QH",
                null, null, null, null, null, null, null, null, null, null, null), COORDINATOR);

        Document status = page(get(followLink), 200);
        assertThat(status.select("#follow-status").text()).isEqualTo("Đang giải quyết");
        assertThat(status.select("#follow-due").text()).isEqualTo(LocalTime.format(stored.dueDate()));
        assertThat(status.select("#follow-agency").text()).isEqualTo("Sở Tài chính");
        assertThat(status.text()).doesNotContain("Quyên", "Ghi chú nội bộ", "Điều phối");
        // the due date's basis is the law as the receipt cites it, not the desk's notes on the time-limit table's entry
        assertThat(status.select("#follow-due-why").text()).startsWith("Luật Tiếp cận thông tin")
                .doesNotContain("chưa đối chiếu", "thời hạn giữ như", "Chưa kiểm chứng");
        // typed by hand, in lower case, with spaces: the same request
        Document typed = page(post("/public/access-to-information/status").with(csrf()).param("number", " " + number)
                .param("code", code.toLowerCase().replace('-', ' ')), 200);
        assertThat(typed.select("#follow-status").text()).isEqualTo("Đang giải quyết");
        // the receipt (form 02), posted with the number and code
        byte[] form02 = mvc.perform(post("/public/access-to-information/status/receipt").with(csrf())
                        .param("number", String.valueOf(number)).param("code", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(form02)).containsIgnoringCase("Phiếu tiếp nhận yêu cầu cung cấp thông tin").contains("Hòn Rớ 2");
        // a wrong code tells nothing, and an address typing wrong codes is stopped
        Document wrong = page(post("/public/access-to-information/status").with(csrf()).with(from("198.51.100.77"))
                .param("number", String.valueOf(number)).param("code", "AAAA-BBBB-CCCC"), 404);
        assertThat(wrong.select("#not-found").text()).startsWith("Số yêu cầu hoặc mã theo dõi không đúng.");
        assertThat(wrong.select("#follow-up")).isEmpty();
        for (int i = 1; i < 20; i++) {
            mvc.perform(get("/public/access-to-information/status").with(from("198.51.100.77"))
                    .param("number", String.valueOf(number)).param("code", "AAAA-BBBB-CCC" + (i % 10)))
                    .andExpect(status().isNotFound());
        }
        Document stopped = page(get(followLink).with(from("198.51.100.77")), 429);
        assertThat(stopped.select("#throttled").text()).startsWith("Đã nhập sai mã theo dõi quá nhiều lần");
        assertThat(stopped.select("#follow-up")).isEmpty();
        // a request entered at the desk has no code to follow it by
        InformationRequest paper = submitted("Sổ theo dõi cấp phép xây dựng năm 2026 của phường Tây Nha Trang");
        page(get("/public/access-to-information/status").param("number", String.valueOf(paper.id())).param("code", code), 404);
    }

    @Test
    void theRequesterIsMailedTheNumberAndTheFollowUpCode() throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        com.icegreen.greenmail.util.GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            String receiptUrl = send(citizen, token0(citizen), "Kế hoạch sử dụng đất năm 2027 của phường Cam Ranh và bản đồ kèm theo",
                    "203.0.113.71").getRedirectedUrl();
            Document receipt = page(get(receiptUrl).session(citizen), 200);
            long number = Long.parseLong(receiptUrl.replaceAll("\\D", ""));
            String code = receipt.select("#follow-code strong").text();
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the receipt's mail").isTrue();
            jakarta.mail.internet.MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subjectOf(m).equals("Đã nhận yêu cầu cung cấp thông tin số " + number)).findFirst().orElseThrow();
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("duyen.tran@example.vn");
            assertThat(mail.getContent().toString()).contains("Mã theo dõi: " + code,
                    "/public/access-to-information/status?number=" + number + "&code=" + code);
        } finally {
            smtp.stop();
        }
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTransferredRequestNamesTheAgencyAsTyped() throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        String token = page(get("/public/access-to-information").session(citizen), 200).select("input[name=formToken]").val();
        String receiptUrl = send(citizen, token, "Hồ sơ cấp phép khai thác cát lòng sông Dinh đoạn qua xã Cam An", "203.0.113.61")
                .getRedirectedUrl();
        Document receipt = page(get(receiptUrl).session(citizen), 200);
        long number = Long.parseLong(receiptUrl.replaceAll("\\D", ""));
        requests.act(number, new InformationRequests.Transition(RequestAction.TRANSFER, "không thuộc thẩm quyền", null, null,
                "<b>Ban quản lý <i>sông</i></b>", null, null, null, null, null, null, null, null), COORDINATOR);
        String html = mvc.perform(get(receipt.select("#follow-up-link").attr("href"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;b&gt;Ban quản lý &lt;i&gt;sông&lt;/i&gt;&lt;/b&gt;").doesNotContain("<i>sông</i>");
        assertThat(Jsoup.parse(html).select("#follow-closed").text()).isEqualTo(LocalTime.format(LocalDate.now(clock.withZone(LocalTime.ZONE))));
        // to an agency of Loa: the requester follows the new request with the same code, and is told its number
        String other = send(citizen, token0(citizen), "Biên bản nghiệm thu kè chống sạt lở bờ sông Cái đoạn qua phường Bắc Nha Trang",
                "203.0.113.62").getRedirectedUrl();
        Document otherReceipt = page(get(other).session(citizen), 200);
        long first = Long.parseLong(other.replaceAll("\\D", ""));
        String code = otherReceipt.select("#follow-code strong").text();
        requests.act(first, new InformationRequests.Transition(RequestAction.TRANSFER, null, null, null, "SNNMT", null, null,
                null, null, null, null, null, null), COORDINATOR);
        long moved = requests.get(first, COORDINATOR).transferredAs();
        Document followed = page(get(otherReceipt.select("#follow-up-link").attr("href")), 200);
        assertThat(followed.select("#follow-transferred").text()).contains("yêu cầu số " + moved);
        Document atItsNewNumber = page(post("/public/access-to-information/status").with(csrf())
                .param("number", String.valueOf(moved)).param("code", code), 200);
        assertThat(atItsNewNumber.select("#follow-status").text()).isEqualTo("Đã tiếp nhận");
        assertThat(atItsNewNumber.select("#follow-agency").text()).isNotEqualTo("Sở Tài chính");
    }

    private String token0(MockHttpSession citizen) throws Exception {
        return page(get("/public/access-to-information").session(citizen), 200).select("input[name=formToken]").val();
    }

    @Test
    void thePageNamesTheLawInForceAsTheReceiptCitesIt() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        InformationRequests.TimeLimitRule inForce = requests.timeLimitInForce(Channel.ELECTRONIC, false, today).orElseThrow();
        assertThat(today).isAfterOrEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(inForce.law()).isEqualTo("Luật Tiếp cận thông tin (sửa đổi)");
        Document form = page(get("/public/access-to-information"), 200);
        assertThat(form.select("#access-intro").text()).contains("cung cấp thông tin theo " + inForce.law() + ".")
                .doesNotContain("2016");
        assertThat(form.select("#access-limits").text()).startsWith("Thời hạn: " + inForce.answerDays() + " ngày làm việc");
        Document english = page(get("/public/access-to-information").param("lang", "en"), 200);
        assertThat(english.select("#access-intro").text()).contains("under the law in force, " + inForce.law() + ".")
                .doesNotContain("2016");
        // the receipt of a request received today cites the same law
        InformationRequest today0 = submitted("Danh mục dự án đầu tư công trung hạn của huyện Cam Lâm giai đoạn 2026-2030");
        byte[] receipt = mvc.perform(get("/transparency/requests/" + today0.id() + "/documents/receipt.docx")
                .session(signIn("coordinator"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(receipt)).contains("căn cứ " + inForce.law());
    }

    // ---- helpers ----

    private MockHttpServletResponse send(MockHttpSession session, String token, String description, String address)
            throws Exception {
        return mvc.perform(post("/public/access-to-information").session(session).with(csrf()).with(from(address))
                        .param("agencyCode", "STC").param("name", "Trần Thị Mỹ Duyên").param("idNumber", "056195001234")
                        .param("address", "Tổ 5, phường Cam Linh, Khánh Hòa").param("email", "duyen.tran@example.vn")
                        .param("description", description).param("purpose", "Tìm hiểu để góp ý")
                        .param("formToken", token))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long requestsDescribed(String description) {
        return jdbc.sql("SELECT count(*) FROM information_request WHERE description = ?").param(description).query(Long.class)
                .single();
    }

    private InformationRequest submitted(String description) {
        return requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC, OffsetDateTime.now(LocalTime.ZONE),
                "STC", new InformationRequests.Requester("Võ Minh Khang", "056090001111", "khang.vo@example.vn", null,
                        "Thôn Tân Xương, xã Suối Dầu"), description, "Theo dõi", null, false, null, null), null);
    }

    private static InformationRequests.Transition provide(String answer) {
        return new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null, answer, false, 0L, "LINK",
                false, true, null, null);
    }

    private Document page(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            return text.getText() + document.getTables().stream().map(t -> t.getText()).reduce("", String::concat);
        }
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
