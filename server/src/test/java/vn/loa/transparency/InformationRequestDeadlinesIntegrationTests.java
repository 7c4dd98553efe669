package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
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
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Which law a request's time limits come from (the 2016 law, or the amended law from 01/09/2026), how its due date is
 * explained on the desk and in the requester's receipt, and the notice deadline of a complex request.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InformationRequestDeadlinesIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final LocalDate AMENDED_LAW = LocalDate.of(2026, 9, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    InformationRequests requests;

    @Autowired
    WorkingDays calendar;

    @Autowired
    Clock clock;

    @Test
    void aRequestReceivedFromTheFirstOfSeptember2026CitesTheAmendedLawAndOneReceivedTheDayBeforeThe2016Law() throws Exception {
        InformationRequest before = submit(at(AMENDED_LAW.minusDays(1)), Channel.POST, false);
        InformationRequest after = submit(at(AMENDED_LAW), Channel.POST, false);
        assertThat(before.timeLimitSource()).isEqualTo("Luật Tiếp cận thông tin 2016, Điều 31");
        assertThat(after.timeLimitSource()).startsWith("Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026")
                .contains("chưa đối chiếu");
        // LEGAL.md gives no time limit of the amended law: the 2016 ones stay
        assertThat(after.dueDate()).isEqualTo(calendar.add(AMENDED_LAW, 5, PeriodUnit.WORKING_DAYS, "SYT").date());
        assertThat(requests.timeLimits()).filteredOn(r -> r.validFrom().equals(AMENDED_LAW))
                .extracting(InformationRequests.TimeLimitRule::channel).containsOnly(Channel.values());
        assertThat(requests.timeLimits()).filteredOn(r -> r.validFrom().equals(AMENDED_LAW)).hasSize(Channel.values().length * 2);
        Document table = page("/admin/access-time-limits", signIn("admin"));
        assertThat(table.select("tbody tr").eachText()).anySatisfy(row -> assertThat(row)
                .startsWith("Từ 01/09/2026").contains("Trực tiếp tại trụ sở Thông thường Ngay khi nhận")
                .contains("Luật Tiếp cận thông tin (sửa đổi)"));
        // the notices cite the law of the request
        InformationRequest extended = requests.act(submit(now(), Channel.POST, false).id(), extend(5), COORDINATOR).request();
        assertThat(docx(extended.id(), "extension")).contains("Căn cứ Luật Tiếp cận thông tin (sửa đổi), thời hạn")
                .doesNotContain("2016");
        assertThat(docx(before.id(), "receipt")).contains("căn cứ Luật Tiếp cận thông tin 2016");
        // the amended law's channels are open from its first day only
        assertThat(submit(at(AMENDED_LAW), Channel.NATIONAL_PUBLIC_SERVICE_PORTAL, false).dueDate())
                .isEqualTo(calendar.add(AMENDED_LAW, 3, PeriodUnit.WORKING_DAYS, "SYT").date());
        assertThatThrownBy(() -> submit(at(AMENDED_LAW.minusDays(1)), Channel.APP, false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("receivedAt"));
    }

    @Test
    void aRequestMadeInPersonIsAnsweredAtOnceAndTheExplanationSaysSo() {
        InformationRequest request = submit(now(), Channel.IN_PERSON, false);
        assertThat(request.deadlineExplanation()).contains("Hạn cuối " + LocalTime.format(request.dueDate())
                + ": ngay khi nhận, trong ngày nhận " + LocalTime.format(today())).doesNotContain("0 ngày");
    }

    @Test
    void anExtensionCountsTheWeekendAndOnlyAnEndOnADayOffMovesToTheNextWorkingDay() throws Exception {
        InformationRequest request = submit(now(), Channel.POST, false);
        // as many days as end the extension on a Saturday after the due date that is a weekly rest day (not a holiday,
        // not a Saturday worked in exchange), at most two weeks on: within the 15 days an extension may take
        LocalDate saturday = WeeklyRestDays.saturdayAfter(calendar, request.dueDate(), "SYT");
        int days = (int) ChronoUnit.DAYS.between(request.dueDate(), saturday);
        InformationRequest extended = requests.act(request.id(), extend(days), COORDINATOR).request();
        LocalDate due = calendar.add(request.dueDate(), days, PeriodUnit.CALENDAR_DAYS, "SYT").date();
        assertThat(extended.dueDate()).isEqualTo(due).isAfter(saturday);
        assertThat(extended.deadlineExplanation())
                .contains("Hạn cuối " + LocalTime.format(due) + ": " + days + " ngày theo lịch tính từ ngày tiếp theo liền kề ngày "
                        + LocalTime.format(request.dueDate()) + ", kể cả ngày nghỉ")
                .contains("ngày cuối của thời hạn là ngày nghỉ nên hạn chuyển sang ngày làm việc tiếp theo (Bộ luật Dân sự, Điều 148): "
                        + LocalTime.format(saturday) + " (Thứ Bảy")
                .doesNotContain("không tính");
        // the requester's receipt gives the due date of the request as received and its basis, not the count day by day;
        // the extension, which came after it, has its own notice (form 04)
        String receipt = docx(request.id(), "receipt");
        assertThat(receipt).contains("Thời hạn giải quyết: chậm nhất ngày " + LocalTime.format(request.dueDate())
                + " (5 ngày làm việc kể từ ngày tiếp theo liền kề ngày nhận, căn cứ Luật Tiếp cận thông tin (sửa đổi)).")
                .doesNotContain("gia hạn", "Thứ Bảy", "Hạn cuối", "Điều 14");
        assertThat(docx(request.id(), "extension")).contains("được gia hạn đến hết ngày " + LocalTime.format(due));
    }

    @Test
    void aComplexRequestShowsTheDayItsNoticeOfHandlingIsDueAndFindingItComplexDoesNotRecordTheNoticeAsSent() throws Exception {
        InformationRequest complex = submit(now(), Channel.POST, true);
        LocalDate noticeDue = calendar.add(today(), 3, PeriodUnit.WORKING_DAYS, "SYT").date();
        assertThat(complex.noticeDueDate()).isEqualTo(noticeDue);
        assertThat(complex.noticeSentAt()).isNull();
        MockHttpSession officer = signIn("officer");
        Document page = page("/transparency/requests/" + complex.id(), officer);
        assertThat(page.select("#notice-due").text())
                .isEqualTo("Hạn thông báo thời hạn giải quyết (mẫu 03): " + LocalTime.format(noticeDue));
        assertThat(page.select("#notice-met")).isEmpty();
        assertThat(page.select("#notice-unsent").text()).isEqualTo("Chưa ghi nhận đã gửi thông báo");
        assertThat(page.select("#notice-form")).hasSize(1);
        // a simple request found complex: the longer limit and a notice to send, not a notice sent
        InformationRequest simple = submit(now(), Channel.POST, false);
        assertThat(simple.noticeDueDate()).isNull();
        assertThat(page("/transparency/requests/" + simple.id(), officer).select("#notice-form")).isEmpty();
        requests.act(simple.id(), new InformationRequests.Transition(RequestAction.MARK_COMPLEX, "Cần số liệu của các xã", null,
                null, null, null, null, null, null, null, null, null, null), COORDINATOR);
        InformationRequest marked = requests.get(simple.id(), COORDINATOR);
        assertThat(marked.noticeDueDate()).isEqualTo(noticeDue);
        assertThat(marked.noticeSentAt()).isNull();
        assertThat(marked.noticeInTime()).isNull();
        Document markedPage = page("/transparency/requests/" + simple.id(), officer);
        assertThat(markedPage.select("#notice-met")).isEmpty();
        assertThat(markedPage.select("#notice-unsent")).hasSize(1);
        assertThat(markedPage.select("#notice-form")).hasSize(1);
    }

    private String docx(long id, String form) throws Exception {
        byte[] bytes = mvc.perform(get("/transparency/requests/" + id + "/documents/" + form + ".docx").session(signIn("officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private static InformationRequests.Transition extend(int days) {
        return new InformationRequests.Transition(RequestAction.EXTEND, "Cần lấy ý kiến Sở Tài chính", days, null, null, null,
                null, null, null, null, null, null, null);
    }

    private InformationRequest submit(OffsetDateTime received, Channel channel, boolean complex) {
        return requests.submit(new InformationRequests.Submission(channel, received, "SYT",
                new InformationRequests.Requester("Trần Thị Mai", "056190001111", "mai@example.vn", null, "Nha Trang"),
                "Kế hoạch phòng chống sốt xuất huyết năm 2026 của tỉnh", "Tìm hiểu", null, complex, null, null), null);
    }

    private static OffsetDateTime at(LocalDate day) {
        return OffsetDateTime.of(day.atTime(9, 0), ZoneOffset.ofHours(7));
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
