package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.LocalTime;

/**
 * The notice of handling of a complex request (Decree 13/2018, form 03): recorded as sent, with when and how, for a
 * request entered as complex and for one found complex by an action; met in time or late on the request's page and in
 * the desk's list; refused with the field named, or 409 for a page that is out of date.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticeOfHandlingIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    InformationRequests requests;

    @Autowired
    WorkingDays calendar;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    @Test
    void aRequestEnteredAsComplexRecordsItsNoticeSentInTimeAndTheNoticeCarriesTheDayItWasSent() throws Exception {
        LocalDateTime received = now().minusDays(2).withHour(8).withMinute(15);
        InformationRequest complex = submit(received, true, "Hồ sơ quy hoạch bến cá Đầm Môn nhiều năm");
        LocalDateTime sent = now().minusDays(1).withHour(14).withMinute(5);
        MockHttpSession officer = signIn("officer");
        long lastAudit = audit.newest(1, null).getFirst().id();

        mvc.perform(post("/transparency/requests/" + complex.id() + "/notice").param("noticeSentAt", sent.toString())
                        .param("noticeMeans", "POST").param("note", "Bưu gửi RR-DAMMON-0311").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());

        InformationRequest recorded = requests.get(complex.id(), COORDINATOR);
        assertThat(recorded.noticeSentAt()).isEqualTo(sent.atZone(LocalTime.ZONE).toInstant());
        assertThat(recorded.noticeMeans()).isEqualTo(NoticeMeans.POST);
        assertThat(recorded.noticeInTime()).isTrue();
        assertThat(recorded.noticeOverdue(today().plusYears(1))).isFalse();
        Document page = page("/transparency/requests/" + complex.id(), officer);
        assertThat(page.select("#notice-sent").text())
                .isEqualTo("Đã gửi thông báo ngày " + LocalTime.format(recorded.noticeSentAt()) + " (qua bưu chính)");
        assertThat(page.select("#notice-met").text()).isEqualTo("Đúng hạn");
        assertThat(page.select("#notice-met").hasClass("warn")).isFalse();
        assertThat(page.select("#notice-form")).isEmpty();
        assertThat(page.select("#history li").last().text()).contains("ghi nhận đã gửi thông báo mẫu 03", "RR-DAMMON-0311");
        assertThat(deskCell(complex.id(), officer).select(".notice").eachAttr("data-notice")).containsExactly("sent", "in-time");
        // audited as the other actions are
        assertThat(audit.newest(20, null)).filteredOn(r -> r.id() > lastAudit)
                .filteredOn(r -> String.valueOf(complex.id()).equals(r.targetId()))
                .extracting(AuditRecord::action, AuditRecord::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("information-request.acted", "officer"));
        assertThat(audit.newest(20, null)).filteredOn(r -> r.id() > lastAudit && String.valueOf(complex.id()).equals(r.targetId()))
                .singleElement().extracting(AuditRecord::details).asString().contains("RECORD_NOTICE");
        // the notice of handling is dated the day it went out, not the day it is downloaded again
        String letter = docx(complex.id(), "handling", officer);
        assertThat(letter).contains(letterDate(sent.toLocalDate()));
        if (!sent.toLocalDate().equals(today())) {
            assertThat(letter).doesNotContain(letterDate(today()));
        }
    }

    @Test
    void aRequestFoundComplexByAnActionRecordsItsNoticeThroughTheApiSentNowWhenNoTimeIsGiven() throws Exception {
        InformationRequest simple = submit(now().minusMinutes(30), false, "Danh sách hộ được hỗ trợ sửa nhà ở Ninh Vân");
        MockHttpSession officer = signIn("officer");
        transition(simple.id(), "{\"action\":\"MARK_COMPLEX\",\"note\":\"Cần ý kiến của các xã\"}", officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request.noticeSentAt").value(org.hamcrest.Matchers.nullValue()));
        Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        transition(simple.id(), "{\"action\":\"RECORD_NOTICE\",\"noticeMeans\":\"EMAIL\"}", officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request.noticeMeans").value("EMAIL"))
                .andExpect(jsonPath("$.request.noticeInTime").value(true));
        InformationRequest recorded = requests.get(simple.id(), COORDINATOR);
        assertThat(recorded.noticeSentAt()).isBetween(before, clock.instant().plusSeconds(1));
        assertThat(page("/transparency/requests/" + simple.id(), officer).select("#notice-sent").text())
                .endsWith("(qua thư điện tử)");
        // a second record is refused: the page that offered it is out of date
        transition(simple.id(), "{\"action\":\"RECORD_NOTICE\",\"noticeMeans\":\"POST\"}", officer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Thông báo mẫu 03 đã được ghi nhận là gửi lúc "
                        + LocalTime.format(recorded.noticeSentAt()) + "; trang này đã cũ, hãy tải lại."));
        // a malformed time is named, not read as now
        InformationRequest other = submit(now().minusMinutes(20), true, "Báo cáo đánh giá tác động môi trường khu Bắc Vân Phong");
        transition(other.id(), "{\"action\":\"RECORD_NOTICE\",\"noticeSentAt\":\"hôm qua\",\"noticeMeans\":\"CARRIER_PIGEON\"}", officer)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("noticeSentAt",
                        "noticeMeans")));
        assertThat(requests.get(other.id(), COORDINATOR).noticeSentAt()).isNull();
    }

    @Test
    void aNoticeNeverRecordedIsOverdueUntilRecordedAndThenShownLate() throws Exception {
        InformationRequest late = submit(now().minusDays(30), true, "Kết quả thanh tra đất đai tại phường Cam Nghĩa");
        assertThat(late.noticeDueDate()).isBefore(today());
        assertThat(late.noticeOverdue(today())).isTrue();
        MockHttpSession officer = signIn("officer");
        Document before = page("/transparency/requests/" + late.id(), officer);
        assertThat(before.select("#notice-overdue").text()).isEqualTo("Quá hạn thông báo");
        assertThat(deskCell(late.id(), officer).select(".notice").eachAttr("data-notice")).containsExactly("due", "overdue");

        requests.act(late.id(), InformationRequests.Transition.noticeSent(null, NoticeMeans.IN_PERSON, null), COORDINATOR);

        InformationRequest recorded = requests.get(late.id(), COORDINATOR);
        assertThat(recorded.noticeInTime()).isFalse();
        assertThat(recorded.noticeOverdue(today())).isFalse();
        Document after = page("/transparency/requests/" + late.id(), officer);
        assertThat(after.select("#notice-overdue")).isEmpty();
        assertThat(after.select("#notice-met").text()).isEqualTo("Trễ hạn");
        assertThat(after.select("#notice-met").hasClass("warn")).isTrue();
        assertThat(deskCell(late.id(), officer).select(".notice").eachAttr("data-notice")).containsExactly("sent", "late");
        // in English, from the bundle
        Document english = page("/transparency/requests/" + late.id() + "?lang=en", officer);
        assertThat(english.select("#notice-sent").text()).startsWith("Notice sent on ").endsWith("(handed over in person)");
        assertThat(english.select("#notice-met").text()).isEqualTo("Late");
    }

    @Test
    void theFormNamesTheFieldKeepsWhatWasTypedAndAnOutOfDatePageIsAnswered409() throws Exception {
        LocalDateTime received = now().minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        InformationRequest complex = submit(received, true, "Số liệu tiêm chủng mở rộng xã Khánh Sơn theo tháng");
        MockHttpSession officer = signIn("officer");
        String path = "/transparency/requests/" + complex.id() + "/notice";
        // the page offers now and the means of the request's channel
        Document offered = page("/transparency/requests/" + complex.id(), officer);
        assertThat(offered.select("#noticeSentAt").attr("value")).isNotBlank();
        assertThat(offered.select("#noticeMeans option[selected]").attr("value")).isEqualTo("POST");

        String future = now().plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        Document refused = form(mvc.perform(post(path).param("noticeSentAt", future).param("noticeMeans", "FAX")
                .param("note", "Gửi kèm công văn KHANHSON-77").session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused.select("#problems li").eachAttr("data-field")).containsExactly("noticeSentAt");
        assertThat(refused.select("#problems li").text()).isEqualTo("Thời điểm gửi: không được ở tương lai.");
        assertThat(refused.select("#noticeSentAt").attr("value")).isEqualTo(future);
        assertThat(refused.select("#noticeSentAt").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("#noticeMeans option[selected]").attr("value")).isEqualTo("FAX");
        assertThat(refused.select("#noticeNote").text()).isEqualTo("Gửi kèm công văn KHANHSON-77");

        String early = received.minusMinutes(1).toString();
        Document beforeReceived = form(mvc.perform(post(path).param("noticeSentAt", early).param("noticeMeans", "FAX")
                .session(officer).with(csrf())).andExpect(status().isUnprocessableContent()));
        assertThat(beforeReceived.select("#problems li").text())
                .isEqualTo("Thời điểm gửi: không được trước lúc nhận yêu cầu (" + LocalTime.format(complex.receivedAt()) + ").");

        Document noMeans = form(mvc.perform(post(path).param("noticeSentAt", "").param("note", "Gọi điện báo trước")
                .session(officer).with(csrf())).andExpect(status().isUnprocessableContent()));
        assertThat(noMeans.select("#problems li").eachAttr("data-field")).containsExactly("noticeMeans");
        assertThat(noMeans.select("#noticeNote").text()).isEqualTo("Gọi điện báo trước");

        Document unreadable = form(mvc.perform(post(path).param("noticeSentAt", "hôm qua").param("noticeMeans", "POST")
                .session(officer).with(csrf())).andExpect(status().isUnprocessableContent()));
        assertThat(unreadable.select("#problems li").eachAttr("data-field")).containsExactly("noticeSentAt");
        assertThat(unreadable.select("#noticeSentAt").attr("value")).isEqualTo("hôm qua");
        assertThat(requests.get(complex.id(), COORDINATOR).noticeSentAt()).isNull();

        // who may not act on the request is told it does not exist, as for the other actions; the press has no desk
        for (String outsider : new String[] {"district", "leader"}) {
            mvc.perform(post(path).param("noticeMeans", "POST").session(signIn(outsider)).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post(path).param("noticeMeans", "POST").session(signIn("press")).with(csrf())).andExpect(status().isForbidden());
        assertThat(requests.get(complex.id(), COORDINATOR).noticeSentAt()).isNull();

        // the first one in records it; a second page opened before is answered 409, saying so
        mvc.perform(post(path).param("noticeMeans", "POST").session(signIn("coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        InformationRequest recorded = requests.get(complex.id(), COORDINATOR);
        Document stale = form(mvc.perform(post(path).param("noticeSentAt", received.plusMinutes(5).toString())
                .param("noticeMeans", "FAX").session(officer).with(csrf())).andExpect(status().isConflict()));
        assertThat(stale.select("#action-error").text()).isEqualTo("Thông báo mẫu 03 đã được ghi nhận là gửi lúc "
                + LocalTime.format(recorded.noticeSentAt()) + "; trang này đã cũ, hãy tải lại.");
        assertThat(stale.select("#notice-sent").text()).endsWith("(qua bưu chính)");
        assertThat(requests.get(complex.id(), COORDINATOR).noticeMeans()).isEqualTo(NoticeMeans.POST);

        // a closed request, and a simple one, have no notice to record
        InformationRequest withdrawn = submit(now().minusHours(1), true, "Quyết định giao đất của dự án KHANHSON-78");
        requests.act(withdrawn.id(), new InformationRequests.Transition(RequestAction.WITHDRAW, "Đơn rút yêu cầu nộp tại bộ phận một cửa",
                null, null, null, null, null, null, null, null, null, null, null), COORDINATOR);
        Document closed = form(mvc.perform(post("/transparency/requests/" + withdrawn.id() + "/notice").param("noticeMeans", "POST")
                .session(officer).with(csrf())).andExpect(status().isConflict()));
        assertThat(closed.select("#action-error").text())
                .isEqualTo("Không thể “Ghi nhận đã gửi thông báo (mẫu 03)” khi yêu cầu đang ở trạng thái “Người yêu cầu rút”.");
        InformationRequest simple = submit(now().minusHours(1), false, "Giấy phép xây dựng trạm sạc KHANHSON-79");
        assertThatThrownBy(() -> requests.act(simple.id(), InformationRequests.Transition.noticeSent(null, NoticeMeans.POST, null),
                COORDINATOR)).isInstanceOfSatisfying(Conflict.class,
                e -> assertThat(e.messageKey()).isEqualTo("transparency.error.notice-not-complex"));
    }

    @Test
    void theNoticesLastDayIsOnTheHomePageAndTheAgencyIsRemindedOfItThenTheCoordinatorsToldOnce() throws Exception {
        // the notice is due before the answer: a request received long ago shows both, the notice first
        InformationRequest old = submit(LocalDateTime.of(2019, 7, 1, 9, 0), true, "Hồ sơ cấp phép khai thác cát sông Cái đợt NOTHOME-1");
        assertThat(old.noticeDueDate()).isBefore(old.dueDate());
        MockHttpSession officer = signIn("officer");
        Elements items = page("/", officer).select("#due-requests li:has(a[href=/transparency/requests/" + old.id() + "])");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).select(".notice-due").text())
                .endsWith("hạn gửi thông báo xử lý (mẫu 03): " + LocalTime.format(old.noticeDueDate()));
        assertThat(items.get(1).select(".notice-due")).isEmpty();
        assertThat(items.get(1).text()).endsWith("hạn " + LocalTime.format(old.dueDate()) + " Quá hạn");
        assertThat(page("/?lang=en", signIn("coordinator")).select("#due-requests li:has(a[href=/transparency/requests/"
                + old.id() + "]) .notice-due").text()).endsWith("notice of handling (form 03) due "
                + LocalTime.format(old.noticeDueDate()));
        assertThat(requests.dueBy(today(), 500, COORDINATOR)).filteredOn(d -> d.id() == old.id())
                .extracting(InformationRequests.DueItem::notice, InformationRequests.DueItem::dueDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, old.noticeDueDate()),
                        org.assertj.core.groups.Tuple.tuple(false, old.dueDate()));

        // a notice whose last day is today or the next working day: the agency is reminded, once
        LocalDate soon = calendar.add(today(), 1, PeriodUnit.WORKING_DAYS, null).date();
        LocalDate received = today();
        while (calendar.add(received, 3, PeriodUnit.WORKING_DAYS, "SYT").date().isAfter(soon)) {
            received = received.minusDays(1);
        }
        InformationRequest dueSoon = submit(received.atTime(9, 30), true, "Danh sách hộ nhận hỗ trợ nhà ở xã Khánh Sơn NOTHOME-2");
        assertThat(dueSoon.noticeDueDate()).isBetween(today(), soon);
        // one whose notice was sent is left alone
        InformationRequest sent = submit(LocalDateTime.of(2019, 7, 2, 9, 0), true, "Hồ sơ đền bù đường ven biển NOTHOME-3");
        requests.act(sent.id(), InformationRequests.Transition.noticeSent(null, NoticeMeans.POST, null), COORDINATOR);
        assertThat(requests.dueBy(today(), 500, COORDINATOR)).filteredOn(d -> d.id() == sent.id())
                .extracting(InformationRequests.DueItem::notice).containsExactly(false);

        for (int run = 0; run < 2; run++) {
            requests.remind();
            assertThat(requests.history(old.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                    .containsOnlyOnce("NOTICE_ESCALATED", "ESCALATED").doesNotContain("NOTICE_REMINDED");
            assertThat(requests.history(dueSoon.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                    .containsOnlyOnce("NOTICE_REMINDED").doesNotContain("NOTICE_ESCALATED", "ESCALATED");
            assertThat(requests.history(sent.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                    .doesNotContain("NOTICE_REMINDED", "NOTICE_ESCALATED");
        }
        assertThat(requests.history(old.id(), COORDINATOR)).filteredOn(h -> h.action().equals("NOTICE_ESCALATED"))
                .singleElement().extracting(InformationRequests.HistoryEntry::remark).asString()
                .startsWith("hạn " + LocalTime.format(old.noticeDueDate()) + " · ");
        assertThat(page("/transparency/requests/" + old.id(), officer).select("#history li").text())
                .contains("Loa báo người điều phối: quá hạn gửi thông báo xử lý mẫu 03");
        assertThat(page("/transparency/requests/" + dueSoon.id() + "?lang=en", officer).select("#history li").text())
                .contains("Loa reminded the agency's staff that the notice of handling (form 03) is due");
        assertThat(audit.newest(500, null)).filteredOn(r -> String.valueOf(old.id()).equals(r.targetId()))
                .extracting(AuditRecord::action).containsOnlyOnce("information-request.notice-escalated");

        // once recorded as sent, the notice leaves the home page; the answer stays
        requests.act(old.id(), InformationRequests.Transition.noticeSent(null, NoticeMeans.POST, null), COORDINATOR);
        Elements after = page("/", officer).select("#due-requests li:has(a[href=/transparency/requests/" + old.id() + "])");
        assertThat(after).hasSize(1);
        assertThat(after.select(".notice-due")).isEmpty();
    }

    // ---- helpers ----

    /** The "Due" cell of the request's row on the desk, looked for page by page. */
    private Element deskCell(long id, MockHttpSession session) throws Exception {
        for (int page = 1; page <= 200; page++) {
            Document desk = page("/transparency?page=" + page, session);
            Element link = desk.selectFirst("#request-table a[href=/transparency/requests/" + id + "]");
            if (link != null) {
                return link.closest("tr").select("td").last();
            }
            if (desk.select("#request-table tbody tr").isEmpty()) {
                break;
            }
        }
        throw new AssertionError("request " + id + " is not on the desk");
    }

    private ResultActions transition(long id, String json, MockHttpSession session) throws Exception {
        return mvc.perform(post("/api/v1/information-requests/" + id + "/transitions").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private InformationRequest submit(LocalDateTime received, boolean complex, String description) {
        return requests.submit(new InformationRequests.Submission(Channel.POST, received.atZone(LocalTime.ZONE).toOffsetDateTime(),
                "SYT", new InformationRequests.Requester("Lê Văn Thông", null, "thong@example.vn", null, "Vạn Ninh"),
                description, "Tìm hiểu", null, complex, null, null), null);
    }

    private static String letterDate(LocalDate day) {
        return ", ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng "
                + (day.getMonthValue() < 3 ? "0" : "") + day.getMonthValue() + " năm " + day.getYear();
    }

    private String docx(long id, String form, MockHttpSession session) throws Exception {
        byte[] bytes = mvc.perform(get("/transparency/requests/" + id + "/documents/" + form + ".docx").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
                XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            return text.getText();
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), LocalTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static Document form(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
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
