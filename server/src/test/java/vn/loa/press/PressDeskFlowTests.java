package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.LocalTime;

/**
 * The press desk through its pages, as a new user would try it: the press account asks the Department of Health about
 * overcrowded hospitals, the spokesperson sees it with its due time, the officer drafts, the spokesperson approves and
 * the journalist reads the answer and receives it by e-mail (GreenMail); a journalist's request for crisis handling is
 * confirmed on one question and declined on another; the coordinator keeps the media directory.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PressDeskFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Enquiries enquiries;

    @Autowired
    MediaDirectory media;

    @Test
    void theJournalistsQuestionIsDraftedApprovedAndAnsweredByEmail() throws Exception {
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            MockHttpSession press = signIn("press");
            assertThat(page("/press/enquiries/new", press).select("#agencyCode option").eachText()).contains("Sở Y tế");
            // sent empty: each missing field is named
            Document refused = Jsoup.parse(mvc.perform(post("/press/enquiries").session(press).with(csrf()))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(refused.select("#problems li").eachAttr("data-field")).contains("agencyCode", "subject", "question");
            String subject = "Bệnh viện tỉnh quá tải " + System.nanoTime();
            String location = mvc.perform(post("/press/enquiries").session(press).with(csrf()).param("agencyCode", "SYT")
                            .param("kind", "ROUTINE").param("subject", subject)
                            .param("question", "Sở có kế hoạch gì để giảm tình trạng nằm ghép giường?"))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            long id = Long.parseLong(location.replaceAll("\\D", ""));
            Enquiry asked = enquiries.get(id, new vn.loa.identity.SignedInUser(null, "coordinator", "Điều phối", null,
                    "SVHTTDL", java.util.Set.of(vn.loa.identity.Role.COORDINATOR)));

            MockHttpSession spokesperson = signIn("spokesperson");
            Document desk = page("/press", spokesperson);
            assertThat(desk.select("#enquiry-table tr:contains(" + subject + ")").text())
                    .contains(LocalTime.format(asked.dueAt()), "Đã nhận, chờ soạn trả lời");
            Document one = page(location, spokesperson);
            assertThat(one.select("#routed-to").text()).isEqualTo("Trần Minh Đức");
            assertThat(one.select("#due-source").text()).contains("2 ngày làm việc", "Quy định nội bộ");
            assertThat(one.select("#due-why").text()).contains("2 ngày làm việc");

            MockHttpSession officer = signIn("officer");
            mvc.perform(post(location + "/actions").session(officer).with(csrf()).param("action", "DRAFT")
                    .param("draft", "Bệnh viện mở thêm khoa Nội 2 với 60 giường từ tháng tới.")).andExpect(status().is3xxRedirection());
            // the officer cannot approve: the page says so and nothing changes
            mvc.perform(post(location + "/actions").session(officer).with(csrf()).param("action", "APPROVE"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat(r.getFlashMap().get("errorKey")).isEqualTo("press.error.not-yours"));
            assertThat(page(location, officer).select("#enquiry-status").text()).isEqualTo("Đã soạn, chờ duyệt");
            assertThat(page(location, spokesperson).select("#action-approve")).isNotEmpty();
            mvc.perform(post(location + "/actions").session(spokesperson).with(csrf()).param("action", "APPROVE"))
                    .andExpect(status().is3xxRedirection());

            Document answered = page(location, press);
            assertThat(answered.select("#answer").text()).isEqualTo("Bệnh viện mở thêm khoa Nội 2 với 60 giường từ tháng tới.");
            assertThat(answered.select("#draft")).isEmpty();
            assertThat(answered.select("#history")).isEmpty();
            MimeMessage message = null;
            for (int received = 1; message == null && smtp.waitForIncomingEmail(20_000, received); received++) {
                message = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("press@demo.loa.local")
                                && m.getSubject().equals("[Loa] Trả lời câu hỏi số " + id + ": " + subject);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
            }
            assertThat(message).as("the journalist's answer by e-mail").isNotNull();
            assertThat((String) message.getContent()).contains("60 giường", "Sở Y tế", "/press/enquiries/" + id);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theJournalistMarksAQuestionUrgentAndTheAgencyConfirmsOneRequestAndDeclinesAnotherOnItsPages() throws Exception {
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            MockHttpSession press = signIn("press");
            Document form = page("/press/enquiries/new", press);
            // a journalist asks for crisis handling; only officials choose the kind
            assertThat(form.select("#kind")).isEmpty();
            assertThat(form.select("#crisis-requested").attr("value")).isEqualTo("CRISIS");
            assertThat(form.select("label:has(#crisis-requested)").text()).contains("Khẩn");
            assertThat(page("/press/enquiries/new", signIn("officer")).select("#kind option").eachAttr("value"))
                    .containsExactly("ROUTINE", "CRISIS");
            // a refused form keeps the box ticked
            Document refused = Jsoup.parse(mvc.perform(post("/press/enquiries").session(press).with(csrf())
                            .param("agencyCode", "SYT").param("kind", "CRISIS"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(refused.select("#crisis-requested").hasAttr("checked")).isTrue();

            String stamp = String.valueOf(System.nanoTime());
            String fire = ask(press, "Cháy kho hóa chất " + stamp, "Khu dân cư quanh kho có phải sơ tán không?");
            String price = ask(press, "Giá thuốc tăng " + stamp, "Sở có kiểm tra giá thuốc không?");

            MockHttpSession spokesperson = signIn("spokesperson");
            Document desk = page("/press", spokesperson);
            assertThat(desk.select("#enquiry-table tr:contains(Cháy kho hóa chất " + stamp + ") .crisis-requested").text())
                    .isEqualTo("Đề nghị xử lý khủng hoảng");
            Document one = page(fire, spokesperson);
            assertThat(one.select("#crisis-request").text()).contains("Phóng viên đề nghị xử lý", "Chờ cơ quan xác nhận",
                    "24 giờ, tính từ lúc nhận câu hỏi");
            assertThat(one.select("#action-confirm_crisis button").text()).isEqualTo("Xác nhận là câu hỏi trong tình huống khủng hoảng");
            assertThat(one.select("#action-decline_crisis input[name=note]").hasAttr("required")).isTrue();
            assertThat(page(fire, press).select("#action-confirm_crisis, #action-decline_crisis")).isEmpty();
            assertThat(page(fire, press).select("#crisis-request-state").text()).contains("Chờ cơ quan xác nhận");

            mvc.perform(post(fire + "/actions").session(spokesperson).with(csrf()).param("action", "CONFIRM_CRISIS"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat(r.getFlashMap().get("flashKey")).isEqualTo("press.done.CONFIRM_CRISIS"));
            Document confirmed = page(fire, spokesperson);
            assertThat(confirmed.select(".badge").eachText()).contains("Câu hỏi trong tình huống khủng hoảng");
            assertThat(confirmed.select("#due-source").text()).startsWith("24 giờ");
            assertThat(confirmed.select("#crisis-request-state").text()).contains("Người phát ngôn Sở Y tế đã xác nhận");
            assertThat(page("/press", spokesperson).select("#enquiry-table tr:contains(Cháy kho hóa chất " + stamp + ")").text())
                    .contains("Khủng hoảng").doesNotContain("Đề nghị xử lý khủng hoảng");
            // the officer's page was opened before: its confirmation comes too late and says so
            mvc.perform(post(fire + "/actions").session(signIn("officer")).with(csrf()).param("action", "DECLINE_CRISIS")
                            .param("note", "Không phải sự cố"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat(r.getFlashMap().get("errorKey")).isEqualTo("press.error.crisis-decided"));

            MockHttpSession officer = signIn("officer");
            mvc.perform(post(price + "/actions").session(officer).with(csrf()).param("action", "DECLINE_CRISIS").param("note", " "))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat((java.util.List<?>) r.getFlashMap().get("problems")).singleElement()
                            .extracting(p -> ((vn.loa.shared.InvalidInput) p).messageKey()).isEqualTo("press.error.decline-reason"));
            mvc.perform(post(price + "/actions").session(officer).with(csrf()).param("action", "DECLINE_CRISIS")
                            .param("note", "Giá thuốc tăng không phải sự kiện bất ngờ."))
                    .andExpect(status().is3xxRedirection());
            Document declined = page(price, press);
            assertThat(declined.select("#crisis-request-state").text()).contains("Cơ quan không chấp nhận đề nghị")
                    .doesNotContain("Cán bộ Sở Y tế");
            assertThat(declined.select("#crisis-decline-reason").text()).isEqualTo("Giá thuốc tăng không phải sự kiện bất ngờ.");
            assertThat(declined.select(".badge").eachText()).contains("Câu hỏi thường xuyên");

            // the journalist is told each decision by e-mail
            assertThat(mailTo(smtp, "[Loa] Đề nghị xử lý khẩn câu hỏi số " + fire.replaceAll("\\D", "") + ": Cháy kho hóa chất " + stamp))
                    .contains("Cơ quan đã xác nhận xử lý khẩn câu hỏi của bạn", "tính từ lúc nhận câu hỏi", "Sở Y tế", fire);
            assertThat(mailTo(smtp, "[Loa] Đề nghị xử lý khẩn câu hỏi số " + price.replaceAll("\\D", "") + ": Giá thuốc tăng " + stamp))
                    .contains("Cơ quan không xử lý khẩn câu hỏi của bạn", "Lý do: Giá thuốc tăng không phải sự kiện bất ngờ.");
            assertThat(history(price, spokesperson)).contains("đã gửi thư cho 1/1 người");
        } finally {
            smtp.stop();
        }
    }

    /** The text of the message to the demo journalist with that subject, waited for. */
    private static String mailTo(GreenMail smtp, String subject) throws Exception {
        for (int received = 1; smtp.waitForIncomingEmail(20_000, received); received++) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals("press@demo.loa.local") && m.getSubject().equals(subject)) {
                    return (String) m.getContent();
                }
            }
        }
        throw new AssertionError("no e-mail " + subject);
    }

    private String history(String location, MockHttpSession session) throws Exception {
        return page(location, session).select("#history").text();
    }

    private String ask(MockHttpSession press, String subject, String question) throws Exception {
        return mvc.perform(post("/press/enquiries").session(press).with(csrf()).param("agencyCode", "SYT")
                        .param("kind", "CRISIS").param("subject", subject).param("question", question))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void theCoordinatorSeesTheAgencyWithoutSpokespersonAndKeepsTheMediaDirectory() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        assertThat(page("/press", coordinator).select("#without-spokesperson li").eachText()).contains("Thanh tra tỉnh");
        assertThat(page("/press", signIn("officer")).select("#without-spokesperson")).isEmpty();
        String email = "phongvien" + System.nanoTime() + "@example.vn";
        long outlet = media.outlets(LocalDate.now(LocalTime.ZONE)).getFirst().id();
        // a journalist's account must have the press role
        mvc.perform(post("/press/media/journalists").session(coordinator).with(csrf()).param("outletId", String.valueOf(outlet))
                        .param("fullName", "Lê Văn Báo").param("username", "officer").param("email", email)
                        .param("contactPreference", "EMAIL").param("receivesReleases", "true")
                        .param("validFrom", LocalDate.now(LocalTime.ZONE).toString()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/press/media/journalists").session(coordinator).with(csrf()).param("outletId", String.valueOf(outlet))
                        .param("fullName", "Lê Văn Báo").param("email", email).param("beats", "y tế, giao thông")
                        .param("contactPreference", "EMAIL").param("receivesReleases", "true")
                        .param("validFrom", LocalDate.now(LocalTime.ZONE).toString()))
                .andExpect(status().is3xxRedirection());
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        assertThat(media.addressList(today)).contains(email, "press@demo.loa.local").doesNotHaveDuplicates();
        MediaDirectory.Journalist added = media.journalists(null, today).stream().filter(j -> email.equals(j.email()))
                .findFirst().orElseThrow();
        assertThat(added.beats()).containsExactly("y tế", "giao thông");
        assertThat(page("/press/media", coordinator).select("#journalists").text()).contains("Lê Văn Báo", "y tế, giao thông");
        mvc.perform(post("/press/media/journalists/" + added.id() + "/end").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(media.addressList(today.plusDays(1))).doesNotContain(email);
        // officials only keep it, and journalists do not read each other's contacts
        mvc.perform(post("/press/media/outlets").session(signIn("officer")).with(csrf()).param("name", "Báo X")
                .param("kind", "ONLINE").param("validFrom", today.toString())).andExpect(status().isForbidden());
        mvc.perform(get("/press/media").session(signIn("press"))).andExpect(status().isForbidden());
    }

    @Test
    void theJournalistReadsTheTimeToAnswerWithoutTheProvincesNotesOnItsInternalRule() throws Exception {
        MockHttpSession press = signIn("press");
        String location = mvc.perform(post("/press/enquiries").session(press).with(csrf()).param("agencyCode", "SYT")
                        .param("kind", "ROUTINE").param("subject", "Lịch tiêm chủng " + System.nanoTime())
                        .param("question", "Khi nào có lịch tiêm vắc xin sởi đợt tới?"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        TimeLimit limit = enquiries.get(id, new vn.loa.identity.SignedInUser(null, "coordinator", "Điều phối", null,
                "SVHTTDL", java.util.Set.of(vn.loa.identity.Role.COORDINATOR))).timeLimit();
        assertThat(limit.legal()).as("the routine question's limit is the province's own rule").isFalse();

        Document asked = page(location, press);
        assertThat(asked.select("#due-source").text()).isEqualTo("2 ngày làm việc");
        assertThat(asked.select("main").text()).doesNotContain(limit.source(), "Quy định nội bộ");
        assertThat(asked.select("dt").eachText()).contains("Người phát ngôn được giao");

        Document official = page(location, signIn("spokesperson"));
        assertThat(official.select("#due-source").text())
                .isEqualTo("2 ngày làm việc — Quy định nội bộ: " + limit.source());
    }

    @Test
    void noDemoAccountIsShownAMenuLinkItMayNotOpen() throws Exception {
        var softly = new org.assertj.core.api.SoftAssertions();
        for (String username : java.util.List.of("admin", "coordinator", "officer", "district", "spokesperson", "press",
                "xa-bac-ai-tay", "phuong-phan-rang", "chu-tich-phan-rang")) {
            MockHttpSession session = signIn(username);
            java.util.Set<String> links = new java.util.LinkedHashSet<>(page("/", session).select("#main-nav a").eachAttr("href"));
            // the press desk's own links, on each of its pages that carries them
            for (String desk : java.util.List.of("/press/statements", "/press/spokespersons", "/press")) {
                var response = mvc.perform(get(desk).session(session)).andReturn().getResponse();
                if (response.getStatus() == 200) {
                    links.addAll(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
                            .select(".press-links a").eachAttr("href"));
                }
            }
            assertThat(links).as(username).isNotEmpty();
            for (String link : links) {
                int status = mvc.perform(get(link).session(session)).andReturn().getResponse().getStatus();
                softly.assertThat(status).as("%s follows %s", username, link).isLessThan(400);
            }
        }
        softly.assertAll();
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
