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
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.calendar.CalendarAdministration;
import vn.loa.calendar.DayKind;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Information requests through the API and the service on a real database: intake and its refusals, every action
 * from every status, extension limits, who may see what, a holiday entered while requests run, the notices as DOCX
 * in the Decree 30 format, the one-time download and the register with personal data removed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InformationRequestsIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    InformationRequests requests;

    @Autowired
    WorkingDays calendar;

    @Autowired
    CalendarAdministration administration;

    @Autowired
    Clock clock;

    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void aRequestPostedToTheApiGetsItsDueDateAndWhyInWorkingDays() throws Exception {
        String body = """
                {"channel":"ELECTRONIC","receivedAt":"2026-04-28T09:30:00+07:00","agencyCode":"SYT",
                 "requester":{"name":"Phạm Văn Hùng","email":"hung@example.vn","address":"Phường Phan Rang, Khánh Hòa"},
                 "description":"Danh sách các cơ sở khám chữa bệnh bảo hiểm y tế năm 2026"}""";
        mvc.perform(post("/api/v1/information-requests").session(signIn("officer")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.dueDate").value("2026-05-05"))
                .andExpect(jsonPath("$.deadlineExplanation").value(org.hamcrest.Matchers.containsString(
                        "Luật Tiếp cận thông tin 2016, Điều 30. Hạn cuối 05/05/2026: 3 ngày làm việc")));
        // a complex request by post: 15 working days
        String complex = body.replace("ELECTRONIC", "POST").replace("\"description\"", "\"complex\":true,\"description\"");
        mvc.perform(post("/api/v1/information-requests").session(signIn("officer")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(complex))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dueDate").value(calendar.add(LocalDate.of(2026, 4, 28), 15, PeriodUnit.WORKING_DAYS,
                        "SYT").date().toString()));
    }

    @Test
    void missingFieldsAndAReceiptInTheFutureAnswer422NamingEach() throws Exception {
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/api/v1/information-requests").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"requester\":{}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("channel", "receivedAt",
                        "agencyCode", "requester.name", "requester.contact", "requester.address", "description")));
        String future = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(2).toString();
        mvc.perform(post("/api/v1/information-requests").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"FAX","receivedAt":"%s","agencyCode":"SYT","requester":{"name":"A","phone":"0905123456",
                                 "address":"X"},"description":"Thông tin về dự án bệnh viện"}""".formatted(future)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("receivedAt"));
        mvc.perform(post("/api/v1/information-requests").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"CARRIER_PIGEON","receivedAt":"hôm qua","agencyCode":"SYT","requester":{"name":"A",
                                 "phone":"0905123456","address":"X"},"description":"Thông tin về dự án bệnh viện"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("channel", "receivedAt")));
    }

    @Test
    void everyActionIsTakenFromTheStatusesThatAllowItAndRefusedFromTheOthers() {
        List<String> wrong = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            for (RequestAction action : RequestAction.values()) {
                // the notice of handling is a complex request's
                InformationRequest request = inStatus(status, action == RequestAction.RECORD_NOTICE);
                if (action == RequestAction.RECORD_CONSENT && action.allowedFrom(status)) {
                    requests.act(request.id(), valid(RequestAction.ASK_CONSENT), COORDINATOR);
                }
                try {
                    requests.act(request.id(), valid(action), COORDINATOR);
                    if (!action.allowedFrom(status)) {
                        wrong.add(action + " was allowed from " + status);
                    } else if (requests.get(request.id(), COORDINATOR).status() != action.to(status)) {
                        wrong.add(action + " from " + status + " did not lead to " + action.to(status));
                    }
                } catch (Conflict e) {
                    if (action.allowedFrom(status)) {
                        wrong.add(action + " was refused from " + status + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRequestSentThroughThePortalIsRecordedByThePortalInWords() throws Exception {
        InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
        String page = mvc.perform(get("/transparency/requests/" + request.id()).session(signIn("officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("#history").text()).contains("Cổng thông tin")
                .doesNotContain("portal");
    }

    @Test
    void oneExtensionOfAtMost15DaysBeforeTheDueDate() {
        InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
        assertThatThrownBy(() -> requests.act(request.id(), extend(16), COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("days"));
        assertThatThrownBy(() -> requests.act(request.id(), new InformationRequests.Transition(RequestAction.EXTEND, null, 5,
                null, null, null, null, null, null, null, null, null, null), COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("note"));
        InformationRequest extended = requests.act(request.id(), extend(15), COORDINATOR).request();
        assertThat(extended.status()).isEqualTo(RequestStatus.EXTENDED);
        assertThat(extended.dueDate()).isEqualTo(calendar.add(request.dueDate(), 15, PeriodUnit.CALENDAR_DAYS, "SYT").date());
        assertThat(extended.deadlineExplanation()).startsWith("Gia hạn một lần");
        assertThatThrownBy(() -> requests.act(request.id(), extend(5), COORDINATOR)).isInstanceOf(Conflict.class);
        // a request whose due date has passed cannot be extended any more
        InformationRequest old = submit(OffsetDateTime.of(2026, 4, 28, 9, 0, 0, 0, ZoneOffset.ofHours(7)), Channel.POST, "SYT");
        assertThatThrownBy(() -> requests.act(old.id(), extend(5), COORDINATOR))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.messageKey()).isEqualTo("transparency.error.extension-late"));
    }

    @Test
    void anOfficerSeesAndActsOnlyForTheirAgencyAndThePressNotAtAll() throws Exception {
        InformationRequest health = submit(now(), Channel.ELECTRONIC, "SYT");
        mvc.perform(get("/api/v1/information-requests/" + health.id()).session(signIn("officer"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/information-requests/" + health.id()).session(signIn("district")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/information-requests/" + health.id()).session(signIn("press"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/information-requests/" + health.id()).session(signIn("leader"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/information-requests/" + health.id() + "/transitions").session(signIn("district")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"START\"}")).andExpect(status().isNotFound());
        // the leader sees but does not act
        mvc.perform(post("/api/v1/information-requests/" + health.id() + "/transitions").session(signIn("leader")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"START\"}")).andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/information-requests").param("size", "200").session(signIn("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(list).findValuesAsString("agencyCode")).doesNotContain("SYT");
        mvc.perform(get("/api/v1/information-requests")).andExpect(status().isUnauthorized());
        // an officer cannot enter a request for another agency
        mvc.perform(post("/api/v1/information-requests").session(signIn("district")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"channel":"POST","receivedAt":"2026-11-02T08:00:00+07:00","agencyCode":"SYT",
                                 "requester":{"name":"A","phone":"0905123456","address":"X"},"description":"Thông tin về bệnh viện"}"""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("agencyCode"));
        mvc.perform(post("/api/v1/information-requests/" + health.id() + "/transitions").session(signIn("officer")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"PROVIDE\",\"reviewed\":true}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("answer"));
        mvc.perform(post("/api/v1/information-requests/" + health.id() + "/transitions").session(signIn("officer")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"COMPLETE\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aHolidayEnteredWhileARequestRunsMovesItsDueDateAndSaysWhy() {
        InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        LocalDate firstWorkingDay = calendar.add(today, 1, PeriodUnit.WORKING_DAYS, "SYT").date();
        LocalDate oneMore = calendar.add(request.dueDate(), 1, PeriodUnit.WORKING_DAYS, "SYT").date();
        CalendarAdministration.Entry entry = administration.enter(new CalendarAdministration.EntryForm(firstWorkingDay,
                DayKind.EXTRA_DAY_OFF, "Nghỉ đột xuất (kiểm thử)", "Thông báo 9/TB-TEST", null, null), new Actor("admin", null));
        try {
            InformationRequest moved = requests.get(request.id(), COORDINATOR);
            assertThat(moved.dueDate()).isEqualTo(oneMore);
            assertThat(moved.deadlineExplanation()).contains("Nghỉ đột xuất (kiểm thử)");
            assertThat(requests.history(request.id(), COORDINATOR)).anySatisfy(h -> {
                assertThat(h.action()).isEqualTo("DEADLINE_MOVED");
                assertThat(h.actor()).isEqualTo("admin");
                assertThat(h.remark()).contains("Thông báo 9/TB-TEST");
            });
            // an English reader reads the calendar's change in English (it was written in Vietnamese only)
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
            try {
                assertThat(requests.history(request.id(), COORDINATOR)).filteredOn(h -> h.action().equals("DEADLINE_MOVED"))
                        .extracting(InformationRequests.HistoryEntry::remark)
                        .anySatisfy(remark -> assertThat(remark).startsWith("Deadline moved from ")
                                .contains("Day off " + vn.loa.shared.LocalTime.format(firstWorkingDay)
                                        + " “Nghỉ đột xuất (kiểm thử)” entered under Thông báo 9/TB-TEST"));
            } finally {
                org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
            }
        } finally {
            administration.withdraw(entry.id(), "Hết kiểm thử", new Actor("admin", null));
        }
        assertThat(requests.get(request.id(), COORDINATOR).dueDate()).isEqualTo(request.dueDate());
    }

    @Test
    void theNoticesAreWordDocumentsInTheOfficialFormat() throws Exception {
        InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
        LocalDate extendedDue = requests.act(request.id(), extend(10), COORDINATOR).request().dueDate();
        requests.act(request.id(), new InformationRequests.Transition(RequestAction.REFUSE, "Thông tin thuộc bí mật công tác",
                null, RefusalGround.NOT_ACCESSIBLE, null, null, null, null, null, null, null, null, null), COORDINATOR);
        for (InformationRequests.NoticeForm form : List.of(InformationRequests.NoticeForm.RECEIPT,
                InformationRequests.NoticeForm.EXTENSION, InformationRequests.NoticeForm.REFUSAL)) {
            byte[] docx = mvc.perform(get("/api/v1/information-requests/" + request.id() + "/documents/" + form)
                            .session(signIn("officer")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
                var section = document.getDocument().getBody().getSectPr();
                assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
                assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
                assertThat(mm(section.getPgMar().getTop())).isBetween(20.0, 25.0);
                assertThat(mm(section.getPgMar().getBottom())).isBetween(20.0, 25.0);
                assertThat(mm(section.getPgMar().getLeft())).isBetween(30.0, 35.0);
                assertThat(mm(section.getPgMar().getRight())).isBetween(15.0, 20.0);
                List<XWPFRun> runs = new ArrayList<>();
                document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
                for (XWPFTable table : document.getTables()) {
                    table.getRows().forEach(row -> row.getTableCells().forEach(cell -> cell.getParagraphs()
                            .forEach(p -> runs.addAll(p.getRuns()))));
                }
                assertThat(runs).allSatisfy(run -> {
                    assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                    assertThat(run.getFontSizeAsDouble()).isBetween(11.0, 14.0);
                });
                String header = document.getTables().get(0).getText();
                assertThat(header).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ Y TẾ",
                        "Số:", "Khánh Hòa, ngày ");
                String body = document.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
                // a department issues under its own abbreviation and its director signs (Decree 30/2020, Appendix I)
                assertThat(header).contains(form == InformationRequests.NoticeForm.RECEIPT ? "/PTN-SYT" : "/TB-SYT");
                assertThat(document.getTables().get(1).getText()).contains("Nơi nhận:", "GIÁM ĐỐC")
                        .doesNotContain("THỦ TRƯỞNG CƠ QUAN");
                switch (form) {
                    case EXTENSION -> assertThat(body).contains("THÔNG BÁO", "Về việc gia hạn", "Cần lấy ý kiến Sở Tài chính",
                            "gia hạn đến hết ngày " + LocalTime.format(extendedDue));
                    case REFUSAL -> assertThat(body).contains("Về việc từ chối", "căn cứ Luật Tiếp cận thông tin (sửa đổi)",
                            "điểm a khoản 1 Điều 28", "bí mật công tác");
                    default -> assertThat(body).contains("PHIẾU TIẾP NHẬN");
                }
                // the body is justified, its first line indented
                assertThat(document.getParagraphs()).anySatisfy(p -> assertThat(p.getIndentationFirstLine()).isPositive());
            }
        }
        mvc.perform(get("/api/v1/information-requests/" + request.id() + "/documents/HANDLING").session(signIn("officer")))
                .andExpect(status().isNotFound());
        // the People's Committee issues as UBND, whatever its code, and is signed on its behalf by its chairperson
        InformationRequest toTheProvince = submit(now(), Channel.ELECTRONIC, "56");
        byte[] receipt = mvc.perform(get("/api/v1/information-requests/" + toTheProvince.id() + "/documents/RECEIPT")
                        .session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(receipt))) {
            assertThat(document.getTables().get(0).getText()).contains("/PTN-UBND").doesNotContain("PTN-56");
            assertThat(document.getTables().get(1).getText()).contains("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        }
    }

    @Autowired
    vn.loa.identity.AgencySigners signers;

    @Autowired
    vn.loa.identity.AgencyDirectory agencies;

    /** Who keeps an agency's signers in these tests: a system administrator. */
    private static final SignedInUser ADMIN = new SignedInUser(1L, "admin", "Quản trị", null, null, Set.of(Role.ADMIN));

    @Test
    void theAnswerLetterIsSignedWithTheSignersNameAndKeepsItWhenTheAgencysSignersChange() throws Exception {
        var health = agencies.findByCode("SYT", LocalDate.now(clock.withZone(LocalTime.ZONE))).orElseThrow();
        Long formerDefault = signers.byDefault(health.id()).map(vn.loa.identity.AgencySigners.Signer::id).orElse(null);
        var deputy = signers.add(health.id(), "Đặng Văn Thử", "Phó Giám đốc", true, ADMIN);
        vn.loa.identity.AgencySigners.Signer director = null;
        try {
            InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
            requests.act(request.id(), valid(RequestAction.PROVIDE), COORDINATOR);
            String signature = signature(answerLetter(request.id()));
            // for the director by the deputy (KT.), the name in bold under the space for the signature, no hint left
            assertThat(signature).contains("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đặng Văn Thử").doesNotContain("ghi rõ họ tên");
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(answerLetter(request.id())))) {
                List<XWPFParagraph> block = document.getTables().get(1).getRow(0).getCell(1).getParagraphs();
                XWPFParagraph name = block.getLast();
                assertThat(name.getText()).isEqualTo("Đặng Văn Thử");
                assertThat(name.getRuns()).allSatisfy(run -> assertThat(run.isBold()).isTrue());
                assertThat(block.get(block.size() - 2).getText()).isEmpty();
            }

            // another signs by default from now on: the letter issued before is the same when downloaded again
            director = signers.add(health.id(), "Ngô Thị Mới", "Giám đốc", true, ADMIN);
            assertThat(signature(answerLetter(request.id()))).contains("Đặng Văn Thử").doesNotContain("Ngô Thị Mới");
            // a letter issued now is the new default signer's, or the one the officer chose
            InformationRequest later = submit(now(), Channel.ELECTRONIC, "SYT");
            requests.act(later.id(), valid(RequestAction.PROVIDE), COORDINATOR);
            assertThat(signature(answerLetter(later.id()))).contains("GIÁM ĐỐC", "Ngô Thị Mới").doesNotContain("KT.");
            InformationRequest chosen = submit(now(), Channel.ELECTRONIC, "SYT");
            var t = valid(RequestAction.PROVIDE);
            requests.act(chosen.id(), new InformationRequests.Transition(t.action(), t.note(), t.days(), t.refusalGround(),
                    t.transferTo(), t.answer(), t.partial(), t.costVnd(), t.delivery(), t.publishConsent(), t.reviewed(),
                    t.thirdParty(), t.consentGiven(), null, null, deputy.id()), COORDINATOR);
            assertThat(signature(answerLetter(chosen.id()))).contains("Đặng Văn Thử").doesNotContain("Ngô Thị Mới");
            // a signer of another agency cannot sign: refused on the field, the request left as it was
            InformationRequest wrong = submit(now(), Channel.ELECTRONIC, "SYT");
            var province = agencies.findByCode("56", LocalDate.now(clock.withZone(LocalTime.ZONE))).orElseThrow();
            long stranger = signers.add(province.id(), "Người Ngoài Sở", "Phó Chủ tịch", false, ADMIN).id();
            try {
                assertThatThrownBy(() -> requests.act(wrong.id(), new InformationRequests.Transition(t.action(), t.note(),
                        t.days(), t.refusalGround(), t.transferTo(), t.answer(), t.partial(), t.costVnd(), t.delivery(),
                        t.publishConsent(), t.reviewed(), t.thirdParty(), t.consentGiven(), null, null, stranger), COORDINATOR))
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("signerId"));
                assertThat(requests.get(wrong.id(), COORDINATOR).status()).isEqualTo(wrong.status());
            } finally {
                signers.remove(province.id(), stranger, ADMIN);
            }
        } finally {
            signers.remove(health.id(), deputy.id(), ADMIN);
            if (director != null) {
                signers.remove(health.id(), director.id(), ADMIN);
            }
            if (formerDefault != null) {
                signers.makeDefault(health.id(), formerDefault, ADMIN);
            }
        }
    }

    @Test
    void theNoticeOfHandlingIsADraftWithoutANameUntilSentThenSignedByTheSignerChosen() throws Exception {
        var health = agencies.findByCode("SYT", LocalDate.now(clock.withZone(LocalTime.ZONE))).orElseThrow();
        var deputy = signers.add(health.id(), "Bùi Văn Báo", "Phó Giám đốc", false, ADMIN);
        try {
            InformationRequest complex = inStatus(RequestStatus.ACCEPTED, true);
            String path = "/api/v1/information-requests/" + complex.id() + "/documents/HANDLING";
            byte[] draft = mvc.perform(get(path).session(signIn("officer"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsByteArray();
            assertThat(signature(draft)).contains("(Ký, ghi rõ họ tên, đóng dấu)").doesNotContain("Bùi Văn Báo");
            requests.act(complex.id(), InformationRequests.Transition.noticeSent(null, NoticeMeans.POST, null, deputy.id()),
                    COORDINATOR);
            signers.remove(health.id(), deputy.id(), ADMIN);
            byte[] sent = mvc.perform(get(path).session(signIn("officer"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsByteArray();
            assertThat(signature(sent)).contains("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Bùi Văn Báo")
                    .doesNotContain("ghi rõ họ tên");
        } finally {
            if (signers.of(health.id()).stream().anyMatch(s -> s.id() == deputy.id())) {
                signers.remove(health.id(), deputy.id(), ADMIN);
            }
        }
    }

    private byte[] answerLetter(long id) throws Exception {
        return mvc.perform(get("/api/v1/information-requests/" + id + "/documents/ANSWER").session(signIn("officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** The signature block's text: the footer table's right-hand cell. */
    private static String signature(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getTables().get(1).getRow(0).getCell(1).getText();
        }
    }

    @Test
    void theAnswerLettersSummaryStandsUnderItsNumberCentredAsAnOfficialLetterHasIt() throws Exception {
        InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
        requests.act(request.id(), new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null,
                "Danh sách gồm 12 trạm y tế có bác sĩ.", false, 0L, "EMAIL", false, true, null, null), COORDINATOR);
        byte[] docx = mvc.perform(get("/api/v1/information-requests/" + request.id() + "/documents/ANSWER")
                .session(signIn("officer"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            // Decree 30/2020, Appendix I, cell 5b: "V/v ..." under "Số: .../SYT-TCTT", centred in the issuer's column,
            // 12 pt upright; not a paragraph of its own on the left margin under the header
            XWPFTable header = document.getTables().get(0);
            assertThat(header.getRow(1).getCell(0).getText()).startsWith("Số:").endsWith("/SYT-TCTT");
            var cell = header.getRow(2).getCell(0);
            assertThat(cell.getText()).isEqualTo("V/v cung cấp thông tin theo yêu cầu");
            XWPFParagraph summary = cell.getParagraphs().get(0);
            assertThat(summary.getAlignment()).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
            assertThat(summary.getRuns()).allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).isEqualTo(12.0);
                assertThat(run.isItalic()).isFalse();
            });
            assertThat(document.getParagraphs()).noneSatisfy(p -> assertThat(p.getText()).startsWith("V/v"));
        }
    }

    @Test
    void aLongAnswerAndItsNoticesAreNumberedFromTheSecondPageCentredInTheTopMargin() throws Exception {
        InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
        // about 14,600 characters: several pages of an answer, as a real list of facilities is
        String answer = ("Trạm y tế phường có bác sĩ thường trực, khám chữa bệnh bảo hiểm y tế từ thứ Hai đến thứ Sáu, "
                + "trong giờ hành chính và trực cấp cứu ngoài giờ theo lịch của Sở Y tế.\n").repeat(90);
        assertThat(answer.length()).isGreaterThan(14_000);
        requests.act(request.id(), new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null,
                answer, false, 0L, "EMAIL", false, true, null, null), COORDINATOR);
        for (String form : List.of("ANSWER", "RECEIPT")) {
            byte[] docx = mvc.perform(get("/api/v1/information-requests/" + request.id() + "/documents/" + form)
                    .session(signIn("officer"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
                // Decree 30/2020, Appendix I, 2.9: Arabic numerals, 13-14 pt, centred in the top margin, none on page 1
                assertThat(document.getDocument().getBody().getSectPr().isSetTitlePg()).as(form).isTrue();
                var policy = document.getHeaderFooterPolicy();
                assertThat(policy.getFirstPageHeader()).as(form).isNotNull();
                assertThat(policy.getFirstPageHeader().getText()).as(form).isBlank();
                assertThat(policy.getFirstPageHeader().getParagraphs()).allSatisfy(p -> assertThat(p.getCTP().xmlText())
                        .doesNotContain("PAGE"));
                XWPFParagraph pageNumber = policy.getDefaultHeader().getParagraphs().getFirst();
                assertThat(pageNumber.getAlignment()).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
                assertThat(pageNumber.getCTP().getRList()).anySatisfy(r -> assertThat(r.getInstrTextList())
                        .anySatisfy(i -> assertThat(i.getStringValue().strip()).isEqualTo("PAGE")));
                assertThat(pageNumber.getRuns()).filteredOn(r -> r.getFontSizeAsDouble() != null)
                        .isNotEmpty().allSatisfy(r -> assertThat(r.getFontSizeAsDouble()).isBetween(13.0, 14.0));
            }
        }
    }

    @Test
    void anAnswerByLinkIsDownloadedOnceAndThePublishedCopyHoldsNoPersonalData() throws Exception {
        InformationRequest request = requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC, now(), "SYT",
                new InformationRequests.Requester("Lê Thị Hoa", "056190009876", "hoa.le@example.vn", "0914 222 333",
                        "số 8 đường Yersin, Nha Trang"),
                "Tôi, Lê Thị Hoa (0914 222 333), xin danh sách nhà thuốc đạt chuẩn GPP ở phường Nha Trang.", "Mua thuốc",
                "bản điện tử", false, null, null), null);
        InformationRequests.Outcome outcome = requests.act(request.id(), new InformationRequests.Transition(RequestAction.PROVIDE,
                null, null, null, null, "Danh sách gồm 42 nhà thuốc; liên hệ ông Đỗ Văn Tâm, 0258 3822 999 để biết thêm.",
                false, 0L, "LINK", true, true, null, null), COORDINATOR);
        assertThat(outcome.downloadPath()).startsWith("/public/access-to-information/download/");
        // opening the link shows a page with the button; the button's post downloads it
        mvc.perform(get(outcome.downloadPath())).andExpect(status().isOk());
        byte[] answer = mvc.perform(post(outcome.downloadPath()).with(csrf())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(answer))) {
            assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat))
                    .contains("42 nhà thuốc");
        }
        mvc.perform(post(outcome.downloadPath()).with(csrf())).andExpect(status().isGone());

        assertThat(requests.redactionSuggestions(request.id(), COORDINATOR)).extracting(InformationRequests.PersonalDatum::text)
                .contains("Lê Thị Hoa", "0914 222 333", "Đỗ Văn Tâm", "0258 3822 999");
        requests.publish(request.id(), List.of("Đỗ Văn Tâm", "0258 3822 999"), COORDINATOR);
        InformationRequests.Published published = requests.published(request.id());
        assertThat(published.request() + published.answer()).doesNotContain("Hoa", "0914", "Tâm", "3822 999", "Yersin")
                .contains("[đã che]", "nhà thuốc đạt chuẩn GPP", "42 nhà thuốc");
        String page = mvc.perform(get("/public/access-to-information/register/" + request.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("42 nhà thuốc").doesNotContain("Lê Thị Hoa", "hoa.le@example.vn");
        // the original stays with the desk
        assertThat(requests.get(request.id(), COORDINATOR).description()).contains("Lê Thị Hoa");
    }

    @Test
    void informationOfAThirdPartyWaitsForItsConsentAndNothingIsProvidedUnreviewed() {
        InformationRequest request = submit(now(), Channel.ELECTRONIC, "SYT");
        assertThatThrownBy(() -> requests.act(request.id(), new InformationRequests.Transition(RequestAction.PROVIDE, null, null,
                null, null, "Hồ sơ", false, null, "LINK", false, false, null, null), COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reviewed"));
        assertThatThrownBy(() -> requests.act(request.id(), valid(RequestAction.RECORD_CONSENT), COORDINATOR))
                .isInstanceOf(Conflict.class);
        requests.act(request.id(), valid(RequestAction.ASK_CONSENT), COORDINATOR);
        assertThat(requests.get(request.id(), COORDINATOR).consentStatus()).isEqualTo("REQUESTED");
        assertThatThrownBy(() -> requests.act(request.id(), valid(RequestAction.PROVIDE), COORDINATOR))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.messageKey()).isEqualTo("transparency.error.awaiting-consent"));
        requests.act(request.id(), new InformationRequests.Transition(RequestAction.RECORD_CONSENT, null, null, null, null, null,
                null, null, null, null, null, null, false), COORDINATOR);
        InformationRequest refused = requests.get(request.id(), COORDINATOR);
        assertThat(refused.consentStatus()).isEqualTo("REFUSED");
        assertThat(refused.consentParty()).isEqualTo("Công ty TNHH Minh An");
        // without the consent, the agency refuses under Art. 28(1)(a), or gives what is not the third party's
        requests.act(request.id(), new InformationRequests.Transition(RequestAction.REFUSE, "Bên thứ ba không đồng ý", null,
                RefusalGround.NOT_ACCESSIBLE, null, null, null, null, null, null, null, null, null), COORDINATOR);
        assertThat(requests.history(request.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .containsSubsequence("ASK_CONSENT", "RECORD_CONSENT", "REFUSE");
    }

    @Test
    void aRequestForInformationAlreadyGivenTwiceIsFlagged() {
        for (int i = 0; i < 2; i++) {
            InformationRequest earlier = submitBy("Vũ Minh Khang", "khang@example.vn");
            requests.act(earlier.id(), new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null,
                    "Quy hoạch đã gửi", false, null, "LINK", false, true, null, null), COORDINATOR);
        }
        InformationRequest third = submitBy("Vũ Minh Khang", "khang@example.vn");
        assertThat(third.repeatOf()).hasSize(2);
        assertThat(submitBy("Người Khác", "khac@example.vn").repeatOf()).isEmpty();
    }

    @Test
    void theYearsFiguresCountAnsweredLateAndOverdueRequests() throws Exception {
        InformationRequests.YearFigures before = requests.figures(2026, COORDINATOR);
        InformationRequest old = submit(OffsetDateTime.of(2026, 4, 28, 9, 0, 0, 0, ZoneOffset.ofHours(7)), Channel.POST, "SYT");
        InformationRequest late = submit(OffsetDateTime.of(2026, 4, 28, 9, 0, 0, 0, ZoneOffset.ofHours(7)), Channel.POST, "SYT");
        requests.act(late.id(), valid(RequestAction.PROVIDE), COORDINATOR);
        InformationRequests.YearFigures after = requests.figures(2026, COORDINATOR);
        assertThat(after.overdue() - before.overdue()).isEqualTo(1);
        assertThat(after.answeredLate() - before.answeredLate()).isEqualTo(1);
        assertThat(after.answered() - before.answered()).isEqualTo(1);
        assertThat(requests.get(old.id(), COORDINATOR).overdue(LocalDate.now(clock.withZone(LocalTime.ZONE)))).isTrue();
        // the desk lists it as overdue
        String desk = mvc.perform(get("/transparency").session(signIn("officer"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains("/transparency/requests/" + old.id(), "Quá hạn");
    }

    @Test
    void anAdministratorEntersTheTimeLimitsOfALaterLawAndEarlierRequestsKeepTheirs() throws Exception {
        String rule = """
                {"validFrom":"2099-01-01","channel":"IN_PERSON","complex":false,"answerDays":2,"extensionDays":10,
                 "source":"Luật Tiếp cận thông tin (giả định cho kiểm thử)"}""";
        mvc.perform(post("/api/v1/admin/access-time-limits").session(signIn("officer")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(rule)).andExpect(status().isForbidden());
        MockHttpSession admin = signIn("admin");
        mvc.perform(post("/api/v1/admin/access-time-limits").session(admin).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(rule))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.answerDays").value(2));
        mvc.perform(post("/api/v1/admin/access-time-limits").session(admin).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(rule.replace("2099", "2098")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("validFrom"));
        mvc.perform(post("/api/v1/admin/access-time-limits").session(admin).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"POST\",\"validFrom\":\"2099-02-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("answerDays", "extensionDays",
                        "source")));
        assertThat(requests.timeLimits()).anySatisfy(r -> {
            assertThat(r.channel()).isEqualTo(Channel.IN_PERSON);
            assertThat(r.complex()).isFalse();
            assertThat(r.source()).startsWith("Luật Tiếp cận thông tin (sửa đổi)");
            assertThat(r.validFrom()).isEqualTo(LocalDate.of(2026, 9, 1));
            assertThat(r.validTo()).isEqualTo(LocalDate.of(2098, 12, 31));
        });
        // a request received today keeps the law in force today
        InformationRequest today = submit(now(), Channel.IN_PERSON, "SYT");
        assertThat(today.timeLimitSource()).startsWith("Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026")
                .contains("Điều 29 Luật 2016");
        // in person, answered at once: today, or the next working day when received on a day off
        LocalDate received = LocalDate.now(clock.withZone(LocalTime.ZONE));
        assertThat(today.dueDate()).isEqualTo(calendar.add(received, 0, PeriodUnit.WORKING_DAYS, "SYT").date());
        if (calendar.isWorkingDay(received, "SYT")) {
            assertThat(today.dueDate()).isEqualTo(received);
        }
        assertThat(mvc.perform(get("/admin/access-time-limits").session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("giả định cho kiểm thử");
    }

    @Test
    void theAgencyIsRemindedBeforeTheDueDateAndTheCoordinatorsToldOnceItHasPassed() {
        InformationRequest dueToday = submit(now(), Channel.IN_PERSON, "SYT");
        InformationRequest overdue = submit(OffsetDateTime.of(2026, 5, 4, 9, 0, 0, 0, ZoneOffset.ofHours(7)), Channel.FAX, "SYT");
        requests.remind();
        assertThat(requests.history(dueToday.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .containsOnlyOnce("REMINDED").doesNotContain("ESCALATED");
        assertThat(requests.history(overdue.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .containsOnlyOnce("ESCALATED");
        // once per due date
        requests.remind();
        assertThat(requests.history(dueToday.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .containsOnlyOnce("REMINDED");
        assertThat(requests.history(overdue.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .containsOnlyOnce("ESCALATED");
        // an answered request is not reminded of
        InformationRequest answered = submit(now(), Channel.IN_PERSON, "SYT");
        requests.act(answered.id(), valid(RequestAction.PROVIDE), COORDINATOR);
        requests.remind();
        assertThat(requests.history(answered.id(), COORDINATOR)).extracting(InformationRequests.HistoryEntry::action)
                .doesNotContain("REMINDED");
    }

    @Test
    void thePortalTakesTenRequestsAnHourFromOneAddressAndStoresNothingAfter() throws Exception {
        String address = "198.51.100." + (System.nanoTime() % 200 + 20);
        String description = "Danh mục dự án đầu tư công năm 2026 " + System.nanoTime();
        MockHttpSession visitor = new MockHttpSession();
        // ten requests; then the first sent again, which is the same request and is not counted; then an eleventh
        for (int i = 0; i <= 11; i++) {
            String asked = description + " phần " + (i == 10 ? 0 : i);
            var sent = mvc.perform(post("/public/access-to-information").session(visitor).with(csrf()).with(r -> {
                r.setRemoteAddr(address);
                return r;
            }).param("agencyCode", "SYT").param("name", "Người Thử").param("idNumber", "056190001234")
                    .param("address", "Nha Trang").param("email", "thu@example.vn").param("description", asked)
                    .param("purpose", "Tìm hiểu"));
            if (i <= 10) {
                sent.andExpect(status().is3xxRedirection());
            } else {
                String page = sent.andExpect(status().isTooManyRequests())
                        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(page).contains("yêu cầu chưa được lưu");
            }
        }
        assertThat(requests.list(new InformationRequests.Filter(null, "SYT", null),
                new vn.loa.shared.PageRequest(1, 200), COORDINATOR).items().stream()
                .filter(r -> r.description().startsWith(description))).hasSize(10);
    }

    private InformationRequest submitBy(String name, String email) {
        return requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC, now(), "SYT",
                new InformationRequests.Requester(name, null, email, null, "Khánh Hòa"),
                "Quy hoạch mạng lưới trạm y tế xã   đến năm 2030", null, null, false, null, null), null);
    }

    @Test
    void aRequestTransferredToAnAgencyOfLoaBecomesItsRequestAndTheRequesterIsTold() throws Exception {
        InformationRequest asked = submitBy("Lê Thị Chuyển", "chuyen@example.vn");
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        com.icegreen.greenmail.util.GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            // by the agency's name as the directory writes it, as the form's list offers it
            requests.act(asked.id(), new InformationRequests.Transition(RequestAction.TRANSFER, null, null, null,
                    "Sở Giáo dục và Đào tạo", null, null, null, null, null, null, null, null, null, null), COORDINATOR);
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the requester's mail").isTrue();
            jakarta.mail.internet.MimeMessage told = smtp.getReceivedMessages()[0];
            assertThat(told.getAllRecipients()[0].toString()).isEqualTo("chuyen@example.vn");
            assertThat(told.getSubject()).isEqualTo("Chuyển yêu cầu cung cấp thông tin số " + asked.id());
            String text = told.getContent().toString();
            assertThat(text).contains("Sở Giáo dục và Đào tạo", "được nhận là yêu cầu số", LocalTime.format(today));
        } finally {
            smtp.stop();
        }
        InformationRequest transferred = requests.get(asked.id(), COORDINATOR);
        assertThat(transferred.status()).isEqualTo(RequestStatus.TRANSFERRED);
        assertThat(transferred.transferredTo()).isEqualTo("SGDDT");
        assertThat(transferred.transferredAs()).isNotNull();
        InformationRequest received = requests.get(transferred.transferredAs(), COORDINATOR);
        assertThat(received.agencyCode()).isEqualTo("SGDDT");
        assertThat(received.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(received.transferredFrom()).isEqualTo(asked.id());
        assertThat(received.requester().email()).isEqualTo("chuyen@example.vn");
        assertThat(received.description()).isEqualTo(asked.description());
        // its clock runs from the day of the transfer, as for any request received that day
        assertThat(received.dueDate()).isNotNull().isEqualTo(asked.dueDate());
        assertThat(requests.history(received.id(), COORDINATOR).getFirst().remark()).contains("yêu cầu số " + asked.id());
        assertThat(requests.history(asked.id(), COORDINATOR).getLast().remark())
                .contains("chuyển thành yêu cầu số " + received.id() + " của Sở Giáo dục và Đào tạo");
        // read in English, the agencies are named in English too
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(requests.history(asked.id(), COORDINATOR).getLast().remark())
                    .contains("became request no. " + received.id() + " of Department of Education and Training");
            assertThat(requests.history(received.id(), COORDINATOR).getFirst().remark())
                    .contains("transferred from Department of Health");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        // Sở Y tế's officer no longer sees it once it left; the page of the transferred request names the new number
        MockHttpSession officer = signIn("officer");
        mvc.perform(get("/transparency/requests/" + received.id()).session(officer)).andExpect(status().isNotFound());
        String page = mvc.perform(get("/transparency/requests/" + asked.id()).session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("#transferred-to").text())
                .contains("yêu cầu số " + received.id());
        // a body outside Loa is only recorded, and no request is made for it
        InformationRequest elsewhere = requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC, now(), "SYT",
                new InformationRequests.Requester("Lê Văn Ngoài", null, null, "0905123456", "Khánh Hòa"),
                "Số liệu dân số các xã năm 2026", null, null, false, null, null), null);
        requests.act(elsewhere.id(), new InformationRequests.Transition(RequestAction.TRANSFER, null, null, null,
                "Cục Thống kê tỉnh", null, null, null, null, null, null, null, null, null, null), COORDINATOR);
        assertThat(requests.get(elsewhere.id(), COORDINATOR).transferredAs()).isNull();
        assertThat(requests.get(elsewhere.id(), COORDINATOR).transferredTo()).isEqualTo("Cục Thống kê tỉnh");
    }

    /** A new request, then brought to the status by the actions that lead there. */
    private InformationRequest inStatus(RequestStatus status, boolean complex) {
        InformationRequest request = complex ? requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC, now(), "SYT",
                new InformationRequests.Requester("Trần Thị Mai", "056190001111", "mai@example.vn", null, "Nha Trang"),
                "Số liệu quan trắc nước biển vịnh Nha Trang các năm", "Tìm hiểu", null, true, null, null), null)
                : submit(now(), Channel.ELECTRONIC, "SYT");
        RequestAction way = switch (status) {
            case ACCEPTED -> null;
            case NEEDS_COMPLETION -> RequestAction.ASK_COMPLETION;
            case IN_PROGRESS -> RequestAction.START;
            case EXTENDED -> RequestAction.EXTEND;
            case PROVIDED -> RequestAction.PROVIDE;
            case REFUSED -> RequestAction.REFUSE;
            case TRANSFERRED -> RequestAction.TRANSFER;
            case WITHDRAWN -> RequestAction.WITHDRAW;
        };
        if (way != null) {
            requests.act(request.id(), valid(way), COORDINATOR);
        }
        assertThat(requests.get(request.id(), COORDINATOR).status()).isEqualTo(status);
        return request;
    }

    private static InformationRequests.Transition valid(RequestAction action) {
        return new InformationRequests.Transition(action, "Ghi chú của cán bộ", 10, RefusalGround.NOT_RESPONSIBLE, "STC",
                "Thông tin được cung cấp kèm theo.", false, 0L, "LINK", false, true, "Công ty TNHH Minh An", true, null,
                NoticeMeans.EMAIL);
    }

    private static InformationRequests.Transition extend(int days) {
        return new InformationRequests.Transition(RequestAction.EXTEND, "Cần lấy ý kiến Sở Tài chính", days, null, null, null,
                null, null, null, null, null, null, null);
    }

    private InformationRequest submit(OffsetDateTime received, Channel channel, String agency) {
        return requests.submit(new InformationRequests.Submission(channel, received, agency,
                new InformationRequests.Requester("Trần Thị Mai", "056190001111", "mai@example.vn", null, "Nha Trang"),
                "Kế hoạch phòng chống sốt xuất huyết năm 2026 của tỉnh", "Tìm hiểu", null, false, null, null), null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(LocalTime.ZONE));
    }

    private static double mm(Object twips) {
        return new BigInteger(twips.toString()).doubleValue() * 25.4 / 1440;
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
