package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.Actor;

@SpringBootTest
@AutoConfigureMockMvc
class PostExportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    private final String marker = "xuatfile" + ProcessHandle.current().pid();

    private void importPosts() throws Exception {
        importPosts(marker);
    }

    private void importPosts(String marker) throws Exception {
        String file = ("{\"source\":\"export-test\",\"platform\":\"facebook\",\"external_id\":\"e1-%1$s\",\"published_at\":"
                + "\"2024-06-01T08:00:00+07:00\",\"text\":\"=HYPERLINK(\\\"http://x\\\") công thức độc hại %1$s\"}\n"
                + "{\"source\":\"export-test\",\"platform\":\"zalo\",\"external_id\":\"e2-%1$s\",\"published_at\":"
                + "\"2024-06-02T08:00:00+07:00\",\"text\":\"Người dân khen \\\"dịch vụ công\\\", nhanh & gọn <b>%1$s</b>\"}\n"
                + "{\"source\":\"export-test\",\"platform\":\"hotline\",\"external_id\":\"e3-%1$s\",\"published_at\":"
                + "\"2024-06-03T08:00:00+07:00\",\"text\":\"Phản ánh Sở Xây dựng cấp phép chậm %1$s\"}\n").formatted(marker);
        importer.importFile("export.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
    }

    @Test
    void exportsTheSearchAsCsvAndExcelWithWhatTheUserMaySeeAndNoFormulas() throws Exception {
        importPosts();
        byte[] csv = mvc.perform(get("/posts/export.csv").param("q", marker).session(signIn("coordinator")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"loa-posts-")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"id\",\"published_at\"");
        assertThat(text.lines().count()).isEqualTo(4);
        // each sentiment as a code and by its name in the reader's language ("unclear": "Chưa rõ", "Unclear")
        assertThat(text.lines().findFirst().orElseThrow()).contains("\"sentiment\",\"sentiment_name\"");
        assertThat(text.lines().skip(1)).allMatch(row -> java.util.stream.Stream.of("Tiêu cực", "Trung tính", "Tích cực",
                "Chưa rõ").anyMatch(name -> row.contains("\"" + name + "\"")));
        String english = mvc.perform(get("/posts/export.csv").param("q", marker).param("lang", "en")
                        .session(signIn("coordinator")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english.lines().skip(1)).hasSize(3).allMatch(row -> java.util.stream.Stream.of("Negative", "Neutral",
                "Positive", "Unclear").anyMatch(name -> row.contains("\"" + name + "\"")));
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\") công thức độc hại " + marker + "\"")
                .contains("\"Người dân khen \"\"dịch vụ công\"\", nhanh & gọn <b>" + marker + "</b>\"")
                .contains("Sở Xây dựng");

        // the press sees public posts only, in the file as on the page
        String press = mvc.perform(get("/posts/export.csv").param("q", marker).session(signIn("press")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(press.lines().count()).isEqualTo(3);
        assertThat(press).doesNotContain("Sở Xây dựng");

        // an officer of another agency sees the public posts only (a district: no rule routes a department's feedback there)
        byte[] xlsx = mvc.perform(get("/posts/export.xlsx").param("q", marker).session(signIn("district")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("nhanh &amp; gọn &lt;b&gt;" + marker).doesNotContain("Sở Xây dựng");
        assertThat(sheet.split("<row ").length - 1).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'posts.exported' AND details LIKE ?")
                .param("%" + marker + "%").query(Long.class).single()).isEqualTo(4);
        mvc.perform(get("/posts/export.pdf").session(signIn("officer"))).andExpect(status().isNotFound());
    }

    @Test
    void aCsvFileLoaExportedImportsAgainAsTheSamePosts() throws Exception {
        String marker = "khuhoi" + ProcessHandle.current().pid();
        importPosts(marker);
        String csv = mvc.perform(get("/posts/export.csv").param("q", marker).session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("\"external_id\"", "\"published_at\"", "\"source\"");
        // the times as the file writes them, day first, in Vietnam's time
        assertThat(csv).contains("\"01/06/2024 08:00:00\"");

        // into the same Loa: the same posts, every one a duplicate, none quarantined
        ImportSummary again = importer.importFile("loa-posts.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        assertThat(again.read()).isEqualTo(3);
        assertThat(again.quarantined()).isEmpty();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.stored()).isZero();

        // under another source (as into another Loa): stored, at the same time, with the same ids and texts
        String copy = "export-copy-" + marker;
        ImportSummary elsewhere = importer.importFile("loa-posts.csv", new ByteArrayInputStream(
                csv.replace("\"export-test\"", "\"" + copy + "\"").getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(elsewhere.quarantined()).isEmpty();
        assertThat(elsewhere.stored()).isEqualTo(3);
        record Stored(String externalId, java.time.Instant publishedAt, String text) {
        }
        java.util.function.Function<String, java.util.List<Stored>> postsOf = source -> jdbc.sql("""
                SELECT p.external_id, p.published_at, p.text FROM post p JOIN post_source s ON s.id = p.source_id
                WHERE s.code = ? AND p.text LIKE ? ORDER BY p.external_id
                """).params(source, "%" + marker + "%").query((rs, row) -> new Stored(rs.getString(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3))).list();
        java.util.List<Stored> original = postsOf.apply("export-test");
        java.util.List<Stored> imported = postsOf.apply(copy);
        assertThat(imported).extracting(Stored::externalId).containsExactly("e1-" + marker, "e2-" + marker, "e3-" + marker);
        assertThat(imported).extracting(Stored::publishedAt).containsExactlyElementsOf(
                original.stream().map(Stored::publishedAt).toList());
        // a text Excel would run as a formula keeps the apostrophe the file put before it; the others are as they were
        assertThat(imported.get(0).text()).isEqualTo("'" + original.get(0).text());
        assertThat(imported.subList(1, 3)).extracting(Stored::text).containsExactlyElementsOf(
                original.subList(1, 3).stream().map(Stored::text).toList());
    }

    @Test
    void aPostsStoryIsANumberInTheExcelFileAsItsIdIs() throws Exception {
        String marker = "cauchuyen" + ProcessHandle.current().pid();
        String file = ("{\"source\":\"export-test\",\"platform\":\"facebook\",\"external_id\":\"s1-%1$s\","
                + "\"published_at\":\"2024-06-04T08:00:00+07:00\",\"text\":\"Người dân phản ánh đường liên thôn ở xã bị"
                + " sạt lở nhiều đoạn sau những ngày mưa lớn kéo dài %1$s\"}\n").formatted(marker);
        importer.importFile("story.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM,
                null);
        Long story = jdbc.sql("SELECT story_id FROM post WHERE external_id = ?").param("s1-" + marker)
                .query(Long.class).single();
        assertThat(story).as("a text this long is a story of its own").isNotNull();
        byte[] xlsx = mvc.perform(get("/posts/export.xlsx").param("q", marker).session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Loa");
            assertThat(sheet.getRow(0).getCell(14).getStringCellValue()).isEqualTo("Số câu chuyện");
            org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(1).getCell(14);
            // a number Excel sorts and filters as one, not "a number stored as text"
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat((long) cell.getNumericCellValue()).isEqualTo(story);
        }
    }

    @Test
    void aTextTooLongForAnExcelCellIsCutThereAndSaysSoInTheReadersLanguageWhileTheCsvHasItAll() throws Exception {
        String marker = "baidai" + ProcessHandle.current().pid();
        StringBuilder text = new StringBuilder("Đơn thư của " + marker + ":");
        for (int i = 0; text.length() < 62_900; i++) {
            text.append(" Người dân xã Phước Dinh phản ánh đường ngập nước lần ").append(i).append('.');
        }
        String file = ("{\"source\":\"export-test\",\"platform\":\"facebook\",\"external_id\":\"long-%s\","
                + "\"published_at\":\"2024-06-05T08:00:00+07:00\",\"text\":\"%s\"}\n").formatted(marker, text);
        importer.importFile("long.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM,
                null);
        for (String[] language : new String[][] {{"vi", " […] (đã cắt bớt; bản CSV có đủ nội dung)"},
            {"en", " […] (cut short; the CSV file has it all)"}}) {
            byte[] xlsx = mvc.perform(get("/posts/export.xlsx").param("q", marker).param("lang", language[0])
                    .session(signIn("coordinator"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray();
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    new ByteArrayInputStream(xlsx))) {
                String cell = workbook.getSheet("Loa").getRow(1).getCell(6).getStringCellValue();
                assertThat(cell.length()).isLessThanOrEqualTo(32_767).isGreaterThan(32_000);
                assertThat(cell.substring(cell.length() - 100)).endsWith(language[1]);
                String kept = cell.substring(0, cell.length() - language[1].length());
                // cut between words, never within one
                assertThat(text.toString().startsWith(kept)).as("the cell begins with the text").isTrue();
                assertThat(text.charAt(kept.length())).isIn(' ', '.');
            }
        }
        String csv = mvc.perform(get("/posts/export.csv").param("q", marker).session(signIn("coordinator")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.contains("\"" + text + "\"")).as("the CSV holds the whole text").isTrue();
        assertThat(csv.contains("đã cắt bớt")).isFalse();
    }

    @Test
    void theExcelFileOpensAsAWorkbookWithEachPostAsTextInItsRow() throws Exception {
        // a marker of its own: the other test counts the exports of its marker
        String marker = "bangtinh" + ProcessHandle.current().pid();
        importPosts(marker);
        byte[] xlsx = mvc.perform(get("/posts/export.xlsx").param("q", marker).session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Loa");
            assertThat(sheet.getLastRowNum()).as("the header and three posts").isEqualTo(3);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
            // a file for a reader: its columns named in the reader's language, the labels by name, no codes
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Số bài");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Thời gian đăng (giờ Việt Nam)");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Nội dung");
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                org.apache.poi.ss.usermodel.Cell text = sheet.getRow(r).getCell(6);
                assertThat(text.getCellType()).as("a text, never a formula").isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                texts.add(text.getStringCellValue());
            }
            assertThat(texts).contains("=HYPERLINK(\"http://x\") công thức độc hại " + marker,
                    "Người dân khen \"dịch vụ công\", nhanh & gọn <b>" + marker + "</b>");
            // the id a number, the time a date Excel sorts and filters by, shown dd/mm/yyyy hh:mm:ss in Vietnam's time
            java.util.List<java.time.LocalDateTime> times = new java.util.ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                assertThat(row.getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm:ss");
                times.add(row.getCell(1).getLocalDateTimeCellValue());
            }
            assertThat(times).contains(java.time.LocalDateTime.of(2024, 6, 1, 8, 0), java.time.LocalDateTime.of(2024, 6, 3, 8, 0));
            assertThat(sheet.getPaneInformation().isFreezePane()).as("the header stays in view").isTrue();
            // the labels by name in the reader's language: the platform, the agency
            java.util.List<String> names = new java.util.ArrayList<>();
            header.forEach(cell -> names.add(cell.getStringCellValue()));
            assertThat(names).containsSubsequence("Nền tảng", "Nguồn", "Nội dung", "Sắc thái", "Chủ đề (chuyên mục báo)",
                    "Loại văn bản", "Lĩnh vực chính sách", "Độc hại", "Cơ quan", "Địa bàn").doesNotContain("sentiment",
                    "platform", "text", "agencies");
            java.util.List<String> platforms = new java.util.ArrayList<>();
            java.util.List<String> agencies = new java.util.ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                platforms.add(sheet.getRow(r).getCell(names.indexOf("Nền tảng")).getStringCellValue());
                agencies.add(sheet.getRow(r).getCell(names.indexOf("Cơ quan")).getStringCellValue());
            }
            assertThat(platforms).contains("Đường dây nóng", "Zalo");
            assertThat(agencies).anyMatch(name -> name.contains("Sở Xây dựng"));
        }
        // in English for an English reader
        byte[] english = mvc.perform(get("/posts/export.xlsx").param("q", marker).session(signIn("coordinator"))
                .cookie(new jakarta.servlet.http.Cookie("loa-lang", "en"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new ByteArrayInputStream(english))) {
            java.util.List<String> names = new java.util.ArrayList<>();
            workbook.getSheet("Loa").getRow(0).forEach(cell -> names.add(cell.getStringCellValue()));
            assertThat(names).startsWith("No.", "Published (Vietnam time)", "Platform").contains("Policy domain");
        }
    }

    @Test
    void theDownloadsRefuseWhatTheSearchPageRefusesAnsweringThePageWithItsMessagesNeverAFileWithOnlyItsHeader()
            throws Exception {
        String marker = "xuatsai" + ProcessHandle.current().pid();
        importPosts(marker);
        MockHttpSession leader = signIn("leader");
        String[][] mistakes = {{"sentiment", "bogus"}, {"topic", "bogus"}, {"place", "zzz"}, {"sort", "bogus"},
                {"from", "31/02/2026"}, {"to", "2026-02-28"}};
        for (String[] wrong : mistakes) {
            String onThePage = org.jsoup.Jsoup.parse(mvc.perform(get("/posts").param("q", marker).param(wrong[0], wrong[1])
                            .session(leader)).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).select("p.flash.error").text();
            assertThat(onThePage).as(wrong[0]).isNotBlank();
            for (String format : new String[] {"csv", "xlsx"}) {
                String answer = mvc.perform(get("/posts/export." + format).param("q", marker).param(wrong[0], wrong[1])
                                .session(leader))
                        .andExpect(status().isUnprocessableContent())
                        .andExpect(header().doesNotExist("Content-Disposition"))
                        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(answer);
                assertThat(page.select("p.flash.error").text()).as(format + " " + wrong[0]).isEqualTo(onThePage);
                assertThat(page.selectFirst("#q").val()).as("the search typed is kept").isEqualTo(marker);
            }
        }
        // a period that ends before it starts, which the search itself refuses, is refused before any byte of a file
        mvc.perform(get("/posts/export.csv").param("q", marker).param("from", "07/12/2024").param("to", "01/12/2024")
                        .session(leader))
                .andExpect(status().isUnprocessableContent()).andExpect(header().doesNotExist("Content-Disposition"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'posts.exported' AND details LIKE ?")
                .param("%" + marker + "%").query(Long.class).single()).as("nothing refused is recorded as exported")
                .isZero();
        // the same search without the mistake downloads its posts
        String csv = mvc.perform(get("/posts/export.csv").param("q", marker).param("sort", "relevance").session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(4);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
