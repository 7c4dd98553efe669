package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.ApiTokens;
import vn.loa.shared.Actor;

@SpringBootTest
@AutoConfigureMockMvc
class PostImportIntegrationTests {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AgencyDirectory agencies;

    /** A source name of its own for each test, so tests never see each other's posts. */
    private static String source() {
        return "test-source-" + ProcessHandle.current().pid() + "-" + RUN.incrementAndGet();
    }

    private static String line(String source, String id, String text) {
        return "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"" + id
                + "\",\"url\":\"https://facebook.com/" + id + "\",\"author\":\"Người dân\","
                + "\"published_at\":\"2024-03-01T08:30:00+07:00\",\"text\":\"" + text + "\",\"reactions\":12}\n";
    }

    @Test
    void importsAFileThroughTheApiQuarantiningBadLinesAndKeepingTheRest() throws Exception {
        String source = source();
        String file = line(source, "a1", "Bệnh viện tỉnh Ninh Thuận quá tải, Sở Y tế cần kiểm tra ngay")
                + "{\"source\":\"" + source + "\",\"platform\":\"myspace\",\"external_id\":\"a2\",\"published_at\":\"2024-03-01T08:30:00Z\",\"text\":\"x\"}\n"
                + "{not json\n"
                + "\n"
                + line(source, "a3", "Cảm ơn chính quyền xã đã sửa đường rất nhanh");
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(multipart("/api/v1/posts/import")
                        .file(new MockMultipartFile("file", "posts.jsonl", "application/x-ndjson", file.getBytes(StandardCharsets.UTF_8)))
                        .session(coordinator).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(4))
                .andExpect(jsonPath("$.stored").value(2))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.quarantined[0].line").value(2))
                .andExpect(jsonPath("$.quarantined[0].reason", containsString("platform")))
                .andExpect(jsonPath("$.quarantined[1].line").value(3));

        var stored = jdbc.sql("""
                SELECT p.external_id, p.sentiment, p.agencies, p.places FROM post p JOIN post_source s ON s.id = p.source_id
                WHERE s.code = ? ORDER BY p.external_id
                """).param(source).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                List.of((String[]) rs.getArray(3).getArray()), List.of((String[]) rs.getArray(4).getArray()))).list();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get(2)).isEqualTo(List.of("SYT"));
        assertThat(stored.get(0).get(3)).isEqualTo(List.of("58@2008-08-01"));
        assertThat(jdbc.sql("SELECT count(*) FROM quarantined_line q JOIN post_import i ON i.id = q.import_id "
                + "WHERE q.reason LIKE 'platform%' AND q.raw LIKE ?").param("%" + source + "%").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void importingTheSameFileTwiceStoresNothingNew() throws IOException {
        String source = source();
        String file = line(source, "b1", "Giá điện tăng quá cao, người dân khó khăn trong mùa nắng nóng năm nay")
                + line(source, "b2", "Đề nghị tỉnh xem xét lại việc thu phí bến xe khách liên tỉnh mới");
        ImportSummary first = importer.importFile("b.jsonl", stream(file), Actor.SYSTEM, null);
        ImportSummary second = importer.importFile("b.jsonl", stream(file), Actor.SYSTEM, null);
        assertThat(first.stored()).isEqualTo(2);
        assertThat(second.stored()).isZero();
        assertThat(second.duplicates()).isEqualTo(2);
    }

    @Test
    void theSameLongTextFromAnotherSourceIsAnotherVoiceStoredInTheSameStory() throws IOException {
        String text = "Tuyến đường liên xã bị sạt lở nghiêm trọng sau trận mưa lớn đêm qua, xe máy không thể đi qua "
                + source();
        ImportSummary first = importer.importFile("c.jsonl", stream(line(source(), "c1", text) + line(source(), "c2", "Đồng ý")),
                Actor.SYSTEM, null);
        ImportSummary copy = importer.importFile("c.jsonl", stream(line(source(), "c9", text) + line(source(), "c8", "Đồng ý")),
                Actor.SYSTEM, null);
        assertThat(first.stored()).isEqualTo(2);
        assertThat(copy.stored()).as("the same words from another source are someone else's voice").isEqualTo(2);
        assertThat(copy.duplicates()).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT story_id), count(*) FROM post WHERE text = ?").param(text)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(1L, 2L);
    }

    @Test
    void nearDuplicatesJoinOneStory() throws IOException {
        String source = source();
        String original = "Nhà máy xả thải ra sông Dinh khiến cá chết hàng loạt, người dân ven sông bức xúc đề nghị xử lý nghiêm";
        ImportSummary summary = importer.importFile("d.jsonl", stream(line(source, "d1", original)
                + line(source, "d2", original + " 😡😡 #chiase")
                + line(source, "d3", "Lễ hội văn hóa Chăm Katê năm nay thu hút hàng nghìn du khách đến tham quan các đền tháp")),
                Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(3);
        List<Long> stories = jdbc.sql("""
                SELECT p.story_id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? ORDER BY p.external_id
                """).param(source).query(Long.class).list();
        assertThat(stories.get(0)).isNotNull().isEqualTo(stories.get(1));
        assertThat(stories.get(2)).isNotEqualTo(stories.get(0));
    }

    @Test
    void aCsvWithAMissingColumnIsRefusedNamingItAndStoresNothing() throws Exception {
        String csv = "source,platform,external_id,published_at\nx,facebook,e1,2024-03-01T08:30:00Z\n";
        long before = jdbc.sql("SELECT count(*) FROM post").query(Long.class).single();
        mvc.perform(multipart("/api/v1/posts/import")
                        .file(new MockMultipartFile("file", "posts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .session(signIn("admin")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail", containsString("\"text\"")));
        assertThat(jdbc.sql("SELECT count(*) FROM post").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void readsCsvWithQuotedFieldsAndLineBreaksAndQuarantinesShortRecords() throws IOException {
        String source = source();
        String csv = "source,platform,external_id,published_at,text,author\n"
                + source + ",zalo,f1,2024-03-01T08:30:00+07:00,\"Đường tối, không có đèn\nrất nguy hiểm cho người đi bộ\",\"Trần \"\"B\"\"\"\n"
                + source + ",zalo,f2,2024-03-01T08:30:00+07:00\n"
                + source + ",hotline,f3,2024-03-02T10:00:00,Phản ánh qua đường dây nóng về rác thải,\n";
        ImportSummary summary = importer.importFile("f.csv", stream(csv), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(2);
        assertThat(summary.quarantined()).extracting(ImportSummary.QuarantinedLine::line).containsExactly(4L);
        String author = jdbc.sql("SELECT author FROM post WHERE external_id = 'f1' AND source_id = "
                + "(SELECT id FROM post_source WHERE code = ?)").param(source).query(String.class).single();
        assertThat(author).isEqualTo("Trần \"B\"");
    }

    @Test
    void aHundredMegabyteLineIsQuarantinedAndTheNextLineStillStored() throws IOException {
        String source = source();
        InputStream huge = new InputStream() {
            private long left = 100L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };
        InputStream file = new SequenceInputStream(new SequenceInputStream(huge, stream("\n")),
                stream(line(source, "g1", "Người dân phản ánh chợ đầu mối xả rác ra đường mỗi sáng")));
        ImportSummary summary = importer.importFile("g.jsonl", file, Actor.SYSTEM, null);
        assertThat(summary.quarantined()).extracting(ImportSummary.QuarantinedLine::reason)
                .containsExactly("line is longer than 1024 KB");
        assertThat(summary.stored()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsCoordinatorsAndApiTokensMayImport() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "h.jsonl", "application/x-ndjson",
                line(source(), "h1", "Cảm ơn bệnh viện tỉnh đã chăm sóc chu đáo cho người bệnh").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/posts/import").file(file).session(signIn("officer")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/posts/import").file(file)).andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/posts/import").file(file).session(signIn("coordinator")))
                .andExpect(status().isForbidden());
        String token = tokens.issue("connector", agencies.findByCode("STTTT", LocalDate.of(2023, 5, 1)).orElseThrow().id(),
                Actor.SYSTEM).secret();
        mvc.perform(multipart("/api/v1/posts/import").file(file).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(1));
    }

    @Test
    void aConnectorPushesABatchWithItsTokenAndBadPostsAreQuarantinedByPlace() throws Exception {
        String source = source();
        String token = tokens.issue("facebook-connector",
                agencies.findByCode("STTTT", LocalDate.of(2023, 5, 1)).orElseThrow().id(), Actor.SYSTEM).secret();
        String body = "{\"posts\": [" + line(source, "p1", "Người dân phản ánh đèn đường hỏng nhiều ngày").strip() + ", "
                + "{\"source\": \"" + source + "\", \"platform\": \"facebook\"}, 42, "
                + line(source, "p2", "Cảm ơn phường đã dọn rác kịp thời").strip() + "]}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/posts")
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/json").content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(4))
                .andExpect(jsonPath("$.stored").value(2))
                .andExpect(jsonPath("$.quarantined[0].line").value(2))
                .andExpect(jsonPath("$.quarantined[0].reason", containsString("external_id")))
                .andExpect(jsonPath("$.quarantined[1].line").value(3))
                .andExpect(jsonPath("$.quarantined[1].reason").value("not a JSON object with the post's fields"));
        // an item that is not an object is kept as it came, and a text sent as an object is not stored as "{a=1}"
        String odd = "{\"posts\": [\"một bài\", null, {\"source\": \"" + source + "\", \"platform\": \"facebook\", "
                + "\"external_id\": \"p3\", \"published_at\": \"2024-03-01T08:30:00+07:00\", \"text\": {\"a\": 1}}]}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/posts")
                        .header("Authorization", "Bearer " + token).contentType("application/json").content(odd))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.quarantined[2].reason").value("text: must be text or a number, not an object"));
        assertThat(jdbc.sql("SELECT q.raw FROM quarantined_line q JOIN post_import i ON i.id = q.import_id "
                + "WHERE q.raw IN ('\"một bài\"', 'null') OR q.raw LIKE ? ORDER BY q.id").param("%\"p3\"%")
                .query(String.class).list()).containsSubsequence("\"một bài\"", "null")
                .anySatisfy(raw -> assertThat(raw).contains("\"text\":{\"a\":1}"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/posts")
                        .header("Authorization", "Bearer " + token).contentType("application/json").content("{\"posts\": ["))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("posts"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/posts")
                        .contentType("application/json").content(body))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenWritesOnlyIntoItsOwnAgencysSourcesAndOneUnstorableCharacterSetsOnlyItsLineApart() throws Exception {
        String source = source();
        String health = tokens.issue("health-connector", agencies.findByCode("SYT", LocalDate.of(2023, 5, 1)).orElseThrow().id(),
                Actor.SYSTEM).secret();
        String other = tokens.issue("other-connector", agencies.findByCode("STTTT", LocalDate.of(2023, 5, 1)).orElseThrow().id(),
                Actor.SYSTEM).secret();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/posts")
                        .header("Authorization", "Bearer " + health).contentType("application/json")
                        .content("{\"posts\": [" + line(source, "own-1", "Trạm y tế xã hết thuốc hạ sốt").strip() + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(1));
        // the source is the Department of Health's now: another agency's token cannot put a post there, which the
        // department would read as its own
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/posts")
                        .header("Authorization", "Bearer " + other).contentType("application/json")
                        .content("{\"posts\": [" + line(source, "foreign-1", "Bài viết lạ chen vào nguồn").strip() + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.quarantined[0].reason", containsString("belongs to another agency")));
        // a NUL in one post's text sets that line apart; the others are stored and the import finishes
        String nul = line(source, "own-3", "Có ký tự \\u0000 lạ").strip();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/posts")
                        .header("Authorization", "Bearer " + health).contentType("application/json")
                        .content("{\"posts\": [" + line(source, "own-2", "Đường vào trạm y tế ngập nước").strip() + ", "
                                + nul + ", " + line(source, "own-4", "Cảm ơn bác sĩ trạm y tế").strip() + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(2))
                .andExpect(jsonPath("$.quarantined[0].line").value(2))
                .andExpect(jsonPath("$.quarantined[0].reason", containsString("NUL")));
        assertThat(jdbc.sql("SELECT count(*) FROM post_import WHERE finished_at IS NULL AND file_name LIKE 'push:%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT q.raw FROM quarantined_line q WHERE q.raw LIKE ?").param("%own-3%").query(String.class)
                .single()).contains("\\u0000").doesNotContain("\u0000");
    }

    @Test
    void aLineThatCannotBeReadIsQuarantinedWithItsStartSoThatThePostCanBeFound() throws Exception {
        String source = source();
        byte[] latin = line(source, "cp1258", "Tr\u1EA1m").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        // a line written in Windows-1258 (0xE0 is "à" there, not UTF-8), then one longer than the limit
        file.write(("{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"win\",\"text\":\"Nh")
                .getBytes(StandardCharsets.US_ASCII));
        file.write(new byte[] {(byte) 0xE0, 'y'});
        file.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        file.write(line(source, "long", "x".repeat(1024 * 1024 + 10)).getBytes(StandardCharsets.UTF_8));
        file.write(latin);
        ImportSummary summary;
        try (InputStream in = new java.io.ByteArrayInputStream(file.toByteArray())) {
            summary = importer.importFile("mixed.jsonl", in, Actor.SYSTEM, null);
        }
        assertThat(summary.stored()).isEqualTo(1);
        assertThat(summary.quarantined()).extracting(ImportSummary.QuarantinedLine::line).containsExactly(1L, 2L);
        List<String> raw = jdbc.sql("SELECT raw FROM quarantined_line WHERE import_id = ? ORDER BY line")
                .param(summary.importId()).query(String.class).list();
        assertThat(raw.get(0)).contains("\"external_id\":\"win\"").contains("Nh\uFFFDy");
        assertThat(raw.get(1)).startsWith("{\"source\":\"" + source + "\"").contains("\"external_id\":\"long\"");
    }

    @Test
    void aFileInUtf16OrWithExcelsSemicolonsIsRefusedSayingHowToSaveIt() throws Exception {
        MockHttpSession coordinator = (MockHttpSession) mvc.perform(formLogin("/login").user("coordinator")
                .password("loa-demo")).andReturn().getRequest().getSession(false);
        byte[] utf16 = ("source,platform,external_id,published_at,text\n" + source() + ",zalo,1,2024-03-01T08:30:00+07:00,"
                + "Người dân hỏi\n").getBytes(StandardCharsets.UTF_16);
        String page = mvc.perform(multipart("/posts/import").file(new MockMultipartFile("file", "unicode.csv", "text/csv", utf16))
                        .session(coordinator).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"import-error\"").contains("UTF-16");
        mvc.perform(multipart("/api/v1/posts/import").file(new MockMultipartFile("file", "unicode.jsonl", "application/x-ndjson",
                        line(source(), "u16", "Người dân hỏi").getBytes(StandardCharsets.UTF_16))).session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail", containsString("UTF-16")));
        byte[] excel = ("\uFEFFsource;platform;external_id;published_at;text\r\n" + source()
                + ";zalo;1;2024-03-01T08:30:00+07:00;Người dân hỏi\r\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/posts/import").file(new MockMultipartFile("file", "excel.csv", "text/csv", excel))
                        .session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail", containsString("dấu chấm phẩy")));
    }

    @Autowired
    List<vn.loa.platform.CliCommand> commands;

    @Test
    void theLoadGeneratorWritesPostsThatImportCleanlyAndTheSameSeedGivesTheSameFile() throws Exception {
        vn.loa.platform.CliCommand generator = commands.stream().filter(c -> c.name().equals("generate-posts"))
                .findFirst().orElseThrow();
        java.nio.file.Path first = java.nio.file.Files.createTempFile("generated", ".jsonl");
        java.nio.file.Path second = java.nio.file.Files.createTempFile("generated", ".jsonl");
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        assertThat(generator.run(List.of("--count", "1500", "--out", first.toString(), "--seed", "7"), quiet, quiet)).isZero();
        assertThat(generator.run(List.of("--count", "1500", "--out", second.toString(), "--seed", "7"), quiet, quiet)).isZero();
        assertThat(java.nio.file.Files.readAllBytes(first)).isEqualTo(java.nio.file.Files.readAllBytes(second));
        try (InputStream in = java.nio.file.Files.newInputStream(first)) {
            ImportSummary summary = importer.importFile("generated.jsonl", in, Actor.SYSTEM, null);
            assertThat(summary.read()).isEqualTo(1500);
            assertThat(summary.quarantined()).isEmpty();
            assertThat(summary.stored() + summary.duplicates()).isEqualTo(1500);
        }
        // the roll-ups, summed in the importer, agree with the posts counted afresh in SQL
        assertThat(vn.loa.listening.internal.RollupChecks.mismatches(jdbc)).isEmpty();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
