package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.loa.TestClock;
import vn.loa.TestMail;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
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
import vn.loa.press.EnquiryKind;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.MessagePart;
import vn.loa.shared.NotFound;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;

/**
 * When a unit ends with one successor, as Ninh Thuận's did into Khánh Hòa's on 01/07/2025, the successor takes over
 * its open information requests, press enquiries, misinformation cases and crises on its first day: under the same
 * numbers, by the same due dates,
 * each with a line of history, a record in the audit trail with the system as actor and, for a request, a letter to
 * the requester. The successor's staff see them, the ended unit's no longer do. A split (several successors) is not
 * guessed at, and a unit with no successor still does not end while it holds them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class SucceedingAnAgencyIntegrationTests {

    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));
    private static final SignedInUser COORDINATOR = new SignedInUser(3L, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final Actor ADMIN = new Actor("admin", null);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    InformationRequests requests;

    @Autowired
    Enquiries enquiries;

    @Autowired
    Cases cases;

    @Autowired
    Crises crises;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    TestClock clock;

    @Autowired
    MessageSource messages;

    private Instant real;

    @BeforeEach
    void onAMondayMorning() {
        real = clock.instant();
        clock.set(OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, VIETNAM).toInstant());
    }

    @AfterEach
    void backToNow() {
        clock.set(real);
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theOpenRequestsAndEnquiriesOfAnEndedUnitPassToItsSoleSuccessorOnItsFirstDayByTheSameDueDates() throws Exception {
        Agency office = unit("TRUOC");
        Agency successor = unit("SAU");
        String email = "nguoi.hoi." + office.code().toLowerCase(Locale.ROOT) + "@example.vn";
        InformationRequest request = request(office, email);
        Enquiry question = question(office);
        Case rumour = rumour(office);
        Crisis crisis = crisis(office);
        LocalDate lastDay = today();

        // the successor takes over tomorrow: the unit ends today, and until then it still answers
        agencies.recordSuccession(office.id(), successor.id(), lastDay.plusDays(1), "sáp nhập", ADMIN);
        assertThat(agencies.find(office.id()).orElseThrow().validTo()).isEqualTo(lastDay);
        assertThat(requests.get(request.id(), COORDINATOR).agencyCode()).isEqualTo(office.code());
        assertThat(enquiries.get(question.id(), COORDINATOR).agencyCode()).isEqualTo(office.code());

        GreenMail smtp = TestMail.smtp();
        smtp.start();
        try {
            clock.advance(Duration.ofDays(1));
            // what the schedule runs
            requests.transferFromEndedAgencies();
            enquiries.transferFromEndedAgencies();
            cases.transferFromEndedAgencies();
            crises.transferFromEndedAgencies();
            MimeMessage told = mailTo(smtp, email, "Chuyển yêu cầu cung cấp thông tin số " + request.id());
            assertThat(told).as("the requester is told who answers now").isNotNull();
            assertThat(told.getContent().toString()).contains(office.nameVi() + " kết thúc hoạt động ngày "
                    + LocalTime.format(lastDay), successor.nameVi(), "hạn trả lời giữ nguyên: "
                    + LocalTime.format(request.dueDate()));
            MimeMessage journalist = mailTo(smtp, "press@demo.loa.local", "[Loa] Câu hỏi số " + question.id()
                    + " được chuyển cho " + successor.nameVi() + ": Lịch tiêm chủng");
            assertThat(journalist).as("the journalist is told who answers now").isNotNull();
            assertThat(journalist.getContent().toString()).contains(office.nameVi() + " kết thúc hoạt động ngày "
                    + LocalTime.format(lastDay), "Từ nay " + successor.nameVi() + " trả lời câu hỏi của bạn.",
                    "Hạn trả lời giữ nguyên: " + LocalTime.format(question.dueAt()));
        } finally {
            smtp.stop();
        }

        InformationRequest passed = requests.get(request.id(), COORDINATOR);
        assertThat(passed.agencyCode()).isEqualTo(successor.code());
        assertThat(passed.dueDate()).isNotNull().isEqualTo(request.dueDate());
        assertThat(passed.status()).isEqualTo(request.status());
        String line = "Chuyển sang " + successor.nameVi() + " do " + office.nameVi() + " kết thúc hoạt động ngày "
                + LocalTime.format(lastDay) + " (hạn trả lời giữ nguyên: " + LocalTime.format(request.dueDate()) + ")";
        assertThat(requests.history(request.id(), COORDINATOR)).filteredOn(h -> h.action().equals("PASSED_TO_SUCCESSOR"))
                .singleElement().satisfies(h -> {
                    assertThat(h.actor()).isEqualTo(Actor.SYSTEM.username());
                    assertThat(h.remark()).contains(line);
                });
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(requests.history(request.id(), COORDINATOR)).filteredOn(h -> h.action().equals("PASSED_TO_SUCCESSOR"))
                .singleElement().satisfies(h -> assertThat(h.remark()).contains("Passed to " + successor.nameVi() + " as "
                        + office.nameVi() + " ceased to operate on " + LocalTime.format(lastDay) + " (the due date stays "
                        + LocalTime.format(request.dueDate()) + ")"));
        LocaleContextHolder.resetLocaleContext();

        Enquiry moved = enquiries.get(question.id(), COORDINATOR);
        assertThat(moved.agencyCode()).isEqualTo(successor.code());
        assertThat(moved.dueAt()).isEqualTo(question.dueAt());
        assertThat(enquiries.history(question.id(), COORDINATOR)).filteredOn(h -> h.action().equals("PASSED_TO_SUCCESSOR"))
                .singleElement().satisfies(h -> {
                    assertThat(h.actor()).isEqualTo(Actor.SYSTEM.username());
                    assertThat(h.parts()).contains(MessagePart.of("press.note.passed-to-successor", successor.nameVi(),
                            successor.nameVi(), office.nameVi(), office.nameVi(), LocalTime.format(lastDay),
                            LocalTime.format(question.dueAt())));
                });

        Case taken = cases.get(rumour.id(), COORDINATOR);
        assertThat(taken.agencyCode()).isEqualTo(successor.code());
        assertThat(taken.deadline()).isEqualTo(rumour.deadline());
        assertThat(taken.status()).isEqualTo(rumour.status());
        assertThat(cases.history(taken)).filteredOn(h -> h.action().equals("PASSED_TO_SUCCESSOR")).singleElement()
                .satisfies(h -> {
                    assertThat(h.actor()).isEqualTo(Actor.SYSTEM.username());
                    assertThat(h.detail()).contains("agency=" + successor.code(), "predecessor=" + office.code(),
                            "lastDay=" + LocalTime.format(lastDay));
                });

        Crisis spoken = crises.get(crisis.id(), COORDINATOR);
        assertThat(spoken.agencyCode()).isEqualTo(successor.code());
        assertThat(spoken.firstStatementDue()).isEqualTo(crisis.firstStatementDue());
        assertThat(crises.timeline(crisis.id(), COORDINATOR)).filteredOn(t -> t.kind().equals("PASSED_TO_SUCCESSOR"))
                .singleElement().satisfies(t -> assertThat(t.text()).isEqualTo("Chuyển sang " + successor.nameVi()
                        + " do " + office.nameVi() + " kết thúc hoạt động ngày " + LocalTime.format(lastDay)
                        + " (hạn phát ngôn đầu tiên giữ nguyên: " + LocalTime.format(crisis.firstStatementDue()) + ")"));

        List<AuditRecord> trail = audit.newest(500, null);
        assertThat(trail).filteredOn(r -> r.action().equals("information-request.passed-to-successor")
                && r.targetId().equals(String.valueOf(request.id()))).singleElement()
                .satisfies(r -> assertThat(r.actor()).isEqualTo(Actor.SYSTEM.username()));
        assertThat(trail).filteredOn(r -> r.action().equals("press-enquiry.passed-to-successor")
                && r.targetId().equals(String.valueOf(question.id()))).singleElement()
                .satisfies(r -> assertThat(r.actor()).isEqualTo(Actor.SYSTEM.username()));
        assertThat(trail).filteredOn(r -> r.action().equals("press-crisis.passed-to-successor")
                && r.targetId().equals(String.valueOf(crisis.id()))).singleElement()
                .satisfies(r -> assertThat(r.actor()).isEqualTo(Actor.SYSTEM.username()));
        assertThat(trail).filteredOn(r -> r.action().equals("case.passed-to-successor")
                && r.targetId().equals(String.valueOf(rumour.id()))).singleElement()
                .satisfies(r -> assertThat(r.actor()).isEqualTo(Actor.SYSTEM.username()));

        // the successor's staff answer them now; the ended unit's accounts no longer reach them
        assertThat(requests.get(request.id(), officerOf(successor)).id()).isEqualTo(request.id());
        assertThat(enquiries.get(question.id(), officerOf(successor)).id()).isEqualTo(question.id());
        assertThatThrownBy(() -> requests.get(request.id(), officerOf(office))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> enquiries.get(question.id(), officerOf(office))).isInstanceOf(NotFound.class);
        assertThat(cases.get(rumour.id(), officerOf(successor)).id()).isEqualTo(rumour.id());
        assertThatThrownBy(() -> cases.get(rumour.id(), officerOf(office))).isInstanceOf(NotFound.class);
        assertThat(crises.get(crisis.id(), officerOf(successor)).id()).isEqualTo(crisis.id());
        assertThatThrownBy(() -> crises.get(crisis.id(), officerOf(office))).isInstanceOf(NotFound.class);

        // run again (the schedule runs every few minutes): nothing passes twice
        requests.transferFromEndedAgencies();
        enquiries.transferFromEndedAgencies();
        assertThat(requests.history(request.id(), COORDINATOR)).filteredOn(h -> h.action().equals("PASSED_TO_SUCCESSOR"))
                .hasSize(1);
        assertThat(enquiries.history(question.id(), COORDINATOR)).filteredOn(h -> h.action().equals("PASSED_TO_SUCCESSOR"))
                .hasSize(1);
        assertThat(cases.history(cases.get(rumour.id(), COORDINATOR)))
                .filteredOn(h -> h.action().equals("PASSED_TO_SUCCESSOR")).hasSize(1);
        crises.transferFromEndedAgencies();
        assertThat(crises.timeline(crisis.id(), COORDINATOR)).filteredOn(t -> t.kind().equals("PASSED_TO_SUCCESSOR"))
                .hasSize(1);
    }

    @Test
    void aSuccessionWhoseFirstDayHasComePassesTheWorkAtOnce() {
        Agency office = unit("HOMNAY");
        Agency successor = unit("KETHUA");
        InformationRequest request = request(office, null);
        Enquiry question = question(office);

        agencies.recordSuccession(office.id(), successor.id(), today(), null, ADMIN);

        assertThat(requests.get(request.id(), officerOf(successor)).dueDate()).isEqualTo(request.dueDate());
        assertThat(enquiries.get(question.id(), officerOf(successor)).dueAt()).isEqualTo(question.dueAt());
    }

    @Test
    void aSecondSuccessorOfAUnitStillHoldingWorkIsRefusedWithWhatToTransferAtTheDesk() throws Exception {
        Agency office = unit("TACH");
        Agency first = unit("TACHA");
        Agency second = unit("TACHB");
        request(office, null);
        question(office);
        rumour(office);
        crisis(office);
        agencies.recordSuccession(office.id(), first.id(), today().plusDays(1), null, ADMIN);

        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> agencies.recordSuccession(office.id(), second.id(), today().plusDays(1), null, ADMIN));

        assertThat(refused.all()).extracting(InvalidInput::messageKey).containsExactlyInAnyOrder(
                "agency.error.open-work", "transparency.open-work-split", "press.open-work-split",
                "case.open-work-split", "press.crisis.open-work-split");
        assertThat(agencies.successorsOf(office.id())).extracting(s -> s.successor()).containsExactly(first.id());

        // on the agency's page: what is open, and to transfer each item at its desk
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        MvcResult redirected = mvc.perform(post("/admin/agencies/" + office.id().value() + "/successors").session(admin)
                        .with(csrf()).param("successorId", String.valueOf(second.id().value()))
                        .param("effectiveOn", LocalTime.format(today().plusDays(1))))
                .andExpect(status().is3xxRedirection()).andReturn();
        List<String> problems = Jsoup.parse(mvc.perform(get(redirected.getResponse().getRedirectedUrl()).session(admin)
                        .flashAttrs(redirected.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).select("#successor-problems li").eachText();
        assertThat(problems).hasSize(4).allSatisfy(p -> assertThat(p).contains("nhiều đơn vị kế thừa"))
                .anySatisfy(p -> assertThat(p).startsWith("1 yêu cầu cung cấp thông tin")
                        .contains("Chuyển cơ quan có thẩm quyền"))
                .anySatisfy(p -> assertThat(p).startsWith("1 câu hỏi của báo chí").contains("Chuyển cơ quan khác"));
        assertThat(agencies.successorsOf(office.id())).hasSize(1);
    }

    @Test
    void anImportThatSplitsAUnitHoldingAnEnquiryIsRefusedAndImportsNothing() {
        Agency office = unit("CHIA");
        question(office);
        String east = office.code() + "D";
        String west = office.code() + "T";
        LocalDate from = today().plusDays(1);
        String units = "code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + east + ",DEPARTMENT,,Sở phía đông " + east + ",," + from + ",,test\n"
                + west + ",DEPARTMENT,,Sở phía tây " + west + ",," + from + ",,test\n";
        String successions = "old_code,old_valid_from,new_code,new_valid_from,note,source\n"
                + office.code() + ",2025-07-01," + east + "," + from + ",chia tách,test\n"
                + office.code() + ",2025-07-01," + west + "," + from + ",chia tách,test\n";

        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> agencies.importCsv("chia-tach.csv",
                new ByteArrayInputStream(units.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(successions.getBytes(StandardCharsets.UTF_8)), ADMIN));

        assertThat(refused.all()).extracting(InvalidInput::messageKey)
                .containsExactly("agency.import.open-work", "press.open-work-split");
        assertThat(refused.all().get(1).arguments()).containsExactly(1L);
        assertThat(agencies.find(office.id()).orElseThrow().validTo()).isNull();
        assertThat(agencies.findByCode(east, from)).isEmpty();
    }

    @Test
    void aUnitWithNoSuccessorStillDoesNotEndWhileItHoldsThemAndIsToldASuccessorWouldTakeThemOver() {
        Agency office = unit("MOTMINH");
        request(office, null);
        question(office);

        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> agencies.update(office.id(),
                new AgencyForm(office.code(), office.kind(), null, office.nameVi(), null, office.validFrom(), today(),
                        "test"), ADMIN));

        assertThat(refused.all()).extracting(InvalidInput::messageKey)
                .containsExactlyInAnyOrder("agency.error.open-work", "transparency.open-work", "press.open-work");
        assertThat(agencies.find(office.id()).orElseThrow().validTo()).isNull();
        // the problem says what else would do: one successor takes them over
        for (InvalidInput kind : refused.all().subList(1, 3)) {
            assertThat(messages.getMessage(kind.messageKey(), kind.arguments(), Locale.of("vi")))
                    .contains("ghi nhận một đơn vị kế thừa", "hạn trả lời giữ nguyên");
            assertThat(messages.getMessage(kind.messageKey(), kind.arguments(), Locale.ENGLISH))
                    .contains("record one successor");
        }
    }

    private Agency unit(String prefix) {
        String code = prefix + System.nanoTime() % 100_000_000;
        return agencies.create(new AgencyForm(code, AgencyKind.DEPARTMENT, null, "Sở thử kế thừa " + code, null,
                LocalDate.of(2025, 7, 1), null, "test"), ADMIN);
    }

    private InformationRequest request(Agency agency, String email) {
        return requests.submit(new InformationRequests.Submission(Channel.ELECTRONIC,
                clock.instant().atZone(LocalTime.ZONE).toOffsetDateTime(), agency.code(),
                new InformationRequests.Requester("Nguyễn Văn Hỏi", null, email, "0905111222", "Khánh Hòa"),
                "Danh sách trạm y tế xã của " + agency.code(), null, null, false, null, null), null);
    }

    private Enquiry question(Agency agency) {
        return enquiries.submit(new Enquiries.Question(agency.code(), EnquiryKind.ROUTINE, null, null, null, null, null,
                "Lịch tiêm chủng", "Khi nào có lịch tiêm chủng mới ở " + agency.code() + "?", null), JOURNALIST);
    }

    private Case rumour(Agency agency) {
        return cases.open(new Cases.NewCase("Tin đồn thử kế thừa " + agency.code(), "FALSE_INFORMATION", "LOW",
                List.of(), null, null, agency.code()), COORDINATOR);
    }

    private Crisis crisis(Agency agency) {
        return crises.open(new Crises.Opening(CrisisSource.MANUAL, null, agency.code(),
                "Sự kiện thử kế thừa " + agency.code(), null), COORDINATOR);
    }

    private static SignedInUser officerOf(Agency agency) {
        return new SignedInUser(null, "can-bo-" + agency.code().toLowerCase(Locale.ROOT), "Cán bộ", agency.id(),
                agency.code(), Set.of(Role.OFFICER));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static MimeMessage mailTo(GreenMail smtp, String address, String subject) throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address) && subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(250);
        }
        return null;
    }
}
