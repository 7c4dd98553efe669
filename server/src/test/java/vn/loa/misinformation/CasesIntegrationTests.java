package vn.loa.misinformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.loa.TestClock;
import vn.loa.listening.PostImporter;

/** The desk's API on the embedded PostgreSQL: opening, reading, transitions, deadlines, authorisation, files. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class CasesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Cases cases;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Autowired
    vn.loa.identity.ApiTokens tokens;

    @Autowired
    vn.loa.listening.Alerts alerts;

    @Autowired
    vn.loa.identity.AgencyDirectory agencies;

    @Test
    void theDemosAnsweredCaseWasWorkedOverADayNotInAMoment() {
        // the desk's median time to answer reads as a day's work ("20 giờ 0 phút"), not "dưới 1 phút"
        Map<String, Object> demo = jdbc.sql("""
                SELECT opened_at, published_at, (SELECT min(occurred_at) FROM audit_record a WHERE a.target_type = 'case'
                         AND a.target_id = c.id::text) AS first_audit
                  FROM misinformation_case c WHERE claim = 'Bệnh viện không trả hồ sơ bệnh án cho người bệnh khi xuất viện'
                """).query().singleRow();
        Instant opened = ((java.sql.Timestamp) demo.get("opened_at")).toInstant();
        Instant published = ((java.sql.Timestamp) demo.get("published_at")).toInstant();
        // stored to the microsecond, each column rounding the same instant its own way: compared to the millisecond
        assertThat(Duration.between(opened, published).minus(Duration.ofHours(20)).abs()).isLessThan(Duration.ofMillis(1));
        assertThat(published).isBefore(clock.instant());
        assertThat(Duration.between(opened, ((java.sql.Timestamp) demo.get("first_audit")).toInstant()).abs())
                .as("its audit records tell the same time").isLessThan(Duration.ofMillis(1));
    }

    @Test
    void opensACaseFromJsonWithItsPostsAndADeadlineFromItsSeverity() throws Exception {
        String marker = CaseTestData.marker();
        List<Long> posts = CaseTestData.importPosts(importer, jdbc, clock.instant(),
                "Bệnh viện tỉnh " + marker + " hết thuốc điều trị ung thư, người bệnh phải tự mua thuốc ở ngoài với giá cao");
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        Instant before = clock.instant();
        MvcResult created = mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"claim": "Bệnh viện tỉnh hết thuốc điều trị ung thư", "category": "FALSE_INFORMATION",
                                 "severity": "HIGH", "postIds": [%d], "agencyCode": "SYT"}
                                """.formatted(posts.get(0))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/cases/")))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.agencyCode").value("SYT"))
                .andExpect(jsonPath("$.postIds[0]").value(posts.get(0).intValue()))
                .andExpect(jsonPath("$.actions").isArray())
                .andReturn();
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        assertThat(Instant.parse(body.path("deadline").asString())).isEqualTo(before.plus(Duration.ofHours(24)));
        long id = body.path("id").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_item WHERE case_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'case.opened' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/cases").param("status", "RECEIVED").param("size", "200").session(coordinator))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == %d)]".formatted(id)).exists());
    }

    @Test
    void aCasesPostsLinkedAtOnceAreListedInTheOrderTheyWerePublished() throws Exception {
        String marker = CaseTestData.marker();
        // imported first, published last: a story's posts come in any order
        long later = CaseTestData.importPosts(importer, jdbc, clock.instant(),
                "Tin đồn " + marker + " về việc đóng cửa chợ đầu mối lan truyền trên mạng từ chiều qua").get(0);
        long earlier = CaseTestData.importPosts(importer, jdbc, clock.instant().minus(Duration.ofHours(3)),
                "Chia sẻ lại tin đồn " + marker + " đóng cửa chợ đầu mối, chưa rõ thực hư thế nào").get(0);
        assertThat(later).isLessThan(earlier);
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        MvcResult created = mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"claim": "Chợ đầu mối đóng cửa", "category": "FALSE_INFORMATION",
                                 "severity": "MEDIUM", "postIds": [%d, %d], "agencyCode": "SYT"}
                                """.formatted(later, earlier)))
                .andExpect(status().isCreated()).andReturn();
        long id = json.readTree(created.getResponse().getContentAsString()).path("id").asLong();
        assertThat(cases.posts(cases.get(id, coordinatorUser()))).extracting(linked -> linked.post().id())
                .containsExactly(earlier, later);
    }

    @Test
    void refusesInvalidInputNamingTheFieldAndStoresNothing() throws Exception {
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        long before = count();
        mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"\", \"category\": \"RUMOUR\", \"severity\": \"HIGH\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("claim"))
                .andExpect(jsonPath("$.errors[1].field").value("category"));
        mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"" + "dài ".repeat(200) + "\", \"category\": \"CRISIS\", \"severity\": \"LOW\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("claim"));
        mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"Tin đồn\", \"category\": \"CRISIS\", \"severity\": \"LOW\", \"postIds\": [987654321]}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("postIds"));
        mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"Tin đồn\", \"category\": \"CRISIS\", \"severity\": \"LOW\", \"agencyCode\": \"NOPE\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("agencyCode"));
        mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": "))
                .andExpect(status().isBadRequest());
        // nothing chosen on the page is asked for as the form asks it, not with the API's codes
        String page = mvc.perform(post("/cases/new").session(coordinator).with(csrf()).param("claim", "Tin đồn")
                        .param("category", "").param("severity", "LOW")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("#problems li[data-field=category]").text())
                .isEqualTo("Loại thông tin: hãy chọn một mục trong danh sách.");
        // a value the form does not offer: the choices as the form names them, in the reader's language, not codes
        org.jsoup.nodes.Document bogus = org.jsoup.Jsoup.parse(mvc.perform(post("/cases/new").session(coordinator)
                        .with(csrf()).param("claim", "Tin đồn").param("category", "BOGUS").param("severity", "X"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bogus.select("#problems li[data-field=category]").text()).isEqualTo("Loại thông tin: giá trị \"BOGUS\" "
                + "không hợp lệ; chọn một trong: Thông tin sai sự thật, Xuyên tạc chính sách, Nội dung độc hại, xúc phạm, "
                + "Bức xúc của người dân, Khủng hoảng truyền thông.");
        assertThat(bogus.select("#problems li[data-field=severity]").text()).isEqualTo("Mức độ: giá trị \"X\" không hợp lệ; "
                + "chọn một trong: Thấp, Trung bình, Cao, Nghiêm trọng.");
        assertThat(org.jsoup.Jsoup.parse(mvc.perform(post("/cases/new").session(coordinator).with(csrf())
                        .param("claim", "Tin đồn").param("category", "CRISIS").param("severity", "X").param("lang", "en"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .select("#problems li[data-field=severity]").text()).endsWith("Low, Medium, High, Critical.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void answersConflictForATransitionTheStateDoesNotAllow() throws Exception {
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        long id = open(coordinator, "Xăng sẽ tăng giá gấp đôi từ tuần sau", "HIGH", null);
        mvc.perform(transition(coordinator, id, "{\"action\": \"REFER\", \"legalBasis\": \"Điều 288 Bộ luật Hình sự\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("REFER")));
        mvc.perform(transition(coordinator, id, "{\"action\": \"APPROVE\"}")).andExpect(status().isForbidden());
        mvc.perform(transition(coordinator, id, "{\"action\": \"ASSIGN\", \"agencyCode\": \"SYT\"}"))
                .andExpect(status().isConflict());
        mvc.perform(transition(coordinator, id, "{\"action\": \"FLY\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("action"));
        mvc.perform(transition(coordinator, id, "{\"action\": \"TRIAGE\", \"severity\": \"CRITICAL\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("TRIAGED"))
                .andExpect(jsonPath("$.severity").value("CRITICAL"));
        mvc.perform(transition(coordinator, id, "{\"action\": \"ASSIGN\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("agencyCode"));
        mvc.perform(transition(coordinator, id, "{\"action\": \"ASSIGN\", \"agencyCode\": \"SYT\", \"owner\": \"press\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("owner"));
        // on the page, the refusal names the agency as the page does, and the form keeps the agency and owner chosen
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(mvc.perform(post("/cases/" + id + "/transitions")
                        .session(coordinator).with(csrf()).param("action", "ASSIGN").param("agencyCode", "SYT")
                        .param("owner", "district")).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.select("#problems li[data-field=owner]").text())
                .isEqualTo("Người xử lý: district không phải cán bộ đầu mối của Sở Y tế.");
        assertThat(refused.select("#assign-agency option[selected]").val()).isEqualTo("SYT");
        assertThat(refused.select("#assign-owner").val()).isEqualTo("district");
        mvc.perform(transition(coordinator, id, "{\"action\": \"DISMISS\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(transition(coordinator, id, "{\"action\": \"DISMISS\", \"reason\": \"Trùng vụ việc khác\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISMISSED"));
        mvc.perform(transition(coordinator, id, "{\"action\": \"DISMISS\", \"reason\": \"again\"}"))
                .andExpect(status().isConflict());
        assertThat(cases.history(cases.get(id, coordinatorUser()))).extracting(Cases.HistoryEntry::action)
                .containsExactly("OPEN", "TRIAGE", "DISMISS");
    }

    @Test
    void anAgencySeesAndWorksOnlyOnItsOwnCases() throws Exception {
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        MockHttpSession officer = CaseTestData.signIn(mvc, "officer");
        MockHttpSession district = CaseTestData.signIn(mvc, "district");
        MockHttpSession press = CaseTestData.signIn(mvc, "press");
        long id = open(coordinator, "Trạm y tế xã đóng cửa vì hết ngân sách", "MEDIUM", null);
        mvc.perform(transition(coordinator, id, "{\"action\": \"TRIAGE\"}")).andExpect(status().isOk());
        mvc.perform(transition(coordinator, id, "{\"action\": \"ASSIGN\", \"agencyCode\": \"SYT\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED"));
        // the agency's officer sees it and may verify it, but may not triage, refer or dismiss
        mvc.perform(get("/api/v1/cases/" + id).session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[0]").value("START_VERIFICATION"));
        mvc.perform(transition(officer, id, "{\"action\": \"DISMISS\", \"reason\": \"x\"}")).andExpect(status().isForbidden());
        // another agency's officer does not even learn that it exists
        mvc.perform(get("/api/v1/cases/" + id).session(district)).andExpect(status().isNotFound());
        mvc.perform(transition(district, id, "{\"action\": \"START_VERIFICATION\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases").session(district)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == %d)]".formatted(id)).doesNotExist());
        mvc.perform(get("/cases/" + id).session(district)).andExpect(status().isNotFound());
        // the press opens no cases; an officer opens them only for their own agency, and the form offers no other
        assertThat(mvc.perform(get("/cases/new").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("value=\"SYT\"").doesNotContain("value=\"22852\"").doesNotContain("<option value=\"\"");
        mvc.perform(get("/cases/new").session(press)).andExpect(status().isForbidden());
        mvc.perform(get("/cases/verify").session(press)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cases").session(press).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"claim\": \"x\", \"category\": \"CRISIS\", \"severity\": \"LOW\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cases").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"Tin sai về tiêm chủng\", \"category\": \"CRISIS\", \"severity\": \"LOW\", \"agencyCode\": \"22852\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("agencyCode"));
        mvc.perform(post("/api/v1/cases").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"Tin sai về tiêm chủng\", \"category\": \"CRISIS\", \"severity\": \"LOW\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.agencyCode").value("SYT"));
        // the officer verifies; the spokesperson of the agency, not the officer, approves
        mvc.perform(transition(officer, id, "{\"action\": \"START_VERIFICATION\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.owner").value("officer"));
        mvc.perform(transition(officer, id, "{\"action\": \"SUBMIT_ANSWER\", \"verdict\": \"FALSE\", \"explanation\": \"Trạm vẫn mở cửa.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"));
        mvc.perform(transition(officer, id, "{\"action\": \"APPROVE\"}")).andExpect(status().isForbidden());
        assertThat(notifications("spokesperson", id)).contains("case.notify.submit-answer");
        assertThat(notifications("officer", id)).contains("case.notify.assign");
    }

    @Test
    void anApiTokenActsAsAnOfficerOfItsAgency() throws Exception {
        vn.loa.identity.ApiTokens.IssuedToken health = tokens.issue("desk-connector-" + CaseTestData.marker(),
                agencies.findByCode("SYT", java.time.LocalDate.now(vn.loa.shared.LocalTime.ZONE)).orElseThrow().id(), vn.loa.shared.Actor.SYSTEM);
        vn.loa.identity.ApiTokens.IssuedToken district = tokens.issue("district-connector-" + CaseTestData.marker(),
                agencies.findByCode("22852", java.time.LocalDate.now(vn.loa.shared.LocalTime.ZONE)).orElseThrow().id(), vn.loa.shared.Actor.SYSTEM);
        String body = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + health.secret())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"Tin giả về vắc-xin sởi " + CaseTestData.marker()
                                + "\", \"category\": \"FALSE_INFORMATION\", \"severity\": \"MEDIUM\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.agencyCode").value("SYT"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).path("id").asLong();
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", "Bearer " + health.secret())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/" + id).header("Authorization", "Bearer " + district.secret()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/cases/" + id + "/transitions").header("Authorization", "Bearer " + health.secret())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"TRIAGE\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void opensACaseFromAnAlertWithTheAlertsPosts() throws Exception {
        String keyword = "nước giếng " + CaseTestData.marker();
        vn.loa.identity.SignedInUser coordinator = coordinatorUser();
        alerts.addRule(new vn.loa.listening.Alerts.RuleForm("SYT", "KEYWORD", "2", keyword, "", ""), coordinator);
        List<Long> posts = CaseTestData.importPosts(importer, jdbc, clock.instant(),
                "Sở Y tế ơi, " + keyword + " ở xã An Hải có mùi lạ, trẻ em uống vào bị đau bụng",
                "Cả xóm dùng " + keyword + " bị tiêu chảy, Sở Y tế kiểm tra giúp dân với",
                "Đề nghị Sở Y tế xét nghiệm " + keyword + " ngay, người già cũng bị đau bụng");
        alerts.evaluate();
        vn.loa.listening.Alerts.Alert alert = null;
        for (int attempt = 0; attempt < 100 && alert == null; attempt++) {
            alert = alerts.alerts(coordinator, false, 200).stream().filter(a -> keyword.equals(a.detail())).findFirst()
                    .orElse(null);
            if (alert == null) {
                Thread.sleep(100);
            }
        }
        assertThat(alert).as("the keyword alert").isNotNull();
        MockHttpSession session = CaseTestData.signIn(mvc, "coordinator");
        String form = mvc.perform(get("/cases/new").param("alert", Long.toString(alert.id())).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"alertId\" value=\"" + alert.id() + "\"").contains("value=\"SYT\" selected");
        mvc.perform(post("/api/v1/cases").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"Nước giếng ở An Hải nhiễm độc\", \"category\": \"CRISIS\", \"severity\": \"HIGH\", "
                                + "\"alertId\": " + alert.id() + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source").value("ALERT"))
                .andExpect(jsonPath("$.postIds.length()").value(3))
                .andExpect(jsonPath("$.postIds[0]").value(posts.get(0).intValue()));
        mvc.perform(post("/api/v1/cases").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"claim\": \"x\", \"category\": \"CRISIS\", \"severity\": \"HIGH\", \"alertId\": 987654321}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("alertId"));
    }

    @Test
    void mailsTheAgencysOfficersWhenACaseIsAssignedToThem() throws Exception {
        com.icegreen.greenmail.util.GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
            long id = open(coordinator, "Tin đồn bệnh viện tỉnh ngừng khám bảo hiểm y tế", "HIGH", null);
            mvc.perform(transition(coordinator, id, "{\"action\": \"TRIAGE\"}")).andExpect(status().isOk());
            mvc.perform(transition(coordinator, id, "{\"action\": \"ASSIGN\", \"agencyCode\": \"SYT\"}")).andExpect(status().isOk());
            jakarta.mail.internet.MimeMessage message = null;
            for (int received = 1; message == null && smtp.waitForIncomingEmail(20_000, received); received++) {
                message = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("officer@demo.loa.local")
                                && m.getSubject().contains("số " + id + " ");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
            }
            assertThat(message).as("the officer's e-mail").isNotNull();
            assertThat(message.getSubject()).isEqualTo("[Loa] Vụ việc số " + id + " được giao cho cơ quan của bạn");
            assertThat((String) message.getContent()).contains("Tin đồn bệnh viện tỉnh ngừng khám bảo hiểm y tế");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void linksPostsFoundLaterToAnOpenCaseAndCapturesThem() throws Exception {
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        long id = open(coordinator, "Tin nhắn mạo danh Sở Y tế đòi chuyển tiền", "HIGH", "SYT");
        List<Long> posts = CaseTestData.importPosts(importer, jdbc, clock.instant(),
                "Tôi nhận tin nhắn xưng là Sở Y tế bảo chuyển tiền để nhận hỗ trợ bảo hiểm y tế " + CaseTestData.marker(),
                "Cảnh giác tin nhắn giả danh Sở Y tế yêu cầu chuyển khoản phí hồ sơ bảo hiểm " + CaseTestData.marker());
        mvc.perform(post("/api/v1/cases/" + id + "/posts").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postIds\": [" + posts.get(0) + ", " + posts.get(1) + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.postIds.length()").value(2));
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_item WHERE case_id = ?").param(id).query(Long.class).single())
                .isEqualTo(2);
        // each post and each captured copy leads to the post's own page
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/cases/" + id).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#case-posts a.post-id").eachAttr("href")).containsExactlyInAnyOrder("/posts/" + posts.get(0),
                "/posts/" + posts.get(1));
        assertThat(page.select("#evidence-table a").eachAttr("href")).contains("/posts/" + posts.get(0),
                "/posts/" + posts.get(1));
        String refused = mvc.perform(post("/cases/" + id + "/posts").session(coordinator).with(csrf())
                        .param("postIds", posts.get(0) + ", abc")).andExpect(status().isUnprocessableContent()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(refused).select("#problems li[data-field=postIds]").text())
                .startsWith("Bài viết: «abc» không phải số của bài viết").doesNotContain("null");
        // a number as the post pages write it, and one nobody may see, by its number
        refused = mvc.perform(post("/cases/" + id + "/posts").session(coordinator).with(csrf())
                        .param("postIds", "#" + posts.get(0) + ", #999999999")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(refused).select("#problems li[data-field=postIds]").text())
                .isEqualTo("Bài viết: không tìm thấy hoặc không được xem các bài #999999999.");
        mvc.perform(post("/api/v1/cases/" + id + "/posts").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postIds\": [" + posts.get(0) + "]}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_item WHERE case_id = ?").param(id).query(Long.class).single())
                .as("a post already linked is not captured twice by linking").isEqualTo(2);
        mvc.perform(post("/api/v1/cases/" + id + "/posts").session(CaseTestData.signIn(mvc, "district")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"postIds\": [" + posts.get(0) + "]}"))
                .andExpect(status().isNotFound());
        mvc.perform(transition(coordinator, id, "{\"action\": \"DISMISS\", \"reason\": \"Đã có vụ việc khác\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/" + id + "/posts").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postIds\": [" + posts.get(1) + "]}"))
                .andExpect(status().isConflict());
    }

    @Test
    void escalatesACaseOnceWhenTheInjectedClockPassesItsDeadline() throws Exception {
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        long id = open(coordinator, "Vỡ đập thủy điện ở thượng nguồn", "CRITICAL", "SYT");
        Instant deadline = cases.get(id, coordinatorUser()).deadline();
        assertThat(deadline).isEqualTo(cases.get(id, coordinatorUser()).openedAt().plus(Duration.ofHours(4)));
        clock.advance(Duration.ofHours(3).plusMinutes(59));
        cases.escalateOverdue();
        assertThat(cases.get(id, coordinatorUser()).escalatedAt()).isNull();
        mvc.perform(get("/api/v1/cases/" + id).session(coordinator)).andExpect(jsonPath("$.overdue").value(false));
        clock.advance(Duration.ofMinutes(2));
        // (the schedule may escalate it first: what counts is that it is escalated now, once)
        cases.escalateOverdue();
        assertThat(cases.get(id, coordinatorUser()).escalatedAt()).isEqualTo(clock.instant());
        assertThat(cases.escalateOverdue()).isZero();
        mvc.perform(get("/api/v1/cases").param("overdue", "true").param("size", "200").session(coordinator))
                .andExpect(jsonPath("$[?(@.id == %d)].overdue".formatted(id)).value(true));
        assertThat(notifications("coordinator", id)).contains("case.notify.overdue");
        assertThat(cases.history(cases.get(id, coordinatorUser()))).extracting(Cases.HistoryEntry::action).contains("ESCALATE");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'case.escalated' AND target_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        // the desk lists overdue cases first
        String desk = mvc.perform(get("/cases").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(desk).contains("overdue");
    }

    @Test
    void acceptsAttachmentsByContentNotByNameAndServesThemAsDownloads() throws Exception {
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        long id = open(coordinator, "Giả mạo văn bản của Sở Y tế", "LOW", "SYT");
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/cases/" + id + "/attachments").file(new MockMultipartFile("file", "cong-van.pdf",
                        "application/pdf", pdf)).session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/cases/" + id + "/attachments").file(new MockMultipartFile("file", "virus.pdf",
                        "application/pdf", new byte[] {'M', 'Z', 0, 0, 1})).session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/cases/" + id + "/attachments").file(new MockMultipartFile("file", "trang.html",
                        "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        List<Cases.Attachment> files = cases.attachments(cases.get(id, coordinatorUser()));
        assertThat(files).singleElement().satisfies(f -> assertThat(f.fileName()).isEqualTo("cong-van.pdf"));
        mvc.perform(get("/cases/" + id + "/attachments/" + files.get(0).id()).session(coordinator))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/cases/" + id + "/attachments/" + files.get(0).id()).session(CaseTestData.signIn(mvc, "district")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTransitionWithoutItsTextIsRefusedNamingTheFieldAndKeepsWhatWasTyped() throws Exception {
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        long id = open(coordinator, "Tin đồn thu hồi sổ đỏ toàn xã ven biển", "HIGH", null);
        mvc.perform(transition(coordinator, id, "{\"action\": \"TRIAGE\"}")).andExpect(status().isOk());
        mvc.perform(transition(coordinator, id, "{\"action\": \"ASSIGN\", \"agencyCode\": \"SYT\"}")).andExpect(status().isOk());
        mvc.perform(transition(coordinator, id, "{\"action\": \"START_VERIFICATION\"}")).andExpect(status().isOk());

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(post("/cases/" + id + "/transitions")
                        .session(coordinator).with(csrf()).param("action", "SUBMIT_ANSWER").param("verdict", "MISLEADING")
                        .param("explanation", "  "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#problems li[data-field=explanation]").text())
                .isEqualTo("Nội dung giải thích, bác bỏ: bắt buộc.");
        assertThat(page.select("#answer-verdict option[selected]").attr("value")).isEqualTo("MISLEADING");

        page = org.jsoup.Jsoup.parse(mvc.perform(post("/cases/" + id + "/transitions").session(coordinator).with(csrf())
                        .param("action", "REFER").param("legalBasis", ""))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#problems li[data-field=legalBasis]").text()).isEqualTo("Căn cứ pháp lý: bắt buộc.");

        String tooLong = "Điều 101 Nghị định 15/2020/NĐ-CP; " + "x".repeat(Cases.LEGAL_BASIS_MAX);
        page = org.jsoup.Jsoup.parse(mvc.perform(post("/cases/" + id + "/transitions").session(coordinator).with(csrf())
                        .param("action", "REFER").param("legalBasis", tooLong))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#problems li[data-field=legalBasis]").text()).isEqualTo("Căn cứ pháp lý: tối đa 1.000 ký tự.");
        assertThat(page.select("#text-REFER").text()).isEqualTo(tooLong);

        mvc.perform(post("/api/v1/cases/" + id + "/transitions").param("lang", "en").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"REFER\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("legalBasis"))
                .andExpect(jsonPath("$.detail").value("Legal basis: required."));
        // a value outside the list names its field too, in the reader's language
        mvc.perform(transition(coordinator, id, "{\"action\": \"SUBMIT_ANSWER\", \"verdict\": \"SORT_OF\", \"explanation\": \"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("verdict"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Kết luận: giá trị \"SORT_OF\" không hợp lệ")));
        mvc.perform(post("/api/v1/cases/" + id + "/transitions").param("lang", "en").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\": \"LEAP\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Action: the value \"LEAP\" is not valid")));
        mvc.perform(transition(coordinator, id, "{\"action\": \"DISMISS\", \"reason\": \" \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value("Lý do: bắt buộc."));
        assertThat(cases.get(id, coordinatorUser()).status()).isEqualTo(CaseStatus.VERIFYING);
    }

    private long open(MockHttpSession session, String claim, String severity, String agency) throws Exception {
        String body = mvc.perform(post("/api/v1/cases").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("claim", claim + " " + CaseTestData.marker(),
                                "category", "FALSE_INFORMATION", "severity", severity,
                                "agencyCode", agency == null ? "" : agency))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("id").asLong();
    }

    private org.springframework.test.web.servlet.RequestBuilder transition(MockHttpSession session, long id, String body) {
        return post("/api/v1/cases/" + id + "/transitions").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private List<String> notifications(String username, long caseId) {
        return jdbc.sql("SELECT message_key FROM case_notification WHERE username = ? AND case_id = ?")
                .params(username, caseId).query(String.class).list();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM misinformation_case").query(Long.class).single();
    }

    private vn.loa.identity.SignedInUser coordinatorUser() {
        return new vn.loa.identity.SignedInUser(1L, "coordinator", "Coordinator", null, "STTTT",
                java.util.Set.of(vn.loa.identity.Role.COORDINATOR));
    }
}
