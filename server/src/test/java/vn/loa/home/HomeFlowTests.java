package vn.loa.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.shared.Actor;

/**
 * The home page of the leader, the coordinator and an officer in a real headless Chromium (as in
 * {@code BrowserFlowTests}), on the demo data and a burst of complaints about a mountain pass made by the test: each
 * sees their sections, and a click on an issue or a case opens a working page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HomeFlowTests {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    PostImporter importer;

    @Autowired
    Cases cases;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    /** The mountain pass of the burst (its screenshot is the README's, so a real name). */
    private static final String ROAD = "Khánh Lê";
    /** Words of the burst that no other post of the demo or the tests grows with. */
    private static final String BURST_WORDS = "sạt lở";
    private static boolean imported;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = vn.loa.platform.HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Complaints about a mountain road (the Department of Transport's), in the last twenty minutes. */
    private void importTheBurst() throws Exception {
        if (imported) {
            return;
        }
        // a residents' group of the province: a complaint the register model reads as news is routed by the rules there
        jdbc.sql("""
                INSERT INTO post_source (code, kind, created_at, local) VALUES ('home-flow', 'IMPORT', now(), TRUE)
                ON CONFLICT (code) DO UPDATE SET local = TRUE
                """).update();
        StringBuilder file = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < 36; i++) {
            file.append("{\"source\":\"home-flow\",\"platform\":\"facebook\",\"external_id\":\"f").append(i)
                    .append("\",\"author\":\"tài xế ").append(i).append("\",\"published_at\":\"")
                    .append(now.minusSeconds(60 + i * 30L)).append("\",\"text\":\"Tai nạn giao thông liên tiếp trên đèo ")
                    .append(ROAD).append(", mặt đường sạt lở hư hỏng nặng mà chưa ai sửa, xe tải lật, dân rất bất bình, người thứ ")
                    .append(i).append(" kể\"}\n");
        }
        ImportSummary summary = importer.importFile("home-flow.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
        imported = true;
    }

    @Test
    void theLeaderReadsTheIssuesOfTheDayInSentencesAndFollowsOneToItsTrend() throws Exception {
        importTheBurst();
        signIn("leader");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Xin chào, Lãnh đạo UBND tỉnh");
        assertThat(browser.findElement(By.id("today")).getText()).matches("(Thứ .+|Chủ Nhật), ngày \\d{1,2} tháng \\d{1,2} năm \\d{4}");
        assertThat(headings()).containsSubsequence("Vấn đề cần chú ý hôm nay", "Cảnh báo chưa xử lý",
                "Vụ việc quá hạn và đến hạn hôm nay");
        List<WebElement> issues = browser.findElements(By.cssSelector("#issues li.issue"));
        assertThat(issues).hasSizeBetween(1, 5);
        WebElement road = issues.stream().filter(li -> li.getText().contains(BURST_WORDS)).findFirst()
                .orElseThrow(() -> new AssertionError("the road's burst is not among the issues: "
                        + browser.findElement(By.id("issues")).getText()));
        assertThat(road.findElement(By.className("issue-sentence")).getText()).contains("Cơ quan trả lời: ")
                .containsPattern("\\d+% trong \\d+ bình luận của người dân là tiêu cực|chưa có bình luận của người dân, chỉ có tin bài").contains("Chưa có vụ việc nào xử lý.");
        // the leader follows and decides; opening cases and administration are other people's work
        assertThat(browser.findElements(By.cssSelector("main a[href*='/cases/new'], main a[href*='/admin/']"))).isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1400));
        try {
            saveScreenshot("home-leader-vi.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        road.findElement(By.className("issue-trend")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/trends?dimension="));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Xu hướng và dự báo");
        assertThat(browser.findElement(By.id("series-heading")).getText()).isNotBlank();
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void theCoordinatorOpensTheNewCaseToTriageAndACaseFromAnIssue() throws Exception {
        importTheBurst();
        Case received = cases.open(new Cases.NewCase("Tin đồn cấm đường " + ROAD + " suốt một tháng", "FALSE_INFORMATION",
                "MEDIUM", List.of(), null, null, "SXD"), user("coordinator"));
        signIn("coordinator");
        assertThat(headings()).contains("Vấn đề cần chú ý hôm nay", "Vụ việc mới chờ phân loại");
        WebElement issue = browser.findElements(By.cssSelector("#issues li.issue")).stream()
                .filter(li -> li.getText().contains(BURST_WORDS)).findFirst().orElseThrow();
        String draftLink = issue.findElement(By.className("issue-open-case")).getAttribute("href");

        // the triage list shows the first cases waiting (other tests' cases share the database): the new one when it is
        // among them, and each opens on its case page
        List<WebElement> waiting = browser.findElements(By.cssSelector("#triage-cases a"));
        WebElement chosen = waiting.stream().filter(a -> a.getAttribute("href").endsWith("/cases/" + received.id()))
                .findFirst().orElse(waiting.get(0));
        String waitingClaim = chosen.getText().substring(chosen.getText().indexOf(": ") + 2);
        chosen.click();
        waitForCaseStatus("RECEIVED");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(waitingClaim);

        browser.get(draftLink);
        WebElement claim = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("claim")));
        assertThat(claim.getAttribute("value")).contains(ROAD);
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void anOfficerFindsTheirAgencysCaseAndNothingOfAnotherAgency() throws Exception {
        importTheBurst();
        Case health = cases.open(new Cases.NewCase("Trạm y tế xã thu tiền tiêm chủng mở rộng " + ROAD, "FALSE_INFORMATION",
                "HIGH", List.of(), null, null, "SYT"), user("coordinator"));
        signIn("officer");
        assertThat(browser.findElement(By.id("my-agency")).getText()).isEqualTo("Sở Y tế");
        assertThat(headings()).containsSubsequence("Việc của bạn", "Vấn đề cần chú ý hôm nay", "Cảnh báo chưa xử lý");
        String main = browser.findElement(By.tagName("main")).getText();
        // the press questions listed are Health's own, whatever words they use (another test asks it about the injured
        // of a landslide): what is checked is the rest of the page
        for (WebElement questions : browser.findElements(By.cssSelector(".enquiry-list"))) {
            main = main.replace(questions.getText(), "");
        }
        // the road is the Department of Transport's: neither its issue nor its cases reach Health's officer
        assertThat(main).doesNotContain(BURST_WORDS, "Tin đồn cấm đường");
        browser.findElement(By.cssSelector("#unassigned-cases a[href$='/cases/" + health.id() + "']")).click();
        waitForCaseStatus("RECEIVED");
        assertThat(securityErrors()).isEmpty();
    }

    private List<String> headings() {
        return browser.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList();
    }

    private void waitForCaseStatus(String status) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id("status")).stream()
                        .anyMatch(e -> status.equals(e.getAttribute("data-status"))));
    }

    private SignedInUser user(String username) {
        var account = users.findByUsername(username).orElseThrow();
        return new SignedInUser(account.id(), account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles());
    }

    private void signIn(String username) {
        vn.loa.platform.HeadlessChromium.signIn(browser, url(""), username);
    }

    private List<String> securityErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    private void saveScreenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
