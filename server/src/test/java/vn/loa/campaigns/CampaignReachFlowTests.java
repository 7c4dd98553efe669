package vn.loa.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.platform.Axe;
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Channel;
import vn.loa.publishing.DeliveryStatus;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Issue #16 as a user tries it: the Department of Health plans a campaign on health insurance for the elderly in Bác Ái
 * Tây and Phan Rang, writes the message once with portal (with a document to download), press release, SMS,
 * loudspeaker (audio) and billboard versions; a Chăm translation is assigned, entered and approved by someone else; the leader approves; at the
 * scheduled time it is on the portal and its RSS, e-mailed to the media list (GreenMail), queued to the SMS simulator
 * (simulated, never sent) and a broadcast package waits in each commune; the two commune officers confirm, and the
 * campaign page, in a real Chromium, draws the communes' map with both reached and the effect chart from listening,
 * with no serious or critical axe-core violation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
class CampaignReachFlowTests {

    private static WebDriver browser;
    private static GreenMail smtp;

    @LocalServerPort
    int port;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Messages messages;

    @Autowired
    Publishing publishing;

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    PostImporter importer;

    @Autowired
    CampaignReach reach;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void start() throws Exception {
        smtp = vn.loa.TestMail.smtp();
        smtp.start();
        browser = vn.loa.platform.HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        smtp.stop();
    }

    private SignedInUser user(String username) {
        var account = users.findByUsername(username).orElseThrow();
        String agency = jdbc.sql("SELECT code FROM agency WHERE id = ?").param(account.agency().value()).query(String.class)
                .single();
        return new SignedInUser(account.id(), account.username(), account.fullName(), account.agency(), agency,
                account.roles());
    }

