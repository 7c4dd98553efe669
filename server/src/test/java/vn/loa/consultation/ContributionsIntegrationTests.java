package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.consultation.internal.ConsultationTestData.OFFICER;
import static vn.loa.consultation.internal.ConsultationTestData.COORDINATOR;
import static vn.loa.consultation.internal.ConsultationTestData.OTHER_OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.MessageSource;
import vn.loa.TestClock;
import vn.loa.shared.SmsSegments;
import vn.loa.consultation.internal.ConsultationTestData;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Contributions on the database: a citizen's comment recorded only after the one-time code (read from publishing's
 * outbox; by SMS in two parts at most, a long title cut), wrong, expired and exhausted codes, the limits per client
 * address and per contact, moderation holding toxic text, links and phone numbers until an officer publishes or rejects
 * (audited, once however many clicks; never over another officer's decision made after the page was loaded, which the
 * page and the API's 409 name), official opinions, and CSV imports (the demo's 200 comments; a bad line, a date
 * outside the period or in the future, refused whole, naming the line and the column).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class ContributionsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theFormAnswers422NamingTheFieldAnd429WithAClearMessageAtTheLimit() throws Exception {
        Consultation c = open();
        String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        mvc.perform(post("/public/consultations/" + c.id() + "/comment").with(csrf()).with(from(address))
                        .param("name", "").param("contact", "x").param("text", "Góp ý"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-field=\"name\"")));
        for (int i = 0; i < Contributions.SUBMISSIONS_PER_ADDRESS_HOUR; i++) {
            mvc.perform(post("/public/consultations/" + c.id() + "/comment").with(csrf()).with(from(address))
                            .param("name", "Người " + i).param("contact", "f" + i + "-" + marker() + "@example.vn")
                            .param("unit", "a10").param("text", "Góp ý " + i))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", containsString("/verify?submission=")));
        }
        mvc.perform(post("/public/consultations/" + c.id() + "/comment").with(csrf()).with(from(address))
                        .param("name", "Thêm").param("contact", "them-" + marker() + "@example.vn").param("text", "Nữa"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("tối đa 20")));
        mvc.perform(get("/public/consultations/" + c.id())).andExpect(status().isOk());
        mvc.perform(get("/public/consultations/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void theSameCommentSentAgainFromTheBrowserIsOneSubmissionWithOneCode() throws Exception {
        Consultation c = open();
        String address = "10.78." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        org.springframework.mock.web.MockHttpSession citizen = new org.springframework.mock.web.MockHttpSession();
        String contact = "lan-" + marker() + "@example.vn";
        String first = mvc.perform(post("/public/consultations/" + c.id() + "/comment").session(citizen).with(csrf())
                        .with(from(address)).param("name", "Trần Thị Lan").param("contact", contact).param("unit", "a10")
                        .param("text", "Đề nghị thu gom rác sau 17 giờ"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        // a refresh of the page the form led to, or the form sent once more: the same submission, no second code
        String again = mvc.perform(post("/public/consultations/" + c.id() + "/comment").session(citizen).with(csrf())
                        .with(from(address)).param("name", "Trần Thị Lan").param("contact", contact).param("unit", "a10")
                        .param("text", "Đề nghị thu gom rác sau 17 giờ"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(again).isEqualTo(first);
        long submission = Long.parseLong(first.substring(first.indexOf("submission=") + "submission=".length()));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM pub_publication p JOIN consultation_submission s ON p.source = 'consultation-code:' || s.otp_id
                WHERE s.id = ?""").param(submission).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get(first).session(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"code\"")))
                .andExpect(content().string(containsString("id=\"code-sent\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"code-cannot-arrive\""))));
        // another browser is not shown this submission's code page
        mvc.perform(get(first)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/public/consultations/" + c.id()));
        // the code given: the thank-you page, which a refresh shows again without sending anything
        String thanks = mvc.perform(post("/public/consultations/" + c.id() + "/verify").session(citizen).with(csrf())
                        .param("submission", String.valueOf(submission)).param("code", codeFor(submission)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(thanks).isEqualTo("/public/consultations/" + c.id() + "/sent");
    }

    @Test
    void aCodeForATelephoneWhileTextMessagesAreOnlySimulatedIsNotSaidToBeSent() throws Exception {
        Consultation c = open();
        String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        org.springframework.mock.web.MockHttpSession citizen = new org.springframework.mock.web.MockHttpSession();
        String phone = "09" + String.format(java.util.Locale.ROOT, "%08d", (long) (Math.random() * 100_000_000));
        String verify = mvc.perform(post("/public/consultations/" + c.id() + "/comment").session(citizen).with(csrf())
                        .with(from(address)).param("name", "Phạm Văn Bình").param("contact", phone)
                        .param("text", "Đề nghị bố trí thêm điểm thu gom rác"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        // text messages go to the simulator here (no provider set up): the page says no code will come, and why
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get(verify).session(citizen))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("#code-sent")).isEmpty();
        assertThat(page.select("#code-cannot-arrive").text()).startsWith("Chưa gửi được mã xác nhận")
                .contains("chưa được thiết lập để gửi thư điện tử hoặc tin nhắn");
    }

    @Test
    void aCommentWhoseCodeRanOutOfAttemptsIsConfirmedWithANewCodeWithoutTypingItAgain() throws Exception {
        Consultation c = open();
        String address = "10.79." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        org.springframework.mock.web.MockHttpSession citizen = new org.springframework.mock.web.MockHttpSession();
        String text = "Đề nghị lùi giờ thu gom rác ở phường Bảo An sang 20 giờ, vì " + marker();
        String verifyPage = mvc.perform(post("/public/consultations/" + c.id() + "/comment").session(citizen).with(csrf())
                        .with(from(address)).param("name", "Hồ Thị Xuân").param("contact", "xuan-" + marker() + "@example.vn")
                        .param("unit", "a10").param("text", text))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long submission = Long.parseLong(verifyPage.substring(verifyPage.indexOf("submission=") + "submission=".length()));
        String first = codeFor(submission);
        for (int i = 0; i < Contributions.CODE_ATTEMPTS; i++) {
            mvc.perform(post("/public/consultations/" + c.id() + "/verify").session(citizen).with(csrf())
                    .param("submission", String.valueOf(submission)).param("code", wrong(first)))
                    .andExpect(status().isUnprocessableContent());
        }
        // the page offers a new code; the same comment sent again would only lead back to the spent one
        mvc.perform(get(verifyPage).session(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"resend\"")));
        // another browser cannot ask for this comment's code
        mvc.perform(post("/public/consultations/" + c.id() + "/verify/resend").with(csrf())
                        .param("submission", String.valueOf(submission)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/public/consultations/" + c.id() + "/verify/resend").session(citizen).with(csrf())
                        .param("submission", String.valueOf(submission)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"code-resent\"")));
        String second = codeFor(submission);
        // the spent code does not come back to life; the new one confirms the comment as it was typed
        mvc.perform(post("/public/consultations/" + c.id() + "/verify").session(citizen).with(csrf())
                        .param("submission", String.valueOf(submission)).param("code", first.equals(second) ? wrong(first) : first))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/public/consultations/" + c.id() + "/verify").session(citizen).with(csrf())
                        .param("submission", String.valueOf(submission)).param("code", second))
                .andExpect(status().is3xxRedirection());
        assertThat(contributions.published(c.id())).extracting(Contribution::body).contains(text);
        // once confirmed, no further code is sent for it
        mvc.perform(post("/public/consultations/" + c.id() + "/verify/resend").session(citizen).with(csrf())
                        .param("submission", String.valueOf(submission)))
                .andExpect(status().isConflict());
    }

    @Test
    void anotherBrowserCannotUseUpTheAttemptsOfACommentsCode() throws Exception {
        Consultation c = open();
        String address = "10.80." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        org.springframework.mock.web.MockHttpSession citizen = new org.springframework.mock.web.MockHttpSession();
        String text = "Đề nghị đặt thêm điểm tập kết rác ở chợ Đầm, vì " + marker();
        String verifyPage = mvc.perform(post("/public/consultations/" + c.id() + "/comment").session(citizen).with(csrf())
                        .with(from(address)).param("name", "Lê Văn Tâm").param("contact", "tam-" + marker() + "@example.vn")
                        .param("unit", "a11").param("text", text))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long submission = Long.parseLong(verifyPage.substring(verifyPage.indexOf("submission=") + "submission=".length()));
        String code = codeFor(submission);
        // a stranger who guesses the submission's number is led back to the consultation and spends none of its attempts
        org.springframework.mock.web.MockHttpSession stranger = new org.springframework.mock.web.MockHttpSession();
        for (int i = 0; i <= Contributions.CODE_ATTEMPTS; i++) {
            mvc.perform(post("/public/consultations/" + c.id() + "/verify").session(stranger).with(csrf())
                            .param("submission", String.valueOf(submission)).param("code", wrong(code)))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", "/public/consultations/" + c.id()));
        }
        mvc.perform(post("/public/consultations/" + c.id() + "/verify").with(csrf())
                        .param("submission", String.valueOf(submission)).param("code", code))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/public/consultations/" + c.id()));
        assertThat(contributions.published(c.id())).extracting(Contribution::body).doesNotContain(text);
        // the citizen's own code still confirms the comment
        mvc.perform(post("/public/consultations/" + c.id() + "/verify").session(citizen).with(csrf())
                        .param("submission", String.valueOf(submission)).param("code", code))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/public/consultations/" + c.id() + "/sent"));
        assertThat(contributions.published(c.id())).extracting(Contribution::body).contains(text);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    Drafts drafts;

    @Autowired
    Consultations consultations;

    @Autowired
    Contributions contributions;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private Consultation open() {
        return ConsultationTestData.open(drafts, consultations, marker(), today(), OFFICER);
    }

    /** The code sent for a submission, as publishing's outbox holds it. */
    private String codeFor(long submissionId) {
        String body = jdbc.sql("""
                SELECT p.body FROM pub_publication p JOIN consultation_submission s ON p.source = 'consultation-code:' || s.otp_id
                WHERE s.id = ?""").param(submissionId).query(String.class).single();
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void recordsAVerifiedCommentOnlyAfterTheCode() {
        Consultation c = open();
        String email = "dan-" + marker() + "@example.vn";
        long submission = contributions.submit(c.id(), new Contributions.Comment("Nguyễn Văn Dân", email, "a10",
                "Đề nghị thu gom rác vào buổi sáng sớm thay vì buổi tối."), "10.0.0." + marker().hashCode());
        assertThat(contributions.published(c.id())).isEmpty();
        assertThat(jdbc.sql("SELECT d.recipient FROM pub_delivery d JOIN pub_publication p ON p.id = d.publication_id "
                + "JOIN consultation_submission s ON p.source = 'consultation-code:' || s.otp_id WHERE s.id = ?")
                .param(submission).query(String.class).single()).isEqualTo(email);
        String stored = jdbc.sql("SELECT o.code_hash FROM consultation_otp o JOIN consultation_submission s ON s.otp_id = o.id WHERE s.id = ?")
                .param(submission).query(String.class).single();
        String code = codeFor(submission);
        assertThat(stored).doesNotContain(code);
        assertThatThrownBy(() -> contributions.verify(c.id(), submission, wrong(code)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.arguments()).containsExactly(4);
                });
        Consultation other = open();
        assertThatThrownBy(() -> contributions.verify(other.id(), submission, code)).isInstanceOf(NotFound.class);
        Contribution k = contributions.verify(c.id(), submission, code);
        assertThat(k.verified()).isTrue();
        assertThat(k.source()).isEqualTo(ContributionSource.FORM);
        assertThat(k.status()).isEqualTo(ContributionStatus.PUBLISHED);
        assertThat(k.unitLabel()).isEqualTo("Điều 10.");
        assertThat(k.reference()).matches("GY-\\d{4}-\\d{6}");
        assertThat(contributions.published(c.id())).extracting(Contribution::id).containsExactly(k.id());
        assertThatThrownBy(() -> contributions.verify(c.id(), submission, code)).isInstanceOf(vn.loa.shared.Conflict.class);
    }

    @Test
    void refusesAnExpiredCodeAndAfterFiveWrongAttempts() {
        Consultation c = open();
        long late = contributions.submit(c.id(), new Contributions.Comment("Bảy", "0900000" + (100 + (int) (Math.random() * 800)),
                null, "Ý kiến chung về dự thảo."), "10.1." + marker());
        String lateCode = codeFor(late);
        Instant real = clock.instant();
        try {
            clock.advance(Duration.ofMinutes(16));
            assertThatThrownBy(() -> contributions.verify(c.id(), late, lateCode)).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.messageKey()).isEqualTo("consultation.error.code-expired"));
        } finally {
            clock.set(real);
        }
        long guessed = contributions.submit(c.id(), new Contributions.Comment("Mười", "muoi-" + marker() + "@example.com",
                null, "Ý kiến chung."), "10.2." + marker());
        String code = codeFor(guessed);
        for (int i = 0; i < Contributions.CODE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> contributions.verify(c.id(), guessed, wrong(code))).isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> contributions.verify(c.id(), guessed, code)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.messageKey()).isEqualTo("consultation.error.code-attempts"));
        assertThat(contributions.published(c.id())).isEmpty();
    }

    @Test
    void limitsSubmissionsPerAddressAndCodesAndContributionsPerContact() {
        Consultation c = open();
        String address = "10.9." + marker();
        for (int i = 0; i < Contributions.SUBMISSIONS_PER_ADDRESS_HOUR; i++) {
            contributions.submit(c.id(), new Contributions.Comment("Người " + i, "p" + i + "-" + marker() + "@example.vn",
                    null, "Góp ý số " + i), address);
        }
        assertThatThrownBy(() -> contributions.submit(c.id(), new Contributions.Comment("Thêm", "them-" + marker()
                + "@example.vn", null, "Góp ý nữa"), address)).isInstanceOfSatisfying(TooManyContributions.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.error.too-many-address"));

        String contact = "cung-" + marker() + "@example.vn";
        for (int i = 0; i < Contributions.CODES_PER_CONTACT_HOUR; i++) {
            contributions.submit(c.id(), new Contributions.Comment("Cùng", contact, null, "Góp ý " + i),
                    "10.10." + marker());
        }
        assertThatThrownBy(() -> contributions.submit(c.id(), new Contributions.Comment("Cùng", contact, null, "Nữa"),
                "10.10." + marker())).isInstanceOfSatisfying(TooManyContributions.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.error.too-many-codes"));

        String daily = "ngay-" + marker() + "@example.vn";
        Instant real = clock.instant();
        try {
            for (int i = 0; i < Contributions.CONTRIBUTIONS_PER_CONTACT_DAY; i++) {
                long s = contributions.submit(c.id(), new Contributions.Comment("Ngày", daily, null, "Góp ý thứ " + i),
                        "10.11." + marker());
                contributions.verify(c.id(), s, codeFor(s));
                clock.advance(Duration.ofMinutes(20));
            }
            assertThatThrownBy(() -> contributions.submit(c.id(), new Contributions.Comment("Ngày", daily, null,
                    "Góp ý thứ mười một"), "10.11." + marker())).isInstanceOfSatisfying(TooManyContributions.class,
                            e -> assertThat(e.messageKey()).isEqualTo("consultation.error.too-many-day"));
        } finally {
            clock.set(real);
        }
    }

    @Test
    void holdsLinksPhoneNumbersAndToxicTextUntilAnOfficerDecides() {
        Consultation c = open();
        Contribution link = comment(c, "Xem thêm tại https://rac-sach.example.com/huong-dan nhé");
        Contribution phone = comment(c, "Xe rác trộn hết, ai cần thì gọi tôi 0912 345 678 để biết thêm");
        Contribution toxic = comment(c, "Bọn soạn thảo ngu như bò, đồ ăn hại, cút hết đi");
        Contribution plain = comment(c, "Tôi đồng ý với việc phân loại rác tại nguồn.");
        assertThat(link.status()).isEqualTo(ContributionStatus.RECEIVED);
        assertThat(link.heldFor()).contains("LINK");
        assertThat(phone.heldFor()).contains("PHONE");
        assertThat(toxic.heldFor()).contains("TOXIC");
        assertThat(plain.status()).isEqualTo(ContributionStatus.PUBLISHED);
        assertThat(contributions.published(c.id())).extracting(Contribution::id).containsExactly(plain.id());

        assertThatThrownBy(() -> contributions.publish(link.id(), ContributionStatus.RECEIVED, OTHER_OFFICER)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> contributions.reject(toxic.id(), ContributionStatus.RECEIVED, " ", OFFICER)).isInstanceOfSatisfying(
                InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        Contribution published = contributions.publish(link.id(), ContributionStatus.RECEIVED, OFFICER);
        assertThat(published.status()).isEqualTo(ContributionStatus.PUBLISHED);
        assertThat(published.moderatedBy()).isEqualTo(OFFICER.username());
        Contribution rejected = contributions.reject(toxic.id(), ContributionStatus.RECEIVED, "Lời lẽ xúc phạm", OFFICER);
        assertThat(rejected.moderationReason()).isEqualTo("Lời lẽ xúc phạm");
        assertThat(contributions.list(c.id(), null, ContributionStatus.RECEIVED, OFFICER)).extracting(Contribution::id)
                .containsExactly(phone.id());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_record WHERE action = 'consultation-contribution.moderated'
                AND target_id IN (?, ?) AND actor = ?""").params(String.valueOf(link.id()), String.valueOf(toxic.id()),
                OFFICER.username()).query(Long.class).single()).isEqualTo(2);
        assertThat(contributions.countsPerUnit(c.id(), OFFICER)).containsEntry("", 3L);
    }

    private Contribution comment(Consultation c, String text) {
        long s = contributions.submit(c.id(), new Contributions.Comment("Người dân", "nd-" + marker() + "@example.vn",
                null, text), "10.20." + marker());
        return contributions.verify(c.id(), s, codeFor(s));
    }

    @Test
    void recordsAnOrganisationsOfficialOpinion() {
        Consultation c = open();
        byte[] pdf = "%PDF-1.4\n% công văn góp ý\n".getBytes(StandardCharsets.UTF_8);
        Contribution k = contributions.recordOfficial(c.id(), new Contributions.OfficialOpinion(
                "Hiệp hội Du lịch Nha Trang - Khánh Hòa", "Nguyễn Văn Chủ", "a8", "Đề nghị lùi thời hạn áp dụng.",
                "cong-van.pdf", pdf), OFFICER);
        assertThat(k.kind()).isEqualTo(Contribution.Kind.ORGANISATION);
        assertThat(k.source()).isEqualTo(ContributionSource.OFFICIAL);
        assertThat(k.organisation()).isEqualTo("Hiệp hội Du lịch Nha Trang - Khánh Hòa");
        assertThat(contributions.attachment(k.id(), OFFICER).contentType()).isEqualTo("application/pdf");
        assertThatThrownBy(() -> contributions.recordOfficial(c.id(), new Contributions.OfficialOpinion("Tổ chức", "Ký",
                null, "Nội dung", "x.txt", "văn bản".getBytes(StandardCharsets.UTF_8)), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file"));
        assertThatThrownBy(() -> contributions.recordOfficial(c.id(), new Contributions.OfficialOpinion("Tổ chức", "Ký",
                null, "Nội dung", "x.pdf", pdf), OTHER_OFFICER)).isInstanceOf(NotFound.class);
    }

    @Test
    void importsTheDemosCommentsAndRefusesAFileWithABadLineWhole() {
        // the demo's 30 days ended ten days ago: every days_after_open is a day of the period, none in the future
        Consultation c = ConsultationTestData.ran(drafts, consultations, clock, marker(), today().minusDays(40),
                today().minusDays(11), OFFICER);
        Contributions.ImportResult result = contributions.importCsv(c.id(), ConsultationTestData.bytes("comments.csv"),
                OFFICER);
        assertThat(result.rows()).isEqualTo(200);
        assertThat(result.held()).isEqualTo(6);
        assertThat(contributions.list(c.id(), null, ContributionStatus.RECEIVED, OFFICER))
                .extracting(Contribution::heldFor).containsOnly("TOXIC", "LINK", "PHONE");
        List<Contribution> all = contributions.list(c.id(), null, null, OFFICER);
        assertThat(all).hasSize(200).allMatch(k -> k.source() == ContributionSource.IMPORT);
        assertThat(all).filteredOn(k -> k.kind() == Contribution.Kind.ORGANISATION).hasSize(12);
        assertThat(contributions.list(c.id(), "a10", null, OFFICER)).hasSizeGreaterThanOrEqualTo(35);
        assertThat(contributions.list(c.id(), "", null, OFFICER)).hasSize(19);
        assertThat(all).filteredOn(k -> k.body().contains("0900000") || k.body().contains("http"))
                .allMatch(k -> k.status() == ContributionStatus.RECEIVED);
        assertThat(all.stream().map(Contribution::receivedAt).min(Instant::compareTo).orElseThrow())
                .isAfter(c.opensOn().atStartOfDay(LocalTime.ZONE).toInstant());

        Consultation other = open();
        String today = LocalTime.format(today());
        String bad = "article,name,kind,organisation,contact,received,text\r\n"
                + "10,Trần Văn A,CITIZEN,,a@example.vn," + today + ",Thu gom sớm hơn\r\n"
                + "Điều 99,Lê Thị B,công dân,,," + today + ",Điều không có\r\n"
                + "5,Hội X,tổ chức,Hội X,,31/02/" + today().getYear() + ",Ngày sai\r\n";
        assertThatThrownBy(() -> contributions.importCsv(other.id(), bad.getBytes(StandardCharsets.UTF_8), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.all()).extracting(InvalidInput::messageKey).containsExactly(
                            "consultation.error.csv-article", "consultation.error.csv-received");
                    assertThat(e.arguments()).containsExactly(3L, "article");
                    assertThat(e.all().get(1).arguments()).containsExactly(4L, "received");
                });
        assertThat(contributions.list(other.id(), null, null, OFFICER)).isEmpty();
        assertThatThrownBy(() -> contributions.importCsv(other.id(), bad.getBytes(StandardCharsets.UTF_8),
                OTHER_OFFICER)).isInstanceOf(NotFound.class);
        String good = "article,name,kind,organisation,contact,received,text\r\n"
                + "Điều 10,Trần Văn A,CITIZEN,,a@example.vn," + today + ",Thu gom sớm hơn\r\n";
        assertThat(contributions.importCsv(other.id(), good.getBytes(StandardCharsets.UTF_8), OFFICER).rows())
                .isEqualTo(1);
        assertThat(contributions.list(other.id(), "a10", null, OFFICER)).singleElement()
                .satisfies(k -> assertThat(LocalDate.ofInstant(k.receivedAt(), LocalTime.ZONE)).isEqualTo(today()));
    }

    @Test
    void refusesAReceivedDateOutsideThePeriodOrInTheFutureNamingTheLineAndTheDateColumn() {
        LocalDate opens = today().minusDays(40);
        LocalDate closes = today().minusDays(11);
        Consultation past = ConsultationTestData.ran(drafts, consultations, clock, marker(), opens, closes, OFFICER);
        String header = "article,name,kind,organisation,contact,received,text\r\n";
        String outside = header
                + "10,An,CITIZEN,,," + LocalTime.format(opens) + ",Ngày mở\r\n"
                + "10,Bình,CITIZEN,,," + LocalTime.format(opens.minusDays(1)) + ",Trước ngày mở\r\n"
                + "10,Chi,CITIZEN,,," + LocalTime.format(closes.plusDays(1)) + ",Sau ngày kết thúc\r\n"
                + "10,Dũng,CITIZEN,,," + LocalTime.format(closes) + ",Ngày kết thúc\r\n";
        assertThatThrownBy(() -> contributions.importCsv(past.id(), outside.getBytes(StandardCharsets.UTF_8), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.all()).extracting(InvalidInput::messageKey).containsExactly(
                            "consultation.error.csv-received-period", "consultation.error.csv-received-period");
                    assertThat(e.all()).extracting(InvalidInput::field).containsOnly("file");
                    assertThat(e.arguments()).containsExactly(3L, "received", LocalTime.format(opens.minusDays(1)),
                            LocalTime.format(opens), LocalTime.format(closes));
                    assertThat(e.all().get(1).arguments()).startsWith(4L, "received");
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.forLanguageTag("vi")))
                            .startsWith("Tệp, dòng 3, cột received: ngày nhận " + LocalTime.format(opens.minusDays(1)));
                });
        String daysAfter = "article,name,kind,days_after_open,text\r\n10,An,CITIZEN,29,Ngày cuối\r\n"
                + "10,Bình,CITIZEN,30,Một ngày sau\r\n";
        assertThatThrownBy(() -> contributions.importCsv(past.id(), daysAfter.getBytes(StandardCharsets.UTF_8),
                OFFICER)).isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("consultation.error.csv-received-period");
                    assertThat(e.arguments()).startsWith(3L, "days_after_open");
                });
        assertThat(contributions.list(past.id(), null, null, OFFICER)).isEmpty();

        Consultation running = open();
        LocalDate tomorrow = today().plusDays(1);
        String future = header
                + "10,An,CITIZEN,,," + LocalTime.format(today()) + ",Hôm nay\r\n"
                + "10,Bình,CITIZEN,,," + LocalTime.format(tomorrow) + ",Ngày mai\r\n";
        assertThatThrownBy(() -> contributions.importCsv(running.id(), future.getBytes(StandardCharsets.UTF_8),
                OFFICER)).isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.all()).extracting(InvalidInput::messageKey)
                            .containsExactly("consultation.error.csv-received-future");
                    assertThat(e.arguments()).containsExactly(3L, "received", LocalTime.format(tomorrow),
                            LocalTime.format(today()));
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH))
                            .isEqualTo("File, line 3, column received: the date received " + LocalTime.format(tomorrow)
                                    + " is in the future (today is " + LocalTime.format(today()) + ").");
                });
        String futureDays = "article,name,kind,days_after_open,text\r\n10,An,CITIZEN,1,Ngày mai\r\n";
        assertThatThrownBy(() -> contributions.importCsv(running.id(), futureDays.getBytes(StandardCharsets.UTF_8),
                OFFICER)).isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("consultation.error.csv-received-future");
                    assertThat(e.arguments()).startsWith(2L, "days_after_open");
                });
        assertThat(contributions.list(running.id(), null, null, OFFICER)).isEmpty();

        // the days of the period, ends included, up to today; a row received today is not dated later than now
        assertThat(contributions.importCsv(past.id(), (header + "10,An,CITIZEN,,," + LocalTime.format(opens)
                + ",Ngày mở\r\n10,Dũng,CITIZEN,,," + LocalTime.format(closes) + ",Ngày kết thúc\r\n")
                .getBytes(StandardCharsets.UTF_8), OFFICER).rows()).isEqualTo(2);
        Instant real = clock.instant();
        try {
            clock.set(today().atTime(7, 30).atZone(LocalTime.ZONE).toInstant());
            Instant morning = clock.instant();
            contributions.importCsv(running.id(), (header + "10,An,CITIZEN,,," + LocalTime.format(today())
                    + ",Sáng nay\r\n").getBytes(StandardCharsets.UTF_8), OFFICER);
            assertThat(contributions.list(running.id(), null, null, OFFICER)).singleElement()
                    .satisfies(k -> assertThat(k.receivedAt()).isEqualTo(morning));
        } finally {
            clock.set(real);
        }
    }

    @Test
    void refusesAFileWhoseColumnsExcelSeparatedWithSemicolons() {
        Consultation c = open();
        String csv = "article;name;kind;organisation;contact;received;text\r\n10;An;CITIZEN;;;"
                + LocalTime.format(today()) + ";Thu gom sớm hơn\r\n";
        assertThatThrownBy(() -> contributions.importCsv(c.id(), csv.getBytes(StandardCharsets.UTF_8), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.messageKey()).isEqualTo("consultation.error.csv-semicolons");
                });
    }

    @Test
    void theCodeBySmsFitsInTwoPartsWithALongTitleCutAndAnEllipsis() {
        String m = marker();
        String title = "Lấy ý kiến nhân dân về dự thảo Quyết định ban hành Quy định phân loại chất thải rắn sinh hoạt"
                + " tại nguồn, thời gian thu gom, giá dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt trên địa bàn"
                + " tỉnh Khánh Hòa " + m;
        Consultation c = ConsultationTestData.titled(drafts, consultations, m, title, today(), OFFICER);
        long bySms = contributions.submit(c.id(), new Contributions.Comment("Lan", phone(), "a10", "Góp ý"),
                "10.30." + m);
        String sms = sent(bySms, "SMS");
        SmsSegments.Count count = SmsSegments.count(sms, 0);
        assertThat(count.encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(count.segments()).isEqualTo(2);
        assertThat(sms).startsWith("Mã xác nhận góp ý: " + codeFor(bySms) + ", hiệu lực 15 phút, đợt “Lấy ý kiến nhân dân")
                .contains("…”").doesNotContain(m);
        assertThat(contributions.verify(c.id(), bySms, codeFor(bySms)).verified()).isTrue();

        // an e-mail has room for the whole title; a short title is not cut
        long byEmail = contributions.submit(c.id(), new Contributions.Comment("Lan", "lan-" + m + "@example.vn", null,
                "Góp ý"), "10.32." + m);
        assertThat(sent(byEmail, "EMAIL")).contains("“" + title + "”").doesNotContain("…");
        Consultation shortTitle = open();
        long plain = contributions.submit(shortTitle.id(), new Contributions.Comment("Lan", phone(), null, "Góp ý"),
                "10.33." + m);
        assertThat(sent(plain, "SMS")).contains("“" + shortTitle.title() + "”").doesNotContain("…");
    }

    /** A phone number no other test uses. */
    private static String phone() {
        return "09" + String.format(Locale.ROOT, "%08d", (long) (Math.random() * 100_000_000L));
    }

    /** The body of the code's message for a submission, checking the channel it goes through. */
    private String sent(long submissionId, String channel) {
        return jdbc.sql("""
                SELECT p.body FROM pub_publication p JOIN consultation_submission s ON p.source = 'consultation-code:' || s.otp_id
                WHERE s.id = ? AND p.channel = ?""").params(submissionId, channel).query(String.class).single();
    }

    @Test
    void publishingOrRejectingTwiceSaysItIsDoneAlreadyAndChangesNothing() throws Exception {
        Consultation c = open();
        Contribution link = comment(c, "Xem thêm tại https://rac-sach.example.com/huong-dan nhé");
        contributions.publish(link.id(), ContributionStatus.RECEIVED, OFFICER);
        assertThatThrownBy(() -> contributions.publish(link.id(), ContributionStatus.RECEIVED, COORDINATOR)).isInstanceOfSatisfying(Conflict.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("consultation.error.already-published");
                    assertThat(e.arguments()).containsExactly(link.reference());
                });
        assertThat(contributions.get(link.id(), OFFICER).moderatedBy()).isEqualTo(OFFICER.username());
        contributions.reject(link.id(), ContributionStatus.PUBLISHED, "Quảng cáo", OFFICER);
        assertThatThrownBy(() -> contributions.reject(link.id(), ContributionStatus.PUBLISHED, "Quảng cáo", OFFICER))
                .isInstanceOfSatisfying(Conflict.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.error.already-rejected"));
        assertThat(moderations(link.id())).isEqualTo(2);

        // a double click: both requests at once, one publishes, the other is told
        for (int i = 0; i < 3; i++) {
            Contribution held = comment(c, "Gọi 0912 345 678 để biết thêm " + i);
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<String> click = () -> {
                together.await();
                try {
                    contributions.publish(held.id(), ContributionStatus.RECEIVED, OFFICER);
                    return "published";
                } catch (Conflict e) {
                    return e.messageKey();
                }
            };
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = two.invokeAll(List.of(click, click));
                assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder("published",
                        "consultation.error.already-published");
            } finally {
                two.shutdown();
            }
            assertThat(moderations(held.id())).isEqualTo(1);
        }
    }

    @Test
    void aModeratorComesBackToTheListTheyFilteredAndARefusedReasonStaysInItsBox() throws Exception {
        Consultation c = open();
        String page = "/consultations/" + c.id() + "/contributions";
        MockHttpSession coordinator = signIn("coordinator");
        Contribution first = comment(c, "Xem hướng dẫn tại https://phan-loai.example.com/" + marker());
        Contribution second = comment(c, "Liên hệ 0913 222 111 để được thu gom tận nhà " + marker());
        // the held ones, the list a moderator works through
        org.jsoup.nodes.Document held = org.jsoup.Jsoup.parse(mvc.perform(get(page).param("status", "RECEIVED")
                .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        org.jsoup.nodes.Element form = held.selectFirst("#reject-" + first.id()).parent();
        assertThat(form.selectFirst("input[name=status]").val()).isEqualTo("RECEIVED");
        String tooLong = "Quảng cáo dịch vụ thu gom tư nhân. ".repeat(40);
        var refused = mvc.perform(post(page + "/" + first.id() + "/reject").session(coordinator).with(csrf())
                        .param("seen", "RECEIVED").param("reason", tooLong).param("unit", "all")
                        .param("status", "RECEIVED").param("scope", "all"))
                .andExpect(redirectedUrl(page + "?status=RECEIVED")).andReturn();
        org.jsoup.nodes.Document back = org.jsoup.Jsoup.parse(mvc.perform(get(page).param("status", "RECEIVED")
                        .session(coordinator).flashAttrs(refused.getFlashMap())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(back.selectFirst("#reason-" + first.id()).val()).isEqualTo(tooLong);
        assertThat(back.selectFirst("#reason-" + second.id()).val()).isEmpty();
        assertThat(contributions.get(first.id(), OFFICER).status()).isEqualTo(ContributionStatus.RECEIVED);
        mvc.perform(post(page + "/" + second.id() + "/publish").session(coordinator).with(csrf())
                        .param("seen", "RECEIVED").param("unit", "all").param("status", "RECEIVED").param("scope", "all"))
                .andExpect(redirectedUrl(page + "?status=RECEIVED"));
    }

    @Test
    void aStalePageNeitherUndoesNorRepeatsWhatAnotherOfficerJustDidAndSaysWhoDidIt() throws Exception {
        Consultation c = open();
        String page = "/consultations/" + c.id() + "/contributions";
        MockHttpSession admin = signIn("admin");
        MockHttpSession coordinator = signIn("coordinator");

        // the form: the administrator's page shows the comment held; the coordinator rejects it; the administrator,
        // still on that page, publishes it
        Contribution held = comment(c, "Xem thêm tại https://rac-sach.example.com/huong-dan nhé");
        String seen = org.jsoup.Jsoup.parse(mvc.perform(get(page).session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).selectFirst("#publish-" + held.id()).parent()
                .selectFirst("input[name=seen]").val();
        assertThat(seen).isEqualTo("RECEIVED");
        mvc.perform(post(page + "/" + held.id() + "/reject").session(coordinator).with(csrf()).param("seen", "RECEIVED")
                .param("reason", "Quảng cáo")).andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/" + held.id() + "/publish").session(admin).with(csrf()).param("seen", seen))
                .andExpect(redirectedUrl(page));
        Contribution after = contributions.get(held.id(), OFFICER);
        assertThat(after.status()).isEqualTo(ContributionStatus.REJECTED);
        assertThat(after.moderatedBy()).isEqualTo("coordinator");
        assertThat(after.moderationReason()).isEqualTo("Quảng cáo");
        assertThat(moderations(held.id())).isEqualTo(1);
        String told = org.jsoup.Jsoup.parse(mvc.perform(get(page).session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).select("#moderation-error").text();
        assertThat(told).startsWith("Góp ý " + held.reference() + " đã bị Điều phối viên Sở Văn hóa, Thể thao và Du lịch"
                + " loại lúc " + LocalTime.format(after.moderatedAt()) + " (lý do: Quảng cáo)")
                .contains("không được thực hiện").contains("tải lại trang");

        // the API: the coordinator publishes; the administrator's rejection, made on what it saw before, is a 409
        Contribution other = comment(c, "Gọi 0912 345 678 để biết thêm");
        String api = "/api/v1/consultations/" + c.id() + "/contributions/" + other.id();
        mvc.perform(post(api + "/publish").session(coordinator).with(csrf()).contentType("application/json")
                .content("{\"seen\":\"RECEIVED\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(post(api + "/reject").session(admin).with(csrf()).contentType("application/json")
                .content("{\"seen\":\"RECEIVED\",\"reason\":\"Trùng lặp\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("Góp ý " + other.reference()
                        + " đã được Điều phối viên Sở Văn hóa, Thể thao và Du lịch công khai lúc")))
                .andExpect(jsonPath("$.detail").value(containsString("Hãy tải lại trang")));
        mvc.perform(post(api + "/reject").session(admin).with(csrf()).param("lang", "en")
                .contentType("application/json").content("{\"seen\":\"RECEIVED\",\"reason\":\"Duplicate\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Contribution " + other.reference()
                        + " was published by")))
                .andExpect(jsonPath("$.detail").value(containsString("Reload the page")));
        // the same decision twice is still said to be done already; a request that does not say what it saw is refused
        mvc.perform(post(api + "/publish").session(admin).with(csrf()).contentType("application/json")
                .content("{\"seen\":\"RECEIVED\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("đã được công khai rồi")));
        mvc.perform(post(api + "/reject").session(admin).with(csrf()).contentType("application/json")
                .content("{\"reason\":\"Trùng lặp\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("seen"));
        Contribution unchanged = contributions.get(other.id(), OFFICER);
        assertThat(unchanged.status()).isEqualTo(ContributionStatus.PUBLISHED);
        assertThat(unchanged.moderatedBy()).isEqualTo("coordinator");
        assertThat(unchanged.moderationReason()).isNull();
        assertThat(moderations(other.id())).isEqualTo(1);
        Consultation elsewhere = open();
        mvc.perform(post("/api/v1/consultations/" + elsewhere.id() + "/contributions/" + other.id() + "/publish")
                .session(admin).with(csrf()).contentType("application/json").content("{\"seen\":\"PUBLISHED\"}"))
                .andExpect(status().isNotFound());

        // two officers at once, one publishing and one rejecting what both saw held: one wins, the other is told
        for (int i = 0; i < 3; i++) {
            Contribution both = comment(c, "Xem https://vi-du.example.vn/" + i);
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<String> publish = () -> {
                together.await();
                try {
                    contributions.publish(both.id(), ContributionStatus.RECEIVED, OFFICER);
                    return "PUBLISHED";
                } catch (Conflict e) {
                    return e.messageKey();
                }
            };
            Callable<String> reject = () -> {
                together.await();
                try {
                    contributions.reject(both.id(), ContributionStatus.RECEIVED, "Quảng cáo", COORDINATOR);
                    return "REJECTED";
                } catch (Conflict e) {
                    return e.messageKey();
                }
            };
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = two.invokeAll(List.of(publish, reject));
                String winner = contributions.get(both.id(), OFFICER).status().name();
                assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(winner,
                        "consultation.error.changed-meanwhile." + winner);
            } finally {
                two.shutdown();
            }
            assertThat(moderations(both.id())).isEqualTo(1);
        }
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession();
    }

    private long moderations(long contributionId) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_record WHERE action = 'consultation-contribution.moderated' AND target_id = ?""")
                .param(String.valueOf(contributionId)).query(Long.class).single();
    }
}
