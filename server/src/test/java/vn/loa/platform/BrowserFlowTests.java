package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signs in through a real headless Chromium (Debian's chromium and chromium-driver), sees the
 * dashboard, switches language, and checks the browser ran into no Content-Security-Policy error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserFlowTests {

    private static WebDriver browser;

    @LocalServerPort
    int port;

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
    void signsInSeesTheDashboardAndSwitchesToEnglish() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("loa-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(url("/")) + "(\\?continue)?$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Xin chào");
        List<String> navigation = browser.findElements(By.cssSelector("#main-nav a")).stream().map(WebElement::getText).toList();
        assertThat(navigation).contains("Tổng quan", "Người dùng", "Cơ quan, đơn vị", "Nhật ký hệ thống");
        saveScreenshot("dashboard-vi.png");

        browser.findElement(By.cssSelector("a.lang-switch")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector("#main-nav a.active"), "Dashboard"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        browser.get(url("/admin/agencies"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Agencies");

        browser.findElement(By.cssSelector("a.lang-switch")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Cơ quan, đơn vị"));

        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void theAgencySearchFindsNamesTypedWithoutDiacriticsThroughHtmx() {
        signIn("admin");
        browser.get(url("/admin/agencies"));
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("ninh hai");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.findElements(By.cssSelector("#agency-table tbody tr")).size() < 10);
        List<String> names = browser.findElements(By.cssSelector("#agency-table tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        // the units of today: no districts since July 2025, Xã Ninh Hải among the communes
        assertThat(names).contains("Xã Ninh Hải").allMatch(name -> name.contains("Ninh Hải"));
        assertThat(browser.getCurrentUrl()).contains("q=ninh");
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void anOfficerSeesNoAdministration() {
        signIn("officer");
        List<String> navigation = browser.findElements(By.cssSelector("#main-nav a")).stream().map(WebElement::getText).toList();
        assertThat(navigation).contains("Tổng quan").doesNotContain("Người dùng", "Nhật ký hệ thống");
        assertThat(browser.findElement(By.id("my-agency")).getText()).isEqualTo("Sở Y tế");
    }

    @Test
    void theMenuFoldsAwayOnAPhoneAndOpensFromTheKeyboard() {
        signIn("admin");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.get(url("/"));
            WebElement toggle = browser.findElement(By.cssSelector(".nav-toggle"));
            assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isFalse();
            toggle.sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isTrue();
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void theDashboardInEnglishFitsAPhoneOf360PixelsWithoutSidewaysScrolling() {
        signIn("coordinator");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        try {
            browser.get(url("/listening?days=90&lang=en"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Public opinion in the province");
            // the policy domains' table holds the longest English words of the page ("Administrative", "comments")
            assertThat(browser.findElements(By.cssSelector("#domains-table tbody tr"))).isNotEmpty();
            // what shows of each table (the table, or the box it scrolls in) stays inside its card's padding
            Object overflowing = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                    return Array.prototype.map.call(document.querySelectorAll('table.compact'), function (t) {
                        var card = t.closest('.card'), style = getComputedStyle(card);
                        var inside = card.getBoundingClientRect().right - parseFloat(style.paddingRight)
                            - parseFloat(style.borderRightWidth);
                        var shown = t.parentElement.scrollWidth > t.parentElement.clientWidth ? t.parentElement : t;
                        return [t.id, Math.round(shown.getBoundingClientRect().right), Math.round(inside)];
                      }).filter(function (r) { return r[1] > r[2] + 1; }).map(function (r) { return r.join(' '); });""");
            assertThat((List<?>) overflowing).as("tables spilling out of their cards on a %s px phone", 360).isEmpty();
            Object sideways = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(sideways).as("no sideways scrolling on a phone").isEqualTo(false);
            // the bar charts keep room for their bars: long names are cut, the table below gives them whole
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-chart=hbar][data-chart-ready=true]")));
            Object squeezed = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                    return Array.prototype.map.call(document.querySelectorAll('[data-chart=hbar]'), function (el) {
                        var chart = echarts.getInstanceByDom(el), data = chart.getOption().series[0].data;
                        var longest = chart.convertToPixel({ xAxisIndex: 0 }, Math.max.apply(null, data))
                            - chart.convertToPixel({ xAxisIndex: 0 }, 0);
                        return [el.getAttribute('data-table'), Math.round(longest), el.clientWidth];
                      }).filter(function (r) { return r[1] < r[2] / 3; }).map(function (r) { return r.join(' '); });""");
            assertThat((List<?>) squeezed).as("bar charts whose longest bar is under a third of their width").isEmpty();
        } finally {
            browser.get(url("/?lang=vi"));
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void theChartsWriteTheirFiguresInThePagesLanguageAndKeepThemApartOnAPhone() {
        signIn("coordinator");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String language : List.of("vi", "en")) {
                browser.get(url("/listening?days=90&lang=" + language));
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                        d -> d.findElements(By.cssSelector("[data-chart][data-chart-ready=true]")).size() >= 3);
                // every figure drawn on a value axis, as drawn ([chart, tick, label]), and how 1500 would be written
                List<?> labels = (List<?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                        var out = [];
                        document.querySelectorAll('[data-chart][data-chart-ready]').forEach(function (el) {
                          var model = echarts.getInstanceByDom(el).getModel();
                          ['xAxis', 'yAxis'].forEach(function (dim) {
                            model.eachComponent(dim, function (component) {
                              var axis = component.axis;
                              if (axis.type !== 'value') { return; }
                              axis.getViewLabels().forEach(function (l) {
                                out.push([el.getAttribute('data-table'), l.tickValue, l.formattedLabel]);
                              });
                              var formatter = component.get('axisLabel.formatter');
                              out.push([el.getAttribute('data-table'), 1500,
                                typeof formatter === 'function' ? formatter(1500) : String(formatter)]);
                            });
                          });
                        });
                        return out;""");
                java.text.NumberFormat format = java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag(language));
                assertThat(labels).isNotEmpty().allSatisfy(row -> {
                    List<?> r = (List<?>) row;
                    long tick = ((Number) r.get(1)).longValue();
                    String expected = format.format(tick) + (r.get(2).toString().endsWith(" %") ? " %" : "");
                    assertThat(r.get(2)).as("the figure %s on the chart of %s, %s page", tick, r.get(0), language)
                            .isEqualTo(expected);
                });
                // the bar charts' figures along their width do not run into each other ("300600900")
                Object crowded = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                        var context = document.createElement('canvas').getContext('2d');
                        context.font = '12px sans-serif';
                        var out = [];
                        document.querySelectorAll('[data-chart=hbar]').forEach(function (el) {
                          var chart = echarts.getInstanceByDom(el);
                          var labels = chart.getModel().getComponent('xAxis', 0).axis.getViewLabels();
                          for (var i = 1; i < labels.length; i++) {
                            var gap = chart.convertToPixel({ xAxisIndex: 0 }, labels[i].tickValue)
                                - chart.convertToPixel({ xAxisIndex: 0 }, labels[i - 1].tickValue);
                            var room = (context.measureText(labels[i].formattedLabel).width
                                + context.measureText(labels[i - 1].formattedLabel).width) / 2 + 4;
                            if (gap < room) {
                              out.push(el.getAttribute('data-table') + ' ' + labels[i - 1].formattedLabel + ' '
                                  + labels[i].formattedLabel);
                            }
                          }
                        });
                        return out;""");
                assertThat((List<?>) crowded).as("figures running into each other on a 390 px phone (%s)", language)
                        .isEmpty();
            }
            assertThat(securityErrors()).isEmpty();
        } finally {
            browser.get(url("/?lang=vi"));
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void theFactsOfATaskAnEnquiryAndTheQuartersPressFiguresFitAPhoneOf390Pixels() {
        signIn("admin");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            // a long label ("Trễ hạn (trả lời sau hạn, …)"), an agency that has ended, an e-mail address: each wraps
            List<String> pages = new java.util.ArrayList<>(List.of("/press/compliance?lang=vi"));
            long task = jdbc.sql("""
                    SELECT t.id FROM coord_task t WHERE t.inherited_from IS NOT NULL AND EXISTS
                      (SELECT 1 FROM coord_task_support s WHERE s.task_id = t.id) ORDER BY t.id LIMIT 1""")
                    .query(Long.class).single();
            pages.add("/coordination/tasks/" + task);
            jdbc.sql("SELECT id FROM press_enquiry ORDER BY id LIMIT 3").query(Long.class).list()
                    .forEach(id -> pages.add("/press/enquiries/" + id));
            for (String page : pages) {
                browser.get(url(page));
                assertThat(browser.findElements(By.cssSelector("dl.facts"))).as(page).isNotEmpty();
                if (page.startsWith("/press/compliance")) {
                    // the quarter as administrative documents write it, as the DOCX does: "quý IV"
                    assertThat(browser.findElement(By.tagName("h1")).getText()).matches(".* quý (I|II|III|IV) năm \\d{4}");
                    assertThat(browser.findElements(By.cssSelector("#quarter option"))).extracting(WebElement::getText)
                            .containsExactly("Quý I", "Quý II", "Quý III", "Quý IV");
                }
                Object widths = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
                List<?> w = (List<?>) widths;
                assertThat(((Number) w.get(0)).longValue()).as("the width of %s on a 390 px phone", page)
                        .isLessThanOrEqualTo(((Number) w.get(1)).longValue());
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.loa.listening.PostImporter importer;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void postsCarryingScriptPayloadsAreShownAsTextAndNeverRun() throws Exception {
        String marker = "xssmarker" + ProcessHandle.current().pid();
        String[] payloads = {"<script>document.title='pwned'</script>", "<img src=x onerror=\\\"document.title='pwned'\\\">",
            "\\\"><svg onload=alert(1)>", "<a href=\\\"javascript:alert(1)\\\">bấm vào đây</a>"};
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < payloads.length; i++) {
            file.append("{\"source\":\"xss-test\",\"platform\":\"facebook\",\"external_id\":\"x").append(i)
                    .append("\",\"published_at\":\"2024-03-01T08:30:00+07:00\",\"text\":\"Bài viết ").append(marker)
                    .append(' ').append(payloads[i]).append("\"}\n");
        }
        vn.loa.listening.ImportSummary summary = importer.importFile("xss.jsonl",
                new java.io.ByteArrayInputStream(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                vn.loa.shared.Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();

        signIn("coordinator");
        browser.get(url("/posts?q=" + marker));
        String title = browser.getTitle();
        List<String> texts = browser.findElements(By.cssSelector("#post-list .post-text")).stream().map(WebElement::getText).toList();
        assertThat(texts).hasSize(payloads.length);
        assertThat(String.join("\n", texts)).contains("<script>document.title='pwned'</script>", "<img src=x onerror=",
                "<svg onload=alert(1)>", "javascript:alert(1)");
        assertThat(browser.findElements(By.cssSelector("#post-list img, #post-list svg, #post-list script,"
                + " #post-list [data-untrusted] a"))).isEmpty();
        // the only links are Loa's own (a post's number leads to its page), none made of a post's text
        assertThat(browser.findElements(By.cssSelector("#post-list a"))).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getAttribute("href")).startsWith(url("/")));
        assertThat(title).doesNotContain("pwned");
        assertThat(browser.getTitle()).isEqualTo(title);
        assertThat(alertShown()).isFalse();
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void aCoordinatorUploadsAFileAndSeesWhatBecameOfEachLine() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("posts", ".jsonl");
        java.nio.file.Files.writeString(file, "{\"source\":\"upload-test-" + ProcessHandle.current().pid()
                + "\",\"platform\":\"zalo\",\"external_id\":\"u1\",\"published_at\":\"2024-03-01T08:30:00+07:00\","
                + "\"text\":\"Người dân hỏi về lịch tiêm chủng mở rộng tại trạm y tế xã\"}\nkhông phải JSON\n");
        signIn("coordinator");
        browser.get(url("/posts/import"));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-summary")));
        assertThat(result.getText()).startsWith("Đã đọc 2 dòng");
        assertThat(browser.findElements(By.cssSelector("#quarantine-table tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#quarantine-table tbody td")).getText()).isEqualTo("2");
        assertThat(browser.getCurrentUrl()).endsWith("/posts/import");
        // a file refused as a whole (Excel's semicolons) says why on the same page, not an empty result
        java.nio.file.Path semicolons = java.nio.file.Files.createTempFile("excel", ".csv");
        java.nio.file.Files.writeString(semicolons, "\uFEFFsource;platform;external_id;published_at;text\r\n"
                + "a;zalo;1;2024-03-01T08:30:00+07:00;Người dân hỏi\r\n");
        browser.findElement(By.id("file")).sendKeys(semicolons.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        WebElement refused = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-error")));
        assertThat(refused.getText()).contains("dấu chấm phẩy");
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void theDashboardDrawsItsChartsDrillsDownAndShowsStoriesAsText() throws Exception {
        String marker = "chartmarker" + ProcessHandle.current().pid();
        StringBuilder file = new StringBuilder();
        java.time.Instant now = java.time.Instant.now();
        // a story large enough to be among the day's top stories whatever else the tests stored: one text shared 25
        // times (texts that differ by a word can fall on either side of the near-duplicate threshold, as the test's
        // marker changes, and split the story in two)
        for (int i = 0; i < 25; i++) {
            file.append("{\"source\":\"chart-test\",\"platform\":\"facebook\",\"external_id\":\"c").append(i)
                    .append("\",\"published_at\":\"").append(now.minusSeconds(600 + i * 30L))
                    .append("\",\"text\":\"Chia sẻ: bệnh viện huyện thiếu thuốc cấp cứu, người bệnh phải tự mua "
                            + "ngoài với giá cao, nhiều gia đình ở các xã vùng sâu không đủ tiền, đề nghị Sở Y tế kiểm tra "
                            + "việc cung ứng thuốc và trả lời người dân trong tuần này ")
                    .append(marker).append(" <img src=x onerror=\\\"document.title='pwned'\\\">\"}\n");
        }
        importer.importFile("chart.jsonl", new java.io.ByteArrayInputStream(file.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), vn.loa.shared.Actor.SYSTEM, null);
        signIn("coordinator");
        browser.get(url("/listening?days=1"));
        String title = browser.getTitle();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                d -> d.findElements(By.cssSelector("[data-chart-ready] canvas")).size() >= 2);
        String stories = browser.findElement(By.id("top-stories")).getText();
        assertThat(stories).contains(marker).contains("<img src=x onerror=");
        assertThat(browser.findElements(By.cssSelector("#top-stories img, #negative-stories img"))).isEmpty();
        // each story of the lists opens a case about it (the desk's flow below starts from the story's own page)
        WebElement listed = browser.findElements(By.cssSelector("#top-stories li")).stream()
                .filter(li -> li.getText().contains(marker)).findFirst().orElseThrow();
        assertThat(listed.findElement(By.cssSelector("a.open-case")).getAttribute("href")).contains("/cases/new?story=");
        assertThat(browser.getTitle()).isEqualTo(title).doesNotContain("pwned");
        saveScreenshot("dashboard.png");

        // citizens' opinion and the tone of the news are two cards, each a link to its posts
        assertThat(browser.findElement(By.id("opinion")).getText()).contains("Ý kiến người dân").contains("Chưa rõ");
        assertThat(browser.findElement(By.id("news-tone")).getText()).contains("Sắc thái báo chí, văn bản");

        // a click on a topic's bar opens the posts of that topic
        WebElement chart = browser.findElement(By.cssSelector("[data-chart=hbar][data-table=topics-table]"));
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var c = echarts.getInstanceByDom(arguments[0]); var v = c.getOption().series[0].data[0];"
                        + " return c.convertToPixel({seriesIndex: 0}, [v / 2, 0]);", chart);
        org.openqa.selenium.Rectangle box = chart.getRect();
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(chart, point.get(0).intValue() - box.getWidth() / 2, point.get(1).intValue() - box.getHeight() / 2)
                .click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/posts?topic="));
        assertThat(browser.findElements(By.cssSelector("#post-list .post"))).isNotEmpty();

        browser.get(url("/trends"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                d -> d.findElements(By.cssSelector("[data-chart=forecast][data-chart-ready] canvas")).size() == 1);
        assertThat(browser.findElement(By.id("series-summary")).getText()).contains("72");
        saveScreenshot("trends.png");
        assertThat(alertShown()).isFalse();
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void theDeskTakesANegativeStoryToAPublishedRefutationWithClaimReview() throws Exception {
        String marker = "deskmarker" + ProcessHandle.current().pid();
        StringBuilder file = new StringBuilder();
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 25; i++) {
            file.append("{\"source\":\"desk-test\",\"platform\":\"facebook\",\"external_id\":\"d").append(i)
                    .append("\",\"published_at\":\"").append(now.minusSeconds(900 + i * 30L))
                    .append("\",\"text\":\"Nghe nói Sở Y tế giấu dịch sốt xuất huyết ở Phan Rang, "
                            + "đã có nhiều trẻ em tử vong mà bệnh viện không công bố, phụ huynh hoang mang quá, ai biết thì chia sẻ ")
                    .append(marker).append("\"}\n");
        }
        importer.importFile("desk.jsonl", new java.io.ByteArrayInputStream(file.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), vn.loa.shared.Actor.SYSTEM, null);

        // the coordinator opens a case from the story's page and assigns it to the Department of Health (the story's
        // place among the day's most negative on the dashboard depends on what every other test stored that day)
        List<Long> stories = jdbc.sql("SELECT DISTINCT story_id FROM post WHERE text LIKE ? AND story_id IS NOT NULL")
                .param("%" + marker).query(Long.class).list();
        assertThat(stories).as("the 25 copies of the rumour are one story").hasSize(1);
        signIn("coordinator");
        browser.get(url("/listening/stories/" + stories.get(0)));
        browser.findElement(By.id("open-case")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/cases/new?story="));
        assertThat(browser.findElement(By.cssSelector("#agencyCode option:checked")).getAttribute("value")).isEqualTo("SYT");
        WebElement claim = browser.findElement(By.id("claim"));
        claim.clear();
        claim.sendKeys("Sở Y tế giấu dịch sốt xuất huyết làm nhiều trẻ em tử vong ở Phan Rang " + marker);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("severity"))).selectByValue("HIGH");
        browser.findElement(By.id("open-case")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/cases/\\d+$"));
        String caseUrl = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("#form-TRIAGE button")).click();
        waitForCaseStatus("TRIAGED");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("assign-agency"))).selectByValue("SYT");
        browser.findElement(By.cssSelector("#form-ASSIGN button")).click();
        waitForCaseStatus("ASSIGNED");

        // the officer verifies and drafts the refutation
        signIn("officer");
        browser.get(caseUrl);
        browser.findElement(By.cssSelector("#form-START_VERIFICATION button")).click();
        waitForCaseStatus("VERIFYING");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("answer-verdict"))).selectByValue("FALSE");
        browser.findElement(By.id("answer-explanation")).sendKeys("Không có trẻ em tử vong do sốt xuất huyết trong năm nay. "
                + "Số ca mắc được công bố hằng tuần trên cổng thông tin của Sở.");
        browser.findElement(By.cssSelector("#form-SUBMIT_ANSWER button")).click();
        waitForCaseStatus("AWAITING_APPROVAL");
        saveScreenshot("case.png");

        // the spokesperson approves; the refutation is on the public site with ClaimReview JSON-LD
        signIn("spokesperson");
        browser.get(caseUrl);
        browser.findElement(By.cssSelector("#form-APPROVE button")).click();
        waitForCaseStatus("REFUTED");
        String publicUrl = browser.findElement(By.id("public-link")).getAttribute("href");
        browser.manage().deleteAllCookies();
        browser.get(publicUrl);
        assertThat(browser.findElement(By.id("verdict")).getText()).isEqualTo("Sai sự thật");
        Object type = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var r = JSON.parse(document.getElementById('claim-review').textContent);"
                        + " return r['@type'] + '|' + r.claimReviewed + '|' + r.reviewRating.alternateName + '|' + r.author.name;");
        assertThat(type).isEqualTo("ClaimReview|Sở Y tế giấu dịch sốt xuất huyết làm nhiều trẻ em tử vong ở Phan Rang " + marker
                + "|Sai sự thật|Sở Y tế");
        saveScreenshot("refutation.png");
        signIn("coordinator");
        browser.get(url("/cases"));
        saveScreenshot("desk.png");
        assertThat(alertShown()).isFalse();
        assertThat(securityErrors()).isEmpty();
    }

    @Test
    void aCitizenReportsFalseInformationOnThePublicSiteWithoutAnAccount() {
        browser.manage().deleteAllCookies();
        browser.get(url("/public/report"));
        assertThat(browser.findElement(By.id("website")).isDisplayed()).as("the robots' field is hidden from people").isFalse();
        browser.findElement(By.id("link")).sendKeys("https://www.facebook.com/groups/1/posts/2");
        browser.findElement(By.id("description")).sendKeys("Trang này đăng tin cả tỉnh sẽ bị cắt điện một tuần từ mai. Tin sai.");
        browser.findElement(By.id("send-report")).click();
        WebElement sent = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("report-sent")));
        assertThat(sent.getText()).startsWith("Đã tiếp nhận phản ánh, mã tiếp nhận ");
        assertThat(securityErrors()).isEmpty();
    }

    /** Waits for the case page to show the status (a click on a form's button returns before the next page is there). */
    private void waitForCaseStatus(String status) {
        try {
            // the page may change between finding the element and reading it: that is one more poll, not a failure
            new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.id("status")).stream()
                            .anyMatch(e -> status.equals(e.getAttribute("data-status"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the case page never showed " + status + "; the browser shows "
                    + browser.getCurrentUrl() + ":\n" + browser.findElement(By.tagName("main")).getText(), e);
        }
    }

    @Test
    void anAdministratorOpensTheApiDocumentationFromTheMenuAndReadsEveryOperation() throws Exception {
        signIn("admin");
        browser.findElement(By.cssSelector("#main-nav a[href$='/swagger-ui/index.html']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() > 10);
        List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(path -> path.getAttribute("data-path")).toList();
        assertThat(paths).contains("/api/v1/posts", "/api/v1/posts/import", "/api/v1/cases/{id}");
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).startsWith("Loa API");
        saveScreenshot("api-documentation.png");
        assertThat(securityErrors()).isEmpty();
    }

    private boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    private void signIn(String username) {
        HeadlessChromium.signIn(browser, url(""), username);
    }

    private List<String> securityErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    private void saveScreenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
