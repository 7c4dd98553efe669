package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.platform.Axe;
import vn.loa.shared.Actor;

/**
 * A coordinator, in a real headless Chromium, finds the hotline complaint of the review ("mất nước sinh hoạt") in the
 * search, follows its number to the post's page, corrects its toxicity and its policy domain there, and the page says
 * what the model had answered and who corrected it when; the page fits a laptop's and a phone's screen, with no serious
 * or critical axe-core violation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostPageFlowTests extends vn.loa.platform.BrowserFlowTest {

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoordinatorOpensAPostFromTheSearchCorrectsItsToxicityAndDomainAndSeesWhoCorrectedThem() throws Exception {
        String marker = "matnuoc" + ProcessHandle.current().pid() + System.nanoTime() % 100_000;
        String external = "hotline-" + marker;
        importer.importFile("hotline.jsonl", new ByteArrayInputStream(("{\"source\":\"flow-" + marker
                + "\",\"platform\":\"hotline\",\"external_id\":\"" + external
                + "\",\"published_at\":\"2026-12-01T08:30:00+07:00\",\"text\":\"Khu dân cư gần chợ Phan Rang cũng mất nước "
                + "sinh hoạt, đề nghị xử lý gấp. " + marker + "\"}\n").getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        long id = jdbc.sql("SELECT id FROM post WHERE external_id = ?").param(external).query(Long.class).single();
        String toxicity = jdbc.sql("SELECT toxicity FROM post WHERE id = ?").param(id).query(String.class).single();
        String target = toxicity.equals("CLEAN") ? "HATE" : "CLEAN";

        browser.manage().window().setSize(new Dimension(1366, 900));
        vn.loa.platform.HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/posts?q=" + marker));
        browser.findElement(By.cssSelector("a.post-id[href='/posts/" + id + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/posts/" + id)));
        assertThat(browser.findElement(By.id("post-title")).getText()).isEqualTo("Bài viết #" + id);
        assertThat(browser.findElement(By.id("post-body")).getText()).contains("mất nước sinh hoạt");
        assertThat(browser.findElement(By.id("post-facts")).getText()).contains("01/12/2026 08:30");

        browser.findElement(By.cssSelector("#correct summary")).click();
        new Select(browser.findElement(By.id("x" + id))).selectByValue(target);
        new Select(browser.findElement(By.id("d" + id))).selectByValue("transport");
        browser.findElement(By.cssSelector("#correct button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".flash")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/posts/" + id));
        String toxicityRow = browser.findElement(By.cssSelector("#post-labels dd[data-field=toxicity]")).getText();
        String before = toxicity.equals("CLEAN") ? "Bình thường" : toxicity.equals("HATE") ? "Thù ghét" : "Phản cảm";
        String after = target.equals("CLEAN") ? "Bình thường" : "Thù ghét";
        assertThat(toxicityRow).startsWith(after).contains("Đã sửa").contains("(máy gán: " + before + ")")
                .contains(before + " → " + after + ", do ").contains(" sửa lúc ");
        assertThat(browser.findElement(By.cssSelector("#post-labels dd[data-field=domain]")).getText())
                .startsWith("Giao thông").contains("Đã sửa");
        assertThat(jdbc.sql("SELECT toxicity FROM post WHERE id = ?").param(id).query(String.class).single()).isEqualTo(target);
        assertThat(overflow()).isLessThanOrEqualTo(0);
        assertThat(Axe.violations(browser, Set.of("serious", "critical"))).isEmpty();
        screenshot("post-page.png");

        // on a phone the page scrolls down, never sideways
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/posts/" + id));
        browser.findElement(By.cssSelector("#correct summary")).click();
        assertThat(overflow()).isLessThanOrEqualTo(0);
        assertThat(Axe.violations(browser, Set.of("serious", "critical"))).isEmpty();
        screenshot("post-page-phone.png");
    }

    private long overflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
