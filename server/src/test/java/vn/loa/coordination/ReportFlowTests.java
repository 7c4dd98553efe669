package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.platform.Axe;
import vn.loa.platform.BrowserFlowTest;
import vn.loa.platform.HeadlessChromium;

/**
 * In a real browser, the coordinator generates a quarterly report, edits a section, issues it after confirming, sees
 * its number and the seal check, and downloads the DOCX, which holds the edited text and the number; the leader reads
 * it but has no form to change it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportFlowTests extends BrowserFlowTest {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoordinatorGeneratesEditsAndIssuesAQuarterlyReport() throws Exception {
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/coordination/reports"));
        arrive(By.id("new-report-form"));
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the list").isEmpty();
        new Select(browser.findElement(By.id("report-kind"))).selectByValue("QUARTERLY");
        new Select(browser.findElement(By.id("report-year"))).selectByValue("2024");
        WebElement period = browser.findElement(By.id("report-period"));
        period.clear();
        period.sendKeys("2");
        browser.findElement(By.id("generate-report")).click();
        arrive(By.id("sections-form"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Báo cáo công tác truyền thông chính sách quý II năm 2024");
        assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo("Dự thảo");
        assertThat(browser.findElement(By.id("section-listening")).getAttribute("value")).startsWith("Trong quý, hệ thống ghi nhận");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/coordination/reports/(\\d+).*", "$1"));
        assertThat(Axe.violations(browser, SERIOUS)).as("axe on the report").isEmpty();

        String edited = "Đề nghị tăng cường đào tạo người phát ngôn cấp xã " + UUID.randomUUID().toString().substring(0, 8) + ".";
        WebElement proposals = browser.findElement(By.id("section-proposals"));
        proposals.clear();
        proposals.sendKeys(edited);
        browser.findElement(By.id("save-sections")).click();
        wait(15).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.success"), "Đã lưu"));
        assertThat(browser.findElement(By.id("section-proposals")).getAttribute("value")).isEqualTo(edited);

        browser.findElement(By.id("confirm-issue")).click();
        browser.findElement(By.id("issue")).click();
        arrive(By.id("report-number"));
        String number = browser.findElement(By.id("report-number")).getText();
        assertThat(number).matches("Số: \\d{2,}/BC-UBND, ban hành ngày \\d{2}/\\d{2}/\\d{4}");
        assertThat(browser.findElement(By.id("seal-record")).getText()).startsWith("Đã niêm phong với bản ghi nhật ký số ");
        assertThat(browser.findElement(By.id("seal-check")).getText()).startsWith("Kiểm tra: bản ghi niêm phong vẫn còn");
        assertThat(browser.findElements(By.id("save-sections"))).as("no saving once issued").isEmpty();
        assertThat(browser.findElements(By.id("issue-form"))).isEmpty();

        byte[] docx = download("/coordination/reports/" + id + "/report.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains(edited, number.substring(0, number.indexOf(',')), "BÁO CÁO",
                    "Công tác truyền thông chính sách quý II năm 2024");
        }
        assertThat(jdbc.sql("SELECT status FROM coord_report WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("ISSUED");

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), "leader");
        browser.get(url("/coordination/reports/" + id));
        arrive(By.id("seal-check"));
        assertThat(browser.findElements(By.id("save-sections"))).isEmpty();
        assertThat(browser.findElements(By.id("new-report-form"))).isEmpty();
        browser.manage().deleteAllCookies();
    }

    private byte[] download(String path) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return answer.body();
    }

    private static void arrive(By element) {
        try {
            wait(15).until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + element + " on " + browser.getCurrentUrl() + ", the page shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

}
