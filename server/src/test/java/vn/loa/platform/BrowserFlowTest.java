package vn.loa.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test of a running Loa shares: one real browser ({@link HeadlessChromium}) for the class, started
 * before its first test and closed after its last, and the address of the server the test's context started. A class
 * extending it is a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class BrowserFlowTest {

    /** The class's browser. */
    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** The address of a path on the server under test. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
