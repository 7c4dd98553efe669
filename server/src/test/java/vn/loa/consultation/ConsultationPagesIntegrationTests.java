package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.consultation.internal.ConsultationAnswersTestData;
import vn.loa.consultation.internal.ConsultationTestData;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;

/**
 * The officers' pages through HTTP as the demo coordinator: a draft imported with the form, a consultation too short
 * refused naming the closing date and the law, then created and published; contributions imported from CSV, one held
 * and published with the page's button (audited), a second click told it is done; the demo officer of another agency
 * finds none of it. The import's hint names the columns in order, the date format and the encoding; refused forms keep
 * what was typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsultationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Contributions contributions;

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession();
    }

    @Autowired
    vn.loa.listening.PostImporter importer;

    @Test
    void anOfficerImportsConsultsAndModeratesThroughThePages() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String draftPath = mvc.perform(multipart("/consultations/drafts").file(new MockMultipartFile("file", "v1.docx",
                        "application/octet-stream", ConsultationTestData.docx("draft-v1.txt", marker)))
                        .param("title", "Trang " + marker).param("agencyCode", "SNNMT").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/consultations/drafts/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(draftPath).session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Điều 12.")));
        mvc.perform(multipart("/consultations/drafts").file(new MockMultipartFile("file", "x.docx",
                        "application/octet-stream", "không phải".getBytes(StandardCharsets.UTF_8)))
                        .param("title", "Sai").session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("data-field=\"file\"")));
        long draftId = Long.parseLong(draftPath.substring(draftPath.lastIndexOf('/') + 1));
        long versionId = jdbc.sql("SELECT id FROM consultation_draft_version WHERE draft_id = ?").param(draftId)
                .query(Long.class).single();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        mvc.perform(post("/consultations").session(coordinator).with(csrf()).param("versionId", String.valueOf(versionId))
                        .param("title", "Trang " + marker).param("opensOn", today.toString())
                        .param("closesOn", today.plusDays(9).toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-field=\"closesOn\"")))
                .andExpect(content().string(containsString("64/2025/QH15")));
        String consultationPath = mvc.perform(post("/consultations").session(coordinator).with(csrf())
                        .param("versionId", String.valueOf(versionId)).param("title", "Trang " + marker)
                        .param("opensOn", today.toString()).param("closesOn", today.plusDays(25).toString())
                        .param("questions", "Câu một?\nCâu hai?").param("keywords", "phân loại rác, " + marker))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(consultationPath.substring(consultationPath.lastIndexOf('/') + 1));
        mvc.perform(get("/public/consultations/" + id)).andExpect(status().isNotFound());
        mvc.perform(post(consultationPath + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // a post listening found with one of the keywords is shown apart, as public opinion, not as a contribution
        String post = ("{\"source\":\"consultation-test\",\"platform\":\"facebook\",\"external_id\":\"gy-%1$s\","
                + "\"published_at\":\"%2$sT08:00:00+07:00\",\"text\":\"Thùng rác chợ %1$s đầy tràn, đề nghị thu gom"
                + " sớm\"}\n").formatted(marker, today);
        importer.importFile("gy.jsonl", new java.io.ByteArrayInputStream(post.getBytes(StandardCharsets.UTF_8)),
                vn.loa.shared.Actor.SYSTEM, null);
        mvc.perform(get(consultationPath).session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Câu hai?")))
                .andExpect(content().string(containsString("id=\"public-opinion\"")))
                .andExpect(content().string(containsString("Thùng rác chợ " + marker)));
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_contribution WHERE consultation_id = ?")
                .param(Long.parseLong(consultationPath.substring(consultationPath.lastIndexOf('/') + 1)))
                .query(Long.class).single()).isZero();
        String received = LocalTime.format(today);
        mvc.perform(multipart(consultationPath + "/import").file(new MockMultipartFile("file", "c.csv", "text/csv",
                        ("article,name,kind,organisation,contact,received,text\r\n"
                                + "10,An,công dân,,," + received + ",Gọi 0912345678 nhé\r\n"
                                + ",Hội B,tổ chức,Hội B,," + received + ",Đồng ý với dự thảo\r\n").getBytes(StandardCharsets.UTF_8)))
                        .session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("imported"));
        Contribution held = contributions.list(id, null, ContributionStatus.RECEIVED,
                ConsultationTestData.COORDINATOR).get(0);
        // the overview counts the comment held for moderation, and says so: the public page does not show it yet
        assertThat(page(mvc.perform(get(consultationPath).session(coordinator))).select("#count-table td").eachText())
                .contains("1, trong đó 1 chờ kiểm duyệt");
        mvc.perform(get(consultationPath + "/contributions").session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("có số điện thoại")));
        mvc.perform(post(consultationPath + "/contributions/" + held.id() + "/publish").session(coordinator).with(csrf())
                        .param("seen", "RECEIVED"))
                .andExpect(status().is3xxRedirection());
        assertThat(contributions.get(held.id(), ConsultationTestData.COORDINATOR).status())
                .isEqualTo(ContributionStatus.PUBLISHED);
        mvc.perform(get(consultationPath + "/contributions").session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã công khai góp ý.")));
        // the same button again (a double click, or a second officer): a clear message on the list, nothing changed
        mvc.perform(post(consultationPath + "/contributions/" + held.id() + "/publish").session(coordinator)
                .with(csrf()).param("seen", "RECEIVED")).andExpect(redirectedUrl(consultationPath + "/contributions"));
        mvc.perform(get(consultationPath + "/contributions").session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Góp ý " + held.reference() + " đã được công khai rồi")))
                .andExpect(content().string(not(containsString("Đã công khai góp ý."))));
        assertThat(jdbc.sql("SELECT actor FROM audit_record WHERE action = 'consultation-contribution.moderated' AND target_id = ?")
                .param(String.valueOf(held.id())).query(String.class).single()).isEqualTo("coordinator");

        MockHttpSession officer = signIn("officer");
        mvc.perform(get(consultationPath).session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/consultations").session(officer)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Trang " + marker))));
        mvc.perform(post(consultationPath + "/contributions/" + held.id() + "/reject").param("reason", "x")
                .session(officer).with(csrf())).andExpect(status().isNotFound());
        assertThat(contributions.get(held.id(), ConsultationTestData.COORDINATOR).status())
                .isEqualTo(ContributionStatus.PUBLISHED);
    }

    @Test
    void aConsultationWithoutKeywordsSaysItHasNoneWhereThePublicOpinionWouldBe() throws Exception {
        String m = marker();
        Drafts.Draft draft = ConsultationTestData.draft(drafts, m, ConsultationTestData.OFFICER);
        long version = drafts.versions(draft.id(), ConsultationTestData.OFFICER).get(0).id();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        Consultation c = consultations.create(new Consultations.NewConsultation(version, "Lấy ý kiến " + m,
                "Lấy ý kiến về dự thảo.", today, today.plusDays(29), List.of("Có phù hợp không?"), List.of(),
                List.of()), ConsultationTestData.OFFICER);
        Document page = page(mvc.perform(get("/consultations/" + c.id()).session(signIn("coordinator")))
                .andExpect(status().isOk()));
        assertThat(page.getElementById("opinion-no-keywords").text()).contains("chưa có từ khóa nào");
        assertThat(page.text()).doesNotContain("với từ khóa: .");
    }

    @Test
    void theImportHintSaysTheColumnsInOrderTheDateFormatAndTheEncoding() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        Consultation c = ConsultationTestData.open(drafts, consultations, marker(), LocalDate.now(LocalTime.ZONE),
                ConsultationTestData.OFFICER);
        Document vi = page(mvc.perform(get("/consultations/" + c.id() + "/contributions").session(coordinator)));
        assertThat(vi.getElementById("import-columns").text()).isEqualTo("article,name,kind,organisation,contact,received,text");
        assertThat(vi.getElementById("import-hint").text()).contains("UTF-8", "CSV UTF-8",
                "theo thứ tự: article, name, kind, organisation, contact, received, text", "dd/MM/yyyy",
                "trong thời gian lấy ý kiến và không sau hôm nay");
        assertThat(vi.getElementById("import-hint-columns").text()).contains("days_after_open", "công dân hoặc tổ chức");
        Document en = page(mvc.perform(get("/consultations/" + c.id() + "/contributions?lang=en").session(coordinator)));
        assertThat(en.getElementById("import-hint").text()).contains("UTF-8",
                "in this order: article, name, kind, organisation, contact, received, text", "dd/MM/yyyy",
                "within the consultation period and not after today");
    }

    @Test
    void theOfficersFormsKeepWhatWasTypedWhenTheyAreRefused() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        String m = marker();
        Consultation c = ConsultationTestData.open(drafts, consultations, m, LocalDate.now(LocalTime.ZONE),
                ConsultationTestData.OFFICER);

        // an official opinion without its letter
        Document official = page(mvc.perform(multipart("/consultations/" + c.id() + "/official").session(coordinator)
                        .with(csrf()).param("organisation", "Hội Nông dân " + m).param("signer", "Nguyễn Văn Ký")
                        .param("unit", "a10").param("text", "Đề nghị lùi thời hạn <b>áp dụng</b>."))
                .andExpect(status().isUnprocessableContent()));
        assertThat(official.select("#problems li").eachAttr("data-field")).containsExactly("file");
        assertThat(official.getElementById("official-organisation").val()).isEqualTo("Hội Nông dân " + m);
        assertThat(official.getElementById("official-signer").val()).isEqualTo("Nguyễn Văn Ký");
        assertThat(official.select("#official-unit option[selected]").val()).isEqualTo("a10");
        assertThat(official.getElementById("official-text").text()).isEqualTo("Đề nghị lùi thời hạn <b>áp dụng</b>.");

        // a new version of the draft that is not a Word file
        Document version = page(mvc.perform(multipart("/consultations/drafts/" + c.draftId() + "/versions")
                        .file(new MockMultipartFile("file", "v2.docx", "application/octet-stream",
                                "không phải".getBytes(StandardCharsets.UTF_8)))
                        .param("note", "Bản sửa theo góp ý " + m).param("final", "true").session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()));
        assertThat(version.select("#problems li").eachAttr("data-field")).containsExactly("file");
        assertThat(version.getElementById("version-note").val()).isEqualTo("Bản sửa theo góp ý " + m);
        assertThat(version.getElementById("version-final").hasAttr("checked")).isTrue();
        assertThat(drafts.versions(c.draftId(), ConsultationTestData.OFFICER)).hasSize(1);
    }

    @Test
    void theAnswerTemplateAndGroupFormsKeepWhatWasTypedWhenTheyAreRefused() throws Exception {
        MockHttpSession officer = signIn("officer");
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT", marker(), 40);
        long id = f.consultationId();
        groups.regroup(id, SYT_OFFICER);
        List<ThemeGroups.Group> all = groups.groups(id, SYT_OFFICER).stream().flatMap(a -> a.groups().stream()).toList();
        ThemeGroups.Group group = all.get(0);
        ThemeGroups.Group other = all.get(1);
        answers.save(other.id(), Verdict.ACCEPTED, "Câu trả lời đã lưu", null, SYT_OFFICER);

        // an outcome chosen, the reason left empty: the outcome stays chosen
        Document noReason = page(mvc.perform(post("/consultations/" + id + "/answers").session(officer).with(csrf())
                        .param("groupId", String.valueOf(group.id())).param("verdict", "PARTLY_ACCEPTED")
                        .param("reason", "")).andExpect(status().isUnprocessableContent()));
        assertThat(noReason.select("#problems li").eachAttr("data-field")).containsExactly("reason");
        assertThat(noReason.select("#verdict-" + group.id() + " option[selected]").val()).isEqualTo("PARTLY_ACCEPTED");
        // a reason too long over a stored answer: the form shows what was typed, not what is stored
        String typed = "Không tiếp thu vì " + "x".repeat(4_000);
        Document tooLong = page(mvc.perform(post("/consultations/" + id + "/answers").session(officer).with(csrf())
                        .param("groupId", String.valueOf(other.id())).param("verdict", "NOT_ACCEPTED")
                        .param("reason", typed)).andExpect(status().isUnprocessableContent()));
        assertThat(tooLong.getElementById("reason-" + other.id()).text()).isEqualTo(typed);
        assertThat(tooLong.select("#verdict-" + other.id() + " option[selected]").val()).isEqualTo("NOT_ACCEPTED");
        assertThat(tooLong.getElementById("reason-" + group.id()).text()).isEmpty();

        // a template without a name keeps its outcome and text
        Document template = page(mvc.perform(post("/consultations/" + id + "/answer-templates").session(officer)
                        .with(csrf()).param("name", " ").param("verdict", "NOT_ACCEPTED").param("body", "Mẫu {article}"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(template.select("#problems li").eachAttr("data-field")).containsExactly("name");
        assertThat(template.select("#template-verdict option[selected]").val()).isEqualTo("NOT_ACCEPTED");
        assertThat(template.getElementById("template-body").text()).isEqualTo("Mẫu {article}");

        // a new name too long: the group's corrections open with the name typed
        long representative = group.representative().contributionId();
        String label = "Nhóm " + "y".repeat(200);
        Document rename = page(mvc.perform(post("/consultations/" + id + "/groups/corrections").session(officer)
                        .with(csrf()).param("action", "RENAME").param("contributionId", String.valueOf(representative))
                        .param("label", label)).andExpect(status().isUnprocessableContent()));
        assertThat(rename.select("#problems li").eachAttr("data-field")).containsExactly("label");
        assertThat(rename.getElementById("rename-" + group.id()).val()).isEqualTo(label);
        assertThat(rename.getElementById("group-" + group.id()).selectFirst("details").hasAttr("open")).isTrue();
        assertThat(rename.getElementById("rename-" + other.id()).val()).isEqualTo(other.named() ? other.label() : "");
    }

    @Test
    void aConsultationOnAnotherAgencysDraftIsRefusedNamingTheVersionAndKeepsWhatWasTyped() throws Exception {
        String m = marker();
        Drafts.Draft theirs = ConsultationTestData.draft(drafts, m, ConsultationTestData.OFFICER);
        long versionId = drafts.versions(theirs.id(), ConsultationTestData.OFFICER).get(0).id();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        String title = "Lấy ý kiến dự thảo của sở khác " + m;
        Document refused = page(mvc.perform(post("/consultations").session(signIn("officer")).with(csrf())
                        .param("versionId", String.valueOf(versionId)).param("title", title)
                        .param("opensOn", today.plusDays(1).toString()).param("closesOn", today.plusDays(40).toString()))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused.select("#problems li").eachAttr("data-field")).containsExactly("versionId");
        assertThat(refused.select("#problems li").text()).startsWith("Phiên bản dự thảo không thuộc cơ quan của bạn")
                .doesNotContain("Hãy tải lại trang");
        assertThat(refused.getElementById("consultation-title").val()).isEqualTo(title);
        assertThat(refused.getElementById("closes-on").val()).isEqualTo(today.plusDays(40).toString());
        assertThat(jdbc.sql("SELECT count(*) FROM consultation WHERE title = ?").param(title).query(Long.class).single())
                .isZero();
    }

    @Test
    void aPeriodThatHasEndedIsRefusedWhenTheConsultationIsCreatedNamingTheClosingDate() throws Exception {
        String m = marker();
        Drafts.Draft draft = ConsultationTestData.draft(drafts, m, ConsultationTestData.OFFICER);
        long versionId = drafts.versions(draft.id(), ConsultationTestData.OFFICER).get(0).id();
        String title = "Lấy ý kiến đã qua " + m;
        Document refused = page(mvc.perform(post("/consultations").session(signIn("coordinator")).with(csrf())
                        .param("versionId", String.valueOf(versionId)).param("title", title)
                        .param("opensOn", "01/01/2025").param("closesOn", "01/02/2025"))
                .andExpect(status().isUnprocessableContent()));
        assertThat(refused.select("#problems li").eachAttr("data-field")).containsExactly("closesOn");
        assertThat(refused.select("#problems li").text()).startsWith("Ngày kết thúc: ngày 01/02/2025 đã qua")
                .contains(LocalTime.format(LocalDate.now(LocalTime.ZONE)));
        assertThat(refused.getElementById("consultation-title").val()).isEqualTo(title);
        assertThat(refused.getElementById("closes-on").val()).isEqualTo("01/02/2025");
        assertThat(refused.getElementById("opens-on").val()).isEqualTo("01/01/2025");
        assertThat(jdbc.sql("SELECT count(*) FROM consultation WHERE title = ?").param(title).query(Long.class).single())
                .isZero();
    }

    @Test
    void publishingEveryApprovedAnswerWhenNoneIsApprovedSaysSoAndTellsNobody() throws Exception {
        MockHttpSession officer = signIn("officer");
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT", marker(), 40);
        long id = f.consultationId();
        groups.regroup(id, SYT_OFFICER);
        ThemeGroups.Group group = groups.groups(id, SYT_OFFICER).getFirst().groups().getFirst();
        // an answer written but not yet submitted, let alone approved
        ThemeGroups.Answer drafted = answers.save(group.id(), Verdict.ACCEPTED, "Tiếp thu, chưa duyệt.", null, SYT_OFFICER);
        for (String step : List.of("publish", "approve")) {
            var done = mvc.perform(post("/consultations/" + id + "/answers/all/" + step).session(officer).with(csrf()))
                    .andExpect(redirectedUrl("/consultations/" + id + "/answers")).andReturn();
            String page = mvc.perform(get("/consultations/" + id + "/answers").session(officer)
                    .flashAttrs(done.getFlashMap())).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Document answersPage = Jsoup.parse(page);
            assertThat(answersPage.select(".flash.success")).as(step).isEmpty();
            assertThat(answersPage.select("#done")).as(step).isEmpty();
            assertThat(answersPage.select(".flash-area .flash").text()).as(step).isEqualTo(step.equals("publish")
                    ? "Không có câu trả lời nào đã được duyệt để công bố; không có thông báo nào được gửi."
                    : "Không có câu trả lời nào chờ bạn duyệt (câu trả lời do chính bạn soạn hoặc gửi duyệt phải do "
                            + "người khác duyệt); không có gì thay đổi.");
        }
        assertThat(jdbc.sql("SELECT status FROM consultation_answer WHERE id = ?").param(drafted.id())
                .query(String.class).single()).isEqualTo("DRAFT");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM consultation_notice n JOIN consultation_answer a ON a.id = n.answer_id
                WHERE a.consultation_id = ?""").param(id).query(Long.class).single()).isZero();
        // with an answer to submit, the step is done and said so
        var submitted = mvc.perform(post("/consultations/" + id + "/answers/all/submit").session(officer).with(csrf()))
                .andExpect(redirectedUrl("/consultations/" + id + "/answers"))
                .andExpect(flash().attribute("flashKey", "consultation.answers.all.submit"))
                .andExpect(flash().attribute("done", 1)).andReturn();
        assertThat(submitted.getFlashMap().get("noticeKey")).isNull();
    }

    private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static final SignedInUser SYT_OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));

    @Autowired
    Drafts drafts;

    @Autowired
    Consultations consultations;

    @Autowired
    ThemeGroups groups;

    @Autowired
    ConsultationAnswers answers;
}
