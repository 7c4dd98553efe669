package vn.loa.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The real browser of the browser tests: Debian's chromium driven by its chromedriver (paths overridable with
 * {@code loa.test.chromium} and {@code loa.test.chromedriver}), headless, in Vietnamese, keeping the console log.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("loa.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory("loa-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("loa.test.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /**
     * Signs a demo account in (password {@code loa-demo}) through the login page of the server at {@code base}
     * (e.g. {@code http://localhost:8080}), after dropping the browser's cookies, and waits for the home page.
     */
    public static void signIn(org.openqa.selenium.WebDriver browser, String base, String username) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("loa-demo");
        browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(
                        "^" + java.util.regex.Pattern.quote(base + "/") + "(\\?continue)?$"));
    }
}
