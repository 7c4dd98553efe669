package vn.loa.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.Axe;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * The commune officer of Bác Ái Tây on a phone, in a real headless Chromium: from the desk to the confirmation page,
 * the bulletin with its script, one big "Đã phát" button, and the bulletin confirmed; axe-core finds no serious or
 * critical violation on the page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommuneConfirmationFlowTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Publishing publishing;

    @Autowired
    Broadcasts broadcasts;

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

    @Test
    void theCommuneOfficerConfirmsABroadcastWithOneBigButtonOnAPhone() {
        // an emergency bulletin, on air at once: an ordinary one is confirmed only once its first slot has come, and
        // this test runs on the real clock
        String title = "Phòng chống sốt xuất huyết mùa mưa " + System.nanoTime();
        var agency = agencies.findByCode("SYT", LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).orElseThrow().id();
        long id = new TransactionTemplate(transactions).execute(s -> publishing.enqueue(new Publication(
                "message-version:flow-" + System.nanoTime(), null, "Y tế dự phòng", agency, Channel.LOUDSPEAKER, "vi",
                title, "Kính thưa bà con. Hãy úp ngược dụng cụ chứa nước và diệt lăng quăng quanh nhà.",
                List.of("22786"), List.of(), List.of(), null, true), new Actor("officer", "SYT")));
        long packageId = broadcasts.list(new Broadcasts.Filter("22786", null, Channel.LOUDSPEAKER), 500, COORDINATOR)
                .stream().filter(b -> b.publicationId() == id).findFirst().orElseThrow().id();

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys("xa-bac-ai-tay");
            browser.findElement(By.id("password")).sendKeys("loa-demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                    ExpectedConditions.urlContains("/login")));
            browser.get("http://localhost:" + port + "/publishing");
            browser.findElement(By.id("go-confirm")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/broadcasts/confirm");
            WebElement bulletin = browser.findElement(By.cssSelector("article[data-broadcast='" + packageId + "']"));
            assertThat(bulletin.findElement(By.tagName("h2")).getText()).isEqualTo(title);
            WebElement button = bulletin.findElement(By.cssSelector("button[type=submit]"));
            assertThat(button.getText()).isEqualTo("Đã phát");
            assertThat(button.getSize().getWidth()).as("the button spans the phone's width").isGreaterThan(250);
            Object sideways = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(sideways).as("no sideways scrolling on a phone").isEqualTo(false);
            assertThat(Axe.violations(browser, Set.of("serious", "critical"))).as("axe on /broadcasts/confirm").isEmpty();

            bulletin.findElement(By.cssSelector("input[name=note]")).sendKeys("Phát qua cụm loa thôn Ma Oai");
            bulletin.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
                    .isEqualTo("Đã ghi nhận: bản tin đã được phát.");
            assertThat(browser.findElements(By.cssSelector("article[data-broadcast='" + packageId + "']"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector("#confirmed li[data-broadcast='" + packageId + "']")).getText())
                    .contains(title);
            Broadcasts.Broadcast confirmed = broadcasts.get(packageId, COORDINATOR);
            assertThat(confirmed.status()).isEqualTo(Broadcasts.BroadcastStatus.CONFIRMED);
            assertThat(confirmed.confirmedBy()).isEqualTo("xa-bac-ai-tay");
            assertThat(confirmed.note()).isEqualTo("Phát qua cụm loa thôn Ma Oai");
        } finally {
            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
