package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
 * back on the page the form was on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExpiredSessionFlowTests {

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
                .doesNotContain("không có quyền");
        assertThat(jdbc.sql("SELECT count(*) FROM misinformation_case WHERE claim = ?").param(claim)
                .query(Long.class).single()).isZero();

        HttpBrowser.Answer signedIn = browser.signIn("coordinator");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).isEqualTo(page);
        assertThat(browser.get("/cases/new", "text/html").status()).isEqualTo(200);
    }
}
