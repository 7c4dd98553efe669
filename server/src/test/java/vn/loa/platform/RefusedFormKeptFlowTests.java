package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A form sent after its session ended, in a real headless Chromium: refused (nothing saved), and back on its page with
 * what was typed put back, so that sending it again is one press, and saves it once. The session ends as in real life:
 * the browser's session cookie is gone, so the form's token belongs to no session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RefusedFormKeptFlowTests extends BrowserFlowTest {

    /** What the tab keeps of a form being sent (loa.js). */
    private static final String KEPT = "return sessionStorage.getItem('loa.refused-form');";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizensInformationRequestRefusedAsStaleComesBackFilledAndIsSavedOnceWhenSentAgain() {
        String description = "Kế hoạch sửa chữa đường liên xã Ninh Hải năm 2026, phiên hết hạn "
                + ProcessHandle.current().pid();
        browser.manage().deleteAllCookies();
        browser.get(url("/public/access-to-information"));
        new Select(browser.findElement(By.id("agencyCode"))).selectByVisibleText("Sở Tài chính");
        browser.findElement(By.id("name")).sendKeys("Trần Thị Mai");
        browser.findElement(By.id("idNumber")).sendKeys("056190001234");
        browser.findElement(By.id("address")).sendKeys("Thôn Mỹ Tân, xã Thanh Hải, Khánh Hòa");
        browser.findElement(By.id("email")).sendKeys("mai.tran@example.vn");
        browser.findElement(By.id("description")).sendKeys(description);
        browser.findElement(By.id("purpose")).sendKeys("Biết khi nào đường được sửa");
        String token = browser.findElement(By.cssSelector("#access-form input[name=_csrf]")).getAttribute("value");
        browser.manage().deleteCookieNamed("LOA_SESSION");

        browser.findElement(By.id("send-request")).click();
        WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("form-expired")));
        assertThat(browser.getCurrentUrl()).endsWith("/public/access-to-information");
        assertThat(notice.getText()).isEqualTo("Nội dung vừa gửi chưa được nhận vì trang đã mở quá lâu. Những gì bạn đã "
                + "nhập đã được điền lại vào biểu mẫu: hãy kiểm tra rồi bấm gửi lại.");
        assertThat(storedRequests(description)).isZero();
        assertThat(new Select(browser.findElement(By.id("agencyCode"))).getFirstSelectedOption().getText())
                .isEqualTo("Sở Tài chính");
        assertThat(valueOf("name")).isEqualTo("Trần Thị Mai");
        assertThat(valueOf("idNumber")).isEqualTo("056190001234");
        assertThat(valueOf("address")).isEqualTo("Thôn Mỹ Tân, xã Thanh Hải, Khánh Hòa");
        assertThat(valueOf("email")).isEqualTo("mai.tran@example.vn");
        assertThat(valueOf("description")).isEqualTo(description);
        assertThat(valueOf("purpose")).isEqualTo("Biết khi nào đường được sửa");
        // the page's own new token and one-time field, not the refused ones; the tab keeps nothing any more
        assertThat(browser.findElement(By.cssSelector("#access-form input[name=_csrf]")).getAttribute("value"))
                .isNotEmpty().isNotEqualTo(token);
        assertThat(script(KEPT)).isNull();

        browser.findElement(By.id("send-request")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sent?number="));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nhận yêu cầu");
        assertThat(storedRequests(description)).isEqualTo(1);
        assertThat(script(KEPT)).as("a page after a form that went through forgets it").isNull();
        // the form's page opened again is empty, as usual
        browser.get(url("/public/access-to-information"));
        assertThat(valueOf("description")).isEmpty();
        assertThat(browser.findElements(By.id("form-expired"))).isEmpty();
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void anOfficersFormRefusedAsStaleComesBackFilledAfterSigningInAgainAndIsSavedOnce() {
        String claim = "Tin đồn nhà máy nước Cam Ranh nhiễm độc, gõ trước khi phiên hết " + ProcessHandle.current().pid();
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/cases/new"));
        browser.findElement(By.id("claim")).sendKeys(claim);
        new Select(browser.findElement(By.id("severity"))).selectByValue("HIGH");
        browser.manage().deleteCookieNamed("LOA_SESSION");

        browser.findElement(By.id("open-case")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error=expired"));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("những gì đã nhập được điền lại");
        assertThat(cases(claim)).isZero();
        // the tab keeps what was typed, and nothing it must not: no token, no one-time field
        String kept = (String) script(KEPT);
        assertThat(kept).contains(claim, "HIGH").doesNotContain("_csrf", "_once");

        browser.findElement(By.id("username")).sendKeys("coordinator");
        browser.findElement(By.id("password")).sendKeys("loa-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/cases/new$"));
        WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("form-restored")));
        assertThat(notice.getText()).contains("Những gì bạn đã nhập đã được điền lại vào biểu mẫu");
        assertThat(valueOf("claim")).isEqualTo(claim);
        assertThat(new Select(browser.findElement(By.id("severity"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("HIGH");
        assertThat(script(KEPT)).isNull();

        browser.findElement(By.id("open-case")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/cases/\\d+$"));
        assertThat(cases(claim)).isEqualTo(1);
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void aFormIsPutBackOnlyIntoItsOwnPageAndAPasswordIsNeverKept() {
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/account"));
        for (WebElement password : browser.findElements(By.cssSelector("form[action$='/account/password'] input[type=password]"))) {
            password.sendKeys("mat-khau-khong-duoc-giu");
        }
        // a submit event that the browser does not follow up with sending: what the tab would keep, without a change
        script("var form = document.querySelector(\"form[action$='/account/password']\");"
                + " form.addEventListener('submit', function (e) { e.preventDefault(); }, { once: true });"
                + " form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));");
        assertThat(script(KEPT)).as("a form that was not sent is not kept").isNull();
        script("document.addEventListener('submit', function (e) { e.preventDefault(); });"
                + " document.querySelector(\"form[action$='/account/password']\")"
                + ".dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));");
        assertThat((String) script(KEPT)).contains("/account/password").doesNotContain("mat-khau-khong-duoc-giu");

        // the page a refused form leads back to gets nothing of a form the tab kept on another page (as if the form
        // had been sent from there in the meantime)
        browser.get(url("/cases/new"));
        browser.findElement(By.id("claim")).sendKeys("Nội dung của trang này");
        browser.manage().deleteCookieNamed("LOA_SESSION");
        browser.findElement(By.id("open-case")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error=expired"));
        script("sessionStorage.setItem('loa.refused-form', JSON.stringify({ page: '/tasks', action: "
                + "location.origin + '/cases/new', id: 'new-case-form', fields: "
                + "[{ n: 'claim', i: 0, v: 'không được điền vào đây' }] }));");
        browser.findElement(By.id("username")).sendKeys("coordinator");
        browser.findElement(By.id("password")).sendKeys("loa-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/cases/new$"));
        assertThat(browser.findElements(By.cssSelector("meta[name=loa-form-refused]"))).hasSize(1);
        assertThat(valueOf("claim")).isEmpty();
        assertThat(browser.findElements(By.id("form-restored"))).isEmpty();
        assertThat(script(KEPT)).isNull();
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void aRefusedFormWithAFileComesBackWithItsBoxesTickedAndSaysToChooseTheFileAgain() throws Exception {
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("don-yeu-cau", ".pdf");
        java.nio.file.Files.writeString(scan, "%PDF-1.4 bản quét");
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/transparency/requests/new"));
        // the date picker's own keys differ between versions of Chromium: its value is set as a picker sets it
        script("document.getElementById('receivedOn').value = '2026-12-01T09:30';");
        browser.findElement(By.id("name")).sendKeys("Lê Văn Hùng");
        browser.findElement(By.id("address")).sendKeys("Thôn Mỹ Hiệp, xã Ninh Hải");
        browser.findElement(By.id("description")).sendKeys("Đơn giấy xin bản đồ quy hoạch xã Ninh Hải");
        browser.findElement(By.cssSelector("#paper-form input[name=complex]")).click();
        browser.findElement(By.id("scan")).sendKeys(scan.toAbsolutePath().toString());
        browser.manage().deleteCookieNamed("LOA_SESSION");
        browser.findElement(By.cssSelector("#paper-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error=expired"));
        assertThat((String) script(KEPT)).doesNotContain("don-yeu-cau", "PDF");

        browser.findElement(By.id("username")).sendKeys("coordinator");
        browser.findElement(By.id("password")).sendKeys("loa-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/transparency/requests/new$"));
        WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("form-restored")));
        assertThat(notice.getText()).endsWith("Tệp đính kèm không được giữ lại: hãy chọn lại tệp.");
        assertThat(valueOf("receivedOn")).isEqualTo("2026-12-01T09:30");
        assertThat(valueOf("name")).isEqualTo("Lê Văn Hùng");
        assertThat(valueOf("address")).isEqualTo("Thôn Mỹ Hiệp, xã Ninh Hải");
        assertThat(valueOf("description")).isEqualTo("Đơn giấy xin bản đồ quy hoạch xã Ninh Hải");
        assertThat(browser.findElement(By.cssSelector("#paper-form input[name=complex]")).isSelected()).isTrue();
        assertThat(valueOf("scan")).isEmpty();
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void whatOneOfficerTypedIsNotPutBackForAnotherWhoSignsInOnTheSameTab() {
        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.get(url("/cases/new"));
        browser.findElement(By.id("claim")).sendKeys("Điều phối viên gõ, người khác không được thấy");
        browser.manage().deleteCookieNamed("LOA_SESSION");
        browser.findElement(By.id("open-case")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error=expired"));

        browser.findElement(By.id("username")).sendKeys("officer");
        browser.findElement(By.id("password")).sendKeys("loa-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/cases/new$"));
        assertThat(browser.findElements(By.cssSelector("meta[name=loa-form-refused]"))).hasSize(1);
        assertThat(valueOf("claim")).doesNotContain("người khác không được thấy");
        assertThat(browser.findElements(By.id("form-restored"))).isEmpty();
        assertThat(script(KEPT)).isNull();
        assertThat(securityErrors()).isEmpty();
    }

    private long storedRequests(String description) {
        return jdbc.sql("SELECT count(*) FROM information_request WHERE description = ?").param(description)
                .query(Long.class).single();
    }

    private long cases(String claim) {
        return jdbc.sql("SELECT count(*) FROM misinformation_case WHERE claim = ?").param(claim).query(Long.class).single();
    }

    private static String valueOf(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static List<String> securityErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

}
