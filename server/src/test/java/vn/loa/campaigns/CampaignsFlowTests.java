package vn.loa.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Channel;

/**
 * The officer writes a message in a real headless Chromium and adapts it for SMS: the counter shows the encoding,
 * characters, segments and cost as one types, the diacritic-free version is one click away, and the server shows the
 * same figures once saved; the editor fits a phone's screen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CampaignsFlowTests {

    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void theOfficerWritesAMessageAndSeesTheSmsCounterAsTheyType() throws Exception {
        int year = jdbc.sql("""
                SELECT min(y) FROM generate_series(2027, 2099) y
                WHERE NOT EXISTS (SELECT 1 FROM campaign_plan WHERE agency_code = 'SYT' AND year = y)""")
                .query(Integer.class).single();
        long plan = campaigns.createPlan("SYT", year, "Kế hoạch thử năm " + year, OFFICER).id();
        long campaign = campaigns.create(plan, new Campaigns.Draft("Tiêm chủng mở rộng", "Tiêm chủng", null, null,
                List.of(Audience.ELDERLY), List.of(), List.of(Channel.SMS), List.of(), LocalDate.of(year, 12, 1),
                LocalDate.of(year + 1, 2, 28), null, null, List.of("tiêm chủng")), OFFICER).id();

        signIn("officer");
        browser.get(url("/campaigns/" + campaign));
        browser.findElement(By.id("m-title")).sendKeys("Lịch tiêm chủng tháng 12");
        browser.findElement(By.id("m-body")).sendKeys("Trạm y tế xã tiêm vắc-xin cho trẻ em vào ngày 15 hằng tháng.");
        browser.findElement(By.id("write-message")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/campaigns/messages/\\d+$"));
        String editor = browser.getCurrentUrl();
        saveScreenshot("campaign-message.png");

        WebElement sms = browser.findElement(By.id("body-SMS"));
        sms.clear();
        sms.sendKeys("Trạm y tế xã tiêm vắc-xin ngày 15.");
        WebElement counter = browser.findElement(By.cssSelector("#counter-SMS span"));
        assertThat(counter.getText()).isEqualTo("UCS-2 (có dấu) · 34 ký tự · 1 tin · 800 đồng");
        sms.sendKeys(" Mang theo sổ tiêm chủng của trẻ, đến đúng giờ.");
        assertThat(counter.getText()).isEqualTo("UCS-2 (có dấu) · 81 ký tự · 2 tin · 1.600 đồng");
        assertThat(browser.findElement(By.cssSelector("#version-SMS .sms-plain-text")).getText())
                .isEqualTo("Tram y te xa tiem vac-xin ngay 15. Mang theo so tiem chung cua tre, den dung gio.");
        browser.findElement(By.cssSelector("#version-SMS .use-plain")).click();
        assertThat(counter.getText()).isEqualTo("GSM-7 (không dấu) · 81 ký tự · 1 tin · 800 đồng");
        browser.findElement(By.id("save-SMS")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#version-SMS"));
        assertThat(browser.findElement(By.cssSelector("#counter-SMS span")).getText())
                .isEqualTo("GSM-7 (không dấu) · 81 ký tự · 1 tin · 800 đồng");
        assertThat(browser.findElement(By.id("body-SMS")).getAttribute("value"))
                .isEqualTo("Tram y te xa tiem vac-xin ngay 15. Mang theo so tiem chung cua tre, den dung gio.");

        ((JavascriptExecutor) browser).executeScript("document.getElementById('version-SMS').scrollIntoView()");
        saveScreenshot("campaign-message-sms.png");

        // the loudspeaker bulletin gets a recording, uploaded through the page (a multipart form with its CSRF token)
        WebElement script = browser.findElement(By.id("body-LOUDSPEAKER"));
        script.clear();
        script.sendKeys("Kính thưa bà con, trạm y tế xã tiêm vắc-xin cho trẻ em vào ngày mười lăm hằng tháng.");
        browser.findElement(By.id("save-LOUDSPEAKER")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#version-LOUDSPEAKER"));
        java.nio.file.Path recording = java.nio.file.Files.createTempFile("ban-tin", ".wav");
        byte[] wav = new byte[44 + 1600];
        System.arraycopy("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, wav, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, wav, 8, 8);
        java.nio.file.Files.write(recording, wav);
        browser.findElement(By.id("audio-file")).sendKeys(recording.toString());
        browser.findElement(By.cssSelector("#audio-upload button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#loudspeaker-audio audio")));
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).isEqualTo("Đã đính kèm bản ghi âm.");
        assertThat(browser.findElement(By.id("loudspeaker-audio")).getText()).contains("Bản ghi âm giọng người")
                .doesNotContain("Giọng đọc máy (tổng hợp)");
        java.nio.file.Files.deleteIfExists(recording);

        browser.get(url("/campaigns/" + campaign));
        saveScreenshot("campaign.png");

        // on a phone the editor scrolls down, never sideways
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(editor);
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('version-LOUDSPEAKER').scrollIntoView()");
        saveScreenshot("campaign-message-phone.png");
        assertThat(securityErrors()).isEmpty();
    }

    private void saveScreenshot(String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username) {
        vn.loa.platform.HeadlessChromium.signIn(browser, url(""), username);
    }

    private List<String> securityErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }
}
