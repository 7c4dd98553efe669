package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.consultation.internal.ConsultationAnswersTestData;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * A contribution that is not about the draft, marked off-topic by an officer: it stays recorded and shown to officers
 * (badge, filter) and on the portal apart, leaves the theme groups and the per-article counts, and the synthesis report
 * (opened with POI) accounts for it in a section of its own; marking and unmarking are audited, refused to whoever may
 * not moderate, and a page showing an older version of the contribution changes nothing (409 through the API).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OffTopicContributionsIntegrationTests {

    private static final vn.loa.identity.SignedInUser OFFICER = ConsultationAnswersIntegrationTests.OFFICER;

    @Autowired
    Contributions contributions;

    @Autowired
    ThemeGroups groups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A contribution of the fixture on Điều 10, its text replaced by a complaint about a road, unique to the test. */
    private Contribution roadComplaint(ConsultationAnswersTestData.Fixture f, String marker) {
        long id = jdbc.sql("""
                SELECT k.id FROM consultation_contribution k JOIN consultation_draft_unit u ON u.id = k.unit_id
                WHERE k.consultation_id = ? AND u.unit_key = 'a10' AND k.status = 'PUBLISHED' ORDER BY k.id LIMIT 1""")
                .param(f.consultationId()).query(Long.class).single();
        jdbc.sql("UPDATE consultation_contribution SET body = ? WHERE id = ?")
                .params("Đường Ổ Gà " + marker + " trước nhà tôi hỏng nặng, đề nghị sửa sớm.", id).update();
        return contributions.get(id, OFFICER);
    }

    @Test
    void anOffTopicContributionLeavesTheGroupsAndCountsAndTheReportListsItApart() throws Exception {
        String marker = marker();
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT", marker, 60);
        long id = f.consultationId();
        int grouped = groups.regroup(id, OFFICER).contributions();
        Contribution road = roadComplaint(f, marker);
        long onArticle10 = contributions.countsPerUnit(id, OFFICER).get("a10");
        assertThat(contributions.offTopicCount(id, OFFICER)).isZero();

        assertThatThrownBy(() -> contributions.markOffTopic(road.id(), null, "Không về dự thảo", OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThatThrownBy(() -> contributions.markOffTopic(road.id(), road.version(), "x".repeat(301), OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("note"));
        Contribution marked = contributions.markOffTopic(road.id(), road.version(),
                " Phản ánh về đường giao thông, chuyển Sở Xây dựng ", OFFICER);
        assertThat(marked.offTopic()).isTrue();
        assertThat(marked.offTopicNote()).isEqualTo("Phản ánh về đường giao thông, chuyển Sở Xây dựng");
        assertThat(marked.offTopicBy()).isEqualTo(OFFICER.username());
        assertThat(marked.status()).isEqualTo(ContributionStatus.PUBLISHED);
        assertThat(marked.version()).isEqualTo(road.version() + 1);
        assertThat(audits("consultation-contribution.off-topic-marked", road.id())).isEqualTo(1);

        // recorded and listed for officers, counted apart, out of every group at once and at the next regrouping
        assertThat(contributions.list(id, null, null, true, OFFICER)).extracting(Contribution::id)
                .containsExactly(road.id());
        assertThat(contributions.list(id, null, null, false, OFFICER)).extracting(Contribution::id)
                .doesNotContain(road.id());
        assertThat(contributions.list(id, null, null, OFFICER)).extracting(Contribution::id).contains(road.id());
        assertThat(contributions.countsPerUnit(id, OFFICER)).containsEntry("a10", onArticle10 - 1);
        assertThat(contributions.offTopicCount(id, OFFICER)).isEqualTo(1);
        assertThat(members(id)).doesNotContain(road.id());
        assertThat(groups.ungrouped(id, OFFICER)).isZero();
        assertThat(groups.regroup(id, OFFICER).contributions()).isEqualTo(grouped - 1);
        assertThat(members(id)).doesNotContain(road.id());

        MockHttpSession officer = signIn("officer");
        byte[] bytes = mvc.perform(get("/consultations/" + id + "/report.docx").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            String text = String.join("\n", paragraphs);
            assertThat(paragraphs).contains("III. Ý KIẾN NGOÀI PHẠM VI DỰ THẢO");
            assertThat(text).contains("trong đó 1 ý kiến ngoài phạm vi dự thảo được tổng hợp riêng tại mục III",
                    "Ý kiến ngoài phạm vi dự thảo: 1 ý kiến.");
            assertThat(paragraphs).anySatisfy(p -> assertThat(p).startsWith("- " + road.reference() + " (gửi tại Điều 10")
                    .contains("«Đường Ổ Gà " + marker + " trước nhà tôi hỏng nặng, đề nghị sửa sớm.»")
                    .endsWith("Ghi chú: Phản ánh về đường giao thông, chuyển Sở Xây dựng"));
            XWPFTable rows = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
                    .findFirst().orElseThrow();
            XWPFTableRow article10 = rows.getRows().stream().filter(r -> r.getCell(1).getText().startsWith("Điều 10."))
                    .findFirst().orElseThrow();
            long inGroups = groups.groups(id, OFFICER).stream().filter(a -> a.unitKey().equals("a10")).findFirst()
                    .orElseThrow().contributions();
            assertThat(Long.parseLong(article10.getCell(2).getText())).isEqualTo(inGroups).isEqualTo(onArticle10 - 1);
            assertThat(rows.getRows()).allSatisfy(r -> assertThat(r.getCell(3).getText()).doesNotContain("Ổ Gà"));
        }

        // the portal shows it apart, marked, and not among the article's comments
        Document portal = Jsoup.parse(mvc.perform(get("/public/consultations/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(portal.select("#off-topic").text()).contains("Ý kiến ngoài phạm vi dự thảo (1)", "Đường Ổ Gà " + marker);
        assertThat(portal.select("#a10, article").text()).doesNotContain("Ổ Gà " + marker);

        // the officers' page: a badge, the filter, the count beside the articles'
        Document page = Jsoup.parse(mvc.perform(get("/consultations/" + id + "/contributions").param("scope", "off")
                .session(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#contribution-list > li")).hasSize(1);
        assertThat(page.select("#off-topic-" + road.id()).text()).isEqualTo("Ngoài phạm vi dự thảo");
        assertThat(page.select("#unmark-off-topic-" + road.id())).hasSize(1);
        assertThat(Jsoup.parse(mvc.perform(get("/consultations/" + id).session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).select("#off-topic-count").text()).endsWith("1");

        // unmarked: counted for its article again, waiting for the next regrouping
        Contribution unmarked = contributions.unmarkOffTopic(road.id(), marked.version(), OFFICER);
        assertThat(unmarked.offTopic()).isFalse();
        assertThat(unmarked.offTopicNote()).isNull();
        assertThat(contributions.countsPerUnit(id, OFFICER)).containsEntry("a10", onArticle10);
        assertThat(groups.ungrouped(id, OFFICER)).isEqualTo(1);
        assertThat(audits("consultation-contribution.off-topic-unmarked", road.id())).isEqualTo(1);
        assertThatThrownBy(() -> contributions.unmarkOffTopic(road.id(), unmarked.version(), OFFICER))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.messageKey())
                        .isEqualTo("consultation.error.off-topic.already-unmarked"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(mvc.perform(
                get("/consultations/" + id + "/report.docx").session(officer)).andReturn().getResponse()
                .getContentAsByteArray()))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("Ý kiến ngoài phạm vi dự thảo: 0 ý kiến.").doesNotContain("tại mục III");
        }
    }

    @Test
    void onlyWhoMayModerateMarksAndAStalePageChangesNothing() throws Exception {
        String marker = marker();
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT", marker, 20);
        long id = f.consultationId();
        Contribution road = roadComplaint(f, marker);
        String api = "/api/v1/consultations/" + id + "/contributions/" + road.id();
        String body = "{\"version\":" + road.version() + ",\"note\":\"Quảng cáo\"}";

        // a leader sees but does not moderate; another agency's officer does not even see it
        assertThatThrownBy(() -> contributions.markOffTopic(road.id(), road.version(), null,
                ConsultationAnswersIntegrationTests.LEADER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contributions.markOffTopic(road.id(), road.version(), null,
                ConsultationAnswersIntegrationTests.DISTRICT)).isInstanceOf(NotFound.class);
        mvc.perform(post(api + "/off-topic").session(signIn("leader")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post(api + "/off-topic").session(signIn("district")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        assertThat(contributions.get(road.id(), OFFICER).offTopic()).isFalse();
        assertThat(audits("consultation-contribution.off-topic-marked", road.id())).isZero();

        // the administrator's page shows it about the draft; meanwhile the coordinator marks it and takes the mark off
        MockHttpSession admin = signIn("admin");
        MockHttpSession coordinator = signIn("coordinator");
        String page = "/consultations/" + id + "/contributions";
        String seen = Jsoup.parse(mvc.perform(get(page).session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).selectFirst("#mark-off-topic-" + road.id()).parent()
                .selectFirst("input[name=version]").val();
        assertThat(seen).isEqualTo(String.valueOf(road.version()));
        String marked = mvc.perform(post(api + "/off-topic").session(coordinator).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.offTopic").value(true)).andReturn().getResponse().getContentAsString();
        int version = com.jayway.jsonpath.JsonPath.parse(marked).read("$.version", Integer.class);
        mvc.perform(post(api + "/on-topic").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + "}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.offTopic").value(false));
        Contribution now = contributions.get(road.id(), OFFICER);

        // the administrator's stale page marks nothing and is told who changed it and when
        mvc.perform(post(page + "/" + road.id() + "/off-topic").session(admin).with(csrf()).param("version", seen)
                .param("note", "Không liên quan")).andExpect(redirectedUrl(page));
        assertThat(contributions.get(road.id(), OFFICER).offTopic()).isFalse();
        String told = Jsoup.parse(mvc.perform(get(page).session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).select("#moderation-error").text();
        assertThat(told).startsWith("Góp ý " + road.reference() + " đã được Điều phối viên")
                .contains("thay đổi lúc " + LocalTime.format(now.offTopicAt())).contains("tải lại trang");
        // through the API the same is a 409, in Vietnamese or in English; without a version, a 422 naming it
        mvc.perform(post(api + "/off-topic").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Góp ý " + road.reference() + " đã được")))
                .andExpect(jsonPath("$.detail").value(containsString("Hãy tải lại trang")));
        mvc.perform(post(api + "/off-topic").session(admin).with(csrf()).param("lang", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Contribution " + road.reference()
                        + " was changed by")));
        mvc.perform(post(api + "/off-topic").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"Quảng cáo\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("version"));
        assertThat(audits("consultation-contribution.off-topic-marked", road.id())).isEqualTo(1);
        assertThat(audits("consultation-contribution.off-topic-unmarked", road.id())).isEqualTo(1);

        // the current version marks it; a rejected contribution cannot be marked
        Contribution done = contributions.markOffTopic(road.id(), now.version(), null, OFFICER);
        assertThat(done.offTopic()).isTrue();
        assertThat(done.offTopicNote()).isNull();
        Contribution rejected = contributions.reject(done.id(), ContributionStatus.PUBLISHED, "Quảng cáo", OFFICER);
        assertThat(rejected.version()).isEqualTo(done.version() + 1);
        assertThat(contributions.offTopicCount(id, OFFICER)).isZero();
        long other = jdbc.sql("""
                SELECT id FROM consultation_contribution WHERE consultation_id = ? AND status = 'PUBLISHED' AND id <> ?
                ORDER BY id LIMIT 1""").params(id, road.id()).query(Long.class).single();
        Contribution second = contributions.reject(other, ContributionStatus.PUBLISHED, "Trùng lặp", OFFICER);
        assertThatThrownBy(() -> contributions.markOffTopic(other, second.version(), null, OFFICER))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.messageKey())
                        .isEqualTo("consultation.error.off-topic.rejected"));
    }

    private List<Long> members(long consultationId) {
        return groups.groups(consultationId, OFFICER).stream().flatMap(a -> a.groups().stream())
                .flatMap(g -> g.members().stream()).map(ThemeGroups.Member::contributionId).toList();
    }

    private long audits(String action, long contributionId) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = ? AND target_id = ?")
                .params(action, String.valueOf(contributionId)).query(Long.class).single();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
