package vn.loa.misinformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.loa.TestClock;

/** The public report form: open to anyone, one report per form, refusing floods, robots and oversized input whole. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class CitizenReportsIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ObjectMapper json;

    @Test
    void takesAReportWithoutSigningInAndOpensACaseForTheCoordinators() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        long before = reports();
        String page = mvc.perform(report(visitor, token, "192.0.2.10", "https://www.facebook.com/groups/123/posts/456",
                        "Trang này đăng tin xã Nhơn Hải bị cắt nước một tháng để bán nước cho khu du lịch. Tin này sai.",
                        "0912 345 678"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("report-sent");
        assertThat(reports()).isEqualTo(before + 1);
        Long caseId = jdbc.sql("SELECT case_id FROM citizen_report ORDER BY id DESC LIMIT 1").query(Long.class).single();
        assertThat(jdbc.sql("SELECT status || ' ' || source || ' ' || claim FROM misinformation_case WHERE id = ?")
                .param(caseId).query(String.class).single())
                .isEqualTo("RECEIVED CITIZEN Trang này đăng tin xã Nhơn Hải bị cắt nước một tháng để bán nước cho khu du lịch.");
        assertThat(jdbc.sql("SELECT count(*) FROM case_notification WHERE case_id = ? AND username = 'coordinator'")
                .param(caseId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDeskSeesTheReportsLinkAndContactAndNoOneElseDoes() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        String marker = CaseTestData.marker();
        String link = "https://facebook.com/post/123?ref=" + marker + "&share='1'";
        String description = "Bài viết nói nước sông Cái " + marker + " nhiễm độc, không được dùng. Tôi thấy tin này sai vì "
                + "chưa có cơ quan nào thông báo.";
        String sent = mvc.perform(report(visitor, token, "192.0.2.15", link, description, "0905123456"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher reference = Pattern.compile("mã tiếp nhận (\\d+)").matcher(sent);
        assertThat(reference.find()).isTrue();
        long caseId = Long.parseLong(reference.group(1));
        assertThat(sent).doesNotContain("0905123456");

        // the coordinator sees where it was seen, as a safe link, the citizen's whole text and the contact
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/cases/" + caseId).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        org.jsoup.nodes.Element shown = page.selectFirst("#citizen-report");
        assertThat(shown).isNotNull();
        org.jsoup.nodes.Element anchor = shown.selectFirst(".report-link a");
        assertThat(anchor).isNotNull();
        assertThat(anchor.attr("href")).isEqualTo(link);
        assertThat(anchor.text()).isEqualTo(link);
        assertThat(anchor.attr("rel").split(" ")).contains("noopener", "noreferrer", "nofollow");
        assertThat(shown.select(".report-contact").text()).contains("0905123456");
        assertThat(shown.text()).contains("chưa có cơ quan nào thông báo.");
        // who opened it, said once
        assertThat(page.select("#case-opened").text()).endsWith(", người dân gửi qua trang công khai")
                .doesNotContain("(");
        assertThat(page.text()).contains("Người dân gửi phản ánh qua trang công khai; hồ sơ được mở.")
                .doesNotContain("(người dân phản ánh)");

        // and so does the API
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/cases/" + caseId).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(api.path("citizenReports").get(0).path("link").asString()).isEqualTo(link);
        assertThat(api.path("citizenReports").get(0).path("contact").asString()).isEqualTo("0905123456");
        assertThat(api.path("citizenReports").get(0).path("description").asString()).isEqualTo(description);

        // the evidence package names the link, never the contact
        byte[] pack = mvc.perform(get("/cases/" + caseId + "/evidence.zip").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.util.Map<String, String> files = new java.util.HashMap<>();
        java.util.List<java.time.LocalDateTime> dated = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pack))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                dated.add(entry.getTimeLocal());
            }
        }
        // each file is dated when the package was made, in Vietnam's time as its summary says, whatever the server's
        // zone (the tests run in UTC): the police officer who unzips it reads the hour of "Lập lúc"
        java.time.LocalDateTime made = java.time.LocalDateTime.ofInstant(clock.instant(), vn.loa.shared.LocalTime.ZONE);
        assertThat(dated).isNotEmpty().allSatisfy(time -> assertThat(Duration.between(time, made).abs())
                .isLessThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(json.readTree(files.get("manifest.json")).path("reportedLinks").get(0).path("link").asString())
                .isEqualTo(link);
        assertThat(files.get("tom-tat.html")).contains(org.springframework.web.util.HtmlUtils.htmlEscape(link, "UTF-8"));
        assertThat(String.join("\n", files.values())).doesNotContain("0905123456");

        // personal data: not for an agency the case is not assigned to, not in the audit trail
        mvc.perform(get("/cases/" + caseId).session(CaseTestData.signIn(mvc, "officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + caseId).session(CaseTestData.signIn(mvc, "district")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE details LIKE ?").param("%0905123456%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLinkThatIsNotAWebAddressIsRefusedNamingTheFieldAndKeepsWhatWasTyped() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        long before = reports();
        String description = "Tin đồn đóng cửa cầu Trần Phú " + CaseTestData.marker() + " ba tháng, tin này sai.";
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(report(visitor, token, "192.0.2.16",
                        "facebook.com/post/123", description, "nguoidan@example.com"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#problems li[data-field=link]").text())
                .startsWith("Địa chỉ nơi bạn thấy thông tin:").contains("http://", "https://");
        assertThat(page.select("#link").attr("value")).isEqualTo("facebook.com/post/123");
        assertThat(page.select("#description").text()).isEqualTo(description);
        assertThat(page.select("#contact").attr("value")).isEqualTo("nguoidan@example.com");
        mvc.perform(report(visitor, token(visitor), "192.0.2.16", "ftp://example.com/tin-gia", description, "")
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Where you saw it: must be a web address")));
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void refusesOversizedInputWithAClearMessageAndStoresNothing() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        long before = reports();
        long cases = cases();
        mvc.perform(report(visitor, token, "192.0.2.11", "", "a".repeat(CitizenReports.DESCRIPTION_MAX + 1), ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("tối đa 2.000 ký tự (bạn đã viết 2.001)")))
                .andExpect(content().string(Matchers.containsString("data-field=\"description\"")));
        mvc.perform(report(visitor, token, "192.0.2.11", "javascript:alert(1)", "Tin đồn về giá điện tăng gấp ba", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("data-field=\"link\"")));
        mvc.perform(report(visitor, token, "192.0.2.11", "", "Tin đồn về giá điện tăng gấp ba", "x".repeat(201)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("data-field=\"contact\"")));
        assertThat(reports()).isEqualTo(before);
        assertThat(cases()).isEqualTo(cases);
    }

    @Test
    void refusesRobotsAForgedTokenAndAnExpiredForm() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        long before = reports();
        String token = token(visitor);
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        mvc.perform(report(visitor, token, "192.0.2.12", "", "Tin đồn về giá điện tăng gấp ba lần", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("data-field=\"token\"")))
                .andExpect(content().string(Matchers.containsString("Tin đồn về giá điện tăng gấp ba lần")));
        token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        mvc.perform(report(visitor, token, "192.0.2.12", "", "Tin đồn về giá điện tăng gấp ba lần", "")
                        .param("website", "http://spam.example"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(report(visitor, "1700000000000.deadbeef", "192.0.2.12", "", "Tin đồn về giá điện tăng gấp ba lần", ""))
                .andExpect(status().isUnprocessableContent());
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void refusesAFloodFromOneAddressWithTooManyRequestsAndStoresNothingOfIt() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        long before = reports();
        for (int i = 0; i < 5; i++) {
            mvc.perform(report(visitor, i == 0 ? token : token(visitor), "198.51.100.77", "",
                            "Phản ánh thứ " + i + " về tin giả cắt điện", ""))
                    .andExpect(status().isOk());
        }
        for (int i = 0; i < 20; i++) {
            mvc.perform(report(visitor, token(visitor), "198.51.100.77", "", "Phản ánh dồn dập thứ " + i, ""))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(content().string(Matchers.containsString("id=\"throttled\"")));
        }
        assertThat(reports()).isEqualTo(before + 5);
        mvc.perform(report(visitor, token(visitor), "198.51.100.78", "", "Một người khác phản ánh tin giả cắt điện", ""))
                .andExpect(status().isOk());
    }

    @Test
    void aFormSentTwiceOpensOneCaseAndTheSecondSendingIsToldSoInBothLanguages() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        long before = reports();
        long cases = cases();
        String description = "Tin nhắn lan truyền nói trường học toàn tỉnh nghỉ một tuần vì dịch cúm, tin này sai.";
        mvc.perform(report(visitor, token, "192.0.2.13", "", description, "")).andExpect(status().isOk());
        long reference = jdbc.sql("SELECT case_id FROM citizen_report ORDER BY id DESC LIMIT 1").query(Long.class).single();

        mvc.perform(report(visitor, token, "192.0.2.13", "", description, ""))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("id=\"already-sent\"")))
                .andExpect(content().string(Matchers.containsString("mã tiếp nhận " + reference + ";")))
                // an empty form, so that pressing Send once more does not report it again
                .andExpect(content().string(Matchers.not(Matchers.containsString("trường học toàn tỉnh"))));
        mvc.perform(report(visitor, token, "192.0.2.13", "", "Another text, the same form sent from the back button", "")
                        .param("lang", "en"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("This report was already sent and received, reference "
                        + reference + ";")));
        assertThat(reports()).isEqualTo(before + 1);
        assertThat(cases()).isEqualTo(cases + 1);
    }

    @Test
    void twoSendingsOfOneFormAtTheSameTimeOpenOneCase() throws Exception {
        MockHttpSession visitor = new MockHttpSession();
        String token = token(visitor);
        clock.advance(Duration.ofSeconds(20));
        long before = reports();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return mvc.perform(report(visitor, token, "192.0.2.14", "",
                            "Tin giả về việc thu hồi đất làm sân bay ở xã ven biển", "")).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var one : sent) {
                statuses.add(one.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            threads.shutdown();
        }
        assertThat(reports()).isEqualTo(before + 1);
    }

    private String token(MockHttpSession session) throws Exception {
        String form = mvc.perform(get("/public/report").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = TOKEN.matcher(form);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static MockHttpServletRequestBuilder report(MockHttpSession session, String token, String address, String link,
            String description, String contact) {
        return post("/public/report").session(session).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).param("link", link).param("description", description).param("contact", contact).param("website", "")
                .param("token", token);
    }

    private long reports() {
        return jdbc.sql("SELECT count(*) FROM citizen_report").query(Long.class).single();
    }

    private long cases() {
        return jdbc.sql("SELECT count(*) FROM misinformation_case").query(Long.class).single();
    }
}