    @Test
    void aCampaignIsPlannedApprovedPublishedBroadcastConfirmedAndItsPageShowsReachAndEffect() throws Exception {
        SignedInUser officer = user("officer");
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        String marker = "bhytluong" + System.nanoTime();
        LocalDate start = today.minusDays(3);
        // what listening heard: one comment a day before the start, three a day since, with questions
        StringBuilder posts = new StringBuilder();
        for (int day = -6; day <= 2; day++) {
            for (int i = 0; i < (day < 0 ? 1 : 3); i++) {
                String at = start.plusDays(day).atTime(8 + i, 0).atZone(LocalTime.ZONE).toOffsetDateTime().toString();
                String text = i == 1 ? "Cho hỏi thẻ " + marker + " cho người cao tuổi làm ở đâu?"
                        : "Xã đã thông báo về thẻ " + marker + " cho ông bà";
                posts.append("{\"source\":\"flow-").append(marker).append("\",\"platform\":\"facebook\",\"external_id\":\"")
                        .append(day).append('-').append(i).append("\",\"published_at\":\"").append(at)
                        .append("\",\"text\":\"").append(text).append("\"}\n");
            }
        }
        ImportSummary summary = importer.importFile("flow.jsonl",
                new ByteArrayInputStream(posts.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();

        // the campaign starts in its plan's year
        long plan = campaigns.plans(officer).stream().filter(p -> p.agencyCode().equals("SYT")
                        && p.year() == start.getYear()).findFirst()
                .map(Plan::id).orElseGet(() -> campaigns.createPlan("SYT", start.getYear(), "Kế hoạch", officer).id());
        String title = "Thẻ bảo hiểm y tế cho người cao tuổi " + marker;
        Campaign campaign = campaigns.create(plan, new Campaigns.Draft(title, "Bảo hiểm y tế cho người cao tuổi", null, null,
                List.of(Audience.ELDERLY, Audience.CHOSEN_COMMUNES), List.of("22786", "22759"),
                List.of(Channel.PORTAL, Channel.EMAIL, Channel.SMS, Channel.LOUDSPEAKER, Channel.BILLBOARD), List.of("SYT"),
                start, start.plusMonths(3), null, null, List.of(marker)), officer);
        Message message = messages.write(campaign.id(), title, "Người từ đủ 60 tuổi được hỗ trợ mua thẻ bảo hiểm y tế.",
                null, officer);
        // an image must say what it shows before the portal would refuse it at publication time
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.saveVersion(message.id(),
                        VersionKind.PORTAL_ARTICLE, title, "<p>Ảnh</p><img src=\"https://example.vn/a.png\">", null, null,
                        officer))
                .isInstanceOfSatisfying(vn.loa.shared.InvalidInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("campaigns.error.image-alt"));
        Version portal = messages.saveVersion(message.id(), VersionKind.PORTAL_ARTICLE, title,
                "<p>Người từ đủ 60 tuổi được hỗ trợ mua thẻ <strong>bảo hiểm y tế</strong>.</p>", null, null, officer);
        byte[] pdf = "%PDF-1.4\n% hướng dẫn đăng ký (kiểm thử)\n".getBytes(StandardCharsets.UTF_8);
        messages.attachFile(portal.id(), "huong-dan-dang-ky.pdf", pdf, officer);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.attachFile(portal.id(), "huong-dan.pdf",
                        "MZ not a pdf".getBytes(StandardCharsets.UTF_8), officer))
                .isInstanceOfSatisfying(vn.loa.shared.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("file"));
        messages.saveVersion(message.id(), VersionKind.PRESS_RELEASE, title,
                "Sở Y tế thông báo chính sách hỗ trợ mua thẻ bảo hiểm y tế cho người cao tuổi.", null, null, officer);
        Version sms = messages.saveVersion(message.id(), VersionKind.SMS, null,
                "So Y te: nguoi tu du 60 tuoi duoc ho tro mua the BHYT. Lien he tram y te xa.", null, null, officer);
        Version loudspeaker = messages.saveVersion(message.id(), VersionKind.LOUDSPEAKER, "Bản tin bảo hiểm y tế",
                "Kính thưa bà con. Ông bà từ sáu mươi tuổi được hỗ trợ mua thẻ bảo hiểm y tế.", null, null, officer);
        messages.attachAudio(loudspeaker.id(), "ban-tin.wav", wav(), officer);
        messages.saveVersion(message.id(), VersionKind.BILLBOARD, null, "BẢO HIỂM Y TẾ\nCHO NGƯỜI CAO TUỔI", null, null,
                officer);
        Translation cham = messages.assignTranslation(loudspeaker.id(), "cjm", "district", officer);
        messages.submitTranslation(cham.id(), "Bản dịch tiếng Chăm của bản tin (kiểm thử)", null, null, user("district"));
        messages.approveTranslation(cham.id(), user("spokesperson"));

        messages.act(message.id(), MessageAction.SUBMIT, null, null, officer);
        messages.act(message.id(), MessageAction.APPROVE, null, null, user("leader"));
        messages.act(message.id(), MessageAction.SCHEDULE, clock.instant().plus(Duration.ofMinutes(5)), null, officer);
        messages.publishDue();
        assertThat(publishing.bySource(sms.source("vi"))).as("nothing before its time").isEmpty();
        clock.advance(Duration.ofMinutes(6));
        messages.publishDue();
        publishing.deliverDue();
        assertThat(messages.get(message.id(), officer).status()).isEqualTo(MessageStatus.PUBLISHED);

        // portal and RSS, the article's document to download
        assertThat(get("/public/messages")).contains(title);
        long onPortal = publishing.bySource(portal.source("vi")).getFirst().id();
        assertThat(get("/public/messages/" + onPortal)).contains("huong-dan-dang-ky.pdf");
        String fileLink = java.util.regex.Pattern.compile("/public/messages/" + onPortal + "/files/\\d+")
                .matcher(get("/public/messages/" + onPortal)).results().findFirst().orElseThrow().group();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + fileLink)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(get("/public/messages/rss.xml")).contains(title);
        // the press release e-mailed to the media list
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(List.of(smtp.getReceivedMessages())).anySatisfy(m -> assertThat(m.getSubject()).contains(title));
        // SMS to the simulator: simulated, never sent (another worker may hold a delivery for a moment: SKIP LOCKED)
        for (int attempt = 0; attempt < 40 && publishing.bySource(sms.source("vi")).getFirst().simulated() < 2; attempt++) {
            publishing.deliverDue();
            Thread.sleep(250);
        }
        assertThat(publishing.bySource(sms.source("vi"))).singleElement().satisfies(p -> {
            assertThat(p.simulated()).isEqualTo(2);
            assertThat(p.sent()).isZero();
        });
        // a broadcast package in each commune, and the Chăm bulletin where the Chăm live
        SignedInUser coordinator = user("coordinator");
        List<Broadcasts.Broadcast> packages = publishing.bySource(loudspeaker.source("vi")).stream()
                .flatMap(p -> broadcasts.ofPublication(p.id(), coordinator).stream()).toList();
        assertThat(packages).extracting(Broadcasts.Broadcast::communeCode).containsExactlyInAnyOrder("22786", "22759");
        assertThat(publishing.bySource(loudspeaker.source("cjm"))).singleElement()
                .satisfies(p -> assertThat(p.language()).isEqualTo("cjm"));

