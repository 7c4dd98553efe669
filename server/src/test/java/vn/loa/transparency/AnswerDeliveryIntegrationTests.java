package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/**
 * An answer reaches a requester who gave only a phone number: the officer attaches the signed letter and a map to the
 * answer, is told plainly how the requester gets it, and the requester downloads the letter and the files on the
 * follow-up page with the number and the code, each download in the request's history; the one-time link gives the
 * letter and the files in one ZIP. Files are checked by type and size, and only the agency's officers handle them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnswerDeliveryIntegrationTests {

    /** UBND phường Phan Rang, the agency of the demo account {@code phuong-phan-rang}. */
    private static final String PHAN_RANG = "22759";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;

    @Autowired
    InformationRequests requests;

    @Autowired
    AuditTrail audit;

    @Test
    void aRequesterWhoGaveOnlyAPhoneDownloadsTheAnswerAndItsFilesFromTheFollowUpPage() throws Exception {
        Sent sent = sendWithPhoneOnly("Quy hoạch chi tiết khu dân cư Đông Bắc Phan Rang và bản đồ ranh giới các lô đất",
                "203.0.113.131");
        MockHttpSession officer = signIn("phuong-phan-rang");
        // before answering, the page says how the answer will reach the requester
        Document before = page(get("/transparency/requests/" + sent.number()).session(officer), 200);
        assertThat(before.select("#reach-before").text())
                .contains("Người yêu cầu chỉ để lại số điện thoại 0912 345 678", "trang theo dõi yêu cầu", "hãy gọi báo cho họ");
        assertThat(before.select("#action-PROVIDE").attr("enctype")).isEqualTo("multipart/form-data");

        org.springframework.test.web.servlet.MvcResult answered = mvc.perform(multipart("/transparency/requests/" + sent.number() + "/actions")
                        .file(new MockMultipartFile("files", "cong-van-da-ky.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "ban-do-ranh-gioi.png", "image/png", PNG))
                        .param("action", "PROVIDE").param("answer", "Quy hoạch được phê duyệt năm 2025; xem bản đồ kèm theo.")
                        .param("reviewed", "true").param("delivery", "LINK").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        Document after = page(get(answered.getResponse().getRedirectedUrl()).session(officer)
                .flashAttrs(answered.getFlashMap()), 200);
        // answered is not delivered: the officer is told so, and how the requester gets it
        assertThat(after.select(".flash.success").text()).doesNotContain("Đã cung cấp thông tin.");
        assertThat(after.text()).contains("Loa chưa gửi được văn bản cho người yêu cầu");
        assertThat(after.select("#reach-after").text()).contains("chỉ để lại số điện thoại 0912 345 678");
        assertThat(after.select("#answer-files a").eachText()).containsExactly("cong-van-da-ky.pdf", "ban-do-ranh-gioi.png");
        String link = java.net.URI.create(after.select("#download-url").text()).getPath();

        // the follow-up page offers the letter and the files, to whoever has the number and the code only
        Document status = page(get("/public/access-to-information/status").param("number", String.valueOf(sent.number()))
                .param("code", sent.code()), 200);
        assertThat(status.select("#answer-files button").eachText()).containsExactly("Tải văn bản trả lời (DOCX)",
                "Tải tệp kèm theo “cong-van-da-ky.pdf”", "Tải tệp kèm theo “ban-do-ranh-gioi.png”");
        Document wrong = page(get("/public/access-to-information/status").with(from("198.51.100.131"))
                .param("number", String.valueOf(sent.number())).param("code", "AAAA-BBBB-CCCC"), 404);
        assertThat(wrong.select("#answer")).isEmpty();
        assertThat(mvc.perform(post("/public/access-to-information/status/answer").with(csrf()).with(from("198.51.100.131"))
                .param("number", String.valueOf(sent.number())).param("code", "AAAA-BBBB-CCCC"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsByteArray()).isEmpty();

        byte[] letter = mvc.perform(post("/public/access-to-information/status/answer").with(csrf())
                        .param("number", String.valueOf(sent.number())).param("code", sent.code()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(letter)).contains("xem bản đồ kèm theo");
        String pdfId = status.select("#answer-files input[name=file]").first().val();
        MockHttpServletResponse pdf = mvc.perform(post("/public/access-to-information/status/answer").with(csrf())
                .param("number", String.valueOf(sent.number())).param("code", sent.code()).param("file", pdfId))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(pdf.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        // a file of another request is not this answer's
        Sent other = sendWithPhoneOnly("Danh sách hộ nghèo phường Phan Rang năm 2026 được hỗ trợ tiền điện", "203.0.113.132");
        mvc.perform(post("/public/access-to-information/status/answer").with(csrf())
                .param("number", String.valueOf(other.number())).param("code", other.code()).param("file", pdfId))
                .andExpect(status().isNotFound());

        // each download is in the history: who (the requester, by the code), when, which file
        List<InformationRequests.HistoryEntry> history = requests.history(sent.number(), coordinator());
        assertThat(history).filteredOn(h -> h.action().equals("ANSWER_FETCHED")).hasSize(2)
                .allSatisfy(h -> assertThat(h.actor()).isEqualTo("portal"))
                .extracting(InformationRequests.HistoryEntry::remark)
                .containsExactly("tải “tra-loi-" + sent.number() + ".docx”", "tải “cong-van-da-ky.pdf”");

        // the one-time link gives the letter and the files in one ZIP
        Document linkPage = page(get(link), 200);
        assertThat(linkPage.select("#download-answer").text()).isEqualTo("Tải văn bản trả lời và 2 tệp kèm theo (ZIP)");
        byte[] zip = mvc.perform(post(link).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(entries(zip)).containsExactly("tra-loi-" + sent.number() + ".docx", "cong-van-da-ky.pdf",
                "ban-do-ranh-gioi.png");
    }

    @Test
    void aFileOfTheWrongKindIsRefusedNamingTheFieldAndKeepsWhatWasTyped() throws Exception {
        Sent sent = sendWithPhoneOnly("Biên bản nghiệm thu công trình chiếu sáng đường Thống Nhất, phường Phan Rang",
                "203.0.113.133");
        MockHttpSession officer = signIn("phuong-phan-rang");
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        Document refused = page(multipart("/transparency/requests/" + sent.number() + "/actions")
                .file(new MockMultipartFile("files", "bien-ban.pdf", "application/pdf", program))
                .param("action", "PROVIDE").param("answer", "Biên bản nghiệm thu ngày 12/10/2026 <b>kèm theo</b>.")
                .param("reviewed", "true").param("delivery", "LINK").session(officer).with(csrf()), 422);
        assertThat(refused.select("#problems li").eachAttr("data-field")).containsExactly("files");
        assertThat(refused.select("#problems li").text()).startsWith("Tệp kèm theo “bien-ban.pdf”");
        assertThat(refused.select("#answer-PROVIDE").text()).isEqualTo("Biên bản nghiệm thu ngày 12/10/2026 <b>kèm theo</b>.");
        assertThat(refused.select("#files-again").text()).startsWith("Các tệp chưa được lưu");
        assertThat(requests.get(sent.number(), coordinator()).status()).isNotEqualTo(RequestStatus.PROVIDED);
        assertThat(requests.answerFiles(sent.number(), coordinator())).isEmpty();
        // too large
        byte[] large = Arrays.copyOf(PDF, InformationRequests.MAX_ANSWER_FILE_MB * 1024 * 1024 + 1);
        Document tooLarge = page(multipart("/transparency/requests/" + sent.number() + "/actions")
                .file(new MockMultipartFile("files", "ban-do.pdf", "application/pdf", large))
                .param("action", "PROVIDE").param("answer", "Xem bản đồ.").param("reviewed", "true")
                .session(officer).with(csrf()), 422);
        assertThat(tooLarge.select("#problems li").text()).isEqualTo("Tệp kèm theo “ban-do.pdf”: lớn hơn 10 MB.");
    }

    @Test
    void onlyTheAgencysOfficersAttachAndSeeTheFilesAndALaterScanIsAudited() throws Exception {
        Sent sent = sendWithPhoneOnly("Kế hoạch tổ chức lễ hội Katê năm 2026 tại phường Phan Rang", "203.0.113.134");
        SignedInUser phanRang = new SignedInUser(null, "phuong-phan-rang", "Cán bộ", null, PHAN_RANG, Set.of(Role.OFFICER));
        requests.act(sent.number(), new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null,
                "Kế hoạch gửi kèm.", false, 0L, "LINK", false, true, null, null), phanRang);
        MockHttpSession elsewhere = signIn("xa-bac-ai-tay");
        mvc.perform(multipart("/transparency/requests/" + sent.number() + "/files")
                        .file(new MockMultipartFile("files", "ke-hoach.pdf", "application/pdf", PDF)).session(elsewhere).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(requests.answerFiles(sent.number(), coordinator())).isEmpty();

        long lastAudit = audit.newest(1, null).getFirst().id();
        MockHttpSession officer = signIn("phuong-phan-rang");
        mvc.perform(multipart("/transparency/requests/" + sent.number() + "/files")
                        .file(new MockMultipartFile("files", "ke-hoach-da-ky.pdf", "application/pdf", PDF)).session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<InformationRequests.AnswerFile> files = requests.answerFiles(sent.number(), coordinator());
        assertThat(files).extracting(InformationRequests.AnswerFile::fileName).containsExactly("ke-hoach-da-ky.pdf");
        assertThat(files.getFirst().uploadedBy()).isEqualTo("phuong-phan-rang");
        assertThat(audit.newest(20, null).stream().filter(r -> r.id() > lastAudit)
                .map(AuditRecord::action)).contains("information-request.files-added");
        assertThat(requests.history(sent.number(), coordinator())).extracting(InformationRequests.HistoryEntry::action)
                .contains("FILES_ADDED");
        // the audit trail reads it as a sentence, in either language
        MockHttpSession admin = signIn("admin");
        for (String[] language : new String[][] {{"vi", "thêm 1 tệp vào văn bản trả lời yêu cầu cung cấp thông tin số "
                + sent.number() + " gửi"}, {"en", "added 1 file(s) to the answer to information request " + sent.number()}}) {
            assertThat(page(get("/admin/audit").param("lang", language[0]).session(admin), 200).select("#audit-table").text())
                    .as(language[0]).contains(language[1]);
        }
        // another agency's officer neither downloads it nor learns it exists
        mvc.perform(get("/transparency/requests/" + sent.number() + "/files/" + files.getFirst().id()).session(elsewhere))
                .andExpect(status().isNotFound());
        byte[] own = mvc.perform(get("/transparency/requests/" + sent.number() + "/files/" + files.getFirst().id())
                .session(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(own).isEqualTo(PDF);
        // through the API too: a file of the wrong kind is refused naming the field, a good one listed
        String problem = mvc.perform(multipart("/api/v1/information-requests/" + sent.number() + "/files")
                        .file(new MockMultipartFile("files", "ban-do.png", "image/png", PDF)).session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).contains("files");
        mvc.perform(multipart("/api/v1/information-requests/" + sent.number() + "/files")
                        .file(new MockMultipartFile("files", "ban-do.png", "image/png", PNG)).session(officer).with(csrf()))
                .andExpect(status().isCreated());
        assertThat(mvc.perform(get("/api/v1/information-requests/" + sent.number() + "/files").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("ke-hoach-da-ky.pdf", "ban-do.png");
        // files go with an answer: not with an open request
        Sent openOne = sendWithPhoneOnly("Danh sách điểm tiêm chủng phường Phan Rang tháng 12", "203.0.113.137");
        mvc.perform(multipart("/api/v1/information-requests/" + openOne.number() + "/files")
                        .file(new MockMultipartFile("files", "a.pdf", "application/pdf", PDF)).session(officer).with(csrf()))
                .andExpect(status().isConflict());
        // and the requester gets it on the follow-up page
        Document status = page(get("/public/access-to-information/status").param("number", String.valueOf(sent.number()))
                .param("code", sent.code()), 200);
        assertThat(status.select("#answer-files button").eachText()).contains("Tải tệp kèm theo “ke-hoach-da-ky.pdf”");
    }

    @Test
    void aRefusedRequestersNoticeOfRefusalIsOnTheFollowUpPageToo() throws Exception {
        Sent sent = sendWithPhoneOnly("Hồ sơ nhân sự của cán bộ địa chính phường Phan Rang", "203.0.113.135");
        SignedInUser phanRang = new SignedInUser(null, "phuong-phan-rang", "Cán bộ", null, PHAN_RANG, Set.of(Role.OFFICER));
        requests.act(sent.number(), new InformationRequests.Transition(RequestAction.REFUSE, "Thông tin cá nhân của người khác.",
                null, RefusalGround.NOT_ACCESSIBLE, null, null, null, null, null, null, null, null, null), phanRang);
        Document status = page(get("/public/access-to-information/status").param("number", String.valueOf(sent.number()))
                .param("code", sent.code()), 200);
        assertThat(status.select("#answer-files button").eachText())
                .containsExactly("Tải thông báo từ chối cung cấp thông tin (mẫu 05, DOCX)");
        byte[] notice = mvc.perform(post("/public/access-to-information/status/answer").with(csrf())
                        .param("number", String.valueOf(sent.number())).param("code", sent.code()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(notice)).contains("Thông tin cá nhân của người khác.");
        assertThat(requests.history(sent.number(), coordinator())).filteredOn(h -> h.action().equals("ANSWER_FETCHED"))
                .extracting(InformationRequests.HistoryEntry::remark)
                .containsExactly("tải “05-thong-bao-tu-choi-" + sent.number() + ".docx”");
        // an open request has nothing to download yet
        Sent open = sendWithPhoneOnly("Lịch tiếp công dân tháng 12 của UBND phường Phan Rang", "203.0.113.136");
        assertThat(page(get("/public/access-to-information/status").param("number", String.valueOf(open.number()))
                .param("code", open.code()), 200).select("#answer")).isEmpty();
        mvc.perform(post("/public/access-to-information/status/answer").with(csrf())
                .param("number", String.valueOf(open.number())).param("code", open.code())).andExpect(status().isNotFound());
    }

    @Test
    void anAnswerByEmailCarriesTheLetterAndItsFilesAndNamesTheFollowUpPage() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            InformationRequests.PortalReceipt sent = requests.submitFromPortal(new InformationRequests.Submission(
                    Channel.ELECTRONIC, java.time.OffsetDateTime.now(vn.loa.shared.LocalTime.ZONE), PHAN_RANG,
                    new InformationRequests.Requester("Đạo Văn Thành", "058080002233", "thanh.dao@example.vn", null,
                            "Khu phố 2, phường Phan Rang"),
                    "Hồ sơ thiết kế cầu Đạo Long mới", "Theo dõi", null, false, null, null), null);
            long id = sent.request().id();
            SignedInUser phanRang = new SignedInUser(null, "phuong-phan-rang", "Cán bộ", null, PHAN_RANG, Set.of(Role.OFFICER));
            assertThat(requests.reach(id, phanRang).byEmail()).isTrue();
            requests.act(id, new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null,
                    "Hồ sơ thiết kế gửi kèm.", false, 0L, "EMAIL", false, true, null, null),
                    List.of(new InformationRequests.NewFile("thiet-ke.pdf", PDF), new InformationRequests.NewFile("mat-bang.png", PNG)),
                    phanRang);
            String subject = "Trả lời yêu cầu cung cấp thông tin số " + id;
            jakarta.mail.internet.MimeMessage answer = null;
            for (int i = 0; i < 100 && answer == null; i++) {
                answer = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject.equals(subjectOf(m))).findFirst()
                        .orElse(null);
                if (answer == null) {
                    Thread.sleep(200);
                }
            }
            assertThat(answer).as("the answer's mail").isNotNull();
            jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) answer.getContent();
            List<String> attached = new ArrayList<>();
            String body = "";
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (part.getFileName() != null) {
                    attached.add(part.getFileName());
                } else {
                    body += text(part);
                }
            }
            assertThat(attached).containsExactly("tra-loi-" + id + ".docx", "thiet-ke.pdf", "mat-bang.png");
            assertThat(body).contains("Văn bản trả lời và 2 tệp kèm theo được gửi kèm thư này.",
                    "/public/access-to-information/status?number=" + id);
        } finally {
            smtp.stop();
        }
    }

    /** The text of a mail's part, its nested parts read in turn. */
    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof jakarta.mail.internet.MimeMultipart nested) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < nested.getCount(); i++) {
                text.append(text(nested.getBodyPart(i)));
            }
            return text.toString();
        }
        return String.valueOf(part.getContent());
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- helpers ----

    private record Sent(long number, String code) {
    }

    /** A request from the portal to phường Phan Rang, with a phone number and no e-mail. */
    private Sent sendWithPhoneOnly(String description, String address) throws Exception {
        MockHttpSession citizen = new MockHttpSession();
        String token = page(get("/public/access-to-information").session(citizen), 200).select("input[name=formToken]").val();
        String receiptUrl = mvc.perform(post("/public/access-to-information").session(citizen).with(csrf()).with(from(address))
                        .param("agencyCode", PHAN_RANG).param("name", "Lộ Thị Hằng").param("idNumber", "058186004455")
                        .param("address", "Khu phố 3, phường Phan Rang, Khánh Hòa").param("phone", "0912 345 678")
                        .param("description", description).param("purpose", "Tìm hiểu").param("formToken", token))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document receipt = page(get(receiptUrl).session(citizen), 200);
        return new Sent(Long.parseLong(receiptUrl.replaceAll("\\D", "")), receipt.select("#follow-code strong").text());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            return text.getText();
        }
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }

    private static SignedInUser coordinator() {
        return new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL", Set.of(Role.COORDINATOR));
    }
}
