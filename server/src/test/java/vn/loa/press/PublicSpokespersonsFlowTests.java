package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;

/**
 * "Người phát ngôn" on the public portal in a real headless Chromium: who speaks for the Department of Health with how
 * to reach them, the agency that has named no one, a name with markup shown as text, and the page in English.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicSpokespersonsFlowTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Spokespersons registry;

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
    void aVisitorFindsWhoSpeaksForTheDepartmentOfHealthAndWhichAgencyHasNoOne() {
        Spokesperson marked = registry.appoint(new Spokespersons.Appointment("SCT", SpeakerCapacity.AUTHORISED,
                "Giá xăng dầu <img src=x onerror=alert(1)>", "<script>alert('x')</script>Hà Văn Tú", "Phó Giám đốc",
                "0258 3822 555", "tu.ha@example.vn", null, LocalDate.now(LocalTime.ZONE), null), COORDINATOR);
        try {
            browser.get("http://localhost:" + port + "/public/spokespersons");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Người phát ngôn");
            WebElement health = browser.findElement(By.cssSelector("section[data-agency='SYT']"));
            assertThat(health.findElement(By.tagName("h2")).getText()).isEqualTo("Sở Y tế");
            List<String> people = health.findElements(By.cssSelector("li.spokesperson")).stream().map(WebElement::getText).toList();
            assertThat(people).anySatisfy(p -> assertThat(p).contains("Trần Minh Đức", "Phó Giám đốc", "Người phát ngôn",
                    "0258 3820", "phatngon.syt@demo.loa.local"));
            assertThat(people).anySatisfy(p -> assertThat(p).contains("Phan Văn Thịnh", "Người đứng đầu cơ quan"));
            assertThat(health.findElement(By.cssSelector("a.email")).getAttribute("href"))
                    .isEqualTo("mailto:phatngon.syt@demo.loa.local");
            assertThat(browser.findElement(By.id("no-spokesperson")).getText()).contains("Thanh tra tỉnh");
            // markup typed into the registry is text, never run
            WebElement trade = browser.findElement(By.cssSelector("section[data-agency='SCT']"));
            assertThat(trade.getText()).contains("<script>alert('x')</script>Hà Văn Tú", "<img src=x onerror=alert(1)>");
            assertThat(trade.findElements(By.tagName("script"))).isEmpty();
            assertThat(trade.findElements(By.tagName("img"))).isEmpty();
            assertThat(alertShown()).isFalse();
            // the portal's menu leads there
            browser.get("http://localhost:" + port + "/public/press-releases");
            browser.findElement(By.linkText("Người phát ngôn")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/public/spokespersons");

            browser.manage().addCookie(new Cookie("loa-lang", "en"));
            browser.get("http://localhost:" + port + "/public/spokespersons");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Spokespersons");
            WebElement english = browser.findElement(By.cssSelector("section[data-agency='SYT']"));
            assertThat(english.findElement(By.tagName("h2")).getText()).isEqualTo("Department of Health");
            assertThat(english.getText()).contains("Spokesperson", "Head of the agency");
            assertThat(securityErrors()).isEmpty();
        } finally {
            browser.manage().deleteCookieNamed("loa-lang");
            registry.withdraw(marked.id(), "Dữ liệu kiểm thử", COORDINATOR);
        }
    }

    private static boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private static List<String> securityErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused")).toList();
    }
}
