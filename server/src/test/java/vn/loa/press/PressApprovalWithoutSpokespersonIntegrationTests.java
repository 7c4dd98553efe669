package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * A press question to a commune or ward, where nobody may hold the spokesperson role, can still be answered: it can be
 * transferred while it is not answered, draft or not; its page says who approves by law and what to do; a provincial
 * coordinator approves or returns the draft in the commune's place, never their own draft and only with the basis
 * written down, and the history and the audit trail say for which agency. Demo data: Phường Phan Rang's chairman has
 * the account {@code chu-tich-phan-rang}; Xã Bác Ái Tây's chairman has none.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PressApprovalWithoutSpokespersonIntegrationTests {

    private static final String BAC_AI_TAY = "22786";
    private static final String PHAN_RANG = "22759";
    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));
    private static final SignedInUser COORDINATOR = new SignedInUser(3L, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser ADMIN = new SignedInUser(1L, "admin", "Quản trị", null, "SKHCN", Set.of(Role.ADMIN));
    private static final SignedInUser LEADER = new SignedInUser(2L, "leader", "Lãnh đạo", null, "56", Set.of(Role.LEADER));
    private static final SignedInUser COMMUNE_OFFICER = new SignedInUser(8L, "xa-bac-ai-tay", "Cán bộ xã", null, BAC_AI_TAY,
            Set.of(Role.OFFICER));
    private static final SignedInUser WARD_OFFICER = new SignedInUser(9L, "phuong-phan-rang", "Cán bộ phường", null,
            PHAN_RANG, Set.of(Role.OFFICER));
    private static final SignedInUser WARD_CHAIRMAN = new SignedInUser(10L, "chu-tich-phan-rang", "Chủ tịch", null,
            PHAN_RANG, Set.of(Role.SPOKESPERSON));
    private static final SignedInUser HEALTH_OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser HEALTH_SPOKESPERSON = new SignedInUser(6L, "spokesperson", "Người phát ngôn", null,
            "SYT", Set.of(Role.SPOKESPERSON));

    @Autowired
    MockMvc mvc;

    @Autowired
    Enquiries enquiries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Statements statements;

    @Test
    void onlyAnAgencyWithAnEnabledSpokespersonAccountHasSomeoneWhoApproves() {
        assertThat(enquiries.hasApprover("SYT")).isTrue();
        assertThat(enquiries.hasApprover(PHAN_RANG)).isTrue();
        // the commune's chairman is in the registry, but has no account: nobody on Loa can approve there
        assertThat(enquiries.hasApprover(BAC_AI_TAY)).isFalse();
        assertThat(enquiries.hasApprover("no-such-agency")).isFalse();
    }

    @Test
    void aDraftedQuestionCanStillBeTransferredAndTheNewAgencyApprovesOnlyItsOwnDraft() {
        Enquiry e = ask("SYT", "Chuyển sau khi đã soạn dự thảo " + System.nanoTime());
        enquiries.act(e.id(), draft("Dự thảo của Sở Y tế."), HEALTH_OFFICER);
        assertThat(enquiries.actionsFor(enquiries.get(e.id(), HEALTH_OFFICER), HEALTH_OFFICER))
                .contains(EnquiryAction.TRANSFER, EnquiryAction.DRAFT);

        enquiries.act(e.id(), new Enquiries.Transition(EnquiryAction.TRANSFER, null, "Thuộc phường", false, PHAN_RANG),
                HEALTH_OFFICER);
        Enquiry moved = enquiries.get(e.id(), WARD_OFFICER);

        assertThat(moved.status()).isEqualTo(EnquiryStatus.RECEIVED);
        assertThat(moved.agencyCode()).isEqualTo(PHAN_RANG);
        assertThat(moved.draft()).isEqualTo("Dự thảo của Sở Y tế.");
        assertThat(enquiries.history(e.id(), COORDINATOR)).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo("TRANSFER");
            assertThat(h.parts()).extracting(p -> p.key()).contains("press.note.transferred", "press.note.draft-kept");
        });
        // the department no longer sees it; the ward's chairman cannot approve the department's text as it stands
        assertThatThrownBy(() -> enquiries.get(e.id(), HEALTH_OFFICER)).isInstanceOf(NotFound.class);
        assertThat(enquiries.actionsFor(moved, WARD_CHAIRMAN)).doesNotContain(EnquiryAction.APPROVE);
        assertThatThrownBy(() -> enquiries.act(e.id(), approve(null), WARD_CHAIRMAN)).isInstanceOf(Conflict.class);
        // the ward drafts its own answer; its chairman approves it
        enquiries.act(e.id(), draft("Trả lời của phường."), WARD_OFFICER);
        Enquiry answered = enquiries.act(e.id(), approve(null), WARD_CHAIRMAN);
        assertThat(answered.status()).isEqualTo(EnquiryStatus.ANSWERED);
        assertThat(answered.answer()).isEqualTo("Trả lời của phường.");
        assertThat(answered.approvedBy()).isEqualTo("chu-tich-phan-rang");
        // once answered, it is no longer transferred
        assertThat(enquiries.actionsFor(answered, COORDINATOR)).doesNotContain(EnquiryAction.TRANSFER);
    }

    @Test
    void aCoordinatorApprovesInTheCommunesPlaceWithTheBasisWrittenDownAndTheAuditSaysForWhichAgency() {
        Enquiry e = ask(BAC_AI_TAY, "Câu hỏi gửi xã chưa có người phát ngôn " + System.nanoTime());
        enquiries.act(e.id(), draft("Xã đang khoan thêm hai giếng."), COMMUNE_OFFICER);
        Enquiry drafted = enquiries.get(e.id(), COMMUNE_OFFICER);
        // the commune's officer may not approve; the transfer stays open to them after the draft
        assertThat(enquiries.actionsFor(drafted, COMMUNE_OFFICER)).contains(EnquiryAction.TRANSFER)
                .doesNotContain(EnquiryAction.APPROVE, EnquiryAction.RETURN);
        // an administrator gives the role but does not speak for the commune; a leader only reads
        assertThat(enquiries.actionsFor(drafted, ADMIN)).doesNotContain(EnquiryAction.APPROVE, EnquiryAction.RETURN);
        assertThat(enquiries.actionsFor(drafted, LEADER)).isEmpty();
        assertThat(enquiries.actionsFor(drafted, COORDINATOR)).contains(EnquiryAction.APPROVE, EnquiryAction.RETURN);
        // on the coordinator's home: once, as theirs to approve, not again among the agencies nobody can approve for
        Enquiries.Waiting waiting = enquiries.waiting(COORDINATOR, 1000);
        assertThat(waiting.toApprove()).extracting(Enquiry::id).contains(e.id());
        assertThat(waiting.withoutApprover()).extracting(Enquiry::id).doesNotContain(e.id());
        assertThatThrownBy(() -> enquiries.act(e.id(), approve(null), ADMIN)).isInstanceOf(AccessDeniedException.class);
        // without the basis: refused, naming the field
        assertThatThrownBy(() -> enquiries.act(e.id(), approve(" "), COORDINATOR)).isInstanceOf(InvalidInput.class)
                .satisfies(ex -> assertThat(((InvalidInput) ex).all()).extracting(InvalidInput::field).containsExactly("note"));
        assertThat(enquiries.get(e.id(), COORDINATOR).status()).isEqualTo(EnquiryStatus.DRAFTED);

        Enquiry answered = enquiries.act(e.id(), approve("Chủ tịch UBND xã đồng ý qua điện thoại lúc 9 giờ"), COORDINATOR);

        assertThat(answered.status()).isEqualTo(EnquiryStatus.ANSWERED);
        assertThat(answered.approvedBy()).isEqualTo("coordinator");
        assertThat(enquiries.history(e.id(), COORDINATOR)).last().satisfies(h -> {
            assertThat(h.action()).isEqualTo("APPROVE_IN_PLACE");
            assertThat(h.note()).isEqualTo("Chủ tịch UBND xã đồng ý qua điện thoại lúc 9 giờ");
            assertThat(h.parts()).extracting(p -> p.key()).contains("press.note.in-place");
        });
        String details = jdbc.sql("""
                SELECT details FROM audit_record WHERE target_type = 'press-enquiry' AND target_id = ?
                  AND action = 'press-enquiry.acted-in-place'""").param(String.valueOf(e.id())).query(String.class).single();
        assertThat(details).containsPattern("\"onBehalfOf\"\\s*:\\s*\"" + BAC_AI_TAY + "\"")
                .containsPattern("\"enquiryAction\"\\s*:\\s*\"APPROVE\"").contains("Chủ tịch UBND xã đồng ý");
    }

    @Test
    void aCoordinatorWhoDraftedDoesNotApproveAndDoesNotActInThePlaceOfAnAgencyThatHasASpokesperson() {
        Enquiry commune = ask(BAC_AI_TAY, "Bốn mắt khi duyệt thay " + System.nanoTime());
        enquiries.act(commune.id(), draft("Điều phối viên soạn."), COORDINATOR);
        assertThat(enquiries.actionsFor(enquiries.get(commune.id(), COORDINATOR), COORDINATOR))
                .doesNotContain(EnquiryAction.APPROVE).contains(EnquiryAction.RETURN);
        assertThatThrownBy(() -> enquiries.act(commune.id(), approve("Chủ tịch đồng ý"), COORDINATOR))
                .isInstanceOf(Conflict.class);

        Enquiry health = ask("SYT", "Sở có người phát ngôn " + System.nanoTime());
        enquiries.act(health.id(), draft("Dự thảo."), HEALTH_OFFICER);
        assertThat(enquiries.actionsFor(enquiries.get(health.id(), COORDINATOR), COORDINATOR))
                .doesNotContain(EnquiryAction.APPROVE, EnquiryAction.RETURN);
        assertThatThrownBy(() -> enquiries.act(health.id(), approve("Giám đốc đồng ý"), COORDINATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(enquiries.act(health.id(), approve(null), HEALTH_SPOKESPERSON).status()).isEqualTo(EnquiryStatus.ANSWERED);
    }

    @Test
    void theCommunesPageSaysWhoApprovesAndWhatToDoAndKeepsTheTransferAfterADraft() throws Exception {
        Enquiry e = ask(BAC_AI_TAY, "Trang của xã chưa có người phát ngôn " + System.nanoTime());
        MockHttpSession commune = signIn("xa-bac-ai-tay");
        mvc.perform(post("/press/enquiries/" + e.id() + "/actions").session(commune).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("action", "DRAFT").param("draft", "Dự thảo của xã.")
                .param("draftSeen", "none")).andExpect(status().is3xxRedirection());

        Document page = page("/press/enquiries/" + e.id(), commune);

        assertThat(page.select("#no-approver").text()).contains("Chưa ai ở Xã Bác Ái Tây có thể duyệt câu trả lời",
                "Chủ tịch UBND", "đề nghị quản trị viên cấp vai trò người phát ngôn", "chuyển câu hỏi",
                "điều phối viên của tỉnh có thể duyệt thay");
        assertThat(page.select("#routed-to").text()).isEqualTo("Cao Thị Hoa");
        assertThat(page.select("#action-transfer")).hasSize(1);
        assertThat(page.select("#action-approve")).isEmpty();
        // the coordinator is told they may act in the commune's place, and asked for the basis
        Document coordinators = page("/press/enquiries/" + e.id(), signIn("coordinator"));
        assertThat(coordinators.select("#no-approver-in-place").text()).startsWith("Bạn là điều phối viên");
        assertThat(coordinators.select("#action-approve input[name=note][required]")).hasSize(1);
        assertThat(coordinators.select("#action-approve label").text()).contains("Căn cứ duyệt thay");
        // in English too; and the desk marks the question
        Document english = page("/press/enquiries/" + e.id() + "?lang=en", commune);
        assertThat(english.select("#no-approver").text()).contains("Nobody at", "the People's Committee", "transfer it")
                .doesNotContain("''");
        assertThat(page("/press?lang=vi", signIn("coordinator")).select("#enquiry-table tr:has(a[href=/press/enquiries/"
                + e.id() + "]) .no-approver")).hasSize(1);
        // the Department of Health's page says nothing of the sort
        Enquiry health = ask("SYT", "Trang của sở có người phát ngôn " + System.nanoTime());
        assertThat(page("/press/enquiries/" + health.id(), signIn("officer")).select("#no-approver")).isEmpty();
        // another commune's officer does not see it
        mvc.perform(get("/press/enquiries/" + e.id()).session(signIn("phuong-phan-rang"))).andExpect(status().isNotFound());
    }

    @Test
    void theApprovalInTheCommunesPlaceThroughThePageNeedsTheBasis() throws Exception {
        Enquiry e = ask(BAC_AI_TAY, "Duyệt thay qua trang " + System.nanoTime());
        enquiries.act(e.id(), draft("Dự thảo qua trang."), COMMUNE_OFFICER);
        MockHttpSession coordinator = signIn("coordinator");
        String mark = Enquiries.draftMark("Dự thảo qua trang.");
        mvc.perform(post("/press/enquiries/" + e.id() + "/actions").session(coordinator).with(csrf())
                .param("action", "APPROVE").param("draftSeen", mark)).andExpect(status().is3xxRedirection());
        assertThat(enquiries.get(e.id(), COORDINATOR).status()).isEqualTo(EnquiryStatus.DRAFTED);
        mvc.perform(post("/press/enquiries/" + e.id() + "/actions").session(coordinator).with(csrf())
                .param("action", "APPROVE").param("draftSeen", mark).param("note", "Chủ tịch xã đồng ý bằng văn bản"))
                .andExpect(status().is3xxRedirection());
        assertThat(enquiries.get(e.id(), COORDINATOR).status()).isEqualTo(EnquiryStatus.ANSWERED);
        assertThat(page("/press/enquiries/" + e.id(), coordinator).select("#history").text())
                .contains("Duyệt thay cơ quan và gửi trả lời", "điều phối viên duyệt thay Xã Bác Ái Tây");
    }

    @Test
    void aCoordinatorPublishesTheCommunesStatementInItsPlaceWithTheBasisButNotTheirOwnNorADepartmentsWithASpokesperson()
            throws Exception {
        Statement draft = statements.draft(new Statements.Draft(BAC_AI_TAY, StatementForm.PRESS_RELEASE,
                StatementChannel.PORTAL, "Thông cáo của xã " + System.nanoTime(), "Xã thông báo lịch cấp nước.", null, null),
                COMMUNE_OFFICER);
        assertThat(statements.mayPublishInPlace(BAC_AI_TAY, COORDINATOR)).isTrue();
        assertThat(statements.mayPublishInPlace(BAC_AI_TAY, ADMIN)).isFalse();
        assertThat(statements.mayPublishInPlace("SYT", COORDINATOR)).isFalse();
        assertThatThrownBy(() -> statements.publish(draft.id(), "Chủ tịch đồng ý", COMMUNE_OFFICER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> statements.publish(draft.id(), "Chủ tịch đồng ý", ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> statements.publish(draft.id(), null, COORDINATOR)).isInstanceOf(InvalidInput.class)
                .satisfies(ex -> assertThat(((InvalidInput) ex).field()).isEqualTo("basis"));
        // the commune's officer is told a coordinator may publish in its place; the coordinator is asked for the basis
        assertThat(page("/press/statements/" + draft.id(), signIn("xa-bac-ai-tay")).select("#publish-in-place-hint").text())
                .contains("điều phối viên của tỉnh có thể công bố thay");
        Document coordinators = page("/press/statements/" + draft.id(), signIn("coordinator"));
        assertThat(coordinators.select("#publish-form input[name=basis][required]")).hasSize(1);

        Statement published = statements.publish(draft.id(), "Chủ tịch UBND xã đồng ý bằng văn bản", COORDINATOR);

        assertThat(published.status()).isEqualTo(StatementStatus.PUBLISHED);
        assertThat(jdbc.sql("""
                SELECT details FROM audit_record WHERE target_type = 'press-statement' AND target_id = ?
                  AND action = 'press-statement.published-in-place'""").param(String.valueOf(draft.id()))
                .query(String.class).single()).containsPattern("\"onBehalfOf\"\\s*:\\s*\"" + BAC_AI_TAY + "\"")
                .contains("Chủ tịch UBND xã đồng ý bằng văn bản");
        // a coordinator who drafted does not publish, nor in the place of a department with a spokesperson
        Statement own = statements.draft(new Statements.Draft(BAC_AI_TAY, StatementForm.PRESS_RELEASE,
                StatementChannel.PORTAL, "Thông cáo điều phối viên soạn " + System.nanoTime(), "Nội dung.", null, null),
                COORDINATOR);
        assertThatThrownBy(() -> statements.publish(own.id(), "Chủ tịch đồng ý", COORDINATOR)).isInstanceOf(Conflict.class);
        Statement health = statements.draft(new Statements.Draft("SYT", StatementForm.PRESS_RELEASE, StatementChannel.PORTAL,
                "Thông cáo của sở " + System.nanoTime(), "Nội dung.", null, null), HEALTH_OFFICER);
        assertThatThrownBy(() -> statements.publish(health.id(), "Giám đốc đồng ý", COORDINATOR))
                .isInstanceOf(AccessDeniedException.class);
    }

    private Enquiry ask(String agency, String subject) {
        return enquiries.submit(new Enquiries.Question(agency, EnquiryKind.ROUTINE, null, null, null, null, null, subject,
                "Xin cơ quan cho biết thông tin.", null), JOURNALIST);
    }

    private static Enquiries.Transition draft(String text) {
        return new Enquiries.Transition(EnquiryAction.DRAFT, text, null, false, null);
    }

    private static Enquiries.Transition approve(String basis) {
        return new Enquiries.Transition(EnquiryAction.APPROVE, null, basis, false, null);
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
