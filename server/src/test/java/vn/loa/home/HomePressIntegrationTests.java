package vn.loa.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.misinformation.CaseTestData;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryAction;
import vn.loa.press.EnquiryChannel;
import vn.loa.press.EnquiryKind;
import vn.loa.shared.LocalTime;

/**
 * The press questions on the home page, under "Việc của bạn": the answers a spokesperson may approve (never their own
 * draft), the agency's questions overdue or due soon with their due time, and for the province's coordinators the
 * questions of agencies where nobody may approve, which a coordinator may approve in their place. Each is linked; an
 * officer sees none of another agency's. The questions are recorded as received long ago, so that they are due first.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class HomePressIntegrationTests {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final SignedInUser HEALTH_OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser HEALTH_SPOKESPERSON = new SignedInUser(6L, "spokesperson", "Người phát ngôn", null,
            "SYT", Set.of(Role.SPOKESPERSON));
    private static final SignedInUser COMMUNE_OFFICER = new SignedInUser(8L, "xa-bac-ai-tay", "Cán bộ xã", null, "22786",
            Set.of(Role.OFFICER));

    @Autowired
    MockMvc mvc;

    @Autowired
    Enquiries enquiries;

    @Autowired
    TestClock clock;

    @Test
    void aSpokespersonSeesTheAnswersToApproveButNotTheirOwnDraftAndTheOfficerTheQuestionsDue() throws Exception {
        Enquiry drafted = recorded(HEALTH_OFFICER, "SYT", "Sở y tế, chờ duyệt " + System.nanoTime(), 90);
        enquiries.act(drafted.id(), draft(), HEALTH_OFFICER);
        Enquiry own = recorded(HEALTH_OFFICER, "SYT", "Sở y tế, người phát ngôn tự soạn " + System.nanoTime(), 89);
        enquiries.act(own.id(), draft(), HEALTH_SPOKESPERSON);

        Document spokesperson = home("spokesperson");
        assertThat(spokesperson.select("#press-to-approve a[href=/press/enquiries/" + drafted.id() + "]").text())
                .isEqualTo(drafted.subject());
        assertThat(spokesperson.select("#press-to-approve li:has(a[href=/press/enquiries/" + drafted.id() + "])").text())
                .contains("Sở Y tế · hạn " + MINUTE.format(drafted.dueAt().atZone(LocalTime.ZONE)), "Quá hạn");
        assertThat(spokesperson.select("#press-to-approve a[href=/press/enquiries/" + own.id() + "]")).isEmpty();
        assertThat(spokesperson.select("#my-work h3").eachText()).anyMatch(h -> h.startsWith("Câu hỏi báo chí chờ bạn duyệt"));

        Document officer = home("officer");
        assertThat(officer.select("#press-to-approve")).isEmpty();
        assertThat(officer.select("#press-due a[href=/press/enquiries/" + drafted.id() + "]")).hasSize(1);
        assertThat(officer.select("#press-due a[href=/press/enquiries/" + own.id() + "]")).hasSize(1);
        assertThat(officer.select("#open-press").attr("href")).isEqualTo("/press");
        // another agency's officer sees none of them
        Document district = home("district");
        assertThat(district.select("a[href=/press/enquiries/" + drafted.id() + "]")).isEmpty();
    }

    @Test
    void aCoordinatorSeesTheQuestionsNobodyAtTheirAgencyMayApproveAndTheOnesTheyMayApproveInItsPlace() throws Exception {
        Enquiry waiting = recorded(COMMUNE_OFFICER, "22786", "Xã chưa có người phát ngôn " + System.nanoTime(), 100);
        Enquiry drafted = recorded(COMMUNE_OFFICER, "22786", "Xã đã soạn dự thảo " + System.nanoTime(), 99);
        enquiries.act(drafted.id(), draft(), COMMUNE_OFFICER);

        Document coordinator = home("coordinator");

        assertThat(coordinator.select("#press-no-approver a[href=/press/enquiries/" + waiting.id() + "]")).hasSize(1);
        assertThat(coordinator.select("#press-no-approver li:has(a[href=/press/enquiries/" + waiting.id() + "])").text())
                .contains("Xã Bác Ái Tây · hạn " + MINUTE.format(waiting.dueAt().atZone(LocalTime.ZONE)));
        assertThat(coordinator.select("#press-to-approve a[href=/press/enquiries/" + drafted.id() + "]")).hasSize(1);
        assertThat(coordinator.select("#press-to-approve a[href=/press/enquiries/" + waiting.id() + "]")).isEmpty();
        assertThat(coordinator.select("#my-work").text()).contains("chưa có tài khoản người phát ngôn");
        // the administrator is told too (to give the role), but approves nothing
        Document admin = home("admin");
        assertThat(admin.select("#press-no-approver a[href=/press/enquiries/" + waiting.id() + "]")).hasSize(1);
        assertThat(admin.select("#press-to-approve")).isEmpty();
        // the commune's officer sees their questions due; the Department's officer does not
        assertThat(home("xa-bac-ai-tay").select("#press-due a[href=/press/enquiries/" + waiting.id() + "]")).hasSize(1);
        assertThat(home("officer").select("a[href=/press/enquiries/" + waiting.id() + "]")).isEmpty();
        // and in English
        Document english = page("/?lang=en", "coordinator");
        assertThat(english.select("#my-work h3").eachText())
                .anyMatch(h -> h.startsWith("Press questions of agencies where nobody can approve"));
        assertThat(english.select("#my-work").text()).contains("the head (the commune or ward chairman)").doesNotContain("''");
    }

    /** A question the agency's officer recorded by phone, received {@code daysAgo} days ago, so that it is overdue. */
    private Enquiry recorded(SignedInUser by, String agency, String subject, int daysAgo) {
        return enquiries.submit(new Enquiries.Question(agency, EnquiryKind.ROUTINE, EnquiryChannel.PHONE, "Phóng viên A",
                "Báo B", null, "0905 123 456", subject, "Xin cho biết thông tin.",
                OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(daysAgo)), LocalTime.ZONE)), by);
    }

    private static Enquiries.Transition draft() {
        return new Enquiries.Transition(EnquiryAction.DRAFT, "Dự thảo trả lời.", null, false, null);
    }

    private Document home(String username) throws Exception {
        return page("/", username);
    }

    private Document page(String path, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(CaseTestData.signIn(mvc, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
