package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.loa.platform.BrowserFlowTest;
import vn.loa.platform.HeadlessChromium;
import vn.loa.shared.LocalTime;

/**
 * The part of issue #18's "Done when" that crosses its pages, in a real headless Chromium on the real PostgreSQL with a
 * real SMTP server (GreenMail): a commune's task passes its due date; the leader's view shows it overdue; the follow-up
 * job escalates it (the leader gets the e-mail) and the leader's view marks it escalated and leads to the task, whose
 * history says so; then the quarterly report's count of tasks in each status class is the count the task list shows for
 * that class, followed from the report's own links.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CoordinationEndToEndFlowTests extends BrowserFlowTest {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final Pattern PAGER_TOTAL = Pattern.compile("([\\d.]+)\\s*$");

    @Autowired
    Directives directives;

    @Autowired
    Tasks tasks;

    @Autowired
    PeriodicReports reports;

    @Test
    void anOverdueTaskEscalatesTheLeaderSeesItAndTheQuarterlyReportCountsWhatTheTaskListShows() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        Directive d = directives.create(new Directives.NewDirective("Kế hoạch", m + "/KH-UBND", today.minusDays(20), "56",
                "Phó Chủ tịch Nguyễn Văn A", "Kế hoạch tuyên truyền chuyển đổi số " + m, null, null, null, null),
                COORDINATOR);
        Task late = tasks.add(d.id(), new Tasks.NewTask("2", "Báo cáo kết quả tuyên truyền " + m, "Báo cáo bằng văn bản",
                List.of("22852"), List.of(), Recurrence.ONCE, today.minusDays(2), null, null, null, null, true, true),
                COORDINATOR).get(0);
        assertThat(late.statusClass()).isEqualTo(TaskStatusClass.OVERDUE);

        // 0. the commune's officer finds it overdue on the home page, with a link to it
        HeadlessChromium.signIn(browser, url(""), "district");
        browser.get(url("/"));
        WebElement home = browser.findElement(By.id("home-tasks"));
        boolean shown = home.findElements(By.cssSelector("li.overdue a")).stream()
                .anyMatch(a -> a.getAttribute("href").endsWith("/coordination/tasks/" + late.id()));
        if (!shown) {
            // the home page shows the five most overdue; the others are behind its link to the overdue list
            home.findElement(By.cssSelector("a[href*='status=OVERDUE']")).click();
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("tasks-filter")));
            assertThat(browser.findElements(By.cssSelector("#task-table a"))).as("the commune's overdue tasks")
                    .anySatisfy(a -> assertThat(a.getAttribute("href")).endsWith("/coordination/tasks/" + late.id()));
        }

        // 1. the leader's view shows the commune's task overdue, not yet escalated
        HeadlessChromium.signIn(browser, url(""), "leader");
        browser.get(url("/leadership"));
        WebElement item = atRisk(late);
        assertThat(item.getAttribute("data-overdue")).isEqualTo("true");
        assertThat(item.getText()).contains("Xã Ninh Hải", m + "/KH-UBND");
        assertThat(item.findElements(By.cssSelector(".badge.warn"))).as("escalated before the job ran").isEmpty();

        // 2. the follow-up job escalates it: the leader is e-mailed, once
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            tasks.remind();
            tasks.remind();
            assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(message -> to(message, "leader@demo.loa.local")
                    && subject(message).contains(m))).as("e-mails to the leader").hasSize(1);
        } finally {
            smtp.stop();
        }

        // 3. the leader's view marks it escalated and leads to the task, whose history says so
        browser.get(url("/leadership"));
        item = atRisk(late);
        assertThat(item.findElements(By.cssSelector(".badge.warn"))).as("escalation mark").hasSize(1);
        item.findElement(By.tagName("a")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("task-history")));
        assertThat(browser.getCurrentUrl()).endsWith("/coordination/tasks/" + late.id());
        assertThat(browser.findElement(By.id("task-history")).getText())
                .contains("Quá hạn, đã báo người điều phối và lãnh đạo UBND tỉnh");

        // 4. the quarterly report counts, class by class, the tasks the task list shows
        // (one report per period: the demo's draft of this quarter, recomputed now, else a new one)
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        ReportPeriod period = ReportPeriod.of("QUARTERLY", today.getYear(), quarter, today);
        PeriodicReports.Report report = reports.list(COORDINATOR).stream()
                .filter(r -> r.kind() == ReportKind.QUARTERLY && r.periodStart().equals(period.from()))
                .findFirst().map(r -> reports.regenerate(r.id(), false, COORDINATOR))
                .orElseGet(() -> reports.generate(period, COORDINATOR));
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        long overdueInReport = -1;
        for (TaskStatusClass statusClass : TaskStatusClass.values()) {
            browser.get(url("/coordination/reports/" + report.id()));
            WebElement row = browser.findElement(By.cssSelector("#figures-open-tasks tr[data-class=" + statusClass + "]"));
            long inReport = Long.parseLong(row.findElement(By.tagName("td")).getText().replace(".", ""));
            row.findElement(By.tagName("a")).click();
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("tasks-filter")));
            assertThat(browser.getCurrentUrl()).contains("status=" + statusClass);
            assertThat(listed()).as("%s: the report against the task list", statusClass).isEqualTo(inReport);
            if (statusClass == TaskStatusClass.OVERDUE) {
                overdueInReport = inReport;
            }
        }
        assertThat(overdueInReport).as("the commune's overdue task among them").isPositive();
    }

    /** The leader's view's entry for the task's occurrence. */
    private WebElement atRisk(Task task) {
        return browser.findElements(By.cssSelector("#tasks-at-risk li")).stream()
                .filter(li -> li.findElement(By.tagName("a")).getAttribute("href").endsWith("/coordination/tasks/" + task.id()))
                .findFirst().orElseThrow(() -> new AssertionError("task " + task.id() + " not among the tasks at risk"));
    }

    /** How many tasks the task list says it holds (its pager's total), 0 when it says there is none. */
    private static long listed() {
        if (!browser.findElements(By.id("no-tasks")).isEmpty()) {
            return 0;
        }
        Matcher total = PAGER_TOTAL.matcher(browser.findElement(By.cssSelector(".pager-count")).getText().trim());
        assertThat(total.find()).as("the pager's total").isTrue();
        return Long.parseLong(total.group(1).replace(".", ""));
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

}
