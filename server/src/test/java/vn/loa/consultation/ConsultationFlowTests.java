package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.consultation.internal.ConsultationTestData;
import vn.loa.platform.Axe;
import vn.loa.platform.BrowserFlowTest;
import vn.loa.platform.HeadlessChromium;
import vn.loa.publishing.Publishing;
import vn.loa.shared.LocalTime;

/**
 * Issue #17 as a new user would try it, end to end in a real headless Chromium, with the real PostgreSQL and a real SMTP
 * server (GreenMail): the Department of Health's officer imports a draft regulation from Word, opens a 30-day
 * consultation and publishes it; the 200 comments written for the demo arrive from a file and one more through the
 * public form with the code e-mailed to the citizen; the comments are grouped into themes that name what people said;
 * the officer answers six groups from one page, the spokesperson approves and publishes them; the contributors of those
 * groups, the citizen of the form among them, receive their answers; the final text is adopted; the synthesis report
 * is a Word file in the Decree 30/2020 layout with a row per article.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsultationFlowTests extends BrowserFlowTest {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Publishing publishing;

    @Test
    void anOfficerConsultsOnADraftAnswersSixGroupsAndEveryoneHearsBack() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        Path docx = Files.createTempFile("du-thao-", ".docx");
        Files.write(docx, ConsultationTestData.docx("draft-v1.txt", marker));
        Path finalDocx = Files.createTempFile("ban-cuoi-", ".docx");
        Files.write(finalDocx, ConsultationTestData.docx("draft-v2.txt", marker));
        Path comments = Files.createTempFile("gop-y-", ".csv");
        Files.writeString(comments, receivedToday(marker, today));
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            // 1. the officer imports the draft regulation from Word: numbering kept
            signIn("officer");
            browser.get(url("/consultations"));
            String draftTitle = "Dự thảo Quy định chất thải rắn " + marker;
            browser.findElement(By.id("draft-title")).sendKeys(draftTitle);
            browser.findElement(By.id("draft-file")).sendKeys(docx.toString());
            browser.findElement(By.id("import-draft")).click();
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("draft-units")));
            long draftId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/drafts/(\\d+).*", "$1"));
            List<String> parts = browser.findElements(By.cssSelector("#draft-units li.unit-article strong")).stream()
                    .map(WebElement::getText).toList();
            assertThat(parts).hasSize(24);
            assertThat(parts.get(4)).isEqualTo("Điều 5. Phân loại chất thải rắn sinh hoạt tại nguồn");
            assertThat(browser.findElements(By.cssSelector("#draft-units li.unit-chapter"))).hasSize(5);
            assertThat(browser.findElement(By.id("draft-units")).getText()).contains("đ)");

            // 2. a consultation of 30 days, opened today, on the portal
            browser.get(url("/consultations"));
            Select version = new Select(browser.findElement(By.id("version")));
            version.getOptions().stream().filter(o -> o.getText().contains(marker)).findFirst().orElseThrow().click();
            String title = "Lấy ý kiến dự thảo Quy định chất thải rắn " + marker;
            browser.findElement(By.id("consultation-title")).sendKeys(title);
            setDate("opens-on", today);
            setDate("closes-on", today.plusDays(10));
            browser.findElement(By.id("questions-input")).sendKeys("Thời gian thu gom rác buổi tối có phù hợp không?");
            browser.findElement(By.id("create-consultation")).click();
            // 11 days is shorter than the minimum in force: refused, naming the field and the law
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-field=closesOn]")));
            assertThat(browser.findElement(By.cssSelector("[data-field=closesOn]")).getText()).contains("64/2025/QH15");
            setDate("closes-on", today.plusDays(29));
            browser.findElement(By.id("create-consultation")).click();
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("publish")));
            long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/consultations/(\\d+).*", "$1"));
            browser.findElement(By.id("publish")).click();
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("public-link")));

            // 3. the 200 comments of the demo file arrive, moderation holds the insults, links and phone numbers
            browser.get(url("/consultations/" + id + "/contributions"));
            browser.findElement(By.id("import-file")).sendKeys(comments.toString());
            browser.findElement(By.id("import-csv")).click();
            wait(60).until(ExpectedConditions.presenceOfElementLocated(By.id("imported")));
            assertThat(browser.findElement(By.id("imported")).getText()).startsWith("Đã nhập 200 góp ý");
            assertThat(count("SELECT count(*) FROM consultation_contribution WHERE consultation_id = ? AND status = 'RECEIVED'",
                    id)).isBetween(4L, 8L);
            // a moderator on a phone: the page, with the CSV columns' line, does not scroll sideways
            org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) browser;
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
            try {
                browser.get(url("/consultations/" + id + "/contributions"));
                assertThat(((Number) chrome.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as("width of the contributions page on a 360 px phone").isLessThanOrEqualTo(360);
            } finally {
                chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }

            // 4. and one through the public form, with the code e-mailed to the citizen
            browser.manage().deleteAllCookies();
            browser.get(url("/public/consultations/" + id));
            assertThat(Axe.violations(browser, SERIOUS)).as("axe on the public consultation").isEmpty();
            WebElement article10 = browser.findElement(By.id("unit-a10"));
            article10.findElement(By.tagName("summary")).click();
            article10.findElement(By.name("name")).sendKeys("Nguyễn Thị Thu");
            String citizen = "thu-" + marker + "@example.vn";
            article10.findElement(By.name("contact")).sendKeys(citizen);
            article10.findElement(By.name("text")).sendKeys(
                    "Giờ thu gom rác buổi tối từ 19 giờ đến 23 giờ là quá muộn, người già và trẻ nhỏ đã ngủ, đề nghị thu"
                            + " gom sớm hơn vào khoảng 17 giờ đến 19 giờ.");
            article10.findElement(By.cssSelector("button[type=submit]")).click();
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
            assertThat(Axe.violations(browser, SERIOUS)).as("axe on the code page").isEmpty();
            String code = codeSentTo(smtp, citizen);
            browser.findElement(By.id("code")).sendKeys(code);
            browser.findElement(By.id("verify")).click();
            wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("reference")));
            String reference = browser.findElement(By.id("reference")).getText().replaceAll(".*(GY-\\d{4}-\\d{6}).*", "$1");
            long fromForm = jdbc.sql("SELECT id FROM consultation_contribution WHERE reference = ?").param(reference)
                    .query(Long.class).single();

            // 5. grouped into themes: the evening collection hours of Điều 10 form one large group named by its words
            signIn("officer");
            browser.get(url("/consultations/" + id + "/groups"));
            // nothing grouped yet: the page says how many published comments wait for a grouping
            assertThat(browser.findElement(By.id("ungrouped")).getText()).startsWith(
                    count("SELECT count(*) FROM consultation_contribution WHERE consultation_id = ? AND status = 'PUBLISHED'",
                            id) + " ý kiến đã công khai chưa thuộc nhóm nào");
            browser.findElement(By.id("regroup")).click();
            wait(60).until(ExpectedConditions.presenceOfElementLocated(By.id("regrouped")));
            assertThat(browser.findElements(By.id("ungrouped"))).isEmpty();
            long published = count("SELECT count(*) FROM consultation_contribution WHERE consultation_id = ?"
                    + " AND status = 'PUBLISHED'", id);
            assertThat(browser.findElement(By.id("regrouped")).getText()).startsWith(published + " ý kiến");
            long hoursGroup = jdbc.sql("SELECT group_id FROM consultation_group_member WHERE contribution_id = ?")
                    .param(fromForm).query(Long.class).single();
            WebElement hours = browser.findElement(By.id("group-" + hoursGroup));
            assertThat(hours.findElement(By.cssSelector(".group-label")).getText()).containsAnyOf("giờ", "tối", "thu gom");
            Map<String, String> themes = themesOf();
            List<String> members = jdbc.sql("""
                    SELECT k.body FROM consultation_contribution k JOIN consultation_group_member m ON m.contribution_id = k.id
                    WHERE m.group_id = ? AND k.source = 'IMPORT'""").param(hoursGroup).query(String.class).list();
            assertThat(members).hasSizeGreaterThanOrEqualTo(15);
            long aboutHours = members.stream().filter(b -> "collection-hours".equals(themes.get(b))).count();
            assertThat((double) aboutHours / members.size()).as("the hours group is about the hours").isGreaterThanOrEqualTo(0.8);

            // 6. six groups answered from one page: the hours group and the five largest others
            List<Long> six = new ArrayList<>(List.of(hoursGroup));
            six.addAll(jdbc.sql("""
                    SELECT g.id FROM consultation_group g WHERE g.consultation_id = ? AND g.id <> ?
                    ORDER BY (SELECT count(*) FROM consultation_group_member m WHERE m.group_id = g.id) DESC, g.id LIMIT 5""")
                    .params(id, hoursGroup).query(Long.class).list());
            browser.get(url("/consultations/" + id + "/answers"));
            String[] verdicts = {"PARTLY_ACCEPTED", "ACCEPTED", "NOT_ACCEPTED", "ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED"};
            for (int i = 0; i < six.size(); i++) {
                WebElement form = browser.findElement(By.cssSelector("#group-" + six.get(i) + " form.answer-form"));
                new Select(form.findElement(By.name("verdict"))).selectByValue(verdicts[i]);
                form.findElement(By.name("reason")).sendKeys(i == 0
                        ? "Tiếp thu: thu gom từ 17 giờ đến 21 giờ; khu dân cư đông người cao tuổi được thu gom sớm hơn."
                        : "Giải trình số " + (i + 1) + ": cơ quan soạn thảo đã xem xét ý kiến " + marker + ".");
                form.findElement(By.cssSelector("button.submit-answer")).click();
                String anchor = "#group-" + six.get(i);
                wait(20).until(d -> d.getCurrentUrl().endsWith(anchor));
            }
            browser.findElement(By.id("approve-all")).click();
            // the author cannot approve: told there was none to approve, not that it was done
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash-area .flash.warn")));
            assertThat(browser.findElement(By.cssSelector(".flash-area .flash.warn")).getText())
                    .as("the author cannot approve").startsWith("Không có câu trả lời nào chờ bạn duyệt");
            assertThat(browser.findElements(By.id("done"))).isEmpty();

            // 7. the spokesperson approves and publishes; the contributors hear back
            signIn("spokesperson");
            browser.get(url("/consultations/" + id + "/answers"));
            clickAndWaitForNextPage(By.id("approve-all"));
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(browser.findElement(By.id("done")).getText()).endsWith(": 6.");
            clickAndWaitForNextPage(By.id("publish-all"));
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(browser.findElement(By.id("done")).getText()).endsWith(": 6.");
            Set<String> answered = Set.copyOf(jdbc.sql("""
                    SELECT DISTINCT lower(k.contact) FROM consultation_contribution k
                    JOIN consultation_group_member m ON m.contribution_id = k.id
                    JOIN consultation_answer a ON a.group_id = m.group_id AND a.status = 'PUBLISHED'
                    WHERE a.consultation_id = ? AND k.contact_kind = 'EMAIL' AND k.status = 'PUBLISHED'""")
                    .param(id).query(String.class).list());
            assertThat(answered).contains(citizen).hasSizeGreaterThan(20);
            Map<String, String> received = mailTo(smtp, answered, "Trả lời ý kiến góp ý");
            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(answered);
            assertThat(received.get(citizen)).contains("Tiếp thu: thu gom từ 17 giờ đến 21 giờ",
                    "/public/consultations/" + id + "/answers");

            // 8. the final text adopted: everyone who left an address hears of it with a link to what changed
            browser.get(url("/consultations/drafts/" + draftId));
            browser.findElement(By.id("version-file")).sendKeys(finalDocx.toString());
            browser.findElement(By.id("version-final")).click();
            browser.findElement(By.id("import-version")).click();
            arrive(By.cssSelector(".flash.success"));
            browser.get(url("/consultations/" + id + "/answers"));
            // still taking comments to the end of its last day: not yet adopted
            arrive(By.id("adopt-still-open"));
            assertThat(browser.findElement(By.id("adopt-still-open")).getText())
                    .contains(DAY.format(today.plusDays(29)));
            assertThat(browser.findElements(By.id("adopt-button"))).isEmpty();
            // its period over, as the closing job leaves it
            jdbc.sql("UPDATE consultation SET status = 'CLOSED' WHERE id = ?").param(id).update();
            browser.get(url("/consultations/" + id + "/answers"));
            arrive(By.id("final-version"));
            new Select(browser.findElement(By.id("final-version"))).selectByIndex(
                    new Select(browser.findElement(By.id("final-version"))).getOptions().size() - 1);
            browser.findElement(By.id("adopt-button")).click();
            wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("adopted")));
            Map<String, String> adopted = mailTo(smtp, Set.of(citizen), "thông qua");
            assertThat(adopted.get(citizen)).contains("/public/consultations/" + id + "/changes");

            // 9. the synthesis report: Word, Decree 30/2020 layout, a row per article with the answers and the changes
            byte[] report = download("/consultations/" + id + "/report.docx");
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(report))) {
                var section = doc.getDocument().getBody().getSectPr();
                assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
                assertThat(doc.getTables().getFirst().getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "SỞ Y TẾ");
                XWPFTable articles = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
                        .findFirst().orElseThrow();
                XWPFTableRow row10 = articles.getRows().stream()
                        .filter(r -> r.getCell(1).getText().startsWith("Điều 10")).findFirst().orElseThrow();
                assertThat(Integer.parseInt(row10.getCell(2).getText())).isGreaterThanOrEqualTo(members.size());
                assertThat(row10.getCell(4).getText()).contains("Tiếp thu một phần", "17 giờ đến 21 giờ");
                assertThat(row10.getCell(5).getText()).isEqualTo("Sửa đổi");
                String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
                assertThat(text).contains("đối với dự thảo Quy định chất thải rắn " + marker, "(để báo cáo)")
                        .doesNotContain("dự thảo Lấy ý kiến", "Như trên");
                doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).filter(r -> !r.text().isBlank())
                        .forEach(r -> assertThat(r.getFontFamily()).as(r.text()).isEqualTo("Times New Roman"));
            }

            // 10. the public sees the answers and what changed, on a page that passes axe
            browser.manage().deleteAllCookies();
            browser.get(url("/public/consultations/" + id + "/answers"));
            assertThat(browser.findElements(By.cssSelector("article.public-answer"))).hasSize(6);
            assertThat(Axe.violations(browser, SERIOUS)).as("axe on the public answers").isEmpty();
            browser.get(url("/public/consultations/" + id + "/changes"));
            assertThat(browser.findElement(By.id("diff-a12a")).getText()).contains("Điều 12a.");
            assertThat(Axe.violations(browser, SERIOUS)).as("axe on the public changes").isEmpty();
        } finally {
            smtp.stop();
            Files.deleteIfExists(docx);
            Files.deleteIfExists(finalDocx);
            Files.deleteIfExists(comments);
        }
    }

    /** The demo's comments as an agency would send them: received today, contacts made unique to this run. */
    private static String receivedToday(String marker, LocalDate today) throws Exception {
        String csv = new String(ConsultationTestData.bytes("comments.csv"), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        try (CSVParser in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv));
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                        .setHeader("article", "name", "kind", "organisation", "contact", "received", "text").get())) {
            for (CSVRecord r : in) {
                printer.printRecord(r.get("article"), r.get("name"), r.get("kind"), r.get("organisation"),
                        unique(r.get("contact"), marker), today.format(DAY), r.get("text"));
            }
        }
        return out.toString();
    }

    private static String unique(String contact, String marker) {
        return contact.contains("@") ? contact.replace("@", "+" + marker + "@") : contact;
    }

    /** Each comment's intended theme in the demo file, by its text. */
    private static Map<String, String> themesOf() throws Exception {
        String csv = new String(ConsultationTestData.bytes("comments.csv"), StandardCharsets.UTF_8);
        Map<String, String> themes = new HashMap<>();
        try (CSVParser in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            for (CSVRecord r : in) {
                themes.put(r.get("text"), r.get("theme"));
            }
        }
        return themes;
    }

    private String codeSentTo(GreenMail smtp, String address) throws Exception {
        String body = mailTo(smtp, Set.of(address), "Mã xác nhận").get(address);
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as("a code in " + body).isTrue();
        return m.group(1);
    }

    /** The latest message whose subject contains the words, to each address, delivering what is due meanwhile. */
    private Map<String, String> mailTo(GreenMail smtp, Set<String> addresses, String subject) throws Exception {
        Map<String, String> found = new HashMap<>();
        long until = System.currentTimeMillis() + 60_000;
        while (found.size() < addresses.size() && System.currentTimeMillis() < until) {
            publishing.deliverDue();
            smtp.waitForIncomingEmail(1_000, 1);
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (!m.getSubject().contains(subject)) {
                    continue;
                }
                for (String to : recipients(m)) {
                    if (addresses.contains(to)) {
                        found.put(to, m.getContent().toString());
                    }
                }
            }
        }
        return found;
    }

    private static List<String> recipients(MimeMessage m) throws MessagingException {
        return m.getRecipients(Message.RecipientType.TO) == null ? List.of()
                : Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> a.toString().toLowerCase()).toList();
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

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private void setDate(String field, LocalDate day) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", field,
                day.toString());
    }

    /** Waits for the page to show the element; on a timeout, says what the page showed instead. */
    private static void arrive(By element) {
        try {
            wait(15).until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + element + " on " + browser.getCurrentUrl() + ", the page shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Clicks and waits until the page it was on has gone, so that the next look is at the page the click led to. */
    private static void clickAndWaitForNextPage(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }


    private void signIn(String username) {
        HeadlessChromium.signIn(browser, url(""), username);
    }

}
