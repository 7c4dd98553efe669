package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.consultation.internal.ConsultationAnswersTestData;
import vn.loa.platform.Axe;
import vn.loa.platform.BrowserFlowTest;
import vn.loa.platform.HeadlessChromium;
import vn.loa.publishing.Publishing;

/**
 * As a new user would try it, in a real headless Chromium: the officer groups the 200 demo comments and answers six
 * groups from one page, cannot approve their own answers; the spokesperson approves and publishes them all; the
 * contributors receive their answers by e-mail (GreenMail); the public answers page passes axe-core and fits a phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsultationAnswersFlowTests extends BrowserFlowTest {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Publishing publishing;

    @Test
    void sixGroupsAreAnsweredApprovedByAnotherPersonPublishedAndTheContributorsHearBack() throws Exception {
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT",
                UUID.randomUUID().toString().substring(0, 8), 200);
        long id = f.consultationId();
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            signIn("officer");
            browser.get(url("/consultations/" + id + "/groups"));
            browser.findElement(By.id("regroup")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("regrouped")));
            assertThat(browser.findElement(By.id("regrouped")).getText()).startsWith("196 ý kiến");
            List<WebElement> found = browser.findElements(By.cssSelector("article.consultation-group"));
            assertThat(found.size()).isBetween(15, 45);
            assertThat(browser.findElement(By.id("article-a10")).getText()).contains("Điều 10");
            saveScreenshot("consultation-groups.png");

            browser.get(url("/consultations/" + id + "/answers"));
            // an answer template of the agency, with placeholders
            String template = "Mẫu tiếp thu " + id;
            browser.findElement(By.id("template-name")).sendKeys(template);
            new Select(browser.findElement(By.id("template-verdict"))).selectByValue("ACCEPTED");
            browser.findElement(By.id("template-body")).sendKeys("Cơ quan soạn thảo tiếp thu {count} ý kiến về {article}.");
            browser.findElement(By.cssSelector("#template-form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("templates"), template));
            List<String> groups = new ArrayList<>();
            for (WebElement group : browser.findElements(By.cssSelector("article.consultation-group"))) {
                if (groups.size() < 6) {
                    groups.add(group.getAttribute("id"));
                }
            }
            assertThat(groups).hasSize(6);
            String[] verdicts = {"PARTLY_ACCEPTED", "ACCEPTED", "NOT_ACCEPTED", "ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"};
            for (int i = 0; i < groups.size(); i++) {
                WebElement form = browser.findElement(By.cssSelector("#" + groups.get(i) + " form.answer-form"));
                if (i == 0) {
                    // the template picker fills the reason for this group, and its outcome
                    new Select(form.findElement(By.name("templateId"))).selectByVisibleText(template);
                    assertThat(form.findElement(By.name("reason")).getAttribute("value"))
                            .matches("Cơ quan soạn thảo tiếp thu \\d+ ý kiến về (Toàn bộ dự thảo|Điều .+)\\.");
                    assertThat(new Select(form.findElement(By.name("verdict"))).getFirstSelectedOption()
                            .getAttribute("value")).isEqualTo("ACCEPTED");
                    form.findElement(By.name("reason")).sendKeys(" Giải trình số 1.");
                } else {
                    new Select(form.findElement(By.name("verdict"))).selectByValue(verdicts[i]);
                    form.findElement(By.name("reason")).sendKeys("Giải trình số " + (i + 1)
                            + ": cơ quan soạn thảo đã xem xét ý kiến.");
                }
                form.findElement(By.cssSelector("button.submit-answer")).click();
                String expected = groups.get(i);
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("#" + expected));
            }
            for (String group : groups) {
                WebElement card = browser.findElement(By.id(group));
                assertThat(card.findElement(By.cssSelector(".answer-status")).getText()).isEqualTo("Chờ duyệt");
                // the author is not offered the approval
                assertThat(card.findElements(By.cssSelector("button.approve"))).isEmpty();
            }
            browser.findElement(By.id("approve-all")).click();
            // nothing the author may approve: a notice says so, not a success
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-area .flash.warn")));
            assertThat(browser.findElement(By.cssSelector(".flash-area .flash.warn")).getText())
                    .startsWith("Không có câu trả lời nào chờ bạn duyệt");
            assertThat(browser.findElements(By.id("done"))).isEmpty();

            signIn("spokesperson");
            browser.get(url("/consultations/" + id + "/answers"));
            browser.findElement(By.id("approve-all")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(browser.findElement(By.id("done")).getText()).endsWith(": 6.");
            browser.findElement(By.id("publish-all")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(browser.findElement(By.id("done")).getText()).endsWith(": 6.");
            saveScreenshot("consultation-answers.png");
            for (String group : groups) {
                assertThat(browser.findElement(By.cssSelector("#" + group + " .answer-status")).getText())
                        .isEqualTo("Đã công bố");
            }

            // every contributor with a verified e-mail in the six groups receives the answer
            List<String> expected = jdbc.sql("""
                    SELECT DISTINCT lower(k.contact) FROM consultation_contribution k
                    JOIN consultation_group_member m ON m.contribution_id = k.id
                    JOIN consultation_answer a ON a.group_id = m.group_id
                    WHERE a.consultation_id = ? AND a.status = 'PUBLISHED' AND k.verified AND k.contact_kind = 'EMAIL'""")
                    .param(id).query(String.class).list();
            assertThat(expected).isNotEmpty();
            publishing.deliverDue();
            String subject = "[Loa] Trả lời ý kiến góp ý dự thảo Quy định về chất thải rắn sinh hoạt";
            List<MimeMessage> ours = new ArrayList<>();
            long until = System.currentTimeMillis() + 30_000;
            while (ours.size() < expected.size() && System.currentTimeMillis() < until) {
                publishing.deliverDue();
                smtp.waitForIncomingEmail(2_000, expected.size());
                ours = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getSubject().startsWith(subject) && m.getSubject().contains(f.themes().isEmpty() ? "" :
                                jdbc.sql("SELECT title FROM consultation WHERE id = ?").param(id).query(String.class).single());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).toList();
            }
            assertThat(ours).hasSameSizeAs(expected);
            String body = ours.getFirst().getContent().toString();
            assertThat(body).contains("Giải trình số", "/public/consultations/" + id + "/answers");

            // the public answers page: no sign-in, axe-clean, readable on a phone
            browser.manage().deleteAllCookies();
            browser.get(url("/public/consultations/" + id + "/answers"));
            assertThat(browser.findElements(By.cssSelector("article.public-answer"))).hasSize(6);
            assertThat(Axe.violations(browser, SERIOUS)).as("axe on the public answers page").isEmpty();
            saveScreenshot("consultation-public-answers.png");
            browser.manage().window().setSize(new Dimension(390, 844));
            try {
                browser.get(url("/public/consultations/" + id + "/answers"));
                Object sideways = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
                assertThat(sideways).as("no sideways scrolling on a phone").isEqualTo(false);
                assertThat(Axe.violations(browser, SERIOUS)).as("axe on the public answers page on a phone").isEmpty();
            } finally {
                browser.manage().window().setSize(new Dimension(1280, 900));
            }
        } finally {
            smtp.stop();
        }
    }

    private static void saveScreenshot(String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }


    private void signIn(String username) {
        HeadlessChromium.signIn(browser, url(""), username);
    }
}
