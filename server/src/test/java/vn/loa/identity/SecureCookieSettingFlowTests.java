package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.loa.platform.HttpBrowser;

/**
 * With {@code loa.identity.secure-cookie=true} the session cookie is Secure even over plain HTTP, so a browser on
 * another machine drops it: the sign-in page then says so and names the setting, instead of a bare refusal.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "loa.identity.secure-cookie=true")
class SecureCookieSettingFlowTests {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureEvenOverPlainHttp() throws Exception {
        String cookie = HttpBrowser.onThisMachine(port).get("/login", "text/html").header("Set-Cookie");
        assertThat(cookie).startsWith("LOA_SESSION=").contains("Secure");
    }

    @Test
    void aSignInWhoseCookieTheBrowserDroppedExplainsTheSetting() throws Exception {
        HttpBrowser browser = HttpBrowser.onAnotherMachine(port);
        HttpBrowser.Answer refused = browser.signIn("coordinator");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login?error=cookie-https");
        HttpBrowser.Answer page = browser.get("/login?error=cookie-https", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("loa.identity.secure-cookie=true", "https://");
    }
}
