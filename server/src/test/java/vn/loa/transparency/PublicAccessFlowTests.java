package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;

/**
 * A citizen asks for information on the public portal in a real headless Chromium (as {@code HomeFlowTests}): a form
 * that names what is missing, then the request number and the date the answer is due; and the register shows an
 * answer without the requester's personal data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicAccessFlowTests {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    InformationRequests requests;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
    void aCitizenAsksForACommunesBudgetAndIsToldWhenTheAnswerIsDue() {
        browser.get("http://localhost:" + port + "/public/access-to-information");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tiếp cận thông tin");
        // sent empty: each missing field is named, nothing is stored
        browser.findElement(By.id("send-request")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector("#problems li")));
        List<String> missing = browser.findElements(By.cssSelector("#problems li")).stream()
                .map(li -> li.getAttribute("data-field")).toList();
        assertThat(missing).contains("agencyCode", "requester.name", "requester.address", "requester.contact", "description",
                "requester.idNumber", "purpose");

        new Select(browser.findElement(By.id("agencyCode"))).selectByVisibleText("Sở Tài chính");
        browser.findElement(By.id("name")).sendKeys("Nguyễn Văn Phúc");
        browser.findElement(By.id("idNumber")).sendKeys("056090004321");
        browser.findElement(By.id("address")).sendKeys("Thôn Phú Thọ, xã Ninh Hải, Khánh Hòa");
        browser.findElement(By.id("email")).sendKeys("phuc.nguyen@example.vn");
        browser.findElement(By.id("description")).sendKeys("Dự toán ngân sách năm 2025 của xã Ninh Hải đã được phê duyệt");
        browser.findElement(By.id("purpose")).sendKeys("Theo dõi chi tiêu công của xã");
        browser.findElement(By.id("send-request")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đã nhận yêu cầu");
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("Số yêu cầu của bạn: \\d+\\.");
        long id = Long.parseLong(reference.replaceAll("\\D", ""));
        assertThat(browser.getCurrentUrl()).endsWith("/public/access-to-information/sent?number=" + id);
        assertThat(browser.findElement(By.cssSelector("#follow-code strong")).getText())
                .matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        InformationRequest stored = requests.get(id, coordinator());
        assertThat(stored.agencyCode()).isEqualTo("STC");
        assertThat(stored.channel()).isEqualTo(Channel.ELECTRONIC);
        assertThat(browser.findElement(By.id("public-due")).getText())
                .isEqualTo("Cơ quan sẽ trả lời chậm nhất ngày " + LocalTime.format(stored.dueDate()) + ".");
        // a refresh shows the receipt again and sends nothing
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(reference);
        assertThat(jdbc.sql("SELECT count(*) FROM information_request WHERE description = ?")
                .param("Dự toán ngân sách năm 2025 của xã Ninh Hải đã được phê duyệt").query(Long.class).single()).isEqualTo(1);
        // the follow-up link shows where the request stands, with its last day
        browser.findElement(By.id("follow-up-link")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Theo dõi yêu cầu cung cấp thông tin");
        assertThat(browser.findElement(By.id("follow-status")).getText()).isEqualTo("Đã tiếp nhận");
        assertThat(browser.findElement(By.id("follow-due")).getText()).isEqualTo(LocalTime.format(stored.dueDate()));
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void theRegisterShowsAnAnswerWithoutTheRequestersPersonalData() {
        InformationRequest request = requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC,
                OffsetDateTime.now(LocalTime.ZONE), "STC", new InformationRequests.Requester("Đinh Thị Thu", "056190007777",
                        "thu.dinh@example.vn", "0935 111 222", "số 3 đường Thống Nhất, Phan Rang"),
                "Tôi là Đinh Thị Thu, xin kết quả đấu thầu gói sửa chữa trụ sở xã Ninh Hải năm 2025.", "Giám sát",
                null, false, null, null), null);
        requests.act(request.id(), new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null,
                "Gói thầu do Công ty TNHH Xây dựng Hải Đăng trúng thầu, giá 1,2 tỷ đồng.", false, 0L, "LINK", true, true, null, null),
                coordinator());
        requests.publish(request.id(), List.of(), coordinator());

        browser.get("http://localhost:" + port + "/public/access-to-information/register?q=" + "Hải Đăng");
        List<WebElement> items = browser.findElements(By.cssSelector("#register > li"));
        assertThat(items).hasSize(1);
        items.get(0).findElement(By.tagName("a")).click();
        String answer = browser.findElement(By.id("published-answer")).getText();
        String asked = browser.findElement(By.id("published-request")).getText();
        assertThat(answer).contains("Hải Đăng", "1,2 tỷ đồng");
        assertThat(asked).contains("kết quả đấu thầu").doesNotContain("Đinh Thị Thu");
        assertThat(browser.getPageSource()).doesNotContain("thu.dinh@example.vn", "0935 111 222", "056190007777", "Thống Nhất");
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void aCitizenWhoGaveOnlyAPhoneNumberDownloadsTheAnswerAndItsMapFromTheStatusPage() throws Exception {
        InformationRequests.PortalReceipt sent = requests.submitFromPortal(new InformationRequests.Submission(Channel.ELECTRONIC,
                OffsetDateTime.now(LocalTime.ZONE), "22759", new InformationRequests.Requester("Châu Văn Hải", "058085001122",
                        null, "0987 654 321", "Khu phố 5, phường Phan Rang"),
                "Bản đồ quy hoạch sử dụng đất phường Phan Rang đến năm 2030", "Xây nhà", null, false, null, null), null);
        long id = sent.request().id();
        java.nio.file.Path map = java.nio.file.Files.createTempFile("ban-do-quy-hoach-", ".png");
        java.nio.file.Files.write(map, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        try {
            // the officer of phường Phan Rang answers, attaching the map, and is told to call the requester
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys("phuong-phan-rang");
            browser.findElement(By.id("password")).sendKeys("loa-demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> !d.getCurrentUrl().endsWith("/login"));
            browser.get("http://localhost:" + port + "/transparency/requests/" + id);
            assertThat(browser.findElement(By.id("reach-before")).getText())
                    .contains("chỉ để lại số điện thoại 0987 654 321", "hãy gọi báo cho họ");
            WebElement form = browser.findElement(By.id("action-PROVIDE"));
            form.findElement(By.name("answer")).sendKeys("Bản đồ quy hoạch sử dụng đất gửi kèm văn bản này.");
            form.findElement(By.name("files")).sendKeys(map.toAbsolutePath().toString());
            form.findElement(By.name("reviewed")).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("reach-after")));
            assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("Đã cung cấp");
            assertThat(browser.findElements(By.cssSelector("#answer-files a")).stream().map(WebElement::getText).toList())
                    .containsExactly(map.getFileName().toString());
            assertThat(browser.getPageSource()).contains("Loa chưa gửi được văn bản cho người yêu cầu");

            // the citizen, signed out, opens the status page with the number and the code and downloads both
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + port + "/public/access-to-information/status");
            browser.findElement(By.id("number")).sendKeys(String.valueOf(id));
            browser.findElement(By.id("code")).sendKeys(sent.followUpCode());
            browser.findElement(By.id("follow-go")).click();
            assertThat(browser.findElement(By.id("follow-status")).getText()).isEqualTo("Đã cung cấp thông tin");
            assertThat(browser.findElements(By.cssSelector("#answer-files button")).stream().map(WebElement::getText).toList())
                    .containsExactly("Tải văn bản trả lời (DOCX)", "Tải tệp kèm theo “" + map.getFileName() + "”");
            browser.findElement(By.id("download-letter")).click();
            browser.findElement(By.cssSelector("#answer-files li:nth-child(2) button")).click();
            // each download is in the request's history, by the requester
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d -> requests
                    .history(id, coordinator()).stream().filter(h -> h.action().equals("ANSWER_FETCHED")).count() == 2);
            assertThat(securityErrors()).isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(map);
            browser.manage().deleteAllCookies();
        }
    }

    private static SignedInUser coordinator() {
        return new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL", Set.of(Role.COORDINATOR));
    }

    /** Errors the browser reports (a blocked script or style would show up here). */
    private static List<String> securityErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused")).toList();
    }
}
