package vn.loa.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.identity.AgencyDirectory;
import vn.loa.platform.Axe;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * The portal's messages in a real headless Chromium: the newest published messages with their language marked for
 * screen readers (Vietnamese and Chăm), one message readable on a phone without sideways scrolling, markup a caller
 * sent shown safe, the per-commune filter, the RSS feed; axe-core finds no serious or critical WCAG 2.1 A/AA violation
 * on the list or the message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicMessagesFlowTests {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Publishing publishing;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

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

    private long publish(String language, String title, String body, List<String> communes) {
        var agency = agencies.findByCode("SYT", LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).orElseThrow().id();
        return new TransactionTemplate(transactions).execute(s -> publishing.enqueue(new Publication(
                "message-version:flow-" + System.nanoTime(), "campaign:flow", "Bảo hiểm y tế người cao tuổi", agency,
                Channel.PORTAL, language, title, body, communes, List.of(), List.of(), null, false),
                new Actor("officer", "SYT")));
    }

    @Test
    void aVisitorReadsTheMessagesInTheirLanguageOnAPhoneAndAxeFindsNoSeriousViolation() throws Exception {
        String stamp = String.valueOf(System.nanoTime());
        long vi = publish("vi", "Người từ đủ 75 tuổi được cấp thẻ BHYT miễn phí " + stamp,
                "<p>Từ ngày 01/01/2027, người từ đủ 75 tuổi được cấp thẻ bảo hiểm y tế miễn phí.</p>"
                        + "<p>Bà con liên hệ <strong>UBND xã</strong> nơi cư trú.</p>"
                        + "<script>alert('x')</script><img src=x alt=\"Ảnh minh họa\" onerror=\"alert(1)\">", List.of());
        long cjm = publish("cjm", "[Bản tiếng Chăm đã duyệt] BHYT " + stamp,
                "<p>[Văn bản tiếng Chăm do người dịch cung cấp và người duyệt phê duyệt.]</p>", List.of("22786"));
        while (publishing.deliverDue() > 0) {
            // onto the portal
        }

        browser.get("http://localhost:" + port + "/public/messages");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thông điệp chính sách");
        WebElement viItem = browser.findElement(By.cssSelector("li[data-message='" + vi + "']"));
        WebElement cjmItem = browser.findElement(By.cssSelector("li[data-message='" + cjm + "']"));
        assertThat(viItem.getAttribute("lang")).isEqualTo("vi");
        assertThat(cjmItem.getAttribute("lang")).isEqualTo("cjm");
        assertThat(cjmItem.getText()).contains("Tiếng Chăm");
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on /public/messages").isEmpty();

        // on a phone
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            viItem = browser.findElement(By.cssSelector("li[data-message='" + vi + "'] h2 a"));
            viItem.click();
            assertThat(browser.getCurrentUrl()).endsWith("/public/messages/" + vi);
            WebElement article = browser.findElement(By.id("message"));
            assertThat(article.getAttribute("lang")).isEqualTo("vi");
            assertThat(article.getText()).contains("miễn phí", "UBND xã");
            assertThat(article.findElements(By.tagName("script"))).isEmpty();
            assertThat(article.findElements(By.cssSelector("img[onerror]"))).isEmpty();
            assertThat(article.findElements(By.tagName("strong"))).hasSize(1);
            Object sideways = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(sideways).as("no sideways scrolling on a phone").isEqualTo(false);
            assertThat(Axe.violations(browser, SERIOUS)).as("axe on /public/messages/{id}").isEmpty();
            // a citizen's way to the rest of the public site: the menu folds away and opens from its button
            WebElement menu = browser.findElement(By.cssSelector(".nav-toggle"));
            assertThat(browser.findElement(By.id("public-nav")).isDisplayed()).isFalse();
            menu.click();
            assertThat(browser.findElement(By.id("public-nav")).isDisplayed()).isTrue();
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
            browser.findElement(By.cssSelector("#public-nav a[href$='/public/access-to-information']")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/public/access-to-information");
            Object tiny = ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelector('input[type=tel]').getBoundingClientRect().height;");
            assertThat(((Number) tiny).doubleValue()).as("the phone field is as tall as the others").isGreaterThan(30);
            browser.get("http://localhost:" + port + "/public/messages/" + cjm);
            assertThat(browser.findElement(By.id("message")).getAttribute("lang")).isEqualTo("cjm");
            assertThat(Axe.violations(browser, SERIOUS)).as("axe on a message in Chăm").isEmpty();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        // per commune: a message for Bác Ái Tây is not shown to Phan Rang; a province-wide one is shown to both
        HttpClient http = HttpClient.newHttpClient();
        String bacAiTay = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/messages?commune=22786")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String phanRang = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/messages?commune=22759")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(bacAiTay).contains("data-message=\"" + vi + "\"", "data-message=\"" + cjm + "\"");
        assertThat(phanRang).contains("data-message=\"" + vi + "\"").doesNotContain("data-message=\"" + cjm + "\"");

        // the feed
        HttpResponse<String> rss = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/messages/rss.xml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rss.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(rss.body()));
        assertThat(feed.getEntries()).anySatisfy(e -> {
            assertThat(e.getTitle()).isEqualTo("Người từ đủ 75 tuổi được cấp thẻ BHYT miễn phí " + stamp);
            assertThat(e.getLink()).endsWith("/public/messages/" + vi);
            assertThat(e.getDescription().getValue()).contains("miễn phí").doesNotContain("<script");
        });

        // withdrawn: gone from the portal
        publishing.withdraw(cjm, "Thử rút lại", new Actor("officer", "SYT"));
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/messages/" + cjm))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }
}
