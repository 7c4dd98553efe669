package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Periodic obligations on a real database, in a quarter of 2031 seen from May 2031: a conference not held in its
 * quarter is missing, one planned or held in the next quarter does not count, one held does; monthly information
 * counts published statements; each agency sees only its own lines and a journalist none; the spreadsheet read back
 * with POI and the report checked for the Decree 30/2020 format.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PressObligationsIntegrationTests {

    private static final SignedInUser ADMIN = new SignedInUser(1L, "admin", "Quản trị", null, null, Set.of(Role.ADMIN));
    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));

    @Autowired
    MockMvc mvc;

    @Autowired
    Obligations obligations;

    @Autowired
    TestClock clock;

    private Instant start;

    @org.junit.jupiter.api.BeforeEach
    void keepTheClock() {
        start = clock.instant();
    }

    @AfterEach
    void restoreTheClock() {
        clock.set(start);
    }

    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0).atZone(LocalTime.ZONE).toInstant();
    }

    private static Obligations.Line line(Obligations.Compliance c, String agency, Obligation obligation) {
        return c.lines().stream().filter(l -> l.agencyCode().equals(agency) && l.obligation() == obligation).findFirst()
                .orElseThrow();
    }

    @Test
    void aConferenceNotHeldInItsQuarterIsMissingAndOneHeldMeetsIt() throws Exception {
        clock.set(at(2031, 5, 2));
        obligations.enterRule(new Obligations.Rule(null, "STP", null, Obligation.PRESS_CONFERENCE, 3,
                LocalDate.of(2031, 1, 1), null, false, "Quy chế phát ngôn của Sở Tư pháp"), ADMIN);
        obligations.enterRule(new Obligations.Rule(null, "SNV", null, Obligation.PRESS_CONFERENCE, 3,
                LocalDate.of(2031, 1, 1), null, false, "Quy chế phát ngôn của Sở Nội vụ"), ADMIN);

        Obligations.Compliance before = obligations.compliance(2031, 1, COORDINATOR);
        assertThat(line(before, "STP", Obligation.PRESS_CONFERENCE).status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(line(before, "STP", Obligation.PRESS_CONFERENCE).periodStart()).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(line(before, "STP", Obligation.PRESS_CONFERENCE).periodEnd()).isEqualTo(LocalDate.of(2031, 3, 31));
        // the provincial People's Committee: each month of the quarter and the quarter's conference, by Art. 5
        assertThat(before.lines()).filteredOn(l -> l.obligation() == Obligation.MONTHLY_INFORMATION && l.legal())
                .extracting(Obligations.Line::periodStart).contains(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 2, 1),
                        LocalDate.of(2031, 3, 1));
        // the current quarter is not over: not missing yet
        assertThat(line(obligations.compliance(2031, 2, COORDINATOR), "STP", Obligation.PRESS_CONFERENCE).status())
                .isEqualTo(ComplianceStatus.PENDING);

        Obligations.Conference planned = obligations.schedule(new Obligations.Plan("STP", "Họp báo quý I", at(2031, 2, 10),
                "Sở Tư pháp", "Kết quả công tác quý I", List.of(), null), COORDINATOR);
        assertThat(line(obligations.compliance(2031, 1, COORDINATOR), "STP", Obligation.PRESS_CONFERENCE).status())
                .as("planned is not held").isEqualTo(ComplianceStatus.MISSING);
        Obligations.Conference late = obligations.schedule(new Obligations.Plan("SNV", "Họp báo muộn", at(2031, 4, 3),
                null, "Công tác cán bộ", List.of(), null), COORDINATOR);
        // not held before it takes place, nor held without a word of what was said
        Obligations.Conference coming = obligations.schedule(new Obligations.Plan("STP", "Họp báo sắp tới", at(2031, 5, 20),
                null, "Kế hoạch quý III", List.of(), null), COORDINATOR);
        assertThatThrownBy(() -> obligations.recordHeld(coming.id(), new Obligations.Held(null, "Biên bản", List.of()),
                COORDINATOR)).isInstanceOfSatisfying(Conflict.class,
                        e -> assertThat(e.messageKey()).isEqualTo("press.error.conference-not-yet"));
        assertThat(obligations.conference(coming.id(), COORDINATOR).status()).isEqualTo(ConferenceStatus.PLANNED);
        assertThatThrownBy(() -> obligations.recordHeld(late.id(), new Obligations.Held(" ", null, List.of()), COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("transcript"));
        obligations.recordHeld(late.id(), new Obligations.Held(null, "Biên bản", List.of()), COORDINATOR);
        obligations.recordHeld(planned.id(), new Obligations.Held("Báo cáo quý I", "Giám đốc Sở phát biểu.",
                List.of(new Obligations.Question("Báo Khánh Hòa", "Số vụ hòa giải thành?", "Đạt 82%."),
                        new Obligations.Question("Báo Tuổi Trẻ", "Kế hoạch quý II?", null))), COORDINATOR);
        assertThatThrownBy(() -> obligations.recordHeld(planned.id(), new Obligations.Held(null, null, List.of()), COORDINATOR))
                .isInstanceOf(Conflict.class);
        Obligations.Conference held = obligations.conference(planned.id(), COORDINATOR);
        assertThat(held.status()).isEqualTo(ConferenceStatus.HELD);
        assertThat(held.questions()).hasSize(2);
        assertThat(held.answered()).isEqualTo(1);

        Obligations.Compliance after = obligations.compliance(2031, 1, COORDINATOR);
        assertThat(line(after, "STP", Obligation.PRESS_CONFERENCE).status()).isEqualTo(ComplianceStatus.MET);
        assertThat(line(after, "STP", Obligation.PRESS_CONFERENCE).done()).isEqualTo(1);
        assertThat(line(after, "SNV", Obligation.PRESS_CONFERENCE).status()).as("held in the next quarter")
                .isEqualTo(ComplianceStatus.MISSING);
        assertThat(after.missing()).isPositive();

        // who sees what
        assertThat(obligations.compliance(2031, 1, OFFICER).lines()).extracting(Obligations.Line::agencyCode)
                .containsOnly("SYT");
        assertThatThrownBy(() -> obligations.compliance(2031, 1, JOURNALIST)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> obligations.compliance(2031, 5, COORDINATOR)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> obligations.enterRule(new Obligations.Rule(null, "STP", null, Obligation.PRESS_CONFERENCE,
                1, LocalDate.of(2032, 1, 1), null, false, "x"), COORDINATOR)).isInstanceOf(AccessDeniedException.class);
        MockHttpSession press = signIn("press");
        mvc.perform(get("/api/v1/press/obligations/compliance?year=2031&quarter=1").session(press))
                .andExpect(status().isForbidden());
        mvc.perform(get("/press/compliance/export.xlsx?year=2031&quarter=1").session(press)).andExpect(status().isForbidden());
        mvc.perform(get("/press/obligations/conferences/" + planned.id()).session(signIn("officer")))
                .andExpect(status().isNotFound());

        // the page, the spreadsheet and the report
        MockHttpSession coordinator = signIn("coordinator");
        // a refused record keeps what was typed: a transcript typed again is lost work
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/press/obligations/conferences/" + coming.id() + "/held").session(coordinator)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("questions", "Báo Khánh Hòa\nLịch tiêm chủng?").param("transcript", "Biên bản dài"))
                .andExpect(status().is3xxRedirection());
        // the page the refusal sends back to, which reads the message and what was typed once
        org.jsoup.nodes.Document kept = org.jsoup.Jsoup.parse(mvc.perform(get("/press/obligations/conferences/" + coming.id())
                .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(kept.select(".flash.error").text()).startsWith("Cuộc họp báo chưa diễn ra (theo lịch: 20/05/2031");
        assertThat(kept.select("#transcript-input").text()).isEqualTo("Biên bản dài");
        assertThat(kept.select("#questions").text()).contains("Lịch tiêm chủng?");
        String page = mvc.perform(get("/press/compliance?year=2031&quarter=1").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Không thực hiện", "Đã thực hiện", "Quy chế phát ngôn của Sở Nội vụ", "01/01/2031");
        assertThat(org.jsoup.Jsoup.parse(page).select("#action-error")).isEmpty();
        // a period that cannot be shown is said to be so, not replaced in silence nor answered with a bare 400
        for (String[] asked : new String[][] {{"abc", "1"}, {"1800", "9"}}) {
            String shown = mvc.perform(get("/press/compliance").param("year", asked[0]).param("quarter", asked[1])
                    .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(org.jsoup.Jsoup.parse(shown).select("#action-error").text())
                    .startsWith("Không có kỳ năm «" + asked[0] + "», quý «" + asked[1] + "»");
        }
        byte[] xlsx = mvc.perform(get("/press/compliance/export.xlsx?year=2031&quarter=1").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(format.formatCellValue(cell)));
                rows.add(cells);
            }
            // the quarter in Roman numerals, as the page heads it and administrative documents write it
            assertThat(rows.get(0).get(0)).isEqualTo("Thực hiện Nghị định 09/2017 quý I năm 2031")
                    .isEqualTo(org.jsoup.Jsoup.parse(page).select("h1").text());
            assertThat(workbook.getSheetName(0)).isEqualTo("Quý I năm 2031");
            // the period's days are dates to Excel, not text
            org.apache.poi.ss.usermodel.Cell from = workbook.getSheetAt(0).getRow(3).getCell(2);
            assertThat(from.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(from)).isTrue();
            assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("Sở Tư pháp", "Họp báo", "01/01/2031",
                    "31/03/2031", "1", "Đã thực hiện", "Quy chế phát ngôn của Sở Tư pháp"));
            assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("Sở Nội vụ", "Họp báo", "01/01/2031",
                    "31/03/2031", "0", "Không thực hiện", "Quy chế phát ngôn của Sở Nội vụ"));
        }
        byte[] docx = mvc.perform(get("/press/compliance/export.docx?year=2031&quarter=1").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var section = document.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(mm(section.getPgMar().getTop())).isBetween(20.0, 25.0);
            assertThat(mm(section.getPgMar().getLeft())).isBetween(30.0, 35.0);
            assertThat(mm(section.getPgMar().getRight())).isBetween(15.0, 20.0);
            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            for (XWPFTable table : document.getTables()) {
                table.getRows().forEach(row -> row.getTableCells().forEach(cell -> cell.getParagraphs()
                        .forEach(p -> runs.addAll(p.getRuns()))));
            }
            assertThat(runs).allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo("Times New Roman"));
            XWPFTable header = document.getTables().get(0);
            assertThat(header.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "/BC-UBND");
            XWPFRun date = header.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(date.isItalic()).isTrue();
            assertThat(date.getText(0)).isEqualTo("Khánh Hòa, ngày 02 tháng 5 năm 2031");
            String body = document.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
            assertThat(body).contains("BÁO CÁO", "quý I năm 2031",
                    "Nghị định số 09/2017/NĐ-CP ngày 09 tháng 02 năm 2017 của Chính phủ", "Sở Nội vụ",
                    "- Họp báo từ ngày 01/01/2031 đến ngày 31/03/2031: không thực hiện.",
                    "- Họp báo từ ngày 01/01/2031 đến ngày 31/03/2031: đã thực hiện (1 lần).");
            assertThat(document.getTables().get(1).getText()).contains("Nơi nhận:", "Lưu: VT.");
        }
        byte[] english = mvc.perform(get("/press/compliance/export.xlsx?year=2031&quarter=1&lang=en").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Decree 09/2017 compliance, quarter I of 2031");
        }
    }

    @Test
    void aRefusedConferenceKeepsTheOutletsTickedAsItKeepsWhatWasTyped() throws Exception {
        MockHttpSession spokesperson = signIn("spokesperson");
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(mvc.perform(get("/press/obligations").session(spokesperson))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> outlets = form.select("input[name=invited]").eachAttr("value");
        assertThat(outlets).hasSizeGreaterThanOrEqualTo(2);
        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/press/obligations/conferences").session(spokesperson)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("agencyCode", "SYT").param("title", "Họp báo thông tin dịch sốt xuất huyết")
                        .param("scheduledAt", "2031-05-20T09:00").param("place", "Hội trường Sở Y tế")
                        .param("agenda", "").param("invited", outlets.get(1)))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused);
        assertThat(page.select("input[name=invited][checked]").eachAttr("value")).containsExactly(outlets.get(1));
        assertThat(page.select("#title").val()).isEqualTo("Họp báo thông tin dịch sốt xuất huyết");
    }

    @Test
    void anAgencysStaffExportTheirAgencysOwnReportNotTheProvincesWithTheOtherAgenciesLeftOut() throws Exception {
        clock.set(at(2033, 5, 2));
        obligations.enterRule(new Obligations.Rule(null, "SYT", null, Obligation.PRESS_CONFERENCE, 3,
                LocalDate.of(2033, 1, 1), null, false, "Quy chế phát ngôn của Sở Y tế"), ADMIN);
        long missing = obligations.compliance(2033, 1, OFFICER).missing();
        assertThat(missing).isPositive();
        assertThat(obligations.compliance(2033, 1, COORDINATOR).missing()).as("the province's own lines too")
                .isGreaterThan(missing);

        byte[] docx = mvc.perform(get("/press/compliance/export.docx?year=2033&quarter=1").session(signIn("officer")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        "Content-Disposition", org.hamcrest.Matchers.containsString("bao-cao-nd09-2033-q1-syt.docx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String header = document.getTables().get(0).getText();
            assertThat(header).contains("SỞ Y TẾ", "Số:", "/BC-SYT").doesNotContain("/BC-UBND");
            String body = document.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
            assertThat(body).contains("Sở Y tế báo cáo kết quả thực hiện nghĩa vụ cung cấp thông tin định kỳ và họp báo của Sở Y tế",
                    "- Họp báo từ ngày 01/01/2033 đến ngày 31/03/2033: không thực hiện.",
                    "Sở Y tế có " + missing + " nghĩa vụ không thực hiện trong kỳ báo cáo.");
            // neither the province's voice nor a conclusion about agencies the officer does not see
            assertThat(body).doesNotContain("Ủy ban nhân dân tỉnh Khánh Hòa báo cáo", "Các cơ quan đã thực hiện đầy đủ",
                    "Có " + missing + " nghĩa vụ");
            String close = document.getTables().get(1).getText();
            assertThat(close).contains("Nơi nhận:", "Ủy ban nhân dân tỉnh Khánh Hòa (b/c)", "GIÁM ĐỐC")
                    .doesNotContain("TM. ỦY BAN NHÂN DÂN");
        }

        // a commune's officer, whose commune has no obligation watched: no "every agency met its obligations"
        byte[] commune = mvc.perform(get("/press/compliance/export.docx?year=2033&quarter=1").session(signIn("district")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(commune))) {
            String body = document.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
            assertThat(body).contains("không có nghĩa vụ cung cấp thông tin định kỳ hoặc họp báo được theo dõi")
                    .doesNotContain("Các cơ quan đã thực hiện đầy đủ", "Ủy ban nhân dân tỉnh Khánh Hòa báo cáo");
            // the commune's People's Committee issues and signs it, under no governing body (Decree 30/2020)
            String header = document.getTables().get(0).getText();
            assertThat(header).contains("ỦY BAN NHÂN DÂN XÃ NINH HẢI", "/BC-UBND").doesNotContain("TỈNH KHÁNH HÒA");
            assertThat(body).contains("Ủy ban nhân dân xã Ninh Hải báo cáo");
            assertThat(document.getTables().get(1).getText()).contains("TM. ỦY BAN NHÂN DÂN");
        }
    }

    @Test
    void aReportOfAQuarterWhoseObligationsAreNotDueYetDoesNotSayTheyWereMet() throws Exception {
        clock.set(at(2034, 5, 2));
        obligations.enterRule(new Obligations.Rule(null, "SYT", null, Obligation.PRESS_CONFERENCE, 3,
                LocalDate.of(2034, 1, 1), null, false, "Quy chế phát ngôn của Sở Y tế"), ADMIN);
        // the fourth quarter, seen from May: nothing due yet, for the province as for an agency
        for (String[] who : new String[][] {{"coordinator", "Trong kỳ báo cáo, chưa có nghĩa vụ nào đến hạn."},
                {"officer", "Trong kỳ báo cáo, chưa có nghĩa vụ nào của Sở Y tế đến hạn."}}) {
            byte[] docx = mvc.perform(get("/press/compliance/export.docx?year=2034&quarter=4").session(signIn(who[0])))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
                String body = document.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
                assertThat(body).as(who[0]).contains("chưa đến hạn, chưa thực hiện.", who[1])
                        .doesNotContain("đã thực hiện đầy đủ");
            }
        }
    }

    @Test
    void anObligationNotMetNearTheEndOfItsPeriodIsRemindedOnce() {
        clock.set(at(2031, 9, 26));
        obligations.enterRule(new Obligations.Rule(null, "SKHCN", null, Obligation.PRESS_CONFERENCE, 3,
                LocalDate.of(2031, 7, 1), null, false, "Quy chế phát ngôn của Sở Khoa học và Công nghệ"), ADMIN);
        assertThat(obligations.upcoming(COORDINATOR, 500)).anySatisfy(u -> {
            assertThat(u.agencyCode()).isEqualTo("SKHCN");
            assertThat(u.due()).isEqualTo(LocalDate.of(2031, 9, 30));
        });
        assertThat(obligations.remind()).isPositive();
        assertThat(obligations.remind()).isZero();
    }

    @Test
    void anAdministratorEntersAnAgencysOwnRuleOnThePageAndOthersMayNot() throws Exception {
        String source = "Quy chế phát ngôn của Sở Giáo dục và Đào tạo " + System.nanoTime();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/press/obligations/rules")
                        .session(signIn("officer")).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("agencyCode", "SGDDT").param("obligation", "MONTHLY_INFORMATION").param("everyMonths", "1")
                        .param("validFrom", "2031-01-01").param("source", source))
                .andExpect(status().is3xxRedirection());
        assertThat(obligations.rules(COORDINATOR)).extracting(Obligations.Rule::source).doesNotContain(source);
        MockHttpSession admin = signIn("admin");
        assertThat(mvc.perform(get("/press/obligations").session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"rule-form\"");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/press/obligations/rules")
                        .session(admin).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("agencyCode", "SGDDT").param("obligation", "MONTHLY_INFORMATION").param("everyMonths", "1")
                        .param("validFrom", "2031-01-01").param("source", source))
                .andExpect(status().is3xxRedirection());
        assertThat(obligations.rules(COORDINATOR)).anySatisfy(r -> {
            assertThat(r.source()).isEqualTo(source);
            assertThat(r.agencyCode()).isEqualTo("SGDDT");
            assertThat(r.legal()).isFalse();
            assertThat(r.validFrom()).isEqualTo(LocalDate.of(2031, 1, 1));
        });
    }

    private static double mm(Object twips) {
        return new BigInteger(twips.toString()).doubleValue() * 25.4 / 1440;
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
