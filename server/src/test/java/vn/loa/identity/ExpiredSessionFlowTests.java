package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.platform.HttpBrowser;

/**
 * A form sent after the server has forgotten its session (it timed out, or the server restarted): nothing is saved,
 * and instead of a refusal that reads like a missing permission the person is asked to sign in again and is then
 * back on the page the form was on, marked as the page of a refused form (in a browser, {@code RefusedFormKeptFlowTests}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExpiredSessionFlowTests {

    /** The mark of the page a refused form leads back to (the pages' script puts back what was typed). */
    private static final String REFUSED_FORM = "name=\"loa-form-refused\"";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFormSentAfterTheSessionExpiredAsksToSignInAgainAndLeadsBackToItsPage() throws Exception {
        HttpBrowser browser = HttpBrowser.onThisMachine(port);
        assertThat(browser.signIn("coordinator").status()).isEqualTo(302);
        String claim = "Tin đồn gửi khi phiên đã hết " + ProcessHandle.current().pid();
        String form = "claim=" + HttpBrowser.encode(claim) + "&category=FALSE_INFORMATION&severity=MEDIUM";
        String page = "http://localhost:" + port + "/cases/new";
        // the page's form token is read while the session lives; then the server forgets the session
        assertThat(browser.get("/cases/new", "text/html").status()).isEqualTo(200);
        browser.readFormToken();
        browser.keepCookie("LOA_SESSION", "a-session-the-server-has-forgotten");

        HttpBrowser.Answer refused = browser.send("POST", "/cases/new", "text/html", form, "Referer", page);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login?error=expired");
        HttpBrowser.Answer signInPage = browser.get("/login?error=expired", "text/html");
        assertThat(signInPage.status()).isEqualTo(200);
        assertThat(signInPage.body()).contains("Phiên làm việc đã hết hạn, vui lòng đăng nhập lại")
                .doesNotContain("không có quyền", REFUSED_FORM);
        assertThat(jdbc.sql("SELECT count(*) FROM misinformation_case WHERE claim = ?").param(claim)
                .query(Long.class).single()).isZero();

        HttpBrowser.Answer signedIn = browser.signIn("coordinator");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).isEqualTo(page);
        // the page says that a form of it was refused, for its script to put back what was typed; once
        HttpBrowser.Answer back = browser.get("/cases/new", "text/html");
        assertThat(back.status()).isEqualTo(200);
        assertThat(Jsoup.parse(back.body()).select("meta[name=loa-form-refused]").attr("content"))
                .startsWith("Nội dung vừa gửi chưa được nhận");
        assertThat(browser.get("/cases/new", "text/html").body()).doesNotContain(REFUSED_FORM);
    }

    @Test
    void aFormWithFilesSentAfterTheSessionExpiredLeadsBackToItsPageAsAPlainPage() throws Exception {
        HttpBrowser browser = HttpBrowser.onThisMachine(port);
        assertThat(browser.signIn("coordinator").status()).isEqualTo(302);
        String page = "http://localhost:" + port + "/transparency/requests/new";
        assertThat(browser.get("/transparency/requests/new", "text/html").status()).isEqualTo(200);
        browser.keepCookie("LOA_SESSION", "a-session-the-server-has-forgotten");
        String boundary = "----loa-expired-" + ProcessHandle.current().pid();
        HttpBrowser.Answer refused = browser.send("POST", "/transparency/requests", "text/html", null,
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Referer", page);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login?error=expired");

        // the page is asked for again as a page: not as the form's upload, which its request no longer carries
        HttpBrowser.Answer signedIn = browser.signIn("coordinator");
        assertThat(signedIn.header("Location")).isEqualTo(page);
        HttpBrowser.Answer back = browser.get("/transparency/requests/new", "text/html");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).contains("id=\"paper-form\"", REFUSED_FORM);
    }

    @Test
    void aCitizensFormSentAfterTheSessionExpiredLeadsBackToItsPageSayingToSendItAgain() throws Exception {
        HttpBrowser citizen = HttpBrowser.onThisMachine(port);
        HttpBrowser.Answer form = citizen.get("/public/report", "text/html");
        org.jsoup.nodes.Document page = Jsoup.parse(form.body());
        String token = page.select("#report-form input[name=_csrf]").attr("value");
        String once = page.select("#report-form input[name=token]").attr("value");
        assertThat(token).isNotEmpty();
        citizen.keepCookie("LOA_SESSION", "a-session-the-server-has-forgotten");
        String marker = "phan-anh-het-phien-" + ProcessHandle.current().pid();
        HttpBrowser.Answer refused = citizen.send("POST", "/public/report", "text/html",
                "link=" + HttpBrowser.encode("https://facebook.com/" + marker) + "&description="
                        + HttpBrowser.encode("Tin đồn " + marker + " lan trên mạng xã hội suốt cả buổi sáng") + "&_csrf="
                        + HttpBrowser.encode(token) + "&token=" + HttpBrowser.encode(once),
                "Referer", "http://localhost:" + port + "/public/report");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/public/report");
        HttpBrowser.Answer again = citizen.get("/public/report", "text/html");
        assertThat(again.status()).isEqualTo(200);
        assertThat(Jsoup.parse(again.body()).select("#form-expired").text())
                .isEqualTo("Trang đã mở quá lâu nên nội dung vừa gửi chưa được nhận. Vui lòng nhập và gửi lại.");
        assertThat(again.body()).doesNotContain("Đăng nhập vào Loa", "không có quyền").contains(REFUSED_FORM);
        assertThat(jdbc.sql("SELECT count(*) FROM misinformation_case WHERE claim LIKE ?").param("%" + marker + "%")
                .query(Long.class).single()).isZero();
        // said once: the page opened again is as usual
        assertThat(citizen.get("/public/report", "text/html").body()).doesNotContain("id=\"form-expired\"", REFUSED_FORM);
    }
}
