package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.listening.Alerts;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;

/** Alert rules, evaluated as posts arrive, e-mailed through a real SMTP server (GreenMail), acknowledged. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcAlerts alerts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    vn.loa.misinformation.Cases cases;

    private GreenMail smtp;
    private final String keyword = "đê bao " + ProcessHandle.current().pid();

    @BeforeAll
    void startSmtp() {
        smtp = vn.loa.TestMail.smtp();
        smtp.start();
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aWatchedKeywordRaisesAnAlertAsPostsArriveWhichIsMailedAndAcknowledged() throws Exception {
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/alerts/rules").session(officer).with(csrf()).param("agencyCode", "SYT").param("kind", "KEYWORD")
                        .param("threshold", "2").param("keyword", keyword).param("email", "truc-ban@syt.example.vn"))
                .andExpect(status().is3xxRedirection());
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            file.append("{\"source\":\"alerts-test\",\"platform\":\"facebook\",\"external_id\":\"").append(keyword).append(i)
                    .append("\",\"published_at\":\"").append(Instant.now().minus(10 + i, ChronoUnit.MINUTES))
                    .append("\",\"text\":\"Sở Y tế ơi, ").append(keyword).append(" vỡ, trạm y tế ngập nước, lần ").append(i)
                    .append("\"}\n");
        }
        ImportSummary summary = importer.importFile("alerts.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(3);

        // the rules run in the background after the import: wait for the e-mail, not for a fixed time
        MimeMessage message = null;
        for (int received = 1; message == null && smtp.waitForIncomingEmail(20_000, received); received++) {
            message = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains("truc-ban@syt.example.vn")).findFirst()
                    .orElse(null);
        }
        assertThat(message).as("the alert's e-mail").isNotNull();
        assertThat(message.getSubject()).contains(keyword).contains("3 bài");
        String body = (String) message.getContent();
        // the e-mail leaves before its sending is recorded on the alert: wait for the record
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        Alerts.Alert alert = null;
        for (int attempt = 0; attempt < 100 && (alert == null || alert.emailedAt() == null); attempt++) {
            if (attempt > 0) {
                Thread.sleep(100);
            }
            alert = alerts.alerts(coordinator, true, 100).stream().filter(a -> keyword.equals(a.detail())).findFirst()
                    .orElseThrow();
        }
        assertThat(alert.postIds()).hasSize(3);
        assertThat(alert.emailedAt()).isNotNull();
        assertThat(alert.agencyCode()).isEqualTo("SYT");

        // the same hour does not raise it twice
        assertThat(alerts.evaluate()).noneMatch(a -> keyword.equals(a.detail()));

        // the officer of the agency sees it and its posts; another agency's officer and the press do not
        String page = mvc.perform(get("/alerts/" + alert.id()).session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("trạm y tế ngập nước").contains("Đã gửi lúc ");
        // while its e-mail is on its way (neither sent nor failed yet) the page says so, not "Chưa gửi được: null"
        jdbc.sql("UPDATE alert SET emailed_at = NULL, email_error = NULL WHERE id = ?").param(alert.id()).update();
        assertThat(mvc.perform(get("/alerts/" + alert.id()).session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Đang gửi").doesNotContain("Chưa gửi được: null");
        // one that could not be sent for want of a mail server says so in plain words, and who can set e-mail up; the
        // name of the setting is for an administrator, on hover, never in what an officer reads
        jdbc.sql("UPDATE alert SET email_error = ? WHERE id = ?").params(Alerts.NO_MAIL_SERVER, alert.id()).update();
        String officerPage = mvc.perform(get("/alerts/" + alert.id()).session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Element email = org.jsoup.Jsoup.parse(officerPage).selectFirst("#alert-email");
        assertThat(email.text()).isEqualTo("Chưa gửi được: việc gửi thư điện tử chưa được thiết lập, nên cảnh báo chỉ "
                + "hiện trong Loa; quản trị hệ thống (người cài đặt Loa) có thể thiết lập việc này");
        assertThat(email.hasAttr("title")).isFalse();
        assertThat(officerPage).doesNotContain("spring.mail").doesNotContain("SMTP");
        assertThat(mvc.perform(get("/alerts/" + alert.id()).param("lang", "en").session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .contains("Not sent: sending e-mail is not set up, so alerts are shown in Loa only; the system "
                        + "administrator (who installed Loa) can set it up")
                .doesNotContain("spring.mail");
        org.jsoup.nodes.Element adminView = org.jsoup.Jsoup.parse(mvc.perform(get("/alerts/" + alert.id())
                        .session(signIn("admin"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).selectFirst("#alert-email");
        assertThat(adminView.attr("title")).isEqualTo(Alerts.NO_MAIL_SERVER);
        mvc.perform(get("/api/v1/alerts/" + alert.id()).session(signIn("district"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alerts/" + alert.id()).session(signIn("press"))).andExpect(status().isNotFound());
        mvc.perform(get("/alerts/" + alert.id()).session(signIn("district"))).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/alerts/" + alert.id() + "/acknowledge").session(officer).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgedBy").value("officer"));
        mvc.perform(get("/api/v1/alerts").param("open", "true").session(officer))
                .andExpect(jsonPath("$[?(@.id == " + alert.id() + ")]").isEmpty());
        assertThat(body).contains("/alerts/" + alert.id());
    }

    private static jakarta.mail.Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNegativeVolumeRuleCountsCitizensNegativeCommentsNotNegativeNews() throws Exception {
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm("STC", "NEGATIVE_VOLUME", "2", "", "stc@example.vn", ""),
                coordinator);
        String source = "negative-volume-" + ProcessHandle.current().pid();
        Instant start = Instant.now();
        try {
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                boolean news = i < 4;
                String text = news ? "Thanh tra phát hiện Sở Tài chính để thất thoát hàng chục tỷ đồng, nhiều cán bộ bị kỷ luật vì "
                        + "sai phạm nghiêm trọng " + source
                        : "Người dân rất bức xúc vì Sở Tài chính chậm chi trả tiền bồi thường suốt ba năm, đề nghị xử lý "
                        + "nghiêm " + source;
                file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(news ? "news" : "hotline")
                        .append("\",\"external_id\":\"n").append(i).append("\",\"author\":\"Tác giả ").append(i)
                        .append("\",\"published_at\":\"").append(Instant.now().minus(5 + i, ChronoUnit.MINUTES))
                        .append("\",\"text\":\"").append(text).append("\"}\n");
            }
            assertThat(importer.importFile("negative.jsonl", new ByteArrayInputStream(file.toString().getBytes(
                    StandardCharsets.UTF_8)), Actor.SYSTEM, null).stored()).isEqualTo(7);
            // four negative reports and three negative calls, all about the Department of Finance
            assertThat(jdbc.sql("""
                    SELECT p.register || ' ' || p.sentiment FROM post p JOIN post_source s ON s.id = p.source_id
                    WHERE s.code = ? AND 'STC' = ANY (p.agencies) ORDER BY p.register""").param(source).query(String.class)
                    .list()).containsExactly("comment negative", "comment negative", "comment negative", "news negative",
                            "news negative", "news negative", "news negative");
            alerts.evaluate();
            long negativeComments = jdbc.sql("""
                    SELECT count(*) FROM post WHERE sentiment = 'negative' AND register = 'comment' AND 'STC' = ANY (agencies)
                    AND published_at >= ?""").param(java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)))
                    .query(Long.class).single();
            List<Alerts.Alert> raised = alerts.raised("NEGATIVE_VOLUME", start, Instant.now().plusSeconds(1), coordinator, 10)
                    .stream().filter(a -> a.ruleId() == rule.id()).toList();
            assertThat(raised).isNotEmpty();
            // the hour's negative comments (three of them are ours), not the seven negative posts
            assertThat(raised.getFirst().observed()).isEqualTo(negativeComments);
            assertThat(raised.getFirst().sentence()).contains("ý kiến tiêu cực của người dân");
            // the digest names the agency once: its title already does
            assertThat(alerts.digestText(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).lines()
                    .filter(line -> line.contains("/alerts/" + raised.getFirst().id())).toList()).singleElement()
                    .satisfies(line -> assertThat(line).contains("Ý kiến tiêu cực về Sở Tài chính: ")
                            .doesNotContain("(Sở Tài chính)"));
        } finally {
            alerts.disableRule(rule.id(), coordinator);
        }
    }

    @Test
    void anAgencySeesTheProvincesAlertsAboutItsPostsOrThatItAnswersWithThePostsItMayRead() throws Exception {
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        String word = "kênh tiêu " + ProcessHandle.current().pid();
        // a rule of the province, not of an agency
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm("", "KEYWORD", "3", word, "", ""), coordinator);
        try {
            String source = "province-alert-" + ProcessHandle.current().pid();
            String[][] posts = {
                {"facebook", "Sở Y tế ơi, " + word + " tràn vào trạm y tế, người bệnh lội nước vào khám"},
                {"facebook", "Trạm y tế ngập vì " + word + " tắc, đề nghị Sở Y tế kiểm tra thuốc bị ướt"},
                {"hotline", "Đề nghị Sở Xây dựng nạo vét " + word + " trước mùa mưa, cống thoát nước hư hỏng"}};
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < posts.length; i++) {
                file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(posts[i][0])
                        .append("\",\"external_id\":\"p").append(i).append("\",\"published_at\":\"")
                        .append(Instant.now().minus(5 + i, ChronoUnit.MINUTES)).append("\",\"text\":\"").append(posts[i][1])
                        .append("\"}\n");
            }
            assertThat(importer.importFile("province-alert.jsonl", new ByteArrayInputStream(file.toString().getBytes(
                    StandardCharsets.UTF_8)), Actor.SYSTEM, null).stored()).isEqualTo(3);
            assertThat(jdbc.sql("SELECT array_to_string(agencies, ',') FROM post WHERE text LIKE ?")
                    .param("%cống thoát nước%").query(String.class).list()).anyMatch(a -> a.contains("SXD"));
            alerts.evaluate();
            Alerts.Alert alert = alerts.alerts(coordinator, false, 100).stream().filter(a -> a.ruleId() == rule.id())
                    .findFirst().orElseThrow();
            assertThat(alert.agencyCode()).isNull();
            assertThat(alert.postIds()).hasSize(3);

            // the Department of Health's officer sees it, in the list and on its page, because two of its posts are the
            // department's; the hotline's call about the Department of Construction is not theirs to read
            MockHttpSession officer = signIn("officer");
            assertThat(mvc.perform(get("/alerts").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/alerts/" + alert.id() + "\"");
            String page = mvc.perform(get("/alerts/" + alert.id()).session(officer)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("tràn vào trạm y tế").contains("thuốc bị ướt").doesNotContain("cống thoát nước");
            // the coordinators', the rule's own, read every post
            assertThat(mvc.perform(get("/alerts/" + alert.id()).session(signIn("coordinator"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("cống thoát nước").contains("id=\"acknowledge\"");
            // it is the province's to acknowledge, not the officer's, who sees it for its posts only
            assertThat(page).doesNotContain("id=\"acknowledge\"").contains("id=\"acknowledged-by-others\"");
            mvc.perform(post("/api/v1/alerts/" + alert.id() + "/acknowledge").session(officer).with(csrf()))
                    .andExpect(status().isForbidden());
            // another agency's officer and the press still do not see it
            MockHttpSession district = signIn("district");
            mvc.perform(get("/alerts/" + alert.id()).session(district)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/alerts/" + alert.id()).session(signIn("press"))).andExpect(status().isNotFound());

            // the agency named to answer it sees it, and acknowledges it
            jdbc.sql("UPDATE alert SET about_agency = '22852' WHERE id = ?").param(alert.id()).update();
            assertThat(mvc.perform(get("/alerts/" + alert.id()).session(district)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"acknowledge\"")
                    .contains("tràn vào trạm y tế").doesNotContain("cống thoát nước");
            mvc.perform(get("/api/v1/alerts").session(district))
                    .andExpect(jsonPath("$[?(@.id == " + alert.id() + ")]").isNotEmpty());
            mvc.perform(post("/api/v1/alerts/" + alert.id() + "/acknowledge").session(district).with(csrf()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.acknowledgedBy").value("district"));
        } finally {
            alerts.disableRule(rule.id(), coordinator);
        }
    }

    @Test
    void theDigestIsReadInLoaInTheReadersLanguageByThoseWhoReadTheWholeProvince() throws Exception {
        MockHttpSession leader = signIn("leader");
        String page = mvc.perform(get("/alerts/digest").session(leader)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("<pre id=\"digest-text\"[^>]*>Tóm tắt dư luận 24 giờ qua, ngày \\d{2}/\\d{2}/\\d{4}")
                .contains("Vấn đề đang nổi lên:").contains("Cảnh báo: ");
        // the addresses of alerts are links on the page, to this site's path whatever address the e-mail names
        org.jsoup.select.Elements links = org.jsoup.Jsoup.parse(page).select("#digest-text a");
        assertThat(links.eachAttr("href")).isNotEmpty().allMatch(href -> href.matches("/alerts(/\\d+)?"));
        assertThat(links.eachText()).allMatch(text -> text.matches("https?://\\S+/alerts(/\\d+)?"));
        // whether today's went out by e-mail (an SMTP server is set up here): sent at a time, or after the digest hour
        assertThat(page).containsPattern("id=\"digest-status\"[^>]*>(Tóm tắt hôm nay đã gửi thư điện tử cho lãnh đạo lúc "
                + "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}|Tóm tắt được gửi thư điện tử cho lãnh đạo sau 7 giờ mỗi ngày)");
        assertThat(mvc.perform(get("/alerts/digest").param("lang", "en").session(leader)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Public opinion in the last 24 hours")
                .contains("Emerging issues:").doesNotContain("Vấn đề đang nổi lên")
                // one alert is one alert, in English
                .containsPattern("Alerts: (none|1 alert|[0-9,]+ alerts) about").doesNotContainPattern("\\b1 alerts\\b");
        assertThat(mvc.perform(get("/alerts").session(leader)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"digest-link\" href=\"/alerts/digest\"");
        for (String reader : List.of("coordinator", "admin")) {
            mvc.perform(get("/alerts/digest").session(signIn(reader))).andExpect(status().isOk());
        }
        // the province's alerts and issues: not an agency's officer's, nor the press's
        MockHttpSession officer = signIn("officer");
        mvc.perform(get("/alerts/digest").session(officer)).andExpect(status().isForbidden());
        mvc.perform(get("/alerts/digest").session(signIn("press"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/alerts").session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("digest-link");
    }

    @Test
    void leadersReceiveADailyDigestOnce() throws Exception {
        int before = smtp.getReceivedMessages().length;
        LocalDate day = LocalDate.of(2090, 1, 1).plusDays(ProcessHandle.current().pid() % 3000);
        assertThat(alerts.digest(day)).isGreaterThanOrEqualTo(1);
        assertThat(alerts.digest(day)).isZero();
        assertThat(smtp.waitForIncomingEmail(10_000, before + 1)).isTrue();
        List<MimeMessage> digests = Arrays.stream(smtp.getReceivedMessages())
                // this day's digest: after the digest hour the scheduled job sends today's to the same mailbox
                .filter(m -> subject(m).equals("[Loa] Tóm tắt dư luận ngày " + vn.loa.shared.LocalTime.format(day)))
                .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains("leader@demo.loa.local")).toList();
        assertThat(digests).hasSize(1);
        assertThat((String) digests.get(0).getContent()).contains("Vấn đề đang nổi lên");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rulesAreCheckedFieldByFieldAndOfficersOnlyWatchTheirOwnAgency() throws Exception {
        String page = mvc.perform(post("/alerts/rules").session(signIn("officer")).with(csrf()).param("agencyCode", "SXD")
                        .param("kind", "KEYWORD").param("threshold", "-1").param("keyword", "").param("email", "không phải thư"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Cán bộ chỉ lập quy tắc cho cơ quan của mình.")
                .contains("Ngưỡng phải là một số dương").contains("Hãy nhập từ khóa").contains("Địa chỉ thư không hợp lệ");
        mvc.perform(post("/alerts/rules").session(signIn("press")).with(csrf()).param("kind", "BURST"))
                .andExpect(status().isForbidden());
        // and the page does not offer the press a form it may not use
        String pressPage = mvc.perform(get("/alerts/rules").session(signIn("press"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(pressPage).doesNotContain("id=\"add-rule\"", "/disable\"");
        String officerPage = mvc.perform(get("/alerts/rules").session(signIn("officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(officerPage).contains("id=\"add-rule\"");
    }

    @Test
    void recipientsThatNoMailServerCouldReachAreRefusedNamingTheField() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        for (String email : new String[] {"notanemail", "truc-ban@syt", "a@syt.example.vn, <script>@x.vn", "ai@"}) {
            String page = mvc.perform(post("/alerts/rules").session(coordinator).with(csrf()).param("kind", "BURST")
                            .param("email", email))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(email).contains("Địa chỉ thư không hợp lệ");
            assertThat(org.jsoup.Jsoup.parse(page).select("input[name=email]").val()).isEqualTo(email);
        }
        assertThat(JdbcAlerts.addresses("truc-ban@syt.example.vn, lanh-dao@khanhhoa.gov.vn")).isTrue();
    }

    @Test
    void aRuleIsChangedOnItsPageAndASaveFromAPageOpenedBeforeAColleaguesChangeIsRefusedKeepingWhatWasTyped()
            throws Exception {
        String watched = "kè biển sạt " + ProcessHandle.current().pid();
        MockHttpSession first = signIn("coordinator");
        MockHttpSession second = signIn("coordinator");
        String created = mvc.perform(post("/api/v1/alerts/rules").session(first).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agencyCode\": \"SYT\", \"kind\": \"KEYWORD\", "
                                + "\"threshold\": \"2\", \"keyword\": \"" + watched + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        try {
            // an alert raised at threshold 2 ...
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                file.append("{\"source\":\"alerts-edit-test\",\"platform\":\"facebook\",\"external_id\":\"")
                        .append(watched).append(i).append("\",\"published_at\":\"")
                        .append(Instant.now().minus(5 + i, ChronoUnit.MINUTES)).append("\",\"text\":\"Sở Y tế ơi, bà con lo lắng: ")
                        .append(watched).append(" thêm một đoạn, lần ").append(i).append("\"}\n");
            }
            importer.importFile("alerts-edit.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                    Actor.SYSTEM, null);
            vn.loa.identity.SignedInUser province = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null,
                    null, java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
            Alerts.Alert alert = null;
            for (int attempt = 0; attempt < 100 && alert == null; attempt++) {
                alerts.evaluate();
                alert = alerts.alerts(province, false, 200).stream().filter(a -> a.ruleId() == id).findFirst().orElse(null);
                if (alert == null) {
                    Thread.sleep(100);
                }
            }
            assertThat(alert).as("the keyword's alert").isNotNull();

            // the second coordinator opens the rule's page; the first changes its recipients meanwhile
            org.jsoup.nodes.Document opened = org.jsoup.Jsoup.parse(mvc.perform(get("/alerts/rules/" + id).session(second))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            String seen = opened.select("#alert-rule-form input[name=seen]").val();
            assertThat(seen).isNotBlank();
            assertThat(opened.select("input[name=threshold]").val()).isEqualTo("2");
            assertThat(opened.select("input[name=keyword]").val()).isEqualTo(watched);
            mvc.perform(post("/alerts/rules/" + id).session(first).with(csrf())
                            .param("seen", org.jsoup.Jsoup.parse(mvc.perform(get("/alerts/rules/" + id).session(first))
                                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                                    .select("input[name=seen]").val())
                            .param("threshold", "2").param("refireFactor", "2").param("keyword", watched)
                            .param("email", "truc-ban@syt.example.vn"))
                    .andExpect(status().is3xxRedirection());

            // the second, from the page opened before, raises the threshold: refused, nothing written, what was typed kept
            String refused = mvc.perform(post("/alerts/rules/" + id).session(second).with(csrf()).param("seen", seen)
                            .param("threshold", "40").param("refireFactor", "2").param("keyword", watched).param("email", ""))
                    .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Alerts.Rule now = alerts.rule(id, province);
            assertThat(now.email()).isEqualTo("truc-ban@syt.example.vn");
            assertThat(now.threshold()).isEqualTo(2.0);
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused);
            assertThat(page.select("#changed-meanwhile").text()).contains("đã được người khác sửa", "truc-ban@syt.example.vn");
            assertThat(page.select("input[name=threshold]").val()).isEqualTo("40");

            // a wrong field is named, and what was typed stays
            String wrong = mvc.perform(post("/alerts/rules/" + id).session(second).with(csrf())
                            .param("seen", page.select("input[name=seen]").val()).param("threshold", "bốn mươi")
                            .param("refireFactor", "2").param("keyword", watched).param("email", "truc-ban@syt.example.vn"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(wrong).contains("Ngưỡng phải là một số dương");
            assertThat(org.jsoup.Jsoup.parse(wrong).select("input[name=threshold]").val()).isEqualTo("bốn mươi");

            // saved again after reading the rule as it is now, keeping the colleague's recipients
            mvc.perform(post("/alerts/rules/" + id).session(second).with(csrf())
                            .param("seen", page.select("input[name=seen]").val()).param("threshold", "40")
                            .param("refireFactor", "1,5").param("keyword", watched).param("email", "truc-ban@syt.example.vn"))
                    .andExpect(status().is3xxRedirection());
            now = alerts.rule(id, province);
            assertThat(now.threshold()).isEqualTo(40.0);
            assertThat(now.refireFactor()).isEqualTo(1.5);
            assertThat(now.email()).isEqualTo("truc-ban@syt.example.vn");

            // the alert raised before still says the threshold it was raised against
            assertThat(alerts.alert(alert.id(), province).threshold()).isEqualTo(2.0);
            mvc.perform(get("/api/v1/alerts/" + alert.id()).session(second)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.threshold").value(2.0));

            // another agency's officer neither sees nor changes the rule; the press may not change its own agency's
            mvc.perform(get("/alerts/rules/" + id).session(signIn("district"))).andExpect(status().isNotFound());
            mvc.perform(post("/alerts/rules/" + id).session(signIn("district")).with(csrf()).param("threshold", "1"))
                    .andExpect(status().isNotFound());
            assertThat(alerts.rule(id, province).threshold()).isEqualTo(40.0);

            // switched off by mistake, it is switched on again as it was, by those who may change it
            mvc.perform(post("/alerts/rules/" + id + "/disable").session(second).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(alerts.rule(id, province).enabled()).isFalse();
            assertThat(mvc.perform(get("/alerts/rules").session(second)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("/alerts/rules/" + id + "/enable");
            mvc.perform(post("/api/v1/alerts/rules/" + id + "/enable").session(signIn("district")).with(csrf()))
                    .andExpect(status().isNotFound());
            assertThat(alerts.rule(id, province).enabled()).isFalse();
            mvc.perform(post("/alerts/rules/" + id + "/enable").session(second).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            Alerts.Rule again = alerts.rule(id, province);
            assertThat(again.enabled()).isTrue();
            assertThat(again.threshold()).isEqualTo(40.0);
        } finally {
            alerts.disableRule(id, new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                    java.util.Set.of(vn.loa.identity.Role.COORDINATOR)));
        }
    }

    @Test
    void theReAlertFactorIsCheckedInBothLanguagesSetThroughTheApiAndShownInTheRules() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        for (String factor : new String[] {"1", "21", "hai"}) {
            String page = mvc.perform(post("/alerts/rules").session(coordinator).with(csrf()).param("kind", "BURST")
                            .param("refireFactor", factor))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Hệ số báo lại phải là một số từ 1,2 đến 20.");
        }
        String english = mvc.perform(post("/alerts/rules").session(coordinator).with(csrf()).param("lang", "en")
                        .param("kind", "BURST").param("refireFactor", "0,5"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("The re-alert factor must be a number from 1.2 to 20.");
        mvc.perform(post("/api/v1/alerts/rules").session(coordinator).with(csrf()).param("lang", "vi")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"BURST\", \"refireFactor\": \"25\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("refireFactor"));

        String created = mvc.perform(post("/api/v1/alerts/rules").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyCode\": \"SYT\", \"kind\": \"BURST\", \"threshold\": \"12\", \"refireFactor\": \"1,5\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.refireFactor").value(1.5))
                .andExpect(jsonPath("$.threshold").value(12.0))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        try {
            mvc.perform(get("/api/v1/alerts/rules").session(signIn("officer")))
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].refireFactor").value(1.5));
            String rules = mvc.perform(get("/alerts/rules").session(coordinator)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(rules).contains("gấp 1,5 lần").contains("Sở Y tế").contains("id=\"refireFactor\"");
            // a rule without a factor takes the default
            mvc.perform(post("/alerts/rules").session(coordinator).with(csrf()).param("agencyCode", "SYT").param("kind", "KEYWORD")
                            .param("keyword", "rules-default-" + ProcessHandle.current().pid()).param("threshold", "500"))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/api/v1/alerts/rules").session(coordinator))
                    .andExpect(jsonPath("$[?(@.keyword == 'rules-default-" + ProcessHandle.current().pid() + "')].refireFactor")
                            .value(2.0));
        } finally {
            mvc.perform(post("/api/v1/alerts/rules/" + id + "/disable").session(coordinator).with(csrf()))
                    .andExpect(status().isNoContent());
        }
        mvc.perform(post("/api/v1/alerts/rules/" + id + "/disable").session(signIn("district")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAlertCoveredByACaseLeadsToThatCaseInsteadOfOfferingToOpenASecond() throws Exception {
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        String word = "cầu treo " + ProcessHandle.current().pid();
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm("SYT", "KEYWORD", "3", word, "", ""), coordinator);
        List<vn.loa.misinformation.Case> opened = new java.util.ArrayList<>();
        try {
            Alerts.Alert alert = raise(rule, word, "covered-alert",
                    "Sở Y tế ơi, " + word + " ở thôn bị gãy, trạm y tế không có người trực, người bệnh phải vượt suối, lần ");
            MockHttpSession session = signIn("coordinator");
            org.jsoup.nodes.Document before = page("/alerts/" + alert.id(), session);
            assertThat(before.select("#open-case").attr("href")).isEqualTo("/cases/new?alert=" + alert.id());
            assertThat(before.select("#existing-case")).isEmpty();

            // a case opened on the story its posts are (as the demo's case on its burst)
            List<Long> stories = alerts.mainStories(alert);
            assertThat(stories).as("the three near-copies are one story").hasSize(1);
            vn.loa.misinformation.Case onStory = cases.open(new vn.loa.misinformation.Cases.NewCase(
                    "Cầu treo gãy, trạm y tế bỏ trống " + word, "GRIEVANCE", "LOW", List.of(), stories.getFirst(), null,
                    "SYT"), coordinator);
            opened.add(onStory);
            org.jsoup.nodes.Document covered = page("/alerts/" + alert.id(), session);
            assertThat(covered.select("#open-case")).isEmpty();
            assertThat(covered.select("a#existing-case").attr("href")).isEqualTo("/cases/" + onStory.id());
            assertThat(covered.select("#existing-case").text()).isEqualTo("Xem vụ việc số " + onStory.id() + " (Mới tiếp nhận)");
            assertThat(page("/alerts/" + alert.id() + "?lang=en", session).select("#existing-case").text())
                    .isEqualTo("See case no. " + onStory.id() + " (Received)");
            // the agency's officer, who may open a case too, is led to the same one
            org.jsoup.nodes.Document officers = page("/alerts/" + alert.id(), signIn("officer"));
            assertThat(officers.select("#open-case")).isEmpty();
            assertThat(officers.select("a#existing-case").attr("href")).isEqualTo("/cases/" + onStory.id());

            // a dismissed case covers nothing; one opened from the alert itself does
            dismiss(onStory, coordinator);
            assertThat(page("/alerts/" + alert.id(), session).select("#open-case")).hasSize(1);
            vn.loa.misinformation.Case fromAlert = cases.open(new vn.loa.misinformation.Cases.NewCase(
                    "Cầu treo gãy " + word, "GRIEVANCE", "LOW", List.of(), null, alert.id(), "SYT"), coordinator);
            opened.add(fromAlert);
            org.jsoup.nodes.Document after = page("/alerts/" + alert.id(), session);
            assertThat(after.select("#open-case")).isEmpty();
            assertThat(after.select("a#existing-case").attr("href")).isEqualTo("/cases/" + fromAlert.id());
        } finally {
            alerts.disableRule(rule.id(), coordinator);
            for (vn.loa.misinformation.Case found : opened) {
                if (!"DISMISSED".equals(cases.get(found.id(), coordinator).status().name())) {
                    dismiss(found, coordinator);
                }
            }
        }
    }

    private void dismiss(vn.loa.misinformation.Case found, vn.loa.identity.SignedInUser coordinator) {
        cases.act(found.id(), new vn.loa.misinformation.Cases.Transition("DISMISS", null, null, null, null, null, null,
                "Dữ liệu kiểm thử", null), coordinator);
    }

    @Test
    void anAlertOfAProvinceRuleIsListedUnderTheProvinceAsTheHomePageSaysWithTheAgencyThatAnswersBesideIt()
            throws Exception {
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        String word = "bến phà " + ProcessHandle.current().pid();
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm("", "KEYWORD", "3", word, "", ""), coordinator);
        try {
            Alerts.Alert alert = raise(rule, word, "scope-alert", "Bệnh nhân chuyển viện phải chờ " + word
                    + " cả buổi, xe cấp cứu kẹt lại, lần ");
            // the issue a burst is about names the agency that answers it, whatever the rule's scope
            jdbc.sql("UPDATE alert SET about_agency = 'SYT' WHERE id = ?").param(alert.id()).update();
            MockHttpSession session = signIn("coordinator");

            org.jsoup.nodes.Element row = page("/alerts?open=true", session).select("#alerts-table tbody tr").stream()
                    .filter(r -> !r.select("a[href=\"/alerts/" + alert.id() + "\"]").isEmpty()).findFirst().orElseThrow();
            assertThat(row.select(".alert-scope").text()).isEqualTo("Toàn tỉnh");
            assertThat(row.select(".alert-answered-by").text()).isEqualTo("Cơ quan trả lời: Sở Y tế");
            assertThat(page("/alerts?open=true", session).select("#alerts-table thead th").eachText()).contains("Phạm vi");
            org.jsoup.nodes.Element home = page("/", session).select("#alert-list li").stream()
                    .filter(li -> !li.select("a[href=\"/alerts/" + alert.id() + "\"]").isEmpty()).findFirst().orElseThrow();
            assertThat(home.select(".muted").text()).startsWith("Toàn tỉnh · ");
            org.jsoup.nodes.Document one = page("/alerts/" + alert.id(), session);
            assertThat(one.select("#alert-agency").text()).isEqualTo("Sở Y tế");
            assertThat(one.select(".facts").text()).contains("(Toàn tỉnh)");
            org.jsoup.nodes.Element english = page("/alerts?open=true&lang=en", session).select("#alerts-table tbody tr")
                    .stream().filter(r -> !r.select("a[href=\"/alerts/" + alert.id() + "\"]").isEmpty()).findFirst()
                    .orElseThrow();
            assertThat(english.select(".alert-scope").text()).isEqualTo("Whole province");
            assertThat(english.select(".alert-answered-by").text()).isEqualTo("Answering agency: Department of Health");
            jdbc.sql("UPDATE alert SET acknowledged_at = now(), acknowledged_by = 'system' WHERE id = ?").param(alert.id())
                    .update();
        } finally {
            alerts.disableRule(rule.id(), coordinator);
        }
    }

    @Test
    void anAlertThatNoAgencyAnswersSaysSoInsteadOfNamingTheProvince() throws Exception {
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        String word = "bãi rác " + ProcessHandle.current().pid();
        Alerts.Rule rule = alerts.addRule(new Alerts.RuleForm("", "KEYWORD", "3", word, "", ""), coordinator);
        try {
            Alerts.Alert alert = raise(rule, word, "unanswered-alert", "Mùi hôi từ " + word + " bay khắp xóm, lần ");
            // as a burst whose issue no agency answers
            jdbc.sql("UPDATE alert SET about_agency = NULL WHERE id = ?").param(alert.id()).update();
            MockHttpSession session = signIn("coordinator");
            org.jsoup.nodes.Document one = page("/alerts/" + alert.id(), session);
            assertThat(one.select("#alert-agency").text()).isEqualTo("Chưa rõ cơ quan trả lời");
            // the rule's scope is still the province
            assertThat(one.select(".facts").text()).contains("(Toàn tỉnh)");
            assertThat(page("/alerts/" + alert.id() + "?lang=en", session).select("#alert-agency").text())
                    .isEqualTo("No answering agency yet");
            String line = alerts.digestText(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).lines()
                    .filter(l -> l.endsWith("/alerts/" + alert.id())).findFirst().orElseThrow();
            assertThat(line).contains("(Chưa rõ cơ quan trả lời)").doesNotContain("toàn tỉnh");
            jdbc.sql("UPDATE alert SET acknowledged_at = now(), acknowledged_by = 'system' WHERE id = ?").param(alert.id())
                    .update();
        } finally {
            alerts.disableRule(rule.id(), coordinator);
        }
    }

    /** Imports three posts with the rule's keyword and evaluates the rules: the alert the rule raised. */
    private Alerts.Alert raise(Alerts.Rule rule, String word, String source, String text) throws Exception {
        vn.loa.identity.SignedInUser coordinator = new vn.loa.identity.SignedInUser(0L, "coordinator", "Điều phối", null, null,
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
        String code = source + "-" + ProcessHandle.current().pid();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            file.append("{\"source\":\"").append(code).append("\",\"platform\":\"facebook\",\"external_id\":\"k")
                    .append(i).append("\",\"author\":\"Người dân ").append(i).append("\",\"published_at\":\"")
                    .append(Instant.now().minus(5 + i, ChronoUnit.MINUTES)).append("\",\"text\":\"").append(text)
                    .append(i).append("\"}\n");
        }
        assertThat(importer.importFile(code + ".jsonl", new ByteArrayInputStream(file.toString().getBytes(
                StandardCharsets.UTF_8)), Actor.SYSTEM, null).stored()).isEqualTo(3);
        alerts.evaluate();
        Alerts.Alert alert = alerts.alerts(coordinator, false, 100).stream().filter(a -> a.ruleId() == rule.id())
                .findFirst().orElseThrow(() -> new AssertionError("no alert about " + word));
        assertThat(alert.postIds()).hasSize(3);
        return alert;
    }

    private org.jsoup.nodes.Document page(String path, MockHttpSession session) throws Exception {
        return org.jsoup.Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
