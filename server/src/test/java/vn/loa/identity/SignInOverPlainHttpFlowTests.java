package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.loa.platform.HttpBrowser;

/**
 * A pilot on an intranet: Loa reached over plain HTTP from another machine. The session cookie is marked Secure
 * exactly when the request came over HTTPS, directly or through a proxy on this machine that says so.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInOverPlainHttpFlowTests {

    @LocalServerPort
    int port;

    @Test
    void aBrowserOnAnotherMachineSignsInOverPlainHttp() throws Exception {
        HttpBrowser browser = HttpBrowser.onAnotherMachine(port);
        HttpBrowser.Answer signedIn = browser.signIn("coordinator");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/");
        HttpBrowser.Answer home = browser.get("/", "text/html");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Đăng xuất");
    }

    @Test
    void theSessionCookieIsSecureExactlyWhenTheRequestCameOverHttps() throws Exception {
        String overHttp = HttpBrowser.onThisMachine(port).get("/login", "text/html").header("Set-Cookie");
        assertThat(overHttp).startsWith("LOA_SESSION=").contains("HttpOnly").doesNotContain("Secure");
        String behindProxy = HttpBrowser.onThisMachine(port)
                .get("/login", "text/html", "X-Forwarded-Proto", "https").header("Set-Cookie");
        assertThat(behindProxy).startsWith("LOA_SESSION=").contains("HttpOnly", "Secure");
    }
}
