package vn.loa.misinformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.HeadlessChromium;

/**
 * A case's page on a phone of 390 pixels, in a real headless Chromium: a verification note holding a long address, and
 * who it was checked with written without a space, wrap inside the page rather than scroll it sideways.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CasePageOnAPhoneFlowTests extends vn.loa.platform.BrowserFlowTest {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final String LONG_ADDRESS = "https://baohiemxahoi.gov.vn/tintuc/Pages/default.aspx";

    @Autowired
    Cases cases;

    @Test
    void aNoteWithALongAddressWrapsOnAPhoneOf390PixelsWithoutSidewaysScrolling() {
        long id = cases.open(new Cases.NewCase("Bảo hiểm xã hội ngừng chi trả lương hưu " + CaseTestData.marker(),
                "FALSE_INFORMATION", "HIGH", List.of(), null, null, "SYT"), COORDINATOR).id();
        cases.act(id, new Cases.Transition("TRIAGE", "FALSE_INFORMATION", "HIGH", null, null, null, null, null, null), COORDINATOR);
        cases.act(id, new Cases.Transition("ASSIGN", null, null, "SYT", null, null, null, null, null), COORDINATOR);
        cases.act(id, new Cases.Transition("START_VERIFICATION", null, null, null, null, null, null, null, null), OFFICER);
        cases.addNote(id, new Cases.NoteForm("Đối chiếu thông báo tại " + LONG_ADDRESS + " với Bảo hiểm xã hội tỉnh",
                "phongtruyenthong@baohiemxahoi.khanhhoa.gov.vn", LONG_ADDRESS), OFFICER);

        HeadlessChromium.signIn(browser, url(""), "coordinator");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(url("/cases/" + id));
            assertThat(browser.findElements(By.cssSelector("#note-list a[href='" + LONG_ADDRESS + "']"))).hasSize(1);
            List<?> widths = (List<?>) ((JavascriptExecutor) browser).executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            assertThat(((Number) widths.get(0)).longValue()).as("the width of the case's page on a 390 px phone")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
