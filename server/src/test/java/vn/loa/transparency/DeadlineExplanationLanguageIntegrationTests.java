package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WeeklyRestDays;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;

/**
 * How a request's due date was counted, in the reader's language: English on an English page or API call
 * ({@code ?lang=en}), Vietnamese otherwise, on the desk, in the API and on the portal's receipt page. The sources of
 * the time limits are cited as entered (in Vietnamese).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeadlineExplanationLanguageIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    /** Words of the Vietnamese explanation that an English one must not hold. */
    private static final String[] VIETNAMESE = {"Hạn cuối", "ngày làm việc", "ngày theo lịch", "tính từ", "không tính",
        "Thứ Bảy", "Chủ Nhật", "ngày nghỉ", "Gia hạn", "ngay khi nhận", "Bộ luật Dân sự"};

    @Autowired
    MockMvc mvc;

    @Autowired
    InformationRequests requests;

    @Autowired
    WorkingDays calendar;

    @Autowired
    Clock clock;

    @Test
    void theDeskAndTheApiExplainADueDateInEnglishForAnEnglishReaderAndInVietnameseOtherwise() throws Exception {
        // received on a Wednesday: five working days from Thursday pass over a Saturday and a Sunday (weekly rest days,
        // not a holiday nor a Saturday worked in exchange)
        LocalDate wednesday = WeeklyRestDays.wednesdayBeforeAnOrdinaryWeekend(calendar, today(), "SYT");
        InformationRequest request = submit(Channel.POST, wednesday.atTime(9, 0).atZone(LocalTime.ZONE).toOffsetDateTime(),
                "Biên bản nghiệm thu đường Hòn Khói giai đoạn hai");
        LocalDate due = request.dueDate();
        String source = request.timeLimitSource();
        MockHttpSession officer = signIn("officer");

        String vietnamese = page("/transparency/requests/" + request.id(), officer).select("#due-why").text();
        // outside a request the explanation is Vietnamese, as the Vietnamese page shows it
        assertThat(vietnamese).isEqualTo(request.deadlineExplanation())
                .startsWith(source + ". Hạn cuối " + LocalTime.format(due) + ": 5 ngày làm việc tính từ ngày tiếp theo liền kề ngày "
                        + LocalTime.format(wednesday) + " (Bộ luật Dân sự, Điều 147); không tính ")
                .contains("(Thứ Bảy, ngày nghỉ hằng tuần)");

        String english = page("/transparency/requests/" + request.id() + "?lang=en", officer).select("#due-why").text();
        assertThat(english).startsWith("Time limits: " + source + ". Last day " + LocalTime.format(due)
                        + ": 5 working days counted from the day after " + LocalTime.format(wednesday)
                        + " (Civil Code, Art. 147); not counting ")
                .contains("(Saturday, weekly rest day)", "(Sunday, weekly rest day)");
        assertThat(english.substring(("Time limits: " + source).length())).doesNotContain(VIETNAMESE);

        String api = mvc.perform(get("/api/v1/information-requests/" + request.id()).param("lang", "en").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(api, "$.deadlineExplanation")).isEqualTo(english);
        String apiVietnamese = mvc.perform(get("/api/v1/information-requests/" + request.id()).session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(apiVietnamese, "$.deadlineExplanation")).isEqualTo(vietnamese);
    }

    @Test
    void anExtensionAndARequestAnsweredAtOnceAreExplainedInEnglishToo() throws Exception {
        InformationRequest request = submit(Channel.POST, now(), "Hợp đồng thuê đất cảng cá Hòn Rớ năm 2026");
        // as many days as end the extension on a Saturday after the due date that is a weekly rest day (not a holiday,
        // not a Saturday worked in exchange), at most two weeks on: within the 15 days an extension may take
        LocalDate saturday = WeeklyRestDays.saturdayAfter(calendar, request.dueDate(), "SYT");
        int days = (int) ChronoUnit.DAYS.between(request.dueDate(), saturday);
        InformationRequest extended = requests.act(request.id(), new InformationRequests.Transition(RequestAction.EXTEND,
                "Cần ý kiến Sở Xây dựng", days, null, null, null, null, null, null, null, null, null, null), COORDINATOR).request();
        MockHttpSession officer = signIn("officer");
        String english = page("/transparency/requests/" + request.id() + "?lang=en", officer).select("#due-why").text();
        assertThat(english).startsWith("The one extension (Luật Tiếp cận thông tin (sửa đổi)). Last day "
                        + LocalTime.format(extended.dueDate()) + ": " + days + (days == 1 ? " calendar day" : " calendar days")
                        + " counted from the day after " + LocalTime.format(request.dueDate()) + ", days off included")
                .contains("the period's last day is a day off, so it ends on the next working day (Civil Code, Art. 148): "
                        + LocalTime.format(saturday) + " (Saturday, weekly rest day)");
        assertThat(english.replace("Luật Tiếp cận thông tin (sửa đổi)", "")).doesNotContain(VIETNAMESE);
        // the Vietnamese page says what it said before
        assertThat(page("/transparency/requests/" + request.id(), officer).select("#due-why").text())
                .startsWith("Gia hạn một lần (Luật Tiếp cận thông tin (sửa đổi)). Hạn cuối " + LocalTime.format(extended.dueDate()));

        InformationRequest inPerson = submit(Channel.IN_PERSON, now(), "Lịch tiếp công dân của Sở Y tế tháng này");
        String atOnce = page("/transparency/requests/" + inPerson.id() + "?lang=en", officer).select("#due-why").text();
        assertThat(atOnce).contains(". Last day " + LocalTime.format(inPerson.dueDate()) + ": at once, on the day received ("
                + LocalTime.format(today()) + ")").doesNotContain("0 working days");
    }

    @Test
    void theCitizenReadsTheDueDateExplainedInTheLanguageOfThePortalPage() throws Exception {
        org.springframework.mock.web.MockHttpSession citizen = new org.springframework.mock.web.MockHttpSession();
        String receipt = mvc.perform(post("/public/access-to-information").session(citizen).param("lang", "en")
                        .param("agencyCode", "SYT").param("name", "Nguyễn Thị Hạnh").param("idNumber", "056190007777")
                        .param("address", "Diên Khánh").param("email", "hanh@example.vn")
                        .param("description", "Danh sách trạm y tế xã được nâng cấp năm 2026 ở Diên Khánh")
                        .param("purpose", "Tìm hiểu").with(csrf())
                        .with(r -> {
                            // a throttle of its own: other tests use the portal from the loopback address
                            r.setRemoteAddr("192.0.2.71");
                            return r;
                        }))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        // the form redirects to its receipt (a refresh sends nothing again), read in the page's language
        Document sent = Jsoup.parse(mvc.perform(get(receipt).session(citizen).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String why = sent.select("#public-due-why").text();
        assertThat(why).contains("Last day ", "working days counted from the day after " + LocalTime.format(today()));
        assertThat(why.substring(why.indexOf("Last day "))).doesNotContain(VIETNAMESE);
    }

    private InformationRequest submit(Channel channel, OffsetDateTime received, String description) {
        return requests.submit(new InformationRequests.Submission(channel, received,
                "SYT", new InformationRequests.Requester("Phan Văn Lộc", null, "loc@example.vn", null, "Ninh Hòa"),
                description, "Tìm hiểu", null, false, null, null), null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(LocalTime.ZONE));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LocalTime.ZONE));
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
