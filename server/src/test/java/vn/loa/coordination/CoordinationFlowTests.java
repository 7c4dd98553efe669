package vn.loa.coordination;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.Axe;
import vn.loa.platform.BrowserFlowTest;
import vn.loa.platform.HeadlessChromium;
import vn.loa.shared.LocalTime;

/**
 * Issue #18 as a new user would try it, in a real headless Chromium on the real PostgreSQL: the coordinator opens a
 * directive and sees its tasks per lead agency with their status classes; the commune's officer reports progress with
 * a figure and sends a difficulty about the task; the coordinator answers it; the officer reads the answer and closes it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CoordinationFlowTests extends BrowserFlowTest {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    Directives directives;

    @Autowired
    Tasks tasks;

    @Test
    void theCommuneReportsProgressAndADifficultyThatTheCoordinatorAnswers() {
        String m = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        Directive d = directives.create(new Directives.NewDirective("Kế hoạch", m + "/KH-UBND", today.minusDays(3), "56",
                "Phó Chủ tịch Nguyễn Văn A", "Kế hoạch truyền thông chính sách " + m, "Tóm tắt", null, null, null),
                COORDINATOR);
        Task communeTask = tasks.add(d.id(), new Tasks.NewTask("2", "Phát thanh cơ sở " + m, "Bản tin phát thanh",
                List.of("22852"), List.of(), Recurrence.ONCE, today.plusDays(10), null, null, null, null, false),
                COORDINATOR).get(0);
        tasks.add(d.id(), new Tasks.NewTask("3", "Trả lời báo chí " + m, "Thông cáo", List.of("SYT"), List.of("22852"),
                Recurrence.MONTHLY, null, 25, null, null, null, false, true), COORDINATOR);

        // 1. the coordinator sees the tasks per lead agency, with their status classes
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/coordination"));
        browser.findElement(By.linkText("Kế hoạch truyền thông chính sách " + m)).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("class-totals")));
        assertThat(browser.findElements(By.cssSelector("section.agency-tasks"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#class-totals [data-class=IN_PROGRESS]")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Xã Ninh Hải", "Sở Y tế",
                "Đang thực hiện trong hạn");
        assertThat(Axe.violations(browser, SERIOUS)).as("the directive's page").isEmpty();

        // 2. the commune's officer reports progress with a figure
        HeadlessChromium.signIn(browser, url(""), "district");
        browser.get(url("/coordination/tasks/" + communeTask.id()));
        browser.findElement(By.id("progress-body")).sendKeys("Đã phát 12 bản tin về chính sách bảo hiểm y tế");
        browser.findElement(By.id("percent")).sendKeys("60");
        browser.findElement(By.id("figure-name-1")).sendKeys("bản tin");
        browser.findElement(By.id("figure-value-1")).sendKeys("12");
        browser.findElement(By.id("send-progress")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".progress-report")));
        String report = browser.findElement(By.cssSelector(".progress-report")).getText();
        assertThat(report).contains("Đã phát 12 bản tin", "bản tin: 12", "60%");
        assertThat(Axe.violations(browser, SERIOUS)).as("the task's page").isEmpty();

        // 3. and a difficulty about the task
        browser.findElement(By.id("raise-difficulty")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("difficulty-form")));
        assertThat(browser.findElement(By.cssSelector("#difficulty-task option[selected]")).getText())
                .isEqualTo("Phát thanh cơ sở " + m);
        browser.findElement(By.id("difficulty-title")).sendKeys("Hỏng cụm loa thôn xa " + m);
        browser.findElement(By.id("difficulty-body")).sendKeys("Đề nghị hỗ trợ kinh phí sửa chữa 2 cụm loa.");
        browser.findElement(By.id("send-difficulty")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("difficulty-status")));
        String difficulty = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("difficulty-status")).getText()).isEqualTo("Mới gửi");
        assertThat(Axe.violations(browser, SERIOUS)).as("the difficulty's page").isEmpty();

        // 4. the coordinator answers it
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/coordination/difficulties"));
        browser.findElement(By.linkText("Hỏng cụm loa thôn xa " + m)).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("answer-input")));
        browser.findElement(By.id("answer-input")).sendKeys("Sở đã đề xuất UBND tỉnh bố trí kinh phí trong quý tới.");
        browser.findElement(By.id("send-answer")).click();
        wait(10).until(ExpectedConditions.textToBe(By.id("difficulty-status"), "Đã trả lời"));

        // 5. the officer reads the answer and closes the difficulty
        HeadlessChromium.signIn(browser, url(""), "district");
        browser.get(difficulty);
        assertThat(browser.findElement(By.id("answer-text")).getText()).contains("bố trí kinh phí trong quý tới");
        browser.findElement(By.id("close-difficulty")).click();
        wait(10).until(ExpectedConditions.textToBe(By.id("difficulty-status"), "Đã đóng"));
        WebElement history = null;
        browser.get(url("/coordination/tasks/" + communeTask.id()));
        history = browser.findElement(By.id("task-history"));
        assertThat(history.getText()).contains("Báo cáo tiến độ");
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

}
