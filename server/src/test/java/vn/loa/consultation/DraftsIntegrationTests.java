package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.consultation.internal.ConsultationTestData.COORDINATOR;
import static vn.loa.consultation.internal.ConsultationTestData.OFFICER;
import static vn.loa.consultation.internal.ConsultationTestData.OTHER_OFFICER;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.loa.TestClock;
import vn.loa.consultation.internal.ConsultationTestData;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Drafts and consultations on the database: the demo regulation imported and its final version compared article by
 * article, files that are not drafts refused naming the field, another agency's officer kept out, the minimum period
 * in force on the opening day with its legal source, a period already over refused when it is created, and the
 * closing job.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class DraftsIntegrationTests {

    @Autowired
    MockMvc mvc;

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession();
    }

    @Test
    void theDemoDraftIsAnA4DocumentWithTheMarginsOfDecree30() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        List<Long> versions = jdbc.sql("""
                SELECT v.id FROM consultation_draft_version v JOIN consultation_draft d ON d.id = v.draft_id
                WHERE d.title LIKE '%(dữ liệu trình diễn)' ORDER BY v.version_no""").query(Long.class).list();
        assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
        for (long version : versions) {
            byte[] docx = mvc.perform(get("/consultations/drafts/versions/" + version + "/draft.docx")
                    .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
                var section = document.getDocument().getBody().getSectPr();
                assertThat(section).as("version %d has its page set", version).isNotNull();
                assertThat(section.getPgSz().getW()).hasToString("11906");
                assertThat(section.getPgSz().getH()).hasToString("16838");
                // Decree 30/2020, Appendix I: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm (56.7 twips a mm)
                assertThat(Integer.parseInt(section.getPgMar().getTop().toString())).isBetween(1133, 1418);
                assertThat(Integer.parseInt(section.getPgMar().getBottom().toString())).isBetween(1133, 1418);
                assertThat(Integer.parseInt(section.getPgMar().getLeft().toString())).isBetween(1700, 1985);
                assertThat(Integer.parseInt(section.getPgMar().getRight().toString())).isBetween(850, 1134);
            }
        }
    }

    @Test
    void importsComparesAndRefusesThroughTheApiKeepingOtherAgenciesOut() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        MockHttpSession officer = signIn("officer");
        String marker = marker();
        MockMultipartFile v1 = new MockMultipartFile("file", "v1.docx", "application/octet-stream",
                ConsultationTestData.docx("draft-v1.txt", marker));
        String created = mvc.perform(multipart("/api/v1/consultations/drafts").file(v1).param("title", "API " + marker)
                        .param("agencyCode", "SNNMT").session(coordinator).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.draft.agencyCode").value("SNNMT"))
                .andExpect(jsonPath("$.versions[0].articles").value(24))
                .andReturn().getResponse().getContentAsString();
        long id = JsonMapper.builder().build().readTree(created).get("draft").get("id").asLong();
        mvc.perform(multipart("/api/v1/consultations/drafts/" + id + "/versions")
                        .file(new MockMultipartFile("file", "v2.docx", "application/octet-stream",
                                ConsultationTestData.docx("draft-v2.txt", marker)))
                        .param("final", "true").session(coordinator).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.versionNo").value(2));
        mvc.perform(get("/api/v1/consultations/drafts/" + id + "/diff").param("from", "1").param("to", "2")
                        .session(coordinator))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.key == 'a12a')].change").value("ADDED"));
        mvc.perform(get("/api/v1/consultations/drafts/" + id + "/diff").param("from", "1").param("to", "7")
                        .session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("to"));
        mvc.perform(multipart("/api/v1/consultations/drafts").file(new MockMultipartFile("file", "x.txt", "text/plain",
                        "không phải docx".getBytes(java.nio.charset.StandardCharsets.UTF_8))).param("title", "Sai tệp")
                        .session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("file"));
        mvc.perform(get("/api/v1/consultations/drafts/" + id).session(officer)).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/consultations/drafts").file(v1).param("title", "Của sở khác")
                .param("agencyCode", "SNNMT").session(officer).with(csrf())).andExpect(status().isForbidden());
        String consultation = mvc.perform(post("/api/v1/consultations").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"versionId": %d, "title": "API %s", "opensOn": "%s", "closesOn": "%s",
                                 "questions": ["Câu hỏi?"]}""".formatted(
                                jdbc.sql("SELECT id FROM consultation_draft_version WHERE draft_id = ? AND version_no = 1")
                                        .param(id).query(Long.class).single(), marker, today().plusDays(3),
                                today().plusDays(11))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("closesOn"))
                .andExpect(jsonPath("$.detail", containsString("64/2025/QH15"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(consultation).contains("20");
        mvc.perform(get("/api/v1/consultations").session(officer)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/consultations/drafts/" + id)).andExpect(status().isUnauthorized());
    }

    @Autowired
    Drafts drafts;

    @Autowired
    Consultations consultations;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private static String marker() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Test
    void importsTheDraftAndComparesItsFinalVersionArticleByArticle() {
        String marker = marker();
        Drafts.Draft draft = ConsultationTestData.draft(drafts, marker, OFFICER);
        assertThat(draft.agencyCode()).isEqualTo("SNNMT");
        assertThat(draft.latestVersion()).isEqualTo(1);
        Drafts.DraftVersion v1 = drafts.versions(draft.id(), OFFICER).get(0);
        assertThat(v1.articles()).isEqualTo(24);
        List<DraftUnit> units = drafts.units(v1.id());
        DraftUnit pointD = units.stream().filter(u -> u.key().equals("a5.k4.pđ")).findFirst().orElseThrow();
        assertThat(pointD.label()).isEqualTo("đ)");
        DraftUnit clause4 = units.stream().filter(u -> u.id() == pointD.parentId()).findFirst().orElseThrow();
        assertThat(clause4.key()).isEqualTo("a5.k4");

        Drafts.DraftVersion v2 = drafts.importVersion(draft.id(), "du-thao-v2.docx",
                ConsultationTestData.docx("draft-v2.txt", marker), "sau lấy ý kiến", true, OFFICER);
        assertThat(v2.versionNo()).isEqualTo(2);
        assertThat(v2.finalText()).isTrue();
        assertThat(v2.articles()).isEqualTo(25);
        List<ArticleDiff> diff = drafts.diff(draft.id(), 1, 2, COORDINATOR);
        assertThat(diff).filteredOn(d -> d.change() == ArticleDiff.Change.ADDED).extracting(ArticleDiff::key)
                .containsExactly("a12a");
        assertThat(diff).filteredOn(d -> d.change() == ArticleDiff.Change.CHANGED).hasSize(8);
        assertThat(drafts.file(v2.id(), OFFICER).bytes()).startsWith((byte) 'P', (byte) 'K');
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'consultation-draft.version-imported' AND target_id = ?")
                .param(String.valueOf(draft.id())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void refusesAFileThatIsNotADraftNamingTheField() {
        assertThatThrownBy(() -> drafts.importDraft(new Drafts.NewDraft(null, "Không phải DOCX", null, "a.txt",
                "Điều 1. Phạm vi".getBytes(java.nio.charset.StandardCharsets.UTF_8), null), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.messageKey()).isEqualTo("consultation.error.not-docx");
                });
        byte[] noArticle = ConsultationTestData.docxOf(List.of("KẾ HOẠCH", "Tuyên truyền"));
        assertThatThrownBy(() -> drafts.importDraft(new Drafts.NewDraft(null, "Kế hoạch", null, "k.docx", noArticle,
                null), OFFICER)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("consultation.error.no-article"));
    }

    @Test
    void keepsAnotherAgencysOfficerOut() {
        Drafts.Draft draft = ConsultationTestData.draft(drafts, marker(), OFFICER);
        assertThatThrownBy(() -> drafts.get(draft.id(), OTHER_OFFICER)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> drafts.importVersion(draft.id(), "v2.docx",
                ConsultationTestData.docx("draft-v2.txt", "x"), null, false, OTHER_OFFICER)).isInstanceOf(NotFound.class);
        assertThat(drafts.list(OTHER_OFFICER)).noneMatch(d -> d.id() == draft.id());
        assertThatThrownBy(() -> drafts.importDraft(new Drafts.NewDraft("SNNMT", "Dự thảo của sở khác", null, "d.docx",
                ConsultationTestData.docx("draft-v1.txt", "x"), null), OTHER_OFFICER))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesAPeriodShorterThanTheRuleInForceNamingItsSource() {
        Drafts.Draft draft = ConsultationTestData.draft(drafts, marker(), OFFICER);
        long versionId = drafts.versions(draft.id(), OFFICER).get(0).id();
        LocalDate opens = today().plusDays(3);
        assertThatThrownBy(() -> consultations.create(new Consultations.NewConsultation(versionId, "Quá ngắn", null,
                opens, opens.plusDays(18), List.of(), List.of(), List.of()), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("closesOn");
                    assertThat(e.arguments()).containsExactly(20, "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15",
                            19L);
                });
        Consultation twenty = consultations.create(new Consultations.NewConsultation(versionId, "Đủ 20 ngày", null,
                opens, opens.plusDays(19), List.of("Câu hỏi?"), List.of(), List.of("rác")), OFFICER);
        assertThat(twenty.periodRule().minDays()).isEqualTo(20);
        assertThat(twenty.periodRule().verified()).isFalse();
        assertThat(twenty.status()).isEqualTo(ConsultationStatus.DRAFT);
        assertThat(twenty.questions()).containsExactly("Câu hỏi?");
        LocalDate in2024 = LocalDate.of(2024, 6, 1);
        assertThat(consultations.periodRuleOn(in2024).orElseThrow().source()).contains("80/2015/QH13");
        // a period already over is refused when the consultation is created, not only when it is published
        assertThatThrownBy(() -> consultations.create(new Consultations.NewConsultation(versionId, "Năm 2024", null,
                in2024, in2024.plusDays(25), List.of(), List.of(), List.of()), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("closesOn");
                    assertThat(e.messageKey()).isEqualTo("consultation.error.closes-before-today");
                    assertThat(e.arguments()).containsExactly("26/06/2024", LocalTime.format(today()));
                    assertThat(e.all()).hasSize(1);
                });
        // another agency's draft: refused naming the version chosen
        assertThatThrownBy(() -> consultations.create(new Consultations.NewConsultation(versionId, "Sở khác", null,
                opens, opens.plusDays(30), List.of(), List.of(), List.of()), OTHER_OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("versionId");
                    assertThat(e.messageKey()).isEqualTo("consultation.error.version-not-yours");
                });
    }

    @Test
    void aConsultationPublishedAfterItsFirstDayOpensOnTheDayItIsPublishedAndMustStillRunItsMinimum() {
        Drafts.Draft draft = ConsultationTestData.draft(drafts, marker(), OFFICER);
        long versionId = drafts.versions(draft.id(), OFFICER).get(0).id();
        // planned for 23 days from ten days ago: published today, the public would have 13
        Consultation late = consultations.create(new Consultations.NewConsultation(versionId, "Công bố muộn", null,
                today().minusDays(10), today().plusDays(12), List.of(), List.of(), List.of()), OFFICER);
        assertThatThrownBy(() -> consultations.publish(late.id(), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("closesOn");
                    assertThat(e.messageKey()).isEqualTo("consultation.error.period-late");
                    assertThat(e.arguments()[2]).isEqualTo(13L);
                });
        assertThat(consultations.get(late.id(), OFFICER).status()).isEqualTo(ConsultationStatus.DRAFT);
        // planned from three days ago with room to spare: it opens today, and says so
        Consultation roomy = consultations.create(new Consultations.NewConsultation(versionId, "Còn đủ ngày", null,
                today().minusDays(3), today().plusDays(25), List.of(), List.of(), List.of()), OFFICER);
        Consultation published = consultations.publish(roomy.id(), OFFICER);
        assertThat(published.opensOn()).isEqualTo(today());
        assertThat(published.closesOn()).isEqualTo(today().plusDays(25));
    }

    @Test
    void publishesAndClosesWhenThePeriodEnds() {
        java.time.Instant real = clock.instant();
        try {
            Consultation c = ConsultationTestData.open(drafts, consultations, marker(), today(), OFFICER);
            assertThat(c.status()).isEqualTo(ConsultationStatus.OPEN);
            assertThat(consultations.openOn(today())).extracting(Consultation::id).contains(c.id());
            assertThatThrownBy(() -> consultations.publish(c.id(), OFFICER)).isInstanceOf(vn.loa.shared.Conflict.class);
            assertThatThrownBy(() -> consultations.get(c.id(), OTHER_OFFICER)).isInstanceOf(NotFound.class);
            clock.advance(java.time.Duration.ofDays(31));
            assertThat(consultations.closeDue()).isGreaterThanOrEqualTo(1);
            assertThat(consultations.get(c.id(), OFFICER).status()).isEqualTo(ConsultationStatus.CLOSED);
            assertThat(consultations.published(c.id())).isPresent();
        } finally {
            clock.set(real);
        }
    }
}
