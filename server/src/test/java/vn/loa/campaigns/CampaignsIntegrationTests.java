package vn.loa.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
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
import tools.jackson.databind.json.JsonMapper;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Channel;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Campaigns on a real database with a clock the tests move: a message written by the Department of Health's officer is
 * approved by its spokesperson (never by its author) and handed to publishing at its time, one publication per channel
 * version and language, in a language only with an approved human translation; an emergency message takes the short
 * path with a reason; other agencies see none of it; the API names the field at fault.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class CampaignsIntegrationTests {

    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser SPOKESPERSON = new SignedInUser(6L, "spokesperson", "Người phát ngôn Sở Y tế", null,
            "SYT", Set.of(Role.SPOKESPERSON));
    private static final SignedInUser DISTRICT = new SignedInUser(5L, "district", "Cán bộ xã", null, "22852",
            Set.of(Role.OFFICER));
    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));

    /** A WAV header and a little silence: what a recorder gives. */
    private static final byte[] WAV = wav();

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Messages messages;

    @Autowired
    Publishing publishing;

    @Autowired
    TestClock clock;

    @Autowired
    CampaignSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.loa.publishing.SourceLookup sources;

    @Autowired
    vn.loa.identity.AgencyDirectory agencies;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anApproverWhoRewroteAVersionIsOneOfItsWritersAndDoesNotApproveIt() throws Exception {
        MockHttpSession officer = signIn("officer");
        MockHttpSession spokesperson = signIn("spokesperson");
        long id = json.readTree(body(mvc.perform(post("/api/v1/messages").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"campaignId":%d,"title":"Tiêm chủng mở rộng","body":"Lịch tiêm chủng tháng 12 tại trạm y tế xã."}
                        """.formatted(campaign()))).andExpect(status().isCreated()))).get("id").asLong();
        mvc.perform(put("/api/v1/messages/" + id + "/versions/sms").session(spokesperson).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"body":"So Y te: lich tiem chung thang 12 tai tram y te xa."}"""))
                .andExpect(status().isOk());
        transition(officer, id, "submit", null, null).andExpect(status().isOk());
        // the spokesperson wrote the SMS: approving it would be approving their own words
        transition(spokesperson, id, "approve", null, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("không được tự duyệt")));
        transition(signIn("coordinator"), id, "approve", null, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("coordinator"));
    }

    @Test
    void theSpokespersonApprovesNeverTheAuthorAndEachVersionIsHandedToPublishingAtItsTime() throws Exception {
        MockHttpSession officer = signIn("officer");
        long campaignId = campaign();
        long id = json.readTree(body(mvc.perform(post("/api/v1/messages").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"campaignId":%d,"title":"Người cao tuổi được hỗ trợ bảo hiểm y tế",
                         "body":"Từ tháng 1/2027, người từ đủ 60 tuổi đến dưới 75 tuổi được ngân sách tỉnh hỗ trợ mua thẻ bảo hiểm y tế."}
                        """.formatted(campaignId))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")))).get("id").asLong();
        mvc.perform(put("/api/v1/messages/" + id + "/versions/portal_article").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"Hỗ trợ bảo hiểm y tế","body":"<p>Người cao tuổi <b>được hỗ trợ</b>.</p><script>alert(1)</script>"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.body").value("<p>Người cao tuổi <b>được hỗ trợ</b>.</p>"));
        mvc.perform(put("/api/v1/messages/" + id + "/versions/sms").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"body":"So Y te: nguoi tu du 60 tuoi duoc ho tro mua the BHYT. Lien he tram y te xa."}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.figures.sms.encoding").value("GSM_7"))
                .andExpect(jsonPath("$.figures.sms.segments").value(1));
        Version loudspeaker = messages.saveVersion(id, VersionKind.LOUDSPEAKER, null,
                "Kính thưa bà con. Sở Y tế thông báo: người từ đủ sáu mươi tuổi được hỗ trợ mua thẻ bảo hiểm y tế.", null,
                null, OFFICER);
        messages.attachAudio(loudspeaker.id(), "ban-tin.wav", WAV, OFFICER);
        messages.saveVersion(id, VersionKind.BILLBOARD, null, "BẢO HIỂM Y TẾ\nCHO NGƯỜI CAO TUỔI", null, null, OFFICER);
        assertThatThrownBy(() -> messages.saveVersion(id, VersionKind.BILLBOARD, null,
                "MỘT DÒNG QUÁ DÀI CHO BẢNG ĐIỆN TỬ CỦA XÃ", null, null, OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("body"));

        transition(officer, id, "submit", null, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        // four eyes: the author never approves, whoever they are
        transition(officer, id, "approve", null, null).andExpect(status().isConflict());
        transition(signIn("district"), id, "approve", null, null).andExpect(status().isNotFound());
        assertThat(messages.approvalQueue(SPOKESPERSON)).extracting(Message::id).contains(id);
        assertThat(messages.approvalQueue(OFFICER)).extracting(Message::id).doesNotContain(id);
        transition(signIn("spokesperson"), id, "approve", null, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("spokesperson"));
        String at = clock.instant().plus(Duration.ofMinutes(30)).atZone(LocalTime.ZONE).toOffsetDateTime().toString();
        transition(officer, id, "schedule", at, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));

        List<Version> versions = messages.versions(id, OFFICER);
        messages.publishDue();
        assertThat(versions).allSatisfy(v -> assertThat(publishing.bySource(v.source("vi"))).isEmpty());
        clock.advance(Duration.ofMinutes(31));
        messages.publishDue();
        assertThat(messages.get(id, OFFICER).status()).isEqualTo(MessageStatus.PUBLISHED);
        assertThat(versions).allSatisfy(v -> assertThat(publishing.bySource(v.source("vi"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.channel()).isEqualTo(v.kind().channel().orElseThrow());
                    assertThat(p.language()).isEqualTo("vi");
                    assertThat(p.campaign()).isEqualTo("campaign:" + campaignId);
                }));
        assertThat(versions).extracting(v -> v.kind().channel().orElseThrow())
                .containsExactly(Channel.PORTAL, Channel.SMS, Channel.LOUDSPEAKER, Channel.BILLBOARD);
        // published once: the scheduler finds nothing more to do
        messages.publishDue();
        assertThat(publishing.bySource(versions.get(0).source("vi"))).hasSize(1);
        assertThat(messages.steps(id, OFFICER)).extracting(Step::action, Step::actor).containsExactly(
                tuple("WRITE", "officer"), tuple("SUBMIT", "officer"),
                tuple("APPROVE", "spokesperson"),
                tuple("SCHEDULE", "officer"), tuple("PUBLISH", "system"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE target_type = 'campaign-message' AND target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(5);

        // withdrawn: what an approver let out, an approver takes back (the author alone may not), with a reason;
        // publishing is asked to withdraw each publication
        transition(officer, id, "withdraw", null, "Sai mức hỗ trợ").andExpect(status().isForbidden());
        MockHttpSession approver = signIn("spokesperson");
        transition(approver, id, "withdraw", null, "").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("reason"));
        transition(approver, id, "withdraw", null, "Sai mức hỗ trợ").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        assertThat(versions).allSatisfy(v -> assertThat(publishing.bySource(v.source("vi")))
                .allSatisfy(p -> assertThat(p.withdrawn()).isTrue()));
    }

    @Test
    void aPublicationTimeAlreadyGoneIsRefusedAndAPublishedMessageRecordsWhenItReallyWentOut() throws Exception {
        Message m = messages.write(campaignAsService(), "Lịch tiêm nhắc lại " + System.nanoTime(), "Tiêm nhắc lại.", null,
                OFFICER);
        Version sms = messages.saveVersion(m.id(), VersionKind.SMS, null, "So Y te: lich tiem nhac lai.", null, null,
                OFFICER);
        messages.act(m.id(), MessageAction.SUBMIT, null, null, OFFICER);
        messages.act(m.id(), MessageAction.APPROVE, null, null, SPOKESPERSON);
        MockHttpSession officer = signIn("officer");

        // the API: a day long gone, and a minute ago
        transition(officer, m.id(), "schedule", "2025-06-01T07:30:00+07:00", null)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("publishAt"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("01/06/2025 07:30")));
        assertThatThrownBy(() -> messages.act(m.id(), MessageAction.SCHEDULE, clock.instant().minus(Duration.ofMinutes(1)),
                null, OFFICER)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("publishAt"));
        // the page: the form names the field and keeps the time as it was typed
        var refused = mvc.perform(post("/campaigns/messages/" + m.id() + "/transitions").session(officer).with(csrf())
                .param("action", "SCHEDULE").param("publishAt", "2025-06-01T07:30")).andReturn();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(officer).flashAttrs(refused.getFlashMap())).andExpect(status().isOk())));
        assertThat(page.select("#problems li").eachAttr("data-field")).containsExactly("publishAt");
        assertThat(page.select("#problems li").text()).contains("01/06/2025 07:30", "đã qua");
        assertThat(page.select("#publishAt").attr("value")).isEqualTo("2025-06-01T07:30");
        assertThat(messages.get(m.id(), OFFICER).status()).isEqualTo(MessageStatus.APPROVED);
        assertThat(messages.steps(m.id(), OFFICER)).extracting(Step::action).doesNotContain("SCHEDULE");

        // the current minute is now; the scheduler comes to it late, and the message says when it really went out
        java.time.Instant minute = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        assertThat(messages.act(m.id(), MessageAction.SCHEDULE, minute, null, OFFICER).status())
                .isEqualTo(MessageStatus.SCHEDULED);
        String scheduled = body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer)));
        assertThat(org.jsoup.Jsoup.parse(scheduled).select("#scheduled-at").text()).isEqualTo(LocalTime.format(minute));
        clock.advance(Duration.ofMinutes(47));
        messages.publishDue();
        Message published = messages.get(m.id(), OFFICER);
        assertThat(published.status()).isEqualTo(MessageStatus.PUBLISHED);
        assertThat(published.publishedAt()).isEqualTo(clock.instant());
        assertThat(publishing.bySource(sms.source("vi"))).singleElement()
                .satisfies(p -> assertThat(p.publishAt()).isEqualTo(clock.instant()));
        org.jsoup.nodes.Document after = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(officer))));
        assertThat(after.select("#published-at").text()).isEqualTo(LocalTime.format(clock.instant()));
        assertThat(after.select("#scheduled-at")).isEmpty();
        assertThat(after.select(".facts").text()).doesNotContain(LocalTime.format(minute));
    }

    @Test
    void aPublicationTimeTypedByHandAsVietnameseWriteItIsReadAndOneThatCannotBeReadIsSaidSo() throws Exception {
        Message m = messages.write(campaignAsService(), "Lịch khám sức khỏe " + System.nanoTime(), "Khám miễn phí.", null,
                OFFICER);
        messages.saveVersion(m.id(), VersionKind.SMS, null, "So Y te: kham suc khoe mien phi.", null, null, OFFICER);
        messages.act(m.id(), MessageAction.SUBMIT, null, null, OFFICER);
        messages.act(m.id(), MessageAction.APPROVE, null, null, SPOKESPERSON);
        MockHttpSession officer = signIn("officer");
        // a browser without a date-time box shows a text box: the officer writes the time as people do
        var unreadable = mvc.perform(post("/campaigns/messages/" + m.id() + "/transitions").session(officer).with(csrf())
                .param("action", "SCHEDULE").param("publishAt", "mùng 10 tháng Chạp")).andReturn();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(officer).flashAttrs(unreadable.getFlashMap())).andExpect(status().isOk())));
        assertThat(page.select("#problems li").eachAttr("data-field")).containsExactly("publishAt");
        assertThat(page.select("#problems li").text()).contains("«mùng 10 tháng Chạp»", "10/12/2026 08:00")
                .doesNotContain("Nhập thời điểm phát hành");
        assertThat(messages.get(m.id(), OFFICER).status()).isEqualTo(MessageStatus.APPROVED);
        LocalDate day = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE).plusDays(3);
        mvc.perform(post("/campaigns/messages/" + m.id() + "/transitions").session(officer).with(csrf())
                .param("action", "SCHEDULE").param("publishAt", "%d/%d/%d 8:05".formatted(day.getDayOfMonth(),
                        day.getMonthValue(), day.getYear())))
                .andExpect(status().is3xxRedirection());
        Message scheduled = messages.get(m.id(), OFFICER);
        assertThat(scheduled.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(scheduled.publishAt()).isEqualTo(day.atTime(8, 5).atZone(LocalTime.ZONE).toInstant());
    }

    @Test
    void nothingIsPublishedInALanguageWithoutAnApprovedHumanTranslation() throws Exception {
        long campaignId = campaignAsService();
        String title = "Bảo hiểm y tế cho người cao tuổi " + System.nanoTime();
        Message m = messages.write(campaignId, title, "Người cao tuổi được hỗ trợ.", null, OFFICER);
        Version v = messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, null, "Kính thưa bà con.", null, null, OFFICER);
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        Translation cham;
        try {
            cham = messages.assignTranslation(v.id(), "cjm", "press", OFFICER);
            // the translator is told by e-mail, once the assignment has committed
            MimeMessage told = null;
            for (int received = 1; told == null && smtp.waitForIncomingEmail(20_000, received); received++) {
                told = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
                    try {
                        return mail.getSubject().contains(title);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
            }
            assertThat(told).as("the translator's e-mail").isNotNull();
            assertThat(told.getAllRecipients()[0].toString()).isEqualTo("press@demo.loa.local");
            assertThat(told.getSubject()).isEqualTo("[Loa] Việc dịch mới: " + title);
            assertThat((String) told.getContent()).contains("tiếng Chăm", "Bản tin loa truyền thanh", "/campaigns/translations");
        } finally {
            smtp.stop();
        }
        Translation raglai = messages.assignTranslation(v.id(), "roc", "district", OFFICER);
        assertThatThrownBy(() -> messages.assignTranslation(v.id(), "cjm", "press", OFFICER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> messages.assignTranslation(v.id(), "fr", "press", OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThat(messages.tasksOf(JOURNALIST)).extracting(Translation::id).contains(cham.id());
        // only the translator enters it, and not the one who reviews it
        assertThatThrownBy(() -> messages.submitTranslation(cham.id(), "Text", null, null, OFFICER))
                .isInstanceOf(AccessDeniedException.class);
        messages.submitTranslation(cham.id(), "Bản dịch tiếng Chăm (do người dịch nhập).", "cham.wav", WAV, JOURNALIST);
        assertThatThrownBy(() -> messages.textIn(v.id(), "cjm")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> messages.approveTranslation(cham.id(), JOURNALIST)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> messages.approveTranslation(raglai.id(), OFFICER)).isInstanceOf(Conflict.class);
        assertThat(messages.approveTranslation(cham.id(), OFFICER).reviewer()).isEqualTo("officer");
        assertThat(messages.textIn(v.id(), "cjm")).isEqualTo("Bản dịch tiếng Chăm (do người dịch nhập).");
        assertThatThrownBy(() -> messages.textIn(v.id(), "roc")).isInstanceOf(Conflict.class);

        messages.act(m.id(), MessageAction.SUBMIT, null, null, OFFICER);
        messages.act(m.id(), MessageAction.APPROVE, null, null, SPOKESPERSON);
        messages.act(m.id(), MessageAction.SCHEDULE, clock.instant(), null, OFFICER);
        messages.publishDue();
        assertThat(publishing.bySource(v.source("vi"))).hasSize(1);
        assertThat(publishing.bySource(v.source("cjm"))).singleElement()
                .satisfies(p -> assertThat(p.language()).isEqualTo("cjm"));
        assertThat(publishing.bySource(v.source("roc"))).isEmpty();
    }

    @Test
    void aChannelBoxFilledInButNotSavedSaysSoAndTheRefusalNamesTheButtonToPress() throws Exception {
        Message m = messages.write(campaignAsService(), "Khẩn: nước lũ dâng cao", "Nước lũ dâng cao, di dời ngay.",
                Emergency.DISASTER, OFFICER);
        MockHttpSession officer = signIn("officer");
        String page = body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer)).andExpect(status().isOk()));
        // each box holds the message's text, and says it is not saved yet
        assertThat(page).contains("id=\"no-version-saved\"", "id=\"unsaved-SMS\"", "id=\"unsaved-ZALO_POST\"")
                .contains("Chưa lưu: nội dung điền sẵn từ thông điệp");
        mvc.perform(post("/campaigns/messages/" + m.id() + "/transitions").session(officer).with(csrf())
                .param("action", "submit")).andExpect(status().is3xxRedirection());
        page = body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer)).andExpect(status().isOk()));
        assertThat(page).contains("Trong ô của mỗi kênh cần gửi, bấm «Lưu phiên bản»");

        messages.saveVersion(m.id(), VersionKind.SMS, null, "Nuoc lu dang cao, di doi ngay.", null, null, OFFICER);
        page = body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer)).andExpect(status().isOk()));
        assertThat(page).doesNotContain("id=\"no-version-saved\"", "id=\"unsaved-SMS\"").contains("id=\"unsaved-ZALO_POST\"");
        // a saved version may be handed to a translator: the button says so, not "Giao dịch" (a transaction)
        assertThat(org.jsoup.Jsoup.parse(page).select("#version-SMS button").eachText()).contains("Giao bản dịch")
                .doesNotContain("Giao dịch");
    }

    @Test
    void theEmergencyLogNamesItselfOnceAsItsHeading() throws Exception {
        org.jsoup.nodes.Document log = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/emergencies")
                .session(signIn("spokesperson"))).andExpect(status().isOk())));
        assertThat(log.select("main *").stream().filter(e -> e.ownText().equals("Nhật ký thông tin khẩn cấp")))
                .singleElement().satisfies(e -> assertThat(e.tagName()).isEqualTo("h1"));
    }

    @Test
    void anEmergencyMessageIsApprovedAndPublishedAtOnceByOneApproverWhoIsNotItsAuthorWithAReason() throws Exception {
        long campaignId = campaignAsService();
        Message m = messages.write(campaignId, "Khẩn: phòng chống dịch sốt xuất huyết", "Ổ dịch tại xã Ninh Hải.",
                Emergency.OUTBREAK, OFFICER);
        Version sms = messages.saveVersion(m.id(), VersionKind.SMS, null, "Khan: o dich sot xuat huyet tai xa Ninh Hai.",
                null, null, OFFICER);
        assertThatThrownBy(() -> messages.act(m.id(), MessageAction.EMERGENCY_PUBLISH, null, "Dịch lan nhanh", OFFICER))
                .isInstanceOf(Conflict.class);
        transition(signIn("spokesperson"), m.id(), "emergency_publish", null, " ")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
        transition(signIn("spokesperson"), m.id(), "emergency_publish", null, "Dịch lan nhanh, cần báo ngay")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        assertThat(publishing.bySource(sms.source("vi"))).singleElement().satisfies(p -> assertThat(p.emergency()).isTrue());
        assertThat(messages.emergencyLog(SPOKESPERSON)).filteredOn(s -> s.messageId() == m.id())
                .extracting(Step::action).containsExactly("PUBLISH", "EMERGENCY_PUBLISH", "WRITE");
        assertThat(messages.emergencyLog(DISTRICT)).noneMatch(s -> s.messageId() == m.id());
        // an ordinary message has no short path
        Message ordinary = messages.write(campaignId, "Thông tin thường", "Nội dung.", null, OFFICER);
        assertThatThrownBy(() -> messages.act(ordinary.id(), MessageAction.EMERGENCY_PUBLISH, null, "Gấp", SPOKESPERSON))
                .isInstanceOf(Conflict.class);
        String log = body(mvc.perform(get("/campaigns/emergencies").session(signIn("spokesperson")))
                .andExpect(status().isOk()));
        assertThat(log).contains("Dịch lan nhanh, cần báo ngay");
    }

    @Test
    void thePublishingPagesNameAPublicationsMessageAndCampaignOnlyToWhoMaySeeThem() throws Exception {
        long campaignId = campaignAsService();
        Message m = messages.write(campaignId, "Tiêm chủng <b>mùa đông</b>", "Lịch tiêm chủng.", null, OFFICER);
        Version sms = messages.saveVersion(m.id(), VersionKind.SMS, null, "So Y te: lich tiem chung mua dong.", null,
                null, OFFICER);
        messages.act(m.id(), MessageAction.SUBMIT, null, null, OFFICER);
        messages.act(m.id(), MessageAction.APPROVE, null, null, SPOKESPERSON);
        messages.act(m.id(), MessageAction.SCHEDULE, clock.instant(), null, OFFICER);
        messages.publishDue();
        long publication = publishing.bySource(sms.source("vi")).getFirst().id();

        MockHttpSession officer = signIn("officer");
        String html = body(mvc.perform(get("/publishing/" + publication).session(officer)).andExpect(status().isOk()));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("#source").text()).isEqualTo("Tiêm chủng <b>mùa đông</b> · Tin nhắn SMS");
        assertThat(page.select("#source a").attr("href")).isEqualTo("/campaigns/messages/" + m.id());
        assertThat(page.select("#campaign").text()).isEqualTo("Chiến dịch thử");
        assertThat(page.select("#campaign a").attr("href")).isEqualTo("/campaigns/" + campaignId);
        assertThat(html).contains("Tiêm chủng &lt;b&gt;mùa đông&lt;/b&gt;").doesNotContain("<b>mùa đông</b>")
                .doesNotContain(sms.source("vi"), "campaign:" + campaignId);
        // an SMS has no title of its own: the desk shows its message's
        org.jsoup.nodes.Document desk = org.jsoup.Jsoup.parse(body(mvc.perform(get("/publishing").session(officer))
                .andExpect(status().isOk())));
        assertThat(desk.select("tr[data-publication=" + publication + "] td:nth-child(5)").text())
                .isEqualTo("Tiêm chủng <b>mùa đông</b>");

        // whoever may not see the campaign is told nothing of it
        assertThat(sources.names(List.of(sms.source("vi"), "campaign:" + campaignId), OFFICER)).containsOnlyKeys(
                sms.source("vi"), "campaign:" + campaignId);
        assertThat(sources.names(List.of(sms.source("vi"), sms.source("cjm"), "campaign:" + campaignId), DISTRICT))
                .isEmpty();
        assertThat(sources.names(List.of(sms.source("cjm"), "campaign:x", "consultation-code:1"), OFFICER))
                .containsOnlyKeys(sms.source("cjm"));
        // a source no module names keeps a neutral label
        var agency = agencies.findByCode("SYT", LocalDate.ofInstant(clock.instant(), vn.loa.shared.LocalTime.ZONE))
                .orElseThrow().id();
        long other = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(s ->
                publishing.enqueue(new vn.loa.publishing.Publication("consultation-notice:test-" + System.nanoTime(),
                        null, null, agency, Channel.SMS, "vi", null, "Thong bao.", List.of(), List.of("0905000333"),
                        List.of(), clock.instant(), false), OFFICER.actor()));
        org.jsoup.nodes.Document unnamed = org.jsoup.Jsoup.parse(body(mvc.perform(get("/publishing/" + other)
                .session(officer)).andExpect(status().isOk())));
        assertThat(unnamed.select("#source").text()).isEqualTo("(không hiển thị)");
        assertThat(unnamed.select("#campaign")).isEmpty();
    }

    @Test
    void theCampaignPageListsItsMessagesWithOnePager() throws Exception {
        long campaignId = campaignAsService();
        messages.write(campaignId, "Lịch tiêm chủng tháng 12", "Nội dung.", null, OFFICER);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/" + campaignId)
                .session(signIn("officer"))).andExpect(status().isOk())));
        assertThat(page.select(".message-row")).hasSize(1);
        assertThat(page.select("nav.pager")).hasSize(1);
    }

    @Test
    void anOfficerOfAnotherAgencySeesNoneOfItAndMayNotActOnIt() throws Exception {
        long campaignId = campaignAsService();
        Message m = messages.write(campaignId, "Tin của Sở Y tế", "Nội dung.", null, OFFICER);
        MockHttpSession district = signIn("district");
        mvc.perform(get("/api/v1/campaigns/" + campaignId).session(district)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/messages/" + m.id()).session(district)).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/" + campaignId).session(district)).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/messages/" + m.id()).session(district)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/messages").session(district).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"campaignId\":%d,\"title\":\"x\",\"body\":\"y\"}".formatted(campaignId)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/campaigns/plans").session(district).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencyCode\":\"SYT\",\"year\":2031,\"title\":\"x\"}")).andExpect(status().isForbidden());
        assertThat(body(mvc.perform(get("/api/v1/messages").session(district)).andExpect(status().isOk())))
                .doesNotContain("Tin của Sở Y tế");
        assertThatThrownBy(() -> messages.get(m.id(), JOURNALIST)).isInstanceOf(NotFound.class);
        // the leader sees every agency's messages
        mvc.perform(get("/api/v1/messages/" + m.id()).session(signIn("leader"))).andExpect(status().isOk());
    }

    @Test
    void theNewPlanFormKeepsWhatWasTypedWhenItIsRefused() throws Exception {
        String page = body(mvc.perform(post("/campaigns/plans").session(signIn("officer")).with(csrf())
                        .param("agencyCode", "SYT").param("year", "hai nghìn").param("title", "Kế hoạch truyền thông y tế"))
                .andExpect(status().isUnprocessableContent()));
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(page);
        assertThat(form.select("#plan-title").attr("value")).isEqualTo("Kế hoạch truyền thông y tế");
        assertThat(form.select("#plan-form #agencyCode option[selected]").attr("value")).isEqualTo("SYT");
    }

    @Test
    void theApiNamesTheFieldAtFault() throws Exception {
        MockHttpSession officer = signIn("officer");
        Plan plan = plan();
        long planId = plan.id();
        mvc.perform(post("/api/v1/campaigns").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"planId":%d,"title":"","policy":"BHYT","audiences":["ELDERLY","ALIENS"],
                                 "startsOn":"2026-13-01","endsOn":"2026-12-31"}""".formatted(planId)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("audiences", "startsOn", "title",
                        "channels")));
        mvc.perform(post("/api/v1/campaigns").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"planId":%d,"title":"","policy":"BHYT","communes":["SYT"],"channels":["SMS"],
                                 "startsOn":"%d-12-31","endsOn":"%d-12-01","budgetVnd":-1}"""
                                .formatted(planId, plan.year(), plan.year())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("title", "endsOn", "communes", "budgetVnd")));
        Message m = messages.write(campaignAsService(), "Tin", "Nội dung.", null, OFFICER);
        transition(officer, m.id(), "publish_now", null, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("action"));
        transition(officer, m.id(), "approve", null, null).andExpect(status().isConflict());
        // a time without its offset could be any of the world's clocks: refused, saying what is missing
        transition(officer, m.id(), "schedule", "2026-12-10T08:00", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("publishAt"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("2026-12-10T08:00+07:00")));
        transition(officer, m.id(), "schedule", "mùng 10 tháng Chạp", null)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("publishAt"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("2026-12-03T07:30:00+07:00")));
        mvc.perform(put("/api/v1/messages/" + m.id() + "/versions/fax").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("kind"));
        mvc.perform(put("/api/v1/messages/" + m.id() + "/versions/social_post").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Bài đăng\",\"link\":\"javascript:alert(1)\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("link"));
        mvc.perform(put("/api/v1/messages/" + m.id() + "/versions/zalo_post").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Tin Zalo\",\"hashtags\":\"BHYT <b>\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("hashtags"));
        mvc.perform(put("/api/v1/messages/" + m.id() + "/versions/zalo_post").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"body":"Tin Zalo","hashtags":"#BHYT, #NguoiCaoTuoi","link":"https://syt.khanhhoa.gov.vn/bhyt"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version.hashtags").value("#BHYT #NguoiCaoTuoi"))
                .andExpect(jsonPath("$.figures.characters").value(8 + 2 + 19 + 1 + 32));
        mvc.perform(get("/api/v1/messages/sms-segments").param("text", "Bảo hiểm y tế").session(officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.encoding").value("UCS_2"))
                .andExpect(jsonPath("$.segments").value(1)).andExpect(jsonPath("$.plainText").value("Bao hiem y te"))
                .andExpect(jsonPath("$.plain.encoding").value("GSM_7"));
    }

    @Test
    void aCampaignOutsideItsPlansYearWithoutAChannelOrWithoutTheCommunesItsAudienceNamesIsRefused() throws Exception {
        MockHttpSession officer = signIn("officer");
        Plan plan = plan();
        String title = "Chiến dịch lạc năm " + System.nanoTime();
        String later = String.valueOf(plan.year() + 4);
        // the page: each field at fault named, nothing typed lost
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(body(mvc.perform(post("/campaigns/plans/" + plan.id()
                        + "/campaigns").session(officer).with(csrf()).param("title", title).param("policy", "Bảo hiểm y tế")
                        .param("audiences", "CHOSEN_COMMUNES").param("startsOn", later + "-01-01")
                        .param("endsOn", later + "-02-01").param("keyMessages", "Thông điệp chính đã nhập"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#problems li").eachAttr("data-field"))
                .containsExactly("startsOn", "endsOn", "channels", "communes");
        assertThat(refused.select("#problems li").text()).contains("năm " + plan.year(), "31/12/" + (plan.year() + 1),
                "kênh", "Các xã, phường được chọn");
        assertThat(refused.select("#title").attr("value")).isEqualTo(title);
        assertThat(refused.select("#startsOn").attr("value")).isEqualTo(later + "-01-01");
        assertThat(refused.select("#endsOn").attr("value")).isEqualTo(later + "-02-01");
        assertThat(refused.select("#keyMessages").text()).isEqualTo("Thông điệp chính đã nhập");
        assertThat(refused.select("input[name=audiences][value=CHOSEN_COMMUNES]").hasAttr("checked")).isTrue();
        // the API the same
        mvc.perform(post("/api/v1/campaigns").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"planId":%d,"title":"%s","policy":"Bảo hiểm y tế","audiences":["CHOSEN_COMMUNES"],
                                 "channels":[],"communes":[" "],"startsOn":"%s-01-01","endsOn":"%s-02-01"}"""
                                .formatted(plan.id(), title, later, later)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("startsOn", "endsOn", "channels",
                        "communes")));
        assertThat(campaigns.list(plan.id(), OFFICER)).isEmpty();

        // a campaign begun in the autumn runs on into the next spring; communes picked are its audience
        Campaign autumn = campaigns.create(plan.id(), new Campaigns.Draft(title, "Bảo hiểm y tế", null, null,
                List.of(Audience.ELDERLY), List.of("22852"), List.of(Channel.SMS), List.of(),
                LocalDate.of(plan.year(), 11, 1), LocalDate.of(plan.year() + 1, 2, 28), null, null, List.of()), OFFICER);
        assertThat(autumn.audiences()).containsExactly(Audience.ELDERLY, Audience.CHOSEN_COMMUNES);
        assertThatThrownBy(() -> campaigns.create(plan.id(), new Campaigns.Draft(title, "Bảo hiểm y tế", null, null,
                List.of(), List.of(), List.of(Channel.SMS), List.of(), LocalDate.of(plan.year() - 1, 12, 31),
                LocalDate.of(plan.year() + 2, 1, 1), null, null, List.of()), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.all()).extracting(InvalidInput::field)
                        .containsExactly("startsOn", "endsOn"));
    }

    @Test
    void aCampaignFormWithAFieldItCannotReadStillNamesEveryOtherFieldAtFault() throws Exception {
        MockHttpSession officer = signIn("officer");
        Plan plan = plan();
        String title = "Chiến dịch gõ ngày kiểu Việt " + System.nanoTime();
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(body(mvc.perform(post("/campaigns/plans/" + plan.id()
                        + "/campaigns").session(officer).with(csrf()).param("title", title).param("policy", "Bảo hiểm y tế")
                        .param("startsOn", "01/12/" + plan.year()).param("endsOn", plan.year() + "-12-31")
                        .param("budgetVnd", "một trăm triệu"))
                .andExpect(status().isUnprocessableContent())));
        // the date and the amount could not be read, and no channel was chosen: all three said at once
        assertThat(refused.select("#problems li").eachAttr("data-field"))
                .containsExactly("startsOn", "budgetVnd", "channels");
        assertThat(refused.select("#startsOn").attr("value")).isEqualTo("01/12/" + plan.year());
        assertThat(refused.select("#budgetVnd").attr("value")).isEqualTo("một trăm triệu");
        assertThat(refused.select("#problems li[data-field=budgetVnd]").text()).contains("chỉ ghi số", "ví dụ 50.000.000");
        assertThat(campaigns.list(plan.id(), OFFICER)).isEmpty();
    }

    @Test
    void aBudgetTypedWithItsCurrencyIsReadAsTheAmount() throws Exception {
        MockHttpSession officer = signIn("officer");
        Plan plan = plan();
        for (String typed : List.of("50.000.000 đồng", "50.000.000đ", "50 000 000 VNĐ")) {
            String title = "Chiến dịch ghi kinh phí " + System.nanoTime();
            mvc.perform(post("/campaigns/plans/" + plan.id() + "/campaigns").session(officer).with(csrf())
                    .param("title", title).param("policy", "Bảo hiểm y tế").param("audiences", "ELDERLY")
                    .param("channels", "SMS").param("startsOn", plan.year() + "-12-01")
                    .param("endsOn", plan.year() + "-12-31").param("budgetVnd", typed))
                    .andExpect(status().is3xxRedirection());
            assertThat(campaigns.list(plan.id(), OFFICER)).filteredOn(c -> c.title().equals(title)).singleElement()
                    .satisfies(c -> assertThat(c.budgetVnd()).as(typed).isEqualTo(50_000_000L));
        }
    }

    @Test
    void aBulletinReadByESpeakIsLabelledSyntheticAndTheLeafletIsAnA4Document() throws Exception {
        long campaignId = campaignAsService();
        Message m = messages.write(campaignId, "Tờ rơi bảo hiểm y tế", "Người cao tuổi được hỗ trợ mua thẻ.", null, OFFICER);
        Version v = messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, null,
                "Kính thưa bà con. Người cao tuổi được hỗ trợ mua thẻ bảo hiểm y tế.", null, null, OFFICER);
        assertThatThrownBy(() -> messages.attachAudio(v.id(), "ban-tin.mp3", "not audio".getBytes(StandardCharsets.UTF_8),
                OFFICER)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("audio"));
        assertThat(messages.speechAvailable()).as("espeak-ng is installed here and in CI").isTrue();
        Version read = messages.synthesise(v.id(), OFFICER);
        assertThat(read.audioSynthetic()).isTrue();
        assertThat(read.audioName()).contains("synthetic");
        MockHttpSession officer = signIn("officer");
        var audio = mvc.perform(get("/campaigns/versions/" + v.id() + "/audio").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(audio.getContentType()).isEqualTo("audio/wav");
        assertThat(audio.getHeader("X-Loa-Synthetic-Speech")).isEqualTo("true");
        assertThat(new String(audio.getContentAsByteArray(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        String page = body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer)).andExpect(status().isOk()));
        assertThat(page).contains("id=\"synthetic-label\"", "Giọng đọc máy (tổng hợp)");

        byte[] docx = mvc.perform(get("/campaigns/messages/" + m.id() + "/leaflet.docx").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
                var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("Tờ rơi bảo hiểm y tế", "Người cao tuổi được hỗ trợ mua thẻ.", "SỞ Y TẾ");
            // a leaflet is not an administrative document: no national title, no number
            assertThat(text.getText()).doesNotContain("Số:", "/TR-", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW()).hasToString("11906");
            assertThat(document.getDocument().getBody().getSectPr().getPgMar().getLeft()).hasToString("1701");
        }
        mvc.perform(get("/campaigns/messages/" + m.id() + "/leaflet.docx").session(signIn("district")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aLeafletIsMarkedAsADraftOnEveryPageAndInItsNameUntilTheMessageIsApproved() throws Exception {
        Message m = messages.write(campaignAsService(), "Tờ rơi tiêm chủng " + System.nanoTime(),
                "Trẻ em được tiêm chủng miễn phí tại trạm y tế.", null, OFFICER);
        messages.saveVersion(m.id(), VersionKind.LEAFLET, null, "Trẻ em được tiêm chủng miễn phí tại trạm y tế xã.", null,
                null, OFFICER);
        MockHttpSession officer = signIn("officer");
        String draft = "DỰ THẢO – CHƯA DUYỆT";
        // written, then waiting for approval ("Chờ duyệt"): a draft
        for (MessageAction step : new MessageAction[] {null, MessageAction.SUBMIT}) {
            if (step != null) {
                messages.act(m.id(), step, null, null, OFFICER);
            }
            var response = mvc.perform(get("/campaigns/messages/" + m.id() + "/leaflet.docx").session(officer))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getHeader("Content-Disposition")).contains("to-roi-" + m.id() + "-du-thao.docx");
            assertThat(org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer))
                    .andExpect(status().isOk()))).select("#leaflet").text()).contains("dự thảo, chưa duyệt");
            try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                    new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
                // every page: the default header, with no different first page
                assertThat(document.getDocument().getBody().getSectPr().isSetTitlePg()).isFalse();
                var header = document.getHeaderFooterPolicy().getDefaultHeader();
                assertThat(header.getText().strip()).as(String.valueOf(step)).isEqualTo(draft);
                assertThat(header.getParagraphs().getFirst().getRuns()).allSatisfy(run -> {
                    assertThat(run.isBold()).isTrue();
                    assertThat(run.getColor()).isNull();
                });
            }
        }
        messages.act(m.id(), MessageAction.APPROVE, null, null, SPOKESPERSON);
        var approved = mvc.perform(get("/campaigns/messages/" + m.id() + "/leaflet.docx").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(approved.getHeader("Content-Disposition")).contains("to-roi-" + m.id() + ".docx")
                .doesNotContain("du-thao");
        assertThat(org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer))
                .andExpect(status().isOk()))).select("#leaflet").text()).isEqualTo("Tải tờ rơi (DOCX)");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(approved.getContentAsByteArray()));
                var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("Trẻ em được tiêm chủng miễn phí").doesNotContain("DỰ THẢO", "CHƯA DUYỆT");
            assertThat(document.getHeaderList()).allSatisfy(h -> assertThat(h.getText()).doesNotContain("DỰ THẢO"));
        }
        // taken back after approval: not a draft, but not to be printed either
        messages.act(m.id(), MessageAction.WITHDRAW, null, "Sai lịch tiêm", SPOKESPERSON);
        var withdrawn = mvc.perform(get("/campaigns/messages/" + m.id() + "/leaflet.docx").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(withdrawn.getHeader("Content-Disposition")).contains("to-roi-" + m.id() + "-da-thu-hoi.docx");
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(withdrawn.getContentAsByteArray()))) {
            assertThat(document.getHeaderFooterPolicy().getDefaultHeader().getText().strip())
                    .isEqualTo("ĐÃ THU HỒI – KHÔNG PHÁT HÀNH");
        }
    }

    @Test
    void theCountersAreRightWithoutThePagesScriptAndAReadingTimeReadsAsPeopleSayIt() throws Exception {
        String body = "Người cao tuổi được hỗ trợ mua thẻ bảo hiểm y tế tại trạm y tế xã.";
        Message m = messages.write(campaignAsService(), "Thẻ bảo hiểm y tế", body, null, OFFICER);
        // a short bulletin: seconds only, never "0 phút"
        String shortBulletin = "Kính thưa bà con. Người cao tuổi được hỗ trợ mua thẻ bảo hiểm y tế.";
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, null, shortBulletin, null, null, OFFICER);
        int syllables = shortBulletin.split("[\\s.]+").length;
        int seconds = (int) Math.ceil(syllables * 60.0 / settings.syllablesPerMinute());
        assertThat(seconds).isLessThan(60);
        MockHttpSession officer = signIn("officer");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(officer)).andExpect(status().isOk())));
        assertThat(page.select("#counter-LOUDSPEAKER").text())
                .isEqualTo(syllables + " âm tiết · đọc khoảng " + seconds + " giây");
        // the versions not written yet start from the message's text: counted on the server, not as 0
        int characters = body.codePointCount(0, body.length());
        assertThat(page.select("#body-PRESS_RELEASE").text()).isEqualTo(body);
        assertThat(page.select("#counter-PRESS_RELEASE").text()).isEqualTo(characters + " ký tự");
        assertThat(page.select("#counter-LEAFLET").text()).isEqualTo(characters + " ký tự");
        assertThat(page.select("#counter-SOCIAL_POST").text()).startsWith(characters + " / ");
        String en = body(mvc.perform(get("/campaigns/messages/" + m.id()).param("lang", "en").session(officer))
                .andExpect(status().isOk()));
        assertThat(org.jsoup.Jsoup.parse(en).select("#counter-LOUDSPEAKER").text())
                .isEqualTo(syllables + " syllables · about " + seconds + " s to read");

        // a bulletin of whole minutes: minutes only
        String twoMinutes = String.join(" ", java.util.Collections.nCopies(2 * settings.syllablesPerMinute(), "loa"));
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, null, twoMinutes, null, null, OFFICER);
        page = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer))
                .andExpect(status().isOk())));
        assertThat(page.select("#counter-LOUDSPEAKER").text())
                .isEqualTo(2 * settings.syllablesPerMinute() + " âm tiết · đọc khoảng 2 phút");
        en = body(mvc.perform(get("/campaigns/messages/" + m.id()).param("lang", "en").session(officer))
                .andExpect(status().isOk()));
        assertThat(org.jsoup.Jsoup.parse(en).select("#counter-LOUDSPEAKER").text()).endsWith("about 2 min to read");
        // and minutes with seconds
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, null, twoMinutes + " " + shortBulletin, null, null,
                OFFICER);
        page = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id()).session(officer))
                .andExpect(status().isOk())));
        assertThat(page.select("#counter-LOUDSPEAKER").text()).endsWith("đọc khoảng 2 phút " + seconds + " giây");
    }

    @Test
    void pagesNameTheFieldAtFaultAndKeepWhatWasTyped() throws Exception {
        MockHttpSession officer = signIn("officer");
        Plan plan = plan();
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(body(mvc.perform(post("/campaigns/plans/" + plan.id()
                        + "/campaigns").session(officer).with(csrf()).param("startsOn", plan.year() + "-12-31")
                        .param("endsOn", plan.year() + "-12-01").param("communes", "SYT").param("channels", "SMS")
                        .param("objectives", "Mục tiêu đã nhập"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#problems li").eachAttr("data-field"))
                .containsExactly("title", "policy", "endsOn", "communes");
        assertThat(refused.select("#objectives").text()).isEqualTo("Mục tiêu đã nhập");

        Message m = messages.write(campaignAsService(), "Bảng tin", "Nội dung.", null, OFFICER);
        org.jsoup.nodes.Document version = org.jsoup.Jsoup.parse(body(mvc.perform(post("/campaigns/messages/" + m.id()
                        + "/versions/BILLBOARD").session(officer).with(csrf()).param("body", "MỘT\nHAI\nBA\nBỐN\nNĂM"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(version.select("#problems li").eachAttr("data-field")).containsExactly("body");
        assertThat(version.select("#problems li").text()).isEqualTo("Bảng tin chỉ hiện tối đa 4 dòng.");
        assertThat(version.select("#body-BILLBOARD").text()).contains("NĂM");
        assertThat(messages.versions(m.id(), OFFICER)).isEmpty();

        // a draft is rewritten; once submitted, it is not
        mvc.perform(post("/campaigns/messages/" + m.id()).session(officer).with(csrf()).param("title", "")
                .param("body", "x")).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/campaigns/messages/" + m.id()).session(officer).with(csrf()).param("title", "Bảng tin xã")
                .param("body", "Nội dung mới.")).andExpect(status().is3xxRedirection());
        assertThat(messages.get(m.id(), OFFICER).title()).isEqualTo("Bảng tin xã");
        messages.saveVersion(m.id(), VersionKind.BILLBOARD, null, "BẢNG TIN", null, null, OFFICER);
        messages.act(m.id(), MessageAction.SUBMIT, null, null, OFFICER);
        assertThatThrownBy(() -> messages.rewrite(m.id(), "Khác", "Khác", OFFICER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> messages.saveVersion(m.id(), VersionKind.SMS, null, "Tin", null, null, OFFICER))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aSaveFromAMessagePageOpenedBeforeAColleaguesIsRefusedKeepingWhatWasTyped() throws Exception {
        MockHttpSession officer = signIn("officer");
        MockHttpSession coordinator = signIn("coordinator");
        Message m = messages.write(campaignAsService(), "Thông báo tiêm chủng", "Bản đầu.", null, OFFICER);
        org.jsoup.nodes.Document opened = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(coordinator)).andExpect(status().isOk())));
        String seenText = opened.select("#rewrite input[name=seen]").val();
        String seenSms = opened.select("#version-SMS input[name=seen]").val();
        // the officer rewrites the text and writes the SMS meanwhile
        mvc.perform(post("/campaigns/messages/" + m.id()).session(officer).with(csrf()).param("title", "Thông báo tiêm chủng")
                .param("body", "Bản của cán bộ.").param("seen", seenText)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/messages/" + m.id() + "/versions/SMS").session(officer).with(csrf())
                .param("body", "Tin nhắn của cán bộ.").param("seen", seenSms)).andExpect(status().is3xxRedirection());
        // the coordinator's page, opened before, changes only the title: refused, the officer's text stays
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(body(mvc.perform(post("/campaigns/messages/" + m.id())
                        .session(coordinator).with(csrf()).param("title", "Tiêu đề mới").param("body", "Bản đầu.")
                        .param("seen", seenText))
                .andExpect(status().isConflict())));
        assertThat(refused.select("#action-error").text()).contains("đã được người khác sửa");
        assertThat(refused.select("#rewrite-title").val()).isEqualTo("Tiêu đề mới");
        assertThat(messages.get(m.id(), OFFICER).body()).isEqualTo("Bản của cán bộ.");
        mvc.perform(post("/campaigns/messages/" + m.id() + "/versions/SMS").session(coordinator).with(csrf())
                .param("body", "Tin nhắn cũ.").param("seen", seenSms)).andExpect(status().isConflict());
        assertThat(messages.versions(m.id(), OFFICER)).filteredOn(v -> v.kind() == VersionKind.SMS).singleElement()
                .satisfies(v -> assertThat(v.body()).isEqualTo("Tin nhắn của cán bộ."));
    }

    @Test
    void anApprovalFromAPageOpenedBeforeTheMessageWasRewrittenIsRefusedAndTheNewTextWaitsForItsReader() throws Exception {
        MockHttpSession officer = signIn("officer");
        MockHttpSession spokesperson = signIn("spokesperson");
        Message m = messages.write(campaignAsService(), "Lịch tiêm phòng cúm mùa đông", "Tiêm phòng cúm tại trạm y tế xã.",
                null, OFFICER);
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, "Tiêm phòng cúm",
                "Kính thưa bà con, trạm y tế xã tiêm phòng cúm miễn phí cho người cao tuổi.", null, null, OFFICER);
        messages.act(m.id(), MessageAction.SUBMIT, null, null, OFFICER);
        // the spokesperson opens the message to read it
        org.jsoup.nodes.Document read = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(spokesperson)).andExpect(status().isOk())));
        String seen = read.select("#approval form:has(#approve-message) input[name=seen]").val();
        assertThat(seen).isNotBlank();
        // meanwhile the leader sends it back and the officer changes the bulletin, then submits it again
        transition(signIn("leader"), m.id(), "return", null, "Sửa giờ tiêm").andExpect(status().isOk());
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, "Tiêm phòng cúm",
                "Kính thưa bà con, người cao tuổi không cần tiêm phòng cúm năm nay.", null, null, OFFICER);
        messages.act(m.id(), MessageAction.SUBMIT, null, null, OFFICER);
        // the approval sent from the page read before is refused: the spokesperson never read the new bulletin
        mvc.perform(post("/campaigns/messages/" + m.id() + "/transitions").session(spokesperson).with(csrf())
                        .param("action", "APPROVE").param("seen", seen))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorKey", "campaigns.error.changed-before-approval"));
        assertThat(messages.get(m.id(), OFFICER).status()).isEqualTo(MessageStatus.IN_REVIEW);
        assertThat(messages.steps(m.id(), OFFICER)).extracting(Step::action).doesNotContain("APPROVE");
        // once read again, it is approved
        String reread = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(spokesperson)).andExpect(status().isOk())))
                .select("#approval form:has(#approve-message) input[name=seen]").val();
        assertThat(reread).isNotEqualTo(seen);
        mvc.perform(post("/campaigns/messages/" + m.id() + "/transitions").session(spokesperson).with(csrf())
                .param("action", "APPROVE").param("seen", reread)).andExpect(status().is3xxRedirection());
        assertThat(messages.get(m.id(), OFFICER).status()).isEqualTo(MessageStatus.APPROVED);
    }

    @Test
    void anEmergencyPublicationThroughTheApiOfAMessageChangedSinceItsETagWasReadIsRefusedAndNothingGoesOut()
            throws Exception {
        MockHttpSession officer = signIn("officer");
        MockHttpSession spokesperson = signIn("spokesperson");
        Message m = messages.write(campaignAsService(), "Cảnh báo nước lũ sông Cái", "Nước sông Cái đang lên nhanh.",
                Emergency.DISASTER, OFFICER);
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, "Cảnh báo lũ",
                "Kính thưa bà con, nước sông Cái đang lên, bà con ven sông di dời ngay.", null, null, OFFICER);
        String etag = mvc.perform(get("/api/v1/messages/" + m.id()).session(spokesperson)).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, "Cảnh báo lũ",
                "Kính thưa bà con, nước sông Cái đã rút, bà con yên tâm ở nhà.", null, null, OFFICER);
        mvc.perform(post("/api/v1/messages/" + m.id() + "/transitions").session(spokesperson).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(java.util.Map.of(
                                "action", "emergency_publish", "reason", "Lũ lên nhanh", "seen", etag))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("chưa đọc")));
        assertThat(messages.get(m.id(), OFFICER).status()).isEqualTo(MessageStatus.DRAFT);
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_publication WHERE message_id = ?").param(m.id())
                .query(Long.class).single()).isZero();
        String now = mvc.perform(get("/api/v1/messages/" + m.id()).session(spokesperson)).andReturn().getResponse()
                .getHeader("ETag");
        mvc.perform(post("/api/v1/messages/" + m.id() + "/transitions").session(spokesperson).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(java.util.Map.of(
                                "action", "emergency_publish", "reason", "Lũ lên nhanh", "seen", now))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void aRefusedTranslationOrAssignmentComesBackWithWhatWasTyped() throws Exception {
        MockHttpSession officer = signIn("officer");
        MockHttpSession district = signIn("district");
        Message m = messages.write(campaignAsService(), "Phòng sốt xuất huyết mùa mưa", "Diệt lăng quăng quanh nhà.", null,
                OFFICER);
        Version v = messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, "Phòng sốt xuất huyết",
                "Kính thưa bà con, hãy diệt lăng quăng, úp ngược các vật chứa nước quanh nhà.", null, null, OFFICER);
        // a translator's user name mistyped: the form keeps the language and the name, to be corrected
        var refusedAssignment = mvc.perform(post("/campaigns/versions/" + v.id() + "/translations").session(officer)
                        .with(csrf()).param("messageId", String.valueOf(m.id())).param("language", "roc")
                        .param("translator", "districk"))
                .andExpect(status().is3xxRedirection()).andReturn();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/messages/" + m.id())
                .session(officer).flashAttrs(refusedAssignment.getFlashMap())).andExpect(status().isOk())));
        assertThat(page.select("#problems [data-field=translator]")).hasSize(1);
        assertThat(page.select("#translator-LOUDSPEAKER").val()).isEqualTo("districk");
        assertThat(page.select("#lang-LOUDSPEAKER option[selected]").val()).isEqualTo("roc");
        Translation t = messages.assignTranslation(v.id(), "roc", "district", OFFICER);
        // the translator's text, sent with a file that is no recording, is refused but not lost
        String typed = "Bản dịch Raglai của bà con <b>thôn Ma Nới</b>, gõ mất cả buổi sáng.";
        var refusedText = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/campaigns/translations/" + t.id())
                        .file(new org.springframework.mock.web.MockMultipartFile("audio", "ghi-am.mp3", "audio/mpeg",
                                "không phải âm thanh".getBytes(StandardCharsets.UTF_8)))
                        .param("body", typed).session(district).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        org.jsoup.nodes.Document tasks = org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/translations")
                .session(district).flashAttrs(refusedText.getFlashMap())).andExpect(status().isOk())));
        assertThat(tasks.select("#problems [data-field=audio]")).hasSize(1);
        assertThat(tasks.select("#tr-body-" + t.id()).text()).isEqualTo(typed);
        assertThat(messages.translations(m.id(), OFFICER)).filteredOn(x -> x.id() == t.id()).singleElement()
                .satisfies(x -> assertThat(x.body()).isNull());
    }

    @Test
    void aWithdrawnMessageLeavesNoTranslationToEnterApproveOrAssign() throws Exception {
        SignedInUser district = new SignedInUser(8L, "district", "Cán bộ UBND xã Ninh Hải", null, "22852",
                Set.of(Role.OFFICER));
        Message m = messages.write(campaignAsService(), "Phòng bệnh tay chân miệng", "Rửa tay cho trẻ.", null, OFFICER);
        Version v = messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, "Phòng bệnh tay chân miệng",
                "Kính thưa bà con, hãy rửa tay cho trẻ bằng xà phòng trước khi ăn.", null, null, OFFICER);
        Translation raglai = messages.assignTranslation(v.id(), "roc", "district", OFFICER);
        Translation cham = messages.assignTranslation(v.id(), "cjm", "press", OFFICER);
        messages.submitTranslation(cham.id(), "Bản dịch tiếng Chăm gửi trước khi rút.", null, null, JOURNALIST);
        assertThat(messages.tasksOf(district)).extracting(Translation::id).contains(raglai.id());

        messages.act(m.id(), MessageAction.WITHDRAW, null, "Nội dung cần viết lại", OFFICER);
        // the translator's list no longer asks for it, and what comes late is refused saying why
        assertThat(messages.tasksOf(district)).extracting(Translation::id).doesNotContain(raglai.id());
        assertThat(org.jsoup.Jsoup.parse(body(mvc.perform(get("/campaigns/translations").session(signIn("district")))
                .andExpect(status().isOk()))).select("#task-" + raglai.id())).isEmpty();
        assertThatThrownBy(() -> messages.submitTranslation(raglai.id(), "Bản dịch đến muộn.", null, null, district))
                .isInstanceOfSatisfying(Conflict.class,
                        e -> assertThat(e.messageKey()).isEqualTo("campaigns.error.translation-withdrawn"));
        assertThatThrownBy(() -> messages.approveTranslation(cham.id(), SPOKESPERSON))
                .isInstanceOfSatisfying(Conflict.class,
                        e -> assertThat(e.messageKey()).isEqualTo("campaigns.error.translation-withdrawn"));
        assertThatThrownBy(() -> messages.assignTranslation(v.id(), "roc", "press", OFFICER))
                .isInstanceOf(Conflict.class);
        assertThat(messages.translations(m.id(), OFFICER)).extracting(Translation::status)
                .containsExactlyInAnyOrder("ASSIGNED", "SUBMITTED");
    }

    private org.springframework.test.web.servlet.ResultActions transition(MockHttpSession session, long id, String action,
            String publishAt, String reason) throws Exception {
        return mvc.perform(post("/api/v1/messages/" + id + "/transitions").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new java.util.LinkedHashMap<>(
                        java.util.Map.of("action", action, "publishAt", publishAt == null ? "" : publishAt, "reason",
                                reason == null ? "" : reason)))));
    }

    /** A plan of the Department of Health for a year no other test took. */
    private Plan plan() {
        for (int year = 2030 + (int) (System.nanoTime() % 50); ; year++) {
            try {
                return campaigns.createPlan("SYT", year, "Kế hoạch truyền thông năm " + year, OFFICER);
            } catch (Conflict e) {
                // taken: try the next year
            }
        }
    }

    private long campaign() throws Exception {
        Plan plan = plan();
        return json.readTree(body(mvc.perform(post("/api/v1/campaigns").session(signIn("officer")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId":%d,"title":"Bảo hiểm y tế cho người cao tuổi","policy":"Bảo hiểm y tế",
                         "objectives":"90%% người cao tuổi có thẻ","audiences":["elderly","chosen_communes"],
                         "communes":["22852"],"channels":["PORTAL","SMS","LOUDSPEAKER"],"responsibleAgencies":["SYT"],
                         "startsOn":"%d-12-01","endsOn":"%d-03-31","budgetLine":"Kinh phí truyền thông",
                         "budgetVnd":150000000,"keywords":["bảo hiểm y tế","BHYT","người cao tuổi"]}"""
                        .formatted(plan.id(), plan.year(), plan.year() + 1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.communes[0]").value("22852"))
                .andExpect(jsonPath("$.audiences[0]").value("ELDERLY")))).get("id").asLong();
    }

    private long campaignAsService() {
        Plan plan = plan();
        return campaigns.create(plan.id(), new Campaigns.Draft("Chiến dịch thử", "Bảo hiểm y tế", null, null,
                List.of(Audience.ELDERLY), List.of("22852"), List.of(Channel.LOUDSPEAKER), List.of(),
                LocalDate.of(plan.year(), 12, 1), LocalDate.of(plan.year() + 1, 1, 31), null, null,
                List.of("bảo hiểm y tế")), OFFICER).id();
    }

    private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }

    private static byte[] wav() {
        byte[] wav = new byte[44 + 800];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 8);
        return wav;
    }
}