        // the two commune officers confirm, once their first slots have come
        packages.stream().map(Broadcasts.Broadcast::firstSlotAt).max(java.util.Comparator.naturalOrder())
                .filter(slot -> slot.isAfter(clock.instant())).ifPresent(slot -> clock.set(slot.plusSeconds(60)));
        for (String username : List.of("xa-bac-ai-tay", "phuong-phan-rang")) {
            SignedInUser commune = user(username);
            Broadcasts.Broadcast mine = packages.stream().filter(b -> b.communeCode().equals(commune.agencyCode()))
                    .findFirst().orElseThrow();
            broadcasts.confirm(mine.id(), clock.instant(), null, commune);
        }
        assertThat(publishing.reach(campaign.reference())).filteredOn(r -> r.channels().contains(Channel.LOUDSPEAKER))
                .extracting(Publishing.CommuneReach::communeCode).containsExactlyInAnyOrder("22786", "22759");
        assertThat(publishing.deliveries(packages.getFirst().publicationId(), coordinator))
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.CONFIRMED));

        // the campaign page, as the leader sees it
        try {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys("leader");
            browser.findElement(By.id("password")).sendKeys("loa-demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            browser.get("http://localhost:" + port + "/campaigns/" + campaign.id());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.attributeToBe(By.id("reach-map"), "data-chart-ready", "true"));
            wait.until(ExpectedConditions.attributeToBe(By.id("effect-chart"), "data-chart-ready", "true"));
            for (String code : List.of("22786", "22759")) {
                assertThat(browser.findElement(By.cssSelector("#reach-table tr[data-code='" + code + "']"))
                        .getAttribute("data-level")).as(code).isEqualTo("reached-local");
            }
            // Bác Ái Đông is remote and Raglai, and heard nothing: where the campaign must go next
            assertThat(browser.findElement(By.cssSelector("#reach-table tr[data-code='22801']")).getAttribute("data-level"))
                    .isEqualTo("missed-priority");
            // before: six posts in the fourteen days before the start; since: nine in four days, three of them questions
            List<org.openqa.selenium.WebElement> postsPerDay = browser.findElements(
                    By.cssSelector("#effect-summary tbody tr:first-child td"));
            // (the page's today follows the test clock, which other tests move: the figures are the service's)
            var effect = reach.effect(campaign, user("leader"));
            assertThat(effect.before().posts()).isEqualTo(6);
            assertThat(effect.after().posts()).isEqualTo(9);
            assertThat(effect.after().questions()).isEqualTo(3);
            java.text.NumberFormat vi = java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("vi"));
            vi.setMinimumFractionDigits(0);
            vi.setMaximumFractionDigits(1);
            assertThat(postsPerDay).extracting(org.openqa.selenium.WebElement::getText).containsExactly(
                    vi.format(effect.before().postsPerDay()), vi.format(effect.after().postsPerDay()));
            assertThat(browser.findElement(By.id("effect-chart")).getAttribute("data-mark-from"))
                    .isEqualTo(LocalTime.format(start));
            assertThat(Axe.violations(browser, Set.of("serious", "critical"))).as("axe on the campaign page").isEmpty();
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.getElementById('campaign-effect').scrollIntoView();");
            saveScreenshot("campaign-reach.png");
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    private void saveScreenshot(String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2000));
        java.nio.file.Files.write(dir.resolve(name),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static byte[] wav() {
        byte[] wav = new byte[44 + 800];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, wav, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, wav, 8, 8);
        return wav;
    }
}
