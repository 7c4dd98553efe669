package vn.loa.press;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The spokesperson registry on a real database: a person entered, ended and withdrawn with nothing deleted, the flag
 * of an agency without a valid spokesperson, who may keep which agency's rows, the public JSON list without sign-in,
 * and the notice to the press management agency as a DOCX in the Decree 30/2020 format.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpokespersonRegistryIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser HEALTH_OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Spokespersons registry;

    @Test
    void anInspectorateWithoutSpokespersonIsFlaggedUntilOneIsEnteredAndAgainOnceTheTermEnds() {
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        assertThat(registry.agenciesWithoutSpokesperson(today)).contains("TTRA").doesNotContain("SYT", "56");
        Spokesperson head = registry.appoint(new Spokespersons.Appointment("TTRA", SpeakerCapacity.HEAD, null,
                "Mai Xuân Trường", "Chánh Thanh tra tỉnh", "0258 3822 001", "chanhthanhtra@example.vn", null, today, null),
                COORDINATOR);
        try {
            assertThat(registry.agenciesWithoutSpokesperson(today)).doesNotContain("TTRA");
            // a person authorised for one matter does not make the agency covered
            Spokesperson ended = registry.end(head.id(), today.minusDays(0), "Nghỉ hưu", COORDINATOR);
            assertThat(ended.validTo()).isEqualTo(today);
            assertThat(registry.agenciesWithoutSpokesperson(today.plusDays(1))).contains("TTRA");
            assertThatThrownBy(() -> registry.end(head.id(), today.plusDays(3), null, COORDINATOR)).isInstanceOf(Conflict.class);
        } finally {
            registry.withdraw(head.id(), "Dữ liệu kiểm thử", COORDINATOR);
        }
        // nothing is deleted: the withdrawn row and its three changes stay in the history
        Spokesperson withdrawn = registry.get(head.id());
        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(withdrawn.validOn(today)).isFalse();
        assertThat(registry.history("TTRA")).extracting(Spokesperson::id).contains(head.id());
        assertThat(registry.changes(head.id())).extracting(Spokespersons.Change::action)
                .containsExactly("APPOINTED", "ENDED", "WITHDRAWN");
        assertThat(registry.agenciesWithoutSpokesperson(today)).contains("TTRA");
        assertThatThrownBy(() -> registry.withdraw(head.id(), "lần nữa", COORDINATOR)).isInstanceOf(Conflict.class);
    }

    @Test
    void anAgencysOfficerKeepsOnlyItsOwnRowsAndEveryFieldAtFaultIsNamed() {
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        assertThatThrownBy(() -> registry.appoint(new Spokespersons.Appointment("STC", SpeakerCapacity.SPOKESPERSON, null,
                "Ai đó", "Phó Giám đốc", "0258 3822 002", "a@example.vn", null, today, null), HEALTH_OFFICER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.appoint(new Spokespersons.Appointment("SYT", SpeakerCapacity.AUTHORISED, " ",
                "", "", "gọi tôi", "không-phải-thư", "khong-co-ai", today, today.minusDays(1)), HEALTH_OFFICER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.all()).extracting(InvalidInput::field)
                        .containsExactly("matter", "fullName", "title", "phone", "email", "username", "validTo"));
        Spokesperson authorised = registry.appoint(new Spokespersons.Appointment("SYT", SpeakerCapacity.AUTHORISED,
                "Dịch sốt xuất huyết", "Võ Thị Hạnh", "Trưởng phòng Nghiệp vụ Y", "0258 3822 003", "hanh.vo@example.vn", null,
                today, null), HEALTH_OFFICER);
        try {
            assertThat(registry.validOn(today)).extracting(Spokesperson::id).contains(authorised.id());
            assertThat(authorised.matter()).isEqualTo("Dịch sốt xuất huyết");
        } finally {
            registry.withdraw(authorised.id(), "Dữ liệu kiểm thử", HEALTH_OFFICER);
        }
    }

    @Test
    void thePublicListIsJsonWithoutSignInAndWithoutAccountNames() throws Exception {
        String body = mvc.perform(get("/api/v1/press/spokespersons")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.agencyCode == 'SYT' && @.capacity == 'SPOKESPERSON')].fullName").value("Trần Minh Đức"))
                .andExpect(jsonPath("$[?(@.agencyCode == 'SYT')].agencyName").value(org.hamcrest.Matchers.hasItem("Sở Y tế")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("\"username\"", "enteredBy", "withdrawalReason");
        // the rest of the press API needs a sign-in
        mvc.perform(get("/api/v1/press/enquiries")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/press/spokespersons").with(csrf())).andExpect(status().isUnauthorized());
    }

    @Test
    void theNoticeToThePressManagementAgencyIsAnOfficialLetterInTheDecree30Format() throws Exception {
        MockHttpSession officer = signIn("officer");
        byte[] docx = mvc.perform(get("/press/spokespersons/notice/SYT.docx").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
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
            XWPFTable header = document.getTables().get(0);
            assertThat(header.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "SỞ Y TẾ", "Số:", "/TB-SYT", "Khánh Hòa, ngày ");
            // the national title bold at 12 to 13, the motto one size larger; the date in italics with a leading zero
            XWPFRun title = header.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0);
            XWPFRun motto = header.getRow(0).getCell(1).getParagraphs().get(1).getRuns().get(0);
            assertThat(title.isBold()).isTrue();
            assertThat(title.getFontSizeAsDouble()).isBetween(12.0, 13.0);
            assertThat(motto.getFontSizeAsDouble()).isEqualTo(title.getFontSizeAsDouble() + 1);
            XWPFRun date = header.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(date.isItalic()).isTrue();
            assertThat(date.getText(0)).matches("Khánh Hòa, ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}");
            String body = document.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
            assertThat(body).contains("THÔNG BÁO", "Về việc người phát ngôn và cung cấp thông tin cho báo chí",
                    "Kính gửi: Sở Văn hóa, Thể thao và Du lịch",
                    "Nghị định số 09/2017/NĐ-CP ngày 09 tháng 02 năm 2017 của Chính phủ",
                    "Trần Minh Đức, Phó Giám đốc: người phát ngôn", "Phan Văn Thịnh, Giám đốc: người đứng đầu cơ quan",
                    "phatngon.syt@demo.loa.local");
            assertThat(document.getParagraphs()).filteredOn(p -> p.getText().startsWith("Căn cứ")).singleElement()
                    .satisfies(p -> {
                        assertThat(p.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
                        assertThat(p.getIndentationFirstLine()).isPositive();
                    });
            assertThat(document.getTables().get(1).getText()).contains("Nơi nhận:", "Như trên", "Lưu: VT.", "GIÁM ĐỐC");
        }
        // another agency's officer may not have the Department of Health's notice
        mvc.perform(get("/press/spokespersons/notice/SYT.docx").session(signIn("district"))).andExpect(status().isNotFound());
    }

    @Autowired
    vn.loa.identity.AgencySigners signers;

    @Autowired
    vn.loa.identity.AgencyDirectory agencies;

    @Test
    void theNoticeMadeWhenDownloadedIsSignedByTheAgencysDefaultSignerAtThatTime() throws Exception {
        SignedInUser admin = new SignedInUser(1L, "admin", "Quản trị", null, null, java.util.Set.of(Role.ADMIN));
        var health = agencies.findByCode("SYT", java.time.LocalDate.now()).orElseThrow();
        Long formerDefault = signers.byDefault(health.id()).map(vn.loa.identity.AgencySigners.Signer::id).orElse(null);
        var deputy = signers.add(health.id(), "Tạ Văn Phát", "Phó Giám đốc", true, admin);
        try {
            byte[] docx = mvc.perform(get("/press/spokespersons/notice/SYT.docx").session(signIn("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
                assertThat(document.getTables().get(1).getRow(0).getCell(1).getParagraphs()).extracting(XWPFParagraph::getText)
                        .startsWith("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC").endsWith("Tạ Văn Phát")
                        .doesNotContain("(Ký, ghi rõ họ tên, đóng dấu)");
            }
        } finally {
            signers.remove(health.id(), deputy.id(), admin);
            if (formerDefault != null) {
                signers.makeDefault(health.id(), formerDefault, admin);
            }
        }
    }

    @Test
    void theProvincesNoticeCarriesThePeoplesCommitteesSymbolAndIsSignedOnItsBehalfByTheChairperson() throws Exception {
        String province = jdbc.sql("SELECT code FROM agency WHERE kind = 'PROVINCE' AND valid_to IS NULL").query(String.class)
                .single();
        byte[] docx = mvc.perform(get("/press/spokespersons/notice/" + province + ".docx").session(signIn("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String number = document.getTables().get(0).getRow(1).getCell(0).getText();
            assertThat(number).endsWith("/TB-UBND").doesNotContain(province);
            assertThat(document.getTables().get(1).getRow(0).getCell(1).getParagraphs()).extracting(XWPFParagraph::getText)
                    .startsWith("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        }
        // and a department's is its own, signed by its director
        byte[] health = mvc.perform(get("/press/spokespersons/notice/SYT.docx").session(signIn("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(health))) {
            assertThat(document.getTables().get(0).getRow(1).getCell(0).getText()).endsWith("/TB-SYT");
            assertThat(document.getTables().get(1).getRow(0).getCell(1).getParagraphs()).extracting(XWPFParagraph::getText)
                    .startsWith("GIÁM ĐỐC").doesNotContain("GIÁM ĐỐC SỞ Y TẾ");
        }
    }

    @Test
    void aRefusedEntryForAnAgencyWithNobodyStillShowsTheWholeRegisterUnderItsMessages() throws Exception {
        org.jsoup.nodes.Document before = org.jsoup.Jsoup.parse(mvc.perform(get("/press/spokespersons").session(signIn("coordinator")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        int listed = before.select("#valid-table tbody tr").size();
        assertThat(listed).isGreaterThan(1);
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(mvc.perform(post("/press/spokespersons")
                        .session(signIn("coordinator")).with(csrf()).param("agencyCode", "TTRA").param("capacity", "SPOKESPERSON")
                        .param("fullName", "Nguyễn Văn Thử").param("title", "Chánh Thanh tra").param("phone", "abc-xyz")
                        .param("email", "khong-phai-email"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#problems li").eachAttr("data-field")).contains("phone", "email");
        assertThat(refused.select("#valid-table tbody tr")).hasSize(listed);
        assertThat(refused.select("#fullName").val()).isEqualTo("Nguyễn Văn Thử");
    }

    @Test
    void theRegistryNamesEachSpeakerWithTheirTitleAsOnePhrase() throws Exception {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/press/spokespersons").session(signIn("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        // read as a text extractor reads a page, each text node apart: no space may fall before the comma
        List<String> speakers = new ArrayList<>();
        for (var row : page.select("tbody tr")) {
            List<String> pieces = new ArrayList<>();
            row.traverse((node, depth) -> {
                if (node instanceof org.jsoup.nodes.TextNode text && !text.isBlank()) {
                    pieces.add(text.text().strip());
                }
            });
            speakers.add(String.join(" ", pieces));
        }
        assertThat(speakers).anySatisfy(s -> assertThat(s).contains("Trần Minh Đức, Phó Giám đốc"));
        assertThat(speakers).noneSatisfy(s -> assertThat(s).contains(" ,"));
    }

    private static double mm(Object twips) {
        return new BigInteger(twips.toString()).doubleValue() * 25.4 / 1440;
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
