package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.consultation.internal.ConsultationAnswersTestData;
import vn.loa.shared.NotFound;

/**
 * The synthesis report of the demo consultation, opened with POI: Decree 30/2020 layout (A4, margins, Times New Roman,
 * national title and motto, page numbers from page 2, "Nơi nhận" left-aligned), one row per article with its count, groups, answers and what changed in the adopted
 * version; the public copy only once answers are out. Also the answers API, with its authorisation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SynthesisReportIntegrationTests {

    @Autowired
    ThemeGroups groups;

    @Autowired
    ConsultationAnswers answers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void theReportHasOneRowPerArticleWithItsAnswersAndWhatChangedInTheOfficialFormat() throws Exception {
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT", UUID.randomUUID().toString().substring(0, 8),
                200);
        long id = f.consultationId();
        assertThatThrownBy(() -> answers.publicReport(id)).isInstanceOf(NotFound.class);
        groups.regroup(id, ConsultationAnswersIntegrationTests.OFFICER);
        ThemeGroups.Group hours = groups.groups(id, ConsultationAnswersIntegrationTests.OFFICER).stream()
                .filter(a -> a.unitKey().equals("a10")).findFirst().orElseThrow().groups().getFirst();
        ThemeGroups.Answer a = answers.save(hours.id(), Verdict.PARTLY_ACCEPTED,
                "Tiếp thu: thu gom từ 16 giờ 30 đến 20 giờ 30 ở phường.", null, ConsultationAnswersIntegrationTests.OFFICER);
        a = answers.submit(a.id(), a.version(), ConsultationAnswersIntegrationTests.OFFICER);
        a = answers.approve(a.id(), a.version(), ConsultationAnswersIntegrationTests.SPOKESPERSON);
        answers.publish(a.id(), a.version(), ConsultationAnswersIntegrationTests.OFFICER);
        // its period over, as the closing job leaves it: only then is the final text adopted
        jdbc.sql("UPDATE consultation SET status = 'CLOSED' WHERE id = ?").param(id).update();
        int told = answers.adopt(id, f.finalVersionId(), ConsultationAnswersIntegrationTests.OFFICER);
        assertThat(told).isPositive();
        assertThat(jdbc.sql("SELECT status FROM consultation WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("ADOPTED");
        assertThat(jdbc.sql("SELECT count(*) FROM pub_publication WHERE source LIKE ? AND body LIKE ?")
                .params("consultation-notice:adopted:" + id + ":%", "%/public/consultations/" + id + "/changes%")
                .query(Long.class).single()).isEqualTo(told);
        // adopting twice is refused and tells nobody again
        assertThatThrownBy(() -> answers.adopt(id, f.finalVersionId(), ConsultationAnswersIntegrationTests.OFFICER))
                .isInstanceOf(vn.loa.shared.Conflict.class);

        MockHttpSession officer = signIn("officer");
        byte[] bytes = mvc.perform(get("/consultations/" + id + "/report.docx").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var section = doc.getDocument().getBody().getSectPr();
            assertThat(((BigInteger) section.getPgSz().getW())).isEqualTo(BigInteger.valueOf(11906));
            assertThat(((BigInteger) section.getPgSz().getH())).isEqualTo(BigInteger.valueOf(16838));
            assertThat(((BigInteger) section.getPgMar().getLeft()).intValue()).isBetween(1700, 1702);
            assertThat(((BigInteger) section.getPgMar().getRight()).intValue()).isBetween(850, 851);
            assertThat(((BigInteger) section.getPgMar().getTop()).intValue()).isBetween(1133, 1134);
            XWPFTable header = doc.getTables().getFirst();
            assertThat(header.getRow(0).getCell(1).getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc");
            assertThat(header.getRow(0).getCell(0).getText()).contains("SỞ Y TẾ");
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("BÁO CÁO", "Tổng hợp, giải trình, tiếp thu ý kiến góp ý", "02/11/2026", "01/12/2026",
                    "196");
            // the period is over: the agency has consulted (it says "đang" or "dự kiến" before, SynthesisReportUnitTests)
            assertThat(text).contains("đã lấy ý kiến góp ý đối với");
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) {
                    if (!r.text().isBlank()) {
                        assertThat(r.getFontFamily()).as(r.text()).isEqualTo("Times New Roman");
                    }
                }
            }
            // page numbers (Decree 30/2020): none on the first page, a PAGE field centred in the top margin of the others
            assertThat(section.isSetTitlePg()).isTrue();
            var policy = doc.getHeaderFooterPolicy();
            assertThat(policy.getFirstPageHeader().getText()).isBlank();
            assertThat(policy.getFirstPageHeader().getParagraphs().getFirst().getCTP().xmlText()).doesNotContain("PAGE");
            XWPFParagraph pageNumber = policy.getDefaultHeader().getParagraphs().getFirst();
            assertThat(pageNumber.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(pageNumber.getCTP().getRList()).anySatisfy(r -> assertThat(r.getInstrTextList())
                    .anySatisfy(i -> assertThat(i.getStringValue().strip()).isEqualTo("PAGE")));
            // "Nơi nhận:" left-aligned, bold italic, 12 pt; the list under it left-aligned at 11 pt
            List<XWPFParagraph> recipients = doc.getTables().getLast().getRow(0).getCell(0).getParagraphs();
            XWPFParagraph to = recipients.getFirst();
            assertThat(to.getText()).isEqualTo("Nơi nhận:");
            assertThat(to.getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
            assertThat(to.getRuns().getFirst().isBold()).isTrue();
            assertThat(to.getRuns().getFirst().isItalic()).isTrue();
            assertThat(to.getRuns().getFirst().getFontSizeAsDouble()).isEqualTo(12.0);
            assertThat(recipients.subList(1, recipients.size())).isNotEmpty().allSatisfy(p -> {
                assertThat(p.getText()).startsWith("- ");
                assertThat(p.getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
                assertThat(p.getRuns().getFirst().getFontSizeAsDouble()).isEqualTo(11.0);
            });
            assertThat(recipients.getLast().getText()).isEqualTo("- Lưu: VT.");
            XWPFTable rows = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
                    .findFirst().orElseThrow();
            List<String> header2 = rows.getRow(0).getTableCells().stream().map(c -> c.getText()).toList();
            assertThat(header2).containsExactly("STT", "Điều", "Số ý kiến", "Nội dung góp ý", "Giải trình, tiếp thu",
                    "Thay đổi trong văn bản cuối");
            // one row per article commented on (17 articles and the whole draft)
            assertThat(rows.getNumberOfRows() - 1).isEqualTo(18);
            XWPFTableRow article10 = rows.getRows().stream().filter(r -> r.getCell(1).getText().startsWith("Điều 10."))
                    .findFirst().orElseThrow();
            assertThat(Integer.parseInt(article10.getCell(2).getText())).isGreaterThanOrEqualTo(30);
            assertThat(article10.getCell(4).getText()).contains("Tiếp thu một phần. Tiếp thu: thu gom từ 16 giờ 30");
            assertThat(article10.getCell(5).getText()).isEqualTo("Sửa đổi");
            XWPFTableRow article3 = rows.getRows().stream().filter(r -> r.getCell(1).getText().startsWith("Điều 3."))
                    .findFirst().orElseThrow();
            assertThat(article3.getCell(5).getText()).isEqualTo("Giữ nguyên");
            assertThat(text).contains("Điều 12a", "bổ sung mới", "Điều 22. Xử lý vi phạm: sửa đổi");
            assertThat(text).doesNotContain("Điều 3. Giải thích từ ngữ: ");
            // a group is headed as a report reads: its article, or its theme said in words, never bare keywords
            List<String> headings = rows.getRows().stream().skip(1).flatMap(r -> r.getCell(3).getParagraphs().stream())
                    .map(XWPFParagraph::getText).filter(l -> l.startsWith("- ")).toList();
            String said = String.join("\n", headings);
            assertThat(headings).isNotEmpty().allSatisfy(h -> assertThat(h)
                    .matches("- (Ý kiến về Điều [^(]+|Nhóm ý kiến về: [^,(]+(, [^,(]+)?|Nhóm ý kiến số \\d+) \\(\\d+ ý kiến\\)(: «.*»)?"));
            assertThat(headings).anySatisfy(h -> assertThat(h).startsWith("- Nhóm ý kiến về: "));
            for (ThemeGroups.ArticleGroups article : groups.groups(id, ConsultationAnswersIntegrationTests.OFFICER)) {
                for (ThemeGroups.Group g : article.groups()) {
                    assertThat(said).doesNotContain("- " + g.label() + " (");
                }
            }
        }

        // the public copy holds the published answers only
        byte[] open = mvc.perform(get("/public/consultations/" + id + "/report.docx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(open))) {
            XWPFTable rows = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
                    .findFirst().orElseThrow();
            assertThat(rows.getNumberOfRows() - 1).isEqualTo(1);
        }
        mvc.perform(get("/consultations/" + id + "/report.docx").session(signIn("district"))).andExpect(status().isNotFound());
    }

    /**
     * The demo's 200 comments: a theme is named by words as the comments write them, with their diacritics ("khối",
     * not "khoi" from a comment typed without them), never by a word that says nothing of it ("thêm", "năm", "tỉnh"); a
     * group left without such words is named by its number in its article.
     */
    private static final String NOTHING_MORE = "Tôi đồng ý với dự thảo, không có ý kiến thêm.";

    @Test
    void theReportNamesEachThemeByWordsWrittenWithTheirDiacriticsAndNeverByAWordWithoutMeaning() throws Exception {
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT",
                UUID.randomUUID().toString().substring(0, 8), 200);
        long id = f.consultationId();
        groups.regroup(id, ConsultationAnswersIntegrationTests.OFFICER);
        List<String> withDiacritics = jdbc.sql("""
                SELECT body FROM consultation_contribution WHERE consultation_id = ? AND status = 'PUBLISHED'""")
                .param(id).query(String.class).list().stream()
                .map(b -> java.text.Normalizer.normalize(b, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT))
                .filter(b -> !vn.loa.nlp.AccentFolding.fold(b).equals(b)).toList();
        List<String> keywords = groups.groups(id, ConsultationAnswersIntegrationTests.OFFICER).stream()
                .flatMap(a -> a.groups().stream()).flatMap(g -> g.keywords().stream()).toList();
        assertThat(keywords).isNotEmpty().doesNotContain("thêm", "năm", "tỉnh", "khoi");
        // a word without diacritics names a theme only as a comment typed with them writes it ("kinh doanh")
        for (String k : keywords) {
            if (vn.loa.nlp.AccentFolding.fold(k).equals(k)) {
                assertThat(withDiacritics).as(k).anyMatch(b -> java.util.regex.Pattern
                        .compile("(?<!\\p{L})" + java.util.regex.Pattern.quote(k) + "(?!\\p{L})").matcher(b).find());
            }
        }
        // "Tôi đồng ý với dự thảo, không có ý kiến thêm.": no word of it names a theme, so its group is numbered
        ThemeGroups.ArticleGroups draft = groups.groups(id, ConsultationAnswersIntegrationTests.OFFICER).stream()
                .filter(a -> a.unitKey().equals("draft")).findFirst().orElseThrow();
        int place = 0;
        while (draft.groups().get(place).members().stream().noneMatch(m -> m.body().equals(NOTHING_MORE))) {
            place++;
        }
        ThemeGroups.Group unnamed = draft.groups().get(place);
        assertThat(unnamed.keywords()).isEmpty();
        assertThat(unnamed.named()).isFalse();
        MockHttpSession officer = signIn("officer");
        String number = "Nhóm ý kiến số " + (place + 1);
        assertThat(Jsoup.parse(mvc.perform(get("/consultations/" + id + "/groups").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#group-" + unnamed.id() + " .group-label").text()).isEqualTo(number);
        // the API gives it no label rather than a dash
        mvc.perform(get("/api/v1/consultations/" + id + "/answers").session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.groupId == " + unnamed.id() + ")].label").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.nullValue())));
        byte[] bytes = mvc.perform(get("/consultations/" + id + "/report.docx").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            XWPFTable rows = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
                    .findFirst().orElseThrow();
            // the themes' headings, without their counts and quotes (an article's own heading is its title)
            List<String> themes = rows.getRows().stream().skip(1).flatMap(r -> r.getCell(3).getParagraphs().stream())
                    .map(XWPFParagraph::getText).filter(l -> l.startsWith("- Nhóm ý kiến"))
                    .map(l -> l.replaceFirst(" \\(\\d+ ý kiến\\).*", "")).toList();
            assertThat(themes).isNotEmpty().contains("- " + number)
                    .noneMatch(h -> h.matches("(?i).*(?<!\\p{L})(thêm|năm|tỉnh|khoi)(?!\\p{L}).*"));
        }
    }

    @Test
    void theApiAnswersGroupsWithFourEyesAndHidesAnotherAgencysConsultation() throws Exception {
        ConsultationAnswersTestData.Fixture f = ConsultationAnswersTestData.create(jdbc, "SYT", UUID.randomUUID().toString().substring(0, 8),
                60);
        long id = f.consultationId();
        MockHttpSession officer = signIn("officer");
        mvc.perform(post("/api/v1/consultations/" + id + "/groups/regroup").session(officer).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contributions").value(59)); // one of the 60 was rejected
        String groupsJson = mvc.perform(get("/api/v1/consultations/" + id + "/groups").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long group = com.jayway.jsonpath.JsonPath.parse(groupsJson).read("$[0].groups[0].id", Long.class);
        mvc.perform(post("/api/v1/consultations/" + id + "/answers").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"groupId\":" + group + ",\"verdict\":\"MAYBE\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("verdict"));
        String answer = mvc.perform(post("/api/v1/consultations/" + id + "/answers").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"groupId\":" + group + ",\"verdict\":\"ACCEPTED\",\"reason\":\"Tiếp thu.\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long answerId = com.jayway.jsonpath.JsonPath.parse(answer).read("$.id", Long.class);
        mvc.perform(post("/api/v1/consultations/" + id + "/answers/" + answerId + "/submit").session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("version"));
        int drafted = com.jayway.jsonpath.JsonPath.parse(answer).read("$.version", Integer.class);
        String submitted = mvc.perform(post("/api/v1/consultations/" + id + "/answers/" + answerId + "/submit")
                        .session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + drafted + "}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String seen = "{\"version\":" + com.jayway.jsonpath.JsonPath.parse(submitted).read("$.version", Integer.class) + "}";
        mvc.perform(post("/api/v1/consultations/" + id + "/answers/" + answerId + "/approve").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(seen))
                .andExpect(status().isConflict());
        MockHttpSession district = signIn("district");
        mvc.perform(get("/api/v1/consultations/" + id + "/groups").session(district)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/consultations/" + id + "/answers").session(district)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/consultations/" + id + "/answers/" + answerId + "/approve").session(district).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/consultations/" + id + "/groups").session(district)).andExpect(status().isNotFound());
        MockHttpSession spokesperson = signIn("spokesperson");
        // an answer named under another consultation's path is not found there; a group of another is refused
        long other = ConsultationAnswersTestData.create(jdbc, "SYT", UUID.randomUUID().toString().substring(0, 8), 10)
                .consultationId();
        mvc.perform(post("/api/v1/consultations/" + other + "/answers/" + answerId + "/approve").session(spokesperson)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/consultations/" + other + "/answers").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"groupId\":" + group + ",\"verdict\":\"ACCEPTED\",\"reason\":\"Tiếp thu.\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("groupId"));
        mvc.perform(post("/api/v1/consultations/" + id + "/answers/" + answerId + "/approve").session(spokesperson)
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(seen)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/consultations/" + id + "/groups/corrections").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"RENAME\",\"contributionId\":"
                        + f.contributions().get(0) + ",\"label\":\"\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("label"));
        mvc.perform(post("/api/v1/consultations/answer-templates").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Tiếp thu " + id
                        + "\",\"verdict\":\"ACCEPTED\",\"body\":\"Cơ quan soạn thảo tiếp thu ý kiến về {article}.\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/consultations/answer-templates").session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Tiếp thu " + id + "')].agencyCode").value("SYT"));
        // the pages answer for the agency's own officer
        mvc.perform(get("/consultations/" + id + "/groups").session(officer)).andExpect(status().isOk());
        mvc.perform(get("/consultations/" + id + "/answers").session(officer)).andExpect(status().isOk());
        mvc.perform(get("/public/consultations/" + id + "/answers")).andExpect(status().isOk());
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
