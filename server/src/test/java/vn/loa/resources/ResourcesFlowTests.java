package vn.loa.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import vn.loa.identity.AgencyDirectory;
import vn.loa.platform.Axe;
import vn.loa.platform.BrowserFlowTest;
import vn.loa.platform.HeadlessChromium;
import vn.loa.shared.LocalTime;

/**
 * As a new user would try it, in a real headless Chromium: the Department of Health's officer sees only their agency on
 * the resources overview, adds a communication officer and a budget line from the agency's page, is told which field
 * is wrong when more is committed than planned, and sees the amounts in đồng; the leader reads the overview and the
 * leader's view; every page passes axe-core.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResourcesFlowTests extends BrowserFlowTest {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    @Autowired
    AgencyDirectory agencies;

    @Test
    void anOfficerKeepsTheAgencysStaffAndBudgetAndTheLeaderReadsTheProvince() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long health = agencies.findByCode("SYT", LocalDate.now(LocalTime.ZONE)).orElseThrow().id().value();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        HeadlessChromium.signIn(browser, url(""), "officer");
        browser.get(url("/resources"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#resources-table tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getAttribute("data-agency")).isEqualTo("SYT");
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the overview").isEmpty();
        rows.getFirst().findElement(By.cssSelector("a")).click();
        wait.until(ExpectedConditions.urlContains("/resources/agencies/" + health));
        assertThat(browser.findElement(By.id("registry-link")).getAttribute("href")).contains("/press/spokespersons");

        // a communication officer
        browser.findElement(By.cssSelector("#staff > details > summary")).click();
        browser.findElement(By.id("staff-fullName")).sendKeys("Cán bộ " + marker);
        browser.findElement(By.id("staff-position")).sendKeys("Chuyên viên");
        new Select(browser.findElement(By.id("staff-duty"))).selectByValue("COMMUNICATION_OFFICER");
        browser.findElement(By.cssSelector("#staff-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-table"), "Cán bộ " + marker));

        // a budget line with more committed than planned is refused, naming the field and keeping what was typed
        browser.findElement(By.cssSelector("#budget-lines > details > summary")).click();
        browser.findElement(By.id("budget-name")).sendKeys("Dòng " + marker);
        browser.findElement(By.id("budget-plannedVnd")).sendKeys("1.250.000.000");
        browser.findElement(By.id("budget-committedVnd")).sendKeys("1.300.000.000");
        browser.findElement(By.cssSelector("#budget-form button[type=submit]")).click();
        WebElement problems = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(problems.findElement(By.cssSelector("li")).getAttribute("data-field")).isEqualTo("committedVnd");
        assertThat(problems.getText()).contains("không được vượt dự toán");
        assertThat(browser.findElement(By.id("budget-name")).getAttribute("value")).isEqualTo("Dòng " + marker);
        assertThat(browser.findElement(By.id("budget-form")).isDisplayed()).isTrue();
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the refused form").isEmpty();
        WebElement committed = browser.findElement(By.id("budget-committedVnd"));
        committed.clear();
        committed.sendKeys("900.000.000");
        browser.findElement(By.cssSelector("#budget-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("budget-table"), "Dòng " + marker));
        assertThat(browser.findElement(By.id("budget-table")).getText()).contains("1.250.000.000 đ", "900.000.000 đ");
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the agency's page").isEmpty();

        // another agency's page is not found for the officer
        long education = agencies.findByCode("SGDDT", LocalDate.now(LocalTime.ZONE)).orElseThrow().id().value();
        browser.get(url("/resources/agencies/" + education));
        assertThat(browser.findElements(By.id("staff-table"))).isEmpty();

        // the leader reads every agency, and the leader's view
        HeadlessChromium.signIn(browser, url(""), "leader");
        browser.get(url("/resources?kind=DEPARTMENT"));
        // (failed once in a clean-clone CI, 08/12/2026, with one row, and not again: the page says who reads it and what)
        assertThat(browser.findElements(By.cssSelector("#resources-table tbody tr")).size())
                .as("%s%n%s", browser.getCurrentUrl(), browser.findElement(By.tagName("body")).getText())
                .isGreaterThan(1);
        assertThat(browser.findElement(By.id("totals")).getText()).contains("đ");
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the overview for the leader").isEmpty();
        browser.get(url("/resources/budget"));
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the budget").isEmpty();
        browser.get(url("/resources/contracts"));
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the contracts").isEmpty();
        browser.get(url("/leadership"));
        assertThat(browser.findElement(By.id("tasks-at-risk")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("reports")).isDisplayed()).isTrue();
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the leader's view").isEmpty();
    }

}
