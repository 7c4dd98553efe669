package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.loa.coordination.Directive;
import vn.loa.coordination.Directives;
import vn.loa.coordination.Recurrence;
import vn.loa.coordination.Tasks;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyDirectory.AgencyForm;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.press.Crises;
import vn.loa.press.Crisis;
import vn.loa.press.CrisisSource;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryAction;
import vn.loa.press.EnquiryKind;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;
import vn.loa.transparency.RequestAction;

/**
 * An agency is not ended while it holds work whose legal deadlines keep running and nobody would take over:
 * information requests not closed, press enquiries not answered, cases and crises not closed, tasks it leads, with no
 * successor to take them. The administrator is told how many of each and where to transfer them, and nothing changes;
 * with nothing open, the end date is saved. (What a successor takes over: {@link SucceedingAnAgencyIntegrationTests}.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClosingAnAgencyIntegrationTests {

    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));
    private static final SignedInUser COORDINATOR = new SignedInUser(3L, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    InformationRequests requests;

    @Autowired
    Enquiries enquiries;

    @Autowired
    Directives directives;

    @Autowired
    Tasks tasks;

    @Autowired
    Cases cases;

    @Autowired
    Crises crises;

    @Autowired
    Clock clock;

    @Test
    void endingAnAgencyWithOpenWorkIsRefusedWithHowManyOfEachAndWhereToTransferThem() throws Exception {
        Agency office = unit("DONG");
        InformationRequest first = request(office);
        InformationRequest second = request(office);
        Enquiry question = enquiries.submit(new Enquiries.Question(office.code(), EnquiryKind.ROUTINE, null, null, null,
                null, null, "Lịch tiêm chủng", "Khi nào có lịch tiêm chủng mới?", null), JOURNALIST);
        task(office);
        Case rumour = cases.open(new Cases.NewCase("Tin đồn thử kết thúc " + office.code(), "FALSE_INFORMATION", "LOW",
                List.of(), null, null, office.code()), COORDINATOR);
        Crisis crisis = crises.open(new Crises.Opening(CrisisSource.MANUAL, null, office.code(),
                "Sự kiện thử kết thúc " + office.code(), null), COORDINATOR);
        MockHttpSession admin = signIn();
        String page = "/admin/agencies/" + office.id().value();
        String lastDay = LocalTime.format(today());

        // the end date typed and the name changed: refused, the counts and what to do shown, what was typed kept
        Document refused = Jsoup.parse(mvc.perform(save(page, admin, office, "Sở đổi tên " + office.code(), lastDay))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String problems = refused.select("#validTo ~ .field-error").text();
        assertThat(problems).startsWith("Chưa thể kết thúc hiệu lực của đơn vị")
                .contains("2 yêu cầu cung cấp thông tin chưa giải quyết xong", "Chuyển cơ quan có thẩm quyền",
                        "1 câu hỏi của báo chí chưa trả lời", "Chuyển cơ quan khác",
                        "1 nhiệm vụ do đơn vị chủ trì chưa hoàn thành", "Ghi nhận đơn vị kế thừa",
                        "1 vụ việc thông tin xấu, độc chưa đóng", "Giao xử lý",
                        "1 sự kiện bất thường chưa kết thúc", "Kết thúc sự kiện");
        // in English, in a session of its own (the language stays with the session)
        Document inEnglish = Jsoup.parse(mvc.perform(save(page, signIn(), office, office.nameVi(), lastDay)
                        .param("lang", "en")).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(inEnglish.select("#validTo ~ .field-error").text()).startsWith("This unit cannot end yet")
                .contains("2 information requests are not closed yet", "1 press enquiry is not answered yet",
                        "1 coordination task it leads is not done", "1 misinformation case is not closed",
                        "1 crisis is not closed");
        assertThat(refused.select("#validTo").val()).isEqualTo(lastDay);
        assertThat(refused.select("#nameVi").val()).isEqualTo("Sở đổi tên " + office.code());
        Agency unchanged = agencies.find(office.id()).orElseThrow();
        assertThat(unchanged.validTo()).isNull();
        assertThat(unchanged.nameVi()).isEqualTo(office.nameVi());

        // the requests and the enquiry transferred, the case dismissed, the crisis closed: the task alone still holds
        // the unit with no successor named
        for (InformationRequest r : List.of(first, second)) {
            requests.act(r.id(), new InformationRequests.Transition(RequestAction.TRANSFER, null, null, null,
                    "Sở Giáo dục và Đào tạo", null, null, null, null, null, null, null, null), COORDINATOR);
        }
        enquiries.act(question.id(), new Enquiries.Transition(EnquiryAction.TRANSFER, null, "Thuộc sở khác", false,
                "SGDDT"), COORDINATOR);
        cases.act(rumour.id(), new Cases.Transition("DISMISS", null, null, null, null, null, null, "Dữ liệu kiểm thử",
                null), COORDINATOR);
        crises.close(crisis.id(), "Đã xử lý xong", COORDINATOR);
        Document taskOnly = Jsoup.parse(mvc.perform(save(page, admin, office, office.nameVi(), lastDay))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(taskOnly.select("#validTo ~ .field-error").text()).contains("1 nhiệm vụ do đơn vị chủ trì")
                .doesNotContain("yêu cầu cung cấp thông tin chưa", "câu hỏi của báo chí", "vụ việc", "sự kiện bất thường");

        // a successor takes the task over: the unit ends the day before it takes effect
        Agency successor = unit("KETHUA");
        agencies.recordSuccession(office.id(), successor.id(), today().plusDays(1), null, Actor.SYSTEM);
        assertThat(agencies.find(office.id()).orElseThrow().validTo()).isEqualTo(today());
    }

    @Test
    void anAgencyWithNothingOpenEndsOnTheDayTyped() throws Exception {
        Agency office = unit("XONG");
        InformationRequest answeredElsewhere = request(office);
        requests.act(answeredElsewhere.id(), new InformationRequests.Transition(RequestAction.TRANSFER, null, null, null,
                "Sở Giáo dục và Đào tạo", null, null, null, null, null, null, null, null), COORDINATOR);
        MockHttpSession admin = signIn();

        mvc.perform(save("/admin/agencies/" + office.id().value(), admin, office, office.nameVi(),
                LocalTime.format(today()))).andExpect(status().is3xxRedirection());

        assertThat(agencies.find(office.id()).orElseThrow().validTo()).isEqualTo(today());
    }

    @Test
    void anImportThatWouldSplitAnAgencyWithAnOpenCrisisIsRefusedAndImportsNothing() {
        Agency office = unit("NHAP");
        crises.open(new Crises.Opening(CrisisSource.MANUAL, null, office.code(), "Sự kiện thử nhập " + office.code(),
                null), COORDINATOR);
        String newCode = office.code() + "M";
        String otherCode = office.code() + "N";
        String units = "code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + newCode + ",DEPARTMENT,,Sở mới " + newCode + ",," + today().plusDays(1) + ",,test\n"
                + otherCode + ",DEPARTMENT,,Sở mới " + otherCode + ",," + today().plusDays(1) + ",,test\n";
        String successions = "old_code,old_valid_from,new_code,new_valid_from,note,source\n"
                + office.code() + ",2025-07-01," + newCode + "," + today().plusDays(1) + ",chia tách,test\n"
                + office.code() + ",2025-07-01," + otherCode + "," + today().plusDays(1) + ",chia tách,test\n";

        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> agencies.importCsv("sap-nhap.csv",
                new ByteArrayInputStream(units.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(successions.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM));

        assertThat(refused.all()).extracting(InvalidInput::messageKey)
                .containsExactly("agency.import.open-work", "press.crisis.open-work-split");
        assertThat(refused.all().get(1).arguments()).containsExactly(1L);
        assertThat(agencies.find(office.id()).orElseThrow().validTo()).isNull();
        assertThat(agencies.findByCode(newCode, today().plusDays(1))).isEmpty();
    }

    private Agency unit(String prefix) {
        String code = prefix + System.nanoTime() % 100_000_000;
        return agencies.create(new AgencyForm(code, AgencyKind.DEPARTMENT, null, "Sở thử kết thúc " + code, null,
                LocalDate.of(2025, 7, 1), null, "test"), Actor.SYSTEM);
    }

    private InformationRequest request(Agency agency) {
        return requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC,
                clock.instant().atZone(LocalTime.ZONE).toOffsetDateTime(), agency.code(),
                new InformationRequests.Requester("Nguyễn Văn Hỏi", null, null, "0905111222", "Khánh Hòa"),
                "Danh sách trạm y tế xã của " + agency.code(), null, null, false, null, null), null);
    }

    private void task(Agency lead) {
        String marker = String.valueOf(System.nanoTime() % 100_000_000);
        Directive d = directives.create(new Directives.NewDirective("Kế hoạch", marker + "/KH-UBND", today(), "56",
                "Phó Chủ tịch Trần Văn B", "Kế hoạch thử kết thúc " + marker, null, "Nội dung " + marker, null, null),
                COORDINATOR);
        tasks.add(d.id(), new Tasks.NewTask("1", "Tổng kết " + marker, "Báo cáo", List.of(lead.code()), List.of(),
                Recurrence.ONCE, today().plusDays(30), null, null, today(), null, false), COORDINATOR);
    }

    private MockHttpServletRequestBuilder save(String page, MockHttpSession admin, Agency agency, String nameVi,
            String validTo) throws Exception {
        String seen = Jsoup.parse(mvc.perform(get(page).session(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).select("form:has(#validTo) input[name=seen]").val();
        return post(page).session(admin).with(csrf()).param("seen", seen).param("code", agency.code())
                .param("kind", agency.kind().name()).param("nameVi", nameVi).param("nameEn", "")
                .param("validFrom", LocalTime.format(agency.validFrom())).param("validTo", validTo)
                .param("source", "test");
    }

    private MockHttpSession signIn() throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }
}
