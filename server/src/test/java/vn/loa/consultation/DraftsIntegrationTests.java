package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.consultation.internal.ConsultationTestData.COORDINATOR;
import static vn.loa.consultation.internal.ConsultationTestData.OFFICER;
import static vn.loa.consultation.internal.ConsultationTestData.OTHER_OFFICER;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
 * in force on the opening day with its legal source, and the closing job.
 */
@SpringBootTest
@Import(TestClock.Config.class)
class DraftsIntegrationTests {

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
        LocalDate opens = LocalDate.of(2026, 11, 2);
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
        assertThatThrownBy(() -> consultations.create(new Consultations.NewConsultation(versionId, "Năm 2024", null,
                in2024, in2024.plusDays(25), List.of(), List.of(), List.of()), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.arguments()[1].toString()).contains("80/2015/QH13"));
        assertThatThrownBy(() -> consultations.create(new Consultations.NewConsultation(versionId, "Sở khác", null,
                opens, opens.plusDays(30), List.of(), List.of(), List.of()), OTHER_OFFICER))
                .isInstanceOf(InvalidInput.class);
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
