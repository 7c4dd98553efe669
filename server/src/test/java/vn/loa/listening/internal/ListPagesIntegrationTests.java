package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.loa.listening.FeedSources;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * The lists of listening that grow, read a page at a time on a real database: 2,300 sources, imports, quarantined
 * lines and alerts; the filters, the counts, the links that keep the filters, and addresses a person may mistype.
 * And an import left running by a process that died, marked interrupted at the next start (#13, items 6 and 7).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagesIntegrationTests {

    private static final int SOURCES = 2300;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedSources feeds;

    @Autowired
    PostImporter importer;

    @Autowired
    InterruptedImports interruptedImports;

    @Autowired
    Clock clock;

    /** A word in the names of this run's rows only. */
    private final String marker = "trang" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    private MockHttpSession coordinator;

    private long rule;

    @BeforeAll
    void sources2300AndAHundredAndTwentyAlerts() throws Exception {
        coordinator = signIn("coordinator");
        // every tenth switched off, every tenth (the next) failing, every tenth silent for a month; half from Facebook
        jdbc.sql("""
                INSERT INTO post_source (code, kind, created_at, name, url, platform, enabled, failures, last_item_at,
                                         silent_hours)
                SELECT 'rss-' || ? || '-' || lpad(g::text, 4, '0'), 'RSS', now() - interval '60 days',
                       'Nguồn thử ' || ? || ' số ' || lpad(g::text, 4, '0'),
                       'https://example.org/' || ? || '/' || g || '.xml', CASE WHEN g % 2 = 0 THEN 'facebook' ELSE 'news' END,
                       g % 10 <> 0, CASE WHEN g % 10 = 1 THEN 3 ELSE 0 END,
                       CASE WHEN g % 10 = 2 THEN now() - interval '30 days' ELSE now() END, 48
                FROM generate_series(1, ?) g""").params(marker, marker, marker, SOURCES).update();
        rule = jdbc.sql("""
                INSERT INTO alert_rule (agency_code, kind, threshold, created_by, created_at, enabled)
                VALUES (NULL, 'TOXIC_STORY', 5, 'system', now(), FALSE) RETURNING id""").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO alert (rule_id, agency_code, window_start, raised_at, observed, detail, post_ids, posts)
                SELECT ?, NULL, timestamptz '2001-01-01 00:00Z' + g * interval '1 hour',
                       timestamptz '2001-01-01 00:00Z' + g * interval '1 hour', 6, ? || ' ' || g, '{}', 6
                FROM generate_series(1, 120) g""").params(rule, marker).update();
    }

    /**
     * The application may not delete sources or alerts: the sources are switched off and listed after the feeds, the
     * alerts acknowledged, so that other tests' lists stay as they were.
     */
    @AfterAll
    void putThemAside() {
        jdbc.sql("UPDATE post_source SET enabled = FALSE, kind = 'IMPORT' WHERE code LIKE ?").param("rss-" + marker + "-%")
                .update();
        jdbc.sql("UPDATE alert SET acknowledged_at = now(), acknowledged_by = 'system' WHERE rule_id = ?").param(rule).update();
    }

    @Test
    void theSourcesPageShowsFiftyOf2300WithCountsAndLinksThatKeepTheFilter() throws Exception {
        Document first = page("/listening/sources?q=" + marker);
        assertThat(rows(first, "#sources-table")).hasSize(50);
        assertThat(rows(first, "#sources-table").get(0).text()).contains("Nguồn thử " + marker + " số 0001");
        assertThat(first.select(".pager-count").text()).isEqualTo("1–50 trong số 2.300");
        assertThat(first.select(".pager-page").text()).isEqualTo("Trang 1/46");
        String next = first.select(".pager a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/listening/sources?q=" + marker + "&page=2");

        Document second = page(next);
        assertThat(rows(second, "#sources-table")).hasSize(50);
        assertThat(rows(second, "#sources-table").get(0).text()).contains("số 0051");
        assertThat(second.select(".pager-count").text()).isEqualTo("51–100 trong số 2.300");
        assertThat(second.select(".pager a[rel=prev]").attr("href")).isEqualTo("/listening/sources?q=" + marker);
        assertThat(second.select(".pager a[rel=last]").attr("href")).isEqualTo("/listening/sources?q=" + marker + "&page=46");
        // the filter box shows what is being filtered by
        assertThat(second.select("#q").val()).isEqualTo(marker);

        // the whole list is paged too, and the English page writes its numbers the English way
        Document all = page("/listening/sources");
        assertThat(rows(all, "#sources-table")).hasSize(50);
        assertThat(page("/listening/sources?lang=en&q=" + marker).select(".pager-count").text()).isEqualTo("1–50 of 2,300");
    }

    @Test
    void theSourcesAreFoundByNameWhateverTheCaseAndDiacriticsAndByPlatformAndHealth() throws Exception {
        assertThat(names(page("/listening/sources?q=nguon thu " + marker + " so 0007")))
                .containsExactly("Nguồn thử " + marker + " số 0007");
        assertThat(names(page("/listening/sources?q=NGUỒN THỬ " + marker.toUpperCase() + " SỐ 0007")))
                .containsExactly("Nguồn thử " + marker + " số 0007");
        assertThat(count(page("/listening/sources?platform=facebook&q=" + marker))).isEqualTo("1–50 trong số 1.150");
        assertThat(count(page("/listening/sources?health=off&q=" + marker))).isEqualTo("1–50 trong số 230");
        assertThat(count(page("/listening/sources?health=failing&q=" + marker))).isEqualTo("1–50 trong số 230");
        assertThat(count(page("/listening/sources?health=silent&q=" + marker))).isEqualTo("1–50 trong số 230");
        assertThat(count(page("/listening/sources?health=ok&q=" + marker))).isEqualTo("1–50 trong số 1.610");
        Document failing = page("/listening/sources?health=failing&platform=news&q=" + marker);
        assertThat(rows(failing, "#sources-table")).allSatisfy(row -> assertThat(row.text()).contains("Lỗi 3 lần liên tiếp"));
        assertThat(failing.select(".pager a[rel=next]").attr("href"))
                .isEqualTo("/listening/sources?q=" + marker + "&platform=news&health=failing&page=2");
        assertThat(page("/listening/sources?q=" + marker + " không có").select("#sources-none")).hasSize(1);
    }

    @Test
    void aMistypedPageNumberOrSizeGivesTheNearestPageNeverAnError() throws Exception {
        String q = "/listening/sources?q=" + marker;
        assertThat(count(page(q + "&page=abc"))).isEqualTo("1–50 trong số 2.300");
        assertThat(count(page(q + "&page=-3"))).isEqualTo("1–50 trong số 2.300");
        assertThat(count(page(q + "&page=99999999999"))).isEqualTo("1–50 trong số 2.300");
        assertThat(count(page(q + "&page=99999"))).isEqualTo("2.251–2.300 trong số 2.300");
        Document big = page(q + "&size=100000");
        assertThat(rows(big, "#sources-table")).hasSize(200);
        assertThat(big.select(".pager a[rel=next]").attr("href")).isEqualTo(q + "&size=200&page=2");
        String refused = mvc.perform(get("/listening/sources").param("health", "sick").session(coordinator))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Tình trạng để lọc không hợp lệ.");
    }

    @Test
    void everyHeaderOfTheSourcesTableSaysWhatItsColumnHolds() throws Exception {
        Document sources = page("/listening/sources?q=" + marker);
        assertThat(sources.select("#sources-table thead th")).isNotEmpty()
                .allSatisfy(th -> assertThat(th.text()).as(th.outerHtml()).isNotBlank());
    }

    @Test
    void anImportedSourceShowsWhenItsImportSucceededAndThePageSaysItCountsPostsReceivedNotPublished() throws Exception {
        // not found by the marker: the other tests count the sources it finds
        String source = "received-" + marker.replace("trang", "nhan");
        assertThat(rows(page("/listening/sources?q=" + source), "#sources-table")).isEmpty();
        long receivedBefore = feeds.throughput().postsLastHour();
        // posts published a month ago, received now
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"news\",\"external_id\":\"")
                    .append(i).append("\",\"published_at\":\"").append(clock.instant().minus(Duration.ofDays(30)))
                    .append("\",\"text\":\"Bản tin cũ ").append(source).append(" số ").append(i)
                    .append(" về lịch cắt điện tại các xã ven biển\"}\n");
        }
        ImportSummary summary = importer.importFile(source + ".jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(4);
        Instant finished = jdbc.sql("SELECT finished_at FROM post_import WHERE id = ?").param(summary.importId())
                .query(Timestamp.class).single().toInstant();

        assertThat(feeds.throughput().postsLastHour()).as("received now, whenever published")
                .isGreaterThanOrEqualTo(receivedBefore + 4);
        Document page = page("/listening/sources?q=" + source);
        List<Element> row = rows(page, "#sources-table");
        assertThat(row).hasSize(1);
        assertThat(row.get(0).select(".source-last-success").text()).isEqualTo(LocalTime.format(finished))
                .matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(page.select("#throughput").text()).contains("bài mới nhận về trong 1 giờ qua",
                "bài mới nhận về trong 24 giờ qua").doesNotContain("bài mới trong giờ qua");
        assertThat(page.select("#throughput-explain").text()).contains("tính theo lúc nhận chứ không theo ngày đăng");
        Document english = page("/listening/sources?lang=en&q=" + source);
        assertThat(english.select("#throughput").text()).contains("new posts received in the last hour",
                "new posts received in the last 24 hours");
        assertThat(english.select("#throughput-explain").text()).contains("not by when they were published");
        assertThat(rows(english, "#sources-table").get(0).select(".source-last-success").text())
                .isEqualTo(LocalTime.format(finished));
    }

    @Test
    void anImportLeftRunningByAProcessThatDiedIsShownInterruptedAfterTheNextStart() throws Exception {
        // an import that stored three posts and quarantined a line, then its process died before writing its figures
        String killedSource = "killed-" + marker.replace("trang", "nhap");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            file.append("{\"source\":\"").append(killedSource).append("\",\"platform\":\"news\",\"external_id\":\"")
                    .append(i).append("\",\"published_at\":\"").append(clock.instant().minus(Duration.ofMinutes(5)))
                    .append("\",\"text\":\"Bản tin ").append(marker).append(" số ").append(i)
                    .append(" về giá điện và nước sinh hoạt tại phường\"}\n");
        }
        file.append("not json\n");
        ImportSummary summary = importer.importFile(killedSource + ".jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        long id = summary.importId();
        jdbc.sql("""
                UPDATE post_import SET finished_at = NULL, read = 0, stored = 0, duplicates = 0, quarantined = 0,
                       started_at = ? WHERE id = ?""").params(Timestamp.from(clock.instant().minus(Duration.ofHours(1))), id)
                .update();
        // an import this very process started is running, and stays so
        long running = jdbc.sql("""
                INSERT INTO post_import (file_name, actor, started_at) VALUES (?, 'admin', ?) RETURNING id""")
                .params("running-" + marker + ".jsonl", Timestamp.from(clock.instant().plusSeconds(1)))
                .query(Long.class).single();
        long runningBefore = feeds.throughput().importsRunning();
        assertThat(feeds.importRow(id).status()).isEqualTo("running");

        interruptedImports.markThoseOfProcessesGone();

        FeedSources.ImportRow killed = feeds.importRow(id);
        assertThat(killed.status()).isEqualTo("interrupted");
        assertThat(killed.interruptedAt()).isNotNull();
        assertThat(killed.stored()).isEqualTo(3);
        assertThat(killed.quarantined()).isEqualTo(1);
        assertThat(feeds.importRow(running).status()).isEqualTo("running");
        assertThat(feeds.throughput().importsRunning()).isEqualTo(runningBefore - 1);

        Document imports = page("/listening/sources/imports?status=interrupted");
        Element row = rows(imports, "#imports-table").stream().filter(r -> r.text().contains(killedSource))
                .findFirst().orElseThrow();
        assertThat(row.select(".import-status").text()).startsWith("Bị gián đoạn Loa đã dừng trước khi lần nhập này xong")
                .contains("3 bài đã lưu trước đó vẫn được giữ. Hãy nhập lại tệp");
        Document english = page("/listening/sources/imports?status=interrupted&lang=en");
        assertThat(english.select("#imports-table").text()).contains("Interrupted Loa stopped before this import finished")
                .contains("The 3 posts stored by then are kept. Import the file again");
        assertThat(rows(page("/listening/sources/imports?status=running"), "#imports-table"))
                .noneMatch(r -> r.text().contains(killedSource)).anyMatch(r -> r.text().contains("running-" + marker));
        jdbc.sql("UPDATE post_import SET finished_at = now() WHERE id = ?").param(running).update();
    }

    @Test
    void importsAndTheirQuarantinedLinesArePaged() throws Exception {
        jdbc.sql("""
                INSERT INTO post_import (file_name, actor, started_at, finished_at, read, stored)
                SELECT 'push:token:' || ? || g, 'token:' || ?, now() - interval '1 day', now() - interval '1 day', 1, 1
                FROM generate_series(1, 60) g""").params(marker, marker).update();
        Document imports = page("/listening/sources/imports?kind=push");
        assertThat(rows(imports, "#imports-table")).hasSize(50)
                .allSatisfy(r -> assertThat(r.select("th").text()).startsWith("Đẩy qua API bởi"));
        assertThat(imports.select(".pager a[rel=next]").attr("href")).isEqualTo("/listening/sources/imports?kind=push&page=2");
        assertThat(mvc.perform(get("/listening/sources/imports").param("status", "lost").session(coordinator))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Tình trạng để lọc không hợp lệ.");

        long id = jdbc.sql("""
                INSERT INTO post_import (file_name, actor, started_at, finished_at, read, quarantined)
                VALUES (?, 'admin', now(), now(), 120, 120) RETURNING id""").param("bad-" + marker + ".jsonl")
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO quarantined_line (import_id, line, reason, raw, created_at)
                SELECT ?, g, 'not JSON', 'line ' || g, now() FROM generate_series(1, 120) g""").param(id).update();
        Document first = page("/listening/sources/imports/" + id);
        assertThat(rows(first, "#quarantine-table")).hasSize(50);
        Document last = page("/listening/sources/imports/" + id + "?page=3");
        assertThat(rows(last, "#quarantine-table")).hasSize(20);
        assertThat(count(last)).isEqualTo("101–120 trong số 120");
        assertThat(rows(last, "#quarantine-table").get(0).select("th").text()).isEqualTo("101");
    }

    @Test
    void alertsArePagedOnTheirPageAndInTheApi() throws Exception {
        long total = jdbc.sql("SELECT count(*) FROM alert").query(Long.class).single();
        Document first = page("/alerts");
        assertThat(rows(first, "#alerts-table")).hasSize(50);
        assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("/alerts?page=2");
        Document last = page("/alerts?page=" + (total + 49) / 50);
        assertThat(last.select(".pager a[rel=next]")).isEmpty();
        assertThat(rows(last, "#alerts-table").getLast().text()).contains(marker + " 1");
        assertThat(page("/alerts?kind=TOXIC_STORY&open=true").select(".pager a[rel=next]").attr("href"))
                .isEqualTo("/alerts?open=true&kind=TOXIC_STORY&page=2");

        long toxic = jdbc.sql("SELECT count(*) FROM alert a JOIN alert_rule r ON r.id = a.rule_id WHERE r.kind = 'TOXIC_STORY'")
                .query(Long.class).single();
        mvc.perform(get("/api/v1/alerts").param("kind", "TOXIC_STORY").param("size", "200").session(coordinator))
                .andExpect(status().isOk()).andExpect(header().string("X-Total-Count", Long.toString(toxic)))
                .andExpect(jsonPath("$.length()").value((int) Math.min(200, toxic)))
                .andExpect(jsonPath("$[?(@.kind != 'TOXIC_STORY')]").isEmpty());
        MvcResult api = mvc.perform(get("/api/v1/alerts").session(coordinator)).andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", Long.toString(total))).andExpect(jsonPath("$.length()").value(50))
                .andReturn();
        assertThat(api.getResponse().getHeader("Link")).contains("</api/v1/alerts?page=2>; rel=\"next\"")
                .contains("rel=\"last\"").doesNotContain("rel=\"prev\"");
        for (String[] wrong : new String[][] {{"size", "500"}, {"size", "0"}, {"page", "0"}, {"page", "x"}}) {
            mvc.perform(get("/api/v1/alerts").param(wrong[0], wrong[1]).session(coordinator))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value(wrong[0]));
        }
    }

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path).session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private static List<Element> rows(Document page, String table) {
        return page.select(table + " tbody tr");
    }

    private static String count(Document page) {
        return page.select(".pager-count").text();
    }

    private static List<String> names(Document page) {
        return rows(page, "#sources-table").stream().map(row -> row.selectFirst("th span").text()).toList();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
