package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.consultation.internal.ConsultationTestData.OFFICER;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.consultation.internal.ConsultationTestData;
import vn.loa.platform.Axe;
import vn.loa.shared.LocalTime;

/**
 * The consultation on the public portal in a real headless Chromium, on a phone-sized screen: a visitor finds the open
 * consultation, reads the draft article by article with its questions and period, comments on Điều 10 through the
 * article's form, gives back the code sent (read from publishing's outbox) and sees the comment published under the
 * article, escaped; a wrong code is refused naming the field; the changes page shows the final text side by side; axe
 * finds no serious problem on the pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicConsultationFlowTests {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Drafts drafts;

    @Autowired
    Consultations consultations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsultationAnswers answers;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = vn.loa.platform.HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aCitizenReadsTheDraftAndCommentsOnAnArticleWithTheCodeSent() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Consultation c = ConsultationTestData.open(drafts, consultations, marker,
                LocalDate.now(LocalTime.ZONE), OFFICER);
        Drafts.DraftVersion v2 = drafts.importVersion(c.draftId(), "v2.docx",
                ConsultationTestData.docx("draft-v2.txt", marker), null, true, OFFICER);

        browser.get(url("/public/consultations"));
        assertThat(axe()).as("axe on /public/consultations").isEmpty();
        browser.findElement(By.linkText(c.title())).click();
        assertThat(browser.findElement(By.id("consultation-title")).getText()).isEqualTo(c.title());
        assertThat(browser.findElement(By.id("consultation-agency")).getText()).isEqualTo("Sở Nông nghiệp và Môi trường");
        assertThat(browser.findElement(By.id("questions")).getText()).contains("Thời gian thu gom có phù hợp?");
        WebElement article5 = browser.findElement(By.id("unit-a5"));
        assertThat(article5.findElement(By.tagName("h3")).getText())
                .isEqualTo("Điều 5. Phân loại chất thải rắn sinh hoạt tại nguồn");
        assertThat(article5.getText()).contains("đ) Dầu nhớt thải");
        assertThat(axe()).as("axe on /public/consultations/{id}").isEmpty();
        // the final version exists but is not adopted: it is not public yet
        assertThat(browser.findElements(By.id("changes-link"))).isEmpty();

        WebElement article10 = browser.findElement(By.id("unit-a10"));
        article10.findElement(By.tagName("summary")).click();
        article10.findElement(By.name("name")).sendKeys("Lê Thị <b>Hoa</b>");
        String email = "hoa-" + marker + "@example.vn";
        article10.findElement(By.name("contact")).sendKeys(email);
        article10.findElement(By.name("text")).sendKeys("Đề nghị thu gom lúc 5 giờ sáng <script>alert(1)</script>");
        article10.findElement(By.cssSelector("button[type=submit]")).click();
        arrive(By.id("code"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nhập mã xác nhận");
        assertThat(axe()).as("axe on the code page").isEmpty();
        String code = sentCode(email);
        browser.findElement(By.id("code")).sendKeys(code.equals("000000") ? "111111" : "000000");
        browser.findElement(By.id("verify")).click();
        arrive(By.id("problems"));
        assertThat(browser.findElement(By.id("problems")).getText()).contains("Mã xác nhận: không đúng, còn 4 lần thử");
        browser.findElement(By.id("code")).clear();
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("verify")).click();
        arrive(By.id("reference"));
        assertThat(browser.findElement(By.id("reference")).getText()).containsPattern("GY-\\d{4}-\\d{6}");
        assertThat(axe()).as("axe on the thank-you page").isEmpty();

        // its period over, as the closing job leaves it: only then is the final text adopted
        jdbc.sql("UPDATE consultation SET status = 'CLOSED' WHERE id = ?").param(c.id()).update();
        answers.adopt(c.id(), v2.id(), OFFICER);
        browser.get(url("/public/consultations/" + c.id()));
        WebElement commented = browser.findElement(By.id("unit-a10"));
        assertThat(commented.findElement(By.cssSelector(".contribution")).getText())
                .contains("Lê Thị <b>Hoa</b>", "Đề nghị thu gom lúc 5 giờ sáng <script>alert(1)</script>");
        assertThat(commented.findElements(By.cssSelector(".contribution script, .contribution b"))).isEmpty();
        assertThat(alertShown()).isFalse();

        browser.findElement(By.id("changes-link")).click();
        arrive(By.id("diff-a12a"));
        WebElement added = browser.findElement(By.id("diff-a12a"));
        assertThat(added.getText()).contains("Điều 12a.", "Điều mới");
        assertThat(browser.findElement(By.id("diff-a22")).findElements(By.tagName("del"))).isNotEmpty();
        assertThat(axe()).as("axe on /public/consultations/{id}/changes").isEmpty();
        assertThat(v2.finalText()).isTrue();
    }

    @Test
    void aCommentWithoutContactIsRefusedNamingTheField() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Consultation c = ConsultationTestData.open(drafts, consultations, marker,
                LocalDate.now(LocalTime.ZONE), OFFICER);
        browser.get(url("/public/consultations/" + c.id() + "/comment?unit=a14"));
        browser.findElement(By.id("name-page")).sendKeys("Bảy");
        browser.findElement(By.id("contact-page")).sendKeys("không có");
        browser.findElement(By.id("text-page")).sendKeys("Giá cao quá");
        browser.findElement(By.id("send-page")).click();
        arrive(By.id("problems"));
        List<WebElement> problems = browser.findElements(By.cssSelector("#problems li"));
        assertThat(problems).extracting(p -> p.getAttribute("data-field")).containsExactly("contact");
        assertThat(browser.findElement(By.id("unit-page")).getAttribute("value")).isEqualTo("a14");
        assertThat(axe()).as("axe on the comment form with problems").isEmpty();
    }

    @Test
    void aCommentOnAnArticleRefusedAsStaleComesBackInItsOpenedBoxFilledAndIsSentOnce() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Consultation c = ConsultationTestData.open(drafts, consultations, marker,
                LocalDate.now(LocalTime.ZONE), OFFICER);
        browser.manage().deleteAllCookies();
        browser.get(url("/public/consultations/" + c.id()));
        WebElement article10 = browser.findElement(By.id("unit-a10"));
        article10.findElement(By.tagName("summary")).click();
        String email = "tam-" + marker + "@example.vn";
        article10.findElement(By.name("name")).sendKeys("Phạm Văn Tâm");
        article10.findElement(By.name("contact")).sendKeys(email);
        article10.findElement(By.name("text")).sendKeys("Nên thu gom sau 21 giờ để tránh giờ đi làm " + marker);
        // the session ends while the citizen writes (it timed out, or the browser dropped its cookie)
        browser.manage().deleteCookieNamed("LOA_SESSION");
        article10.findElement(By.cssSelector("button[type=submit]")).click();

        arrive(By.id("form-expired"));
        assertThat(browser.findElement(By.id("form-expired")).getText())
                .contains("Những gì bạn đã nhập đã được điền lại vào biểu mẫu");
        WebElement again = browser.findElement(By.id("unit-a10"));
        assertThat(again.findElement(By.tagName("details")).getAttribute("open")).isNotNull();
        assertThat(again.findElement(By.name("name")).getDomProperty("value")).isEqualTo("Phạm Văn Tâm");
        assertThat(again.findElement(By.name("contact")).getDomProperty("value")).isEqualTo(email);
        assertThat(again.findElement(By.name("text")).getDomProperty("value"))
                .isEqualTo("Nên thu gom sau 21 giờ để tránh giờ đi làm " + marker);
        // only the form that was sent: the other articles' forms stay empty and folded
        WebElement article5 = browser.findElement(By.id("unit-a5"));
        assertThat(article5.findElement(By.name("text")).getDomProperty("value")).isEmpty();
        assertThat(article5.findElement(By.tagName("details")).getAttribute("open")).isNull();
        assertThat(axe()).as("axe on the consultation with its comment put back").isEmpty();

        again.findElement(By.cssSelector("button[type=submit]")).click();
        arrive(By.id("code"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM pub_publication p JOIN pub_delivery d ON d.publication_id = p.id
                WHERE d.recipient = ? AND p.source LIKE 'consultation-code:%'""").param(email).query(Long.class).single())
                .as("one code sent, for one comment").isEqualTo(1);
    }

    /** Waits for the next page to show the element; on a timeout, says what the page showed instead. */
    private static void arrive(By element) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + element + " on " + browser.getCurrentUrl() + ", the page shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private String sentCode(String email) {
        String body = jdbc.sql("""
                SELECT p.body FROM pub_publication p JOIN pub_delivery d ON d.publication_id = p.id
                WHERE d.recipient = ? AND p.source LIKE 'consultation-code:%' ORDER BY p.id DESC LIMIT 1""")
                .param(email).query(String.class).single();
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<String> axe() {
        return Axe.violations(browser, SERIOUS);
    }

    private static boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    @SuppressWarnings("unused")
    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }
}
