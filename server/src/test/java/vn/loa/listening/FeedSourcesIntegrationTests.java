package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;

/** Feeds served by a real HTTP server on this machine: well-formed, broken and hostile. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedSourcesIntegrationTests {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    FeedSources feeds;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private HttpServer server;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Map<String, List<String>> conditionalHeaders = new ConcurrentHashMap<>();
    private final String marker = "feed" + ProcessHandle.current().pid();

    @BeforeAll
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionalHeaders.computeIfAbsent(path, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(String.valueOf(inm));
            if (path.equals("/to-metadata")) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            if (path.equals("/error")) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            if (path.equals("/huge.xml")) {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("<rss><channel>".getBytes(StandardCharsets.UTF_8));
                    byte[] chunk = "<item><title>x</title></item>".repeat(1000).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 400; i++) {
                        out.write(chunk);
                    }
                } catch (IOException ignored) {
                    // the reader stops at its limit and closes the connection
                }
                exchange.close();
                return;
            }
            byte[] body = bodies.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String etag = etags.get(path);
            if (etag != null && etag.equals(inm)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private FeedSources.Source add(String path, String xml) {
        bodies.put(path, xml.getBytes(StandardCharsets.UTF_8));
        return feeds.addFeed(new FeedSources.FeedForm("Báo thử " + path + " " + RUN.incrementAndGet() + " " + marker,
                url(path), "news", "SYT", 15, 48), Actor.SYSTEM);
    }

    @Test
    void readsRssWithConditionalGetKeepsAnItemWithoutGuidOrLinkAndQuarantinesOneWithoutTitleOrText() {
        String path = "/rss-" + RUN.incrementAndGet() + ".xml";
        etags.put(path, "\"v1\"");
        FeedSources.Source source = add(path, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Báo Ninh Thuận</title>
                <item><title>Khánh thành cầu mới %1$s</title><link>https://baoninhthuan.vn/a1</link><guid>a1</guid>
                  <pubDate>Mon, 02 Sep 2024 08:00:00 +0700</pubDate>
                  <description><![CDATA[<p>Người dân <b>phấn khởi</b> khi cầu mới thông xe &amp; đi lại dễ dàng %1$s</p><script>alert(1)</script>]]></description>
                  <dc:creator>Phóng viên A</dc:creator></item>
                <item><title>Bệnh viện tỉnh mở rộng khoa nhi %1$s</title><link>https://baoninhthuan.vn/a2</link>
                  <pubDate>Tue, 03 Sep 2024 09:30:00 GMT</pubDate><description>Khoa nhi có thêm 50 giường &#8220;mới&#8221; %1$s</description></item>
                <item><title>Mục không có đường dẫn %1$s</title><description>không có guid, không có link %1$s</description></item>
                <item><guid>a3</guid></item>
                </channel></rss>
                """.formatted(marker));
        // adding does not poll by itself; the page polls once right after adding
        FeedSources.PollResult first = feeds.poll(source.id());
        assertThat(first.status()).isEqualTo("IMPORTED");
        assertThat(first.read()).isEqualTo(4);
        assertThat(first.stored()).isEqualTo(3);
        assertThat(first.quarantined()).isEqualTo(1);
        Map<String, Object> post = jdbc.sql("SELECT title, text, url, author, published_at FROM post WHERE source_id = ? AND external_id = 'a1'")
                .param(source.id()).query().singleRow();
        assertThat((String) post.get("text")).isEqualTo("Người dân phấn khởi khi cầu mới thông xe & đi lại dễ dàng " + marker);
        assertThat(post.get("title")).isEqualTo("Khánh thành cầu mới " + marker);
        assertThat(jdbc.sql("SELECT external_id FROM post WHERE source_id = ? AND title LIKE 'Mục không có đường dẫn%'")
                .param(source.id()).query(String.class).single()).matches("sha256:[0-9a-f]{64}");
        assertThat(post.get("author")).isEqualTo("Phóng viên A");
        assertThat(((java.sql.Timestamp) post.get("published_at")).toInstant()).isEqualTo(Instant.parse("2024-09-02T01:00:00Z"));
        long importId = jdbc.sql("SELECT max(id) FROM post_import WHERE file_name = ?").param("feed:" + source.code())
                .query(Long.class).single();
        assertThat(feeds.quarantined(importId)).singleElement()
                .satisfies(line -> assertThat(line.reason()).isEqualTo("the item has no title and no text"));

        FeedSources.PollResult second = feeds.poll(source.id());
        assertThat(second.status()).isEqualTo("NOT_MODIFIED");
        assertThat(conditionalHeaders.get(path)).containsExactly("null", "\"v1\"");
        // the server forgets its ETag: everything is read again, nothing is stored twice
        etags.remove(path);
        FeedSources.PollResult third = feeds.poll(source.id());
        assertThat(third.stored()).isZero();
        assertThat(third.duplicates()).isEqualTo(3);
        FeedSources.Source after = feeds.find(source.id());
        assertThat(after.failures()).isZero();
        assertThat(after.lastSuccessAt()).isNotNull();
        assertThat(after.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
    }

    @Test
    void readsAtom() {
        FeedSources.Source source = add("/atom-" + RUN.incrementAndGet() + ".xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Cổng thông tin tỉnh</title>
                <entry><id>tag:ninhthuan.gov.vn,2024:1</id><title>Thông báo lịch tiếp công dân %1$s</title>
                  <link rel="alternate" href="https://ninhthuan.gov.vn/tb/1"/><updated>2024-09-04T07:00:00+07:00</updated>
                  <author><name>Văn phòng UBND tỉnh</name></author>
                  <summary type="html">&lt;p&gt;Lãnh đạo tỉnh tiếp công dân định kỳ %1$s&lt;/p&gt;</summary></entry>
                <entry><id>tag:ninhthuan.gov.vn,2024:2</id><title>Tuyển dụng viên chức %1$s</title>
                  <link href="https://ninhthuan.gov.vn/tb/2"/><published>2024-09-05T08:00:00Z</published></entry>
                </feed>
                """.formatted(marker));
        FeedSources.PollResult result = feeds.poll(source.id());
        assertThat(result.stored()).isEqualTo(2);
        List<Map<String, Object>> posts = jdbc.sql("SELECT text, url, author FROM post WHERE source_id = ? ORDER BY external_id")
                .param(source.id()).query().listOfRows();
        assertThat(posts.get(0).get("text")).isEqualTo("Lãnh đạo tỉnh tiếp công dân định kỳ " + marker);
        assertThat(posts.get(0).get("url")).isEqualTo("https://ninhthuan.gov.vn/tb/1");
        assertThat(posts.get(0).get("author")).isEqualTo("Văn phòng UBND tỉnh");
        // an entry without a summary is its title
        assertThat(posts.get(1).get("text")).isEqualTo("Tuyển dụng viên chức " + marker);
    }

    @Test
    void refusesHostileAndBrokenFeedsWithAReasonAndStoresNothing() {
        String secret = "root:x:0:0";
        Map<String, String> hostile = Map.of(
                "/xxe.xml", """
                        <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                        <rss><channel><item><guid>x1</guid><title>&xxe;</title></item></channel></rss>""",
                "/bomb.xml", """
                        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                        <rss><channel><item><guid>b1</guid><title>&lol4;</title></item></channel></rss>""",
                "/broken.xml", """
                        <rss><channel><item><guid>k1</guid><title>Tin bị cắt giữa chừng</title>""",
                "/html.xml", """
                        <!doctype html><html><body>Not a feed</body></html>""");
        for (Map.Entry<String, String> feed : hostile.entrySet()) {
            FeedSources.Source source = add(feed.getKey().replace(".xml", "-" + RUN.incrementAndGet() + ".xml"), feed.getValue());
            FeedSources.PollResult result = feeds.poll(source.id());
            assertThat(result.status()).as(feed.getKey()).isEqualTo("FAILED");
            assertThat(jdbc.sql("SELECT count(*) FROM post WHERE source_id = ?").param(source.id()).query(Long.class).single())
                    .as(feed.getKey()).isZero();
            FeedSources.Source after = feeds.find(source.id());
            assertThat(after.lastError()).as(feed.getKey()).isEqualTo(result.error()).isNotBlank();
            assertThat(after.failures()).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE text LIKE ?").param("%" + secret + "%").query(Long.class).single())
                .isZero();
        FeedSources.Source xxe = feeds.all().stream().filter(s -> s.url() != null && s.url().contains("/xxe-")).findFirst().orElseThrow();
        assertThat(xxe.lastError()).contains("DOCTYPE");
        FeedSources.Source broken = feeds.all().stream().filter(s -> s.url() != null && s.url().contains("/broken-")).findFirst().orElseThrow();
        assertThat(broken.lastError()).contains("not well-formed");
    }

    @Test
    void showsTheTitleOfAFeedItemDecodedOnThePostsPageTheStoryPageAndInTheApi() throws Exception {
        // as the issue found on the demo: an escaped entity inside CDATA, and HTML entities XML does not know
        FeedSources.Source source = add("/titles-" + RUN.incrementAndGet() + ".xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Báo điện tử</title>
                <item><title><![CDATA[Thanh tra dự án &gt;&gt; Đào lên làm lại %1$s]]></title><link>https://bao.example.vn/t1</link>
                  <description>&ldquo;Ai cho ph&eacute;p?&rdquo; &ndash; người dân hỏi về công trình %1$s</description></item>
                </channel></rss>
                """.formatted(marker));
        assertThat(feeds.poll(source.id()).stored()).isEqualTo(1);
        String title = "Thanh tra dự án >> Đào lên làm lại " + marker;
        MockHttpSession coordinator = signIn("coordinator");
        String api = "";
        for (int tries = 0; tries < 50 && !api.contains(marker); tries++) {
            Thread.sleep(tries == 0 ? 0 : 200);
            api = mvc.perform(get("/api/v1/posts").param("q", "\"Đào lên làm lại\" " + marker).session(coordinator))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(api).contains("\"title\":\"" + title + "\"").contains("\"text\":\"“Ai cho phép?” – người dân hỏi về công trình " + marker + "\"");
        String page = mvc.perform(get("/posts").param("q", "\"Đào lên làm lại\" " + marker).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<p class=\"post-title\" data-untrusted>Thanh tra dự án &gt;&gt; Đào lên làm lại " + marker + "</p>")
                .doesNotContain("&amp;gt;");
        long story = jdbc.sql("SELECT story_id FROM post WHERE source_id = ?").param(source.id()).query(Long.class).single();
        String storyPage = mvc.perform(get("/listening/stories/" + story).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(storyPage).contains("<p class=\"post-title\" data-untrusted>Thanh tra dự án &gt;&gt; Đào lên làm lại " + marker + "</p>");
    }

    @Test
    void readsHtmlEntitiesARawAmpersandAndAJsonFeed() {
        FeedSources.Source entities = add("/entities-" + RUN.incrementAndGet() + ".xml", """
                <rss version="2.0"><channel><item><guid>u1</guid><title>&nbsp;Gi&aacute; v&agrave;ng & USD %1$s</title>
                <link>https://bao.example.vn/v?a=1&b=2</link></item></channel></rss>""".formatted(marker));
        assertThat(feeds.poll(entities.id()).stored()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT title || ' ' || url FROM post WHERE source_id = ?").param(entities.id()).query(String.class).single())
                .isEqualTo("Giá vàng & USD " + marker + " https://bao.example.vn/v?a=1&b=2");
        FeedSources.Source json = add("/feed-" + RUN.incrementAndGet() + ".json", """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Tạp chí",
                 "items": [{"id": "j1", "url": "https://tapchi.example.vn/j1", "title": "Giống nho mới %1$s",
                            "content_html": "<p>Chịu hạn &amp; năng suất cao %1$s</p>"}]}""".formatted(marker));
        assertThat(feeds.poll(json.id()).stored()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT text FROM post WHERE source_id = ?").param(json.id()).query(String.class).single())
                .isEqualTo("Chịu hạn & năng suất cao " + marker);
    }

    @Test
    void refusesAFeedThatRedirectsToCloudMetadata() {
        FeedSources.Source source = feeds.addFeed(new FeedSources.FeedForm("Chuyển hướng " + marker, url("/to-metadata?" + marker),
                "news", "SYT", 15, 48), Actor.SYSTEM);
        FeedSources.PollResult result = feeds.poll(source.id());
        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).contains("169.254.169.254").contains("link-local");
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE source_id = ?").param(source.id()).query(Long.class).single()).isZero();
    }

    @Test
    void refusesAFeedInTheWrongEncodingAndOneOverTheSizeLimit() {
        String path = "/latin1-" + RUN.incrementAndGet() + ".xml";
        FeedSources.Source latin = add(path, "");
        bodies.put(path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><item><guid>l1</guid><title>Caf\u00e9 ph\u00e2n</title></item></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1));
        FeedSources.PollResult result = feeds.poll(latin.id());
        assertThat(result.status()).isEqualTo("FAILED");
        assertThat(result.error()).contains("not well-formed");

        FeedSources.Source huge = feeds.addFeed(new FeedSources.FeedForm("Quá lớn " + marker, url("/huge.xml?" + marker), "news",
                "SYT", 15, 48), Actor.SYSTEM);
        FeedSources.PollResult big = feeds.poll(huge.id());
        assertThat(big.status()).isEqualTo("FAILED");
        assertThat(big.error()).contains("larger than 10 MB");
    }

    @Test
    void aFailingFeedBacksOffTwiceAsLongEachTime() {
        FeedSources.Source source = feeds.addFeed(new FeedSources.FeedForm("Hỏng " + marker, url("/error?" + marker), "news",
                "SYT", 10, 48), Actor.SYSTEM);
        Instant before = Instant.now();
        assertThat(feeds.poll(source.id()).error()).contains("HTTP 500");
        assertThat(feeds.find(source.id()).nextPollAt()).isBetween(before.plus(Duration.ofMinutes(19)), before.plus(Duration.ofMinutes(21)));
        feeds.poll(source.id());
        assertThat(feeds.find(source.id()).nextPollAt()).isBetween(before.plus(Duration.ofMinutes(39)), before.plus(Duration.ofMinutes(41)));
        assertThat(feeds.find(source.id()).failures()).isEqualTo(2);
    }

    @Test
    void theFormRefusesEveryWrongFieldAndOnlyCoordinatorsManageSources() throws Exception {
        InvalidInput problems = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class, () -> feeds.addFeed(
                new FeedSources.FeedForm("", "ftp://x", "fax", "NOPE", 1, 0), Actor.SYSTEM));
        assertThat(problems.all()).extracting(InvalidInput::field)
                .containsExactly("name", "url", "platform", "agencyCode", "pollMinutes", "silentHours");
        MockHttpSession coordinator = signIn("coordinator");
        String path = "/page-" + RUN.incrementAndGet() + ".xml";
        bodies.put(path, ("<rss><channel><item><guid>p1</guid><title>Tin qua biểu mẫu " + marker + "</title></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8));
        mvc.perform(post("/listening/sources").session(coordinator).with(csrf()).param("name", "Biểu mẫu " + path)
                        .param("url", url(path)).param("platform", "news").param("agencyCode", "SYT")
                        .param("pollMinutes", "15").param("silentHours", "48"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("pollResult", new FeedSources.PollResult("IMPORTED", 1, 1, 0, 0, null)));
        String page = mvc.perform(get("/listening/sources").param("q", path).session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Biểu mẫu " + path).contains("Bình thường");
        mvc.perform(post("/listening/sources").session(coordinator).with(csrf()).param("name", "").param("url", "x"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/listening/sources").session(signIn("officer"))).andExpect(status().isForbidden());
        // a feed on this machine is refused unless allowed (the tests allow it): link-local is always refused
        FeedSources.Source metadata = feeds.addFeed(new FeedSources.FeedForm("Siêu dữ liệu " + marker,
                "http://169.254.169.254/latest/meta-data/", "news", "SYT", 15, 48), Actor.SYSTEM);
        assertThat(feeds.poll(metadata.id()).error()).contains("link-local");
    }

    @Test
    void aFeedIsChangedOnItsPageAndASaveFromAPageOpenedBeforeAColleaguesChangeIsRefusedKeepingWhatWasTyped()
            throws Exception {
        String oldPath = "/moved-from-" + RUN.incrementAndGet() + ".xml";
        String newPath = "/moved-to-" + RUN.incrementAndGet() + ".xml";
        etags.put(oldPath, "\"old\"");
        FeedSources.Source source = add(oldPath, "<rss><channel><item><guid>o1</guid><title>Tin cũ " + marker
                + "</title></item></channel></rss>");
        feeds.poll(source.id());
        assertThat(jdbc.sql("SELECT etag FROM post_source WHERE id = ?").param(source.id()).query(String.class).single())
                .isEqualTo("\"old\"");
        bodies.put(newPath, ("<rss><channel><item><guid>n1</guid><title>Tin ở địa chỉ mới " + marker
                + "</title></item></channel></rss>").getBytes(StandardCharsets.UTF_8));
        MockHttpSession first = signIn("coordinator");
        MockHttpSession second = signIn("admin");
        Document opened = Jsoup.parse(mvc.perform(get("/listening/sources/" + source.id()).session(second))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String seen = opened.select("#source-form input[name=seen]").val();
        assertThat(seen).isNotBlank();
        assertThat(opened.select("input[name=url]").val()).isEqualTo(url(oldPath));
        assertThat(opened.select("input[name=pollMinutes]").val()).isEqualTo("15");

        // the first moves the feed to its new address: polled afresh from there, without the old server's ETag
        String firstSeen = Jsoup.parse(mvc.perform(get("/listening/sources/" + source.id()).session(first)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).select("input[name=seen]").val();
        mvc.perform(post("/listening/sources/" + source.id()).session(first).with(csrf()).param("seen", firstSeen)
                        .param("name", source.name()).param("url", url(newPath)).param("agencyCode", "SYT")
                        .param("pollMinutes", "15").param("silentHours", "48"))
                .andExpect(status().is3xxRedirection());
        assertThat(feeds.find(source.id()).url()).isEqualTo(url(newPath));
        assertThat(jdbc.sql("SELECT etag FROM post_source WHERE id = ?").param(source.id()).query(String.class).optional())
                .isEmpty();
        feeds.poll(source.id());
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE source_id = ? AND text LIKE ?")
                .params(source.id(), "%Tin ở địa chỉ mới " + marker + "%").query(Long.class).single()).isEqualTo(1);

        // the second, from the page opened before, renames it: refused, the old address not put back, the name kept
        String refused = mvc.perform(post("/listening/sources/" + source.id()).session(second).with(csrf())
                        .param("seen", seen).param("name", "Báo đã đổi tên " + marker).param("url", url(oldPath))
                        .param("agencyCode", "SYT").param("pollMinutes", "30").param("silentHours", "48"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(feeds.find(source.id()).url()).isEqualTo(url(newPath));
        assertThat(feeds.find(source.id()).pollMinutes()).isEqualTo(15);
        Document page = Jsoup.parse(refused);
        assertThat(page.select("#changed-meanwhile").text()).contains("đã được người khác sửa", url(newPath));
        assertThat(page.select("input[name=name]").val()).isEqualTo("Báo đã đổi tên " + marker);

        // wrong fields are named, and what was typed stays
        String wrong = mvc.perform(post("/listening/sources/" + source.id()).session(second).with(csrf())
                        .param("seen", page.select("input[name=seen]").val()).param("name", "")
                        .param("url", "ftp://x").param("agencyCode", "NOPE").param("pollMinutes", "mười lăm")
                        .param("silentHours", "0"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrong).contains("Hãy đặt tên nguồn", "Địa chỉ phải là một URL", "Hãy chọn cơ quan quản lý nguồn",
                "Tần suất lấy tin phải từ 5 đến 1440 phút", "Số giờ cảnh báo phải từ 1 đến 720");
        assertThat(Jsoup.parse(wrong).select("input[name=pollMinutes]").val()).isEqualTo("mười lăm");

        // saved after reading the source as it is now
        mvc.perform(post("/listening/sources/" + source.id()).session(second).with(csrf())
                        .param("seen", page.select("input[name=seen]").val()).param("name", "Báo đã đổi tên " + marker)
                        .param("url", url(newPath)).param("agencyCode", "SGDDT").param("pollMinutes", "30")
                        .param("silentHours", "72"))
                .andExpect(status().is3xxRedirection());
        FeedSources.Source now = feeds.find(source.id());
        assertThat(now.name()).isEqualTo("Báo đã đổi tên " + marker);
        assertThat(now.agencyCode()).isEqualTo("SGDDT");
        assertThat(now.pollMinutes()).isEqualTo(30);
        assertThat(now.silentHours()).isEqualTo(72);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'source.changed' AND target_id = ?")
                .param(Long.toString(source.id())).query(Long.class).single()).isEqualTo(2);

        // only coordinators and administrators
        mvc.perform(get("/listening/sources/" + source.id()).session(signIn("officer"))).andExpect(status().isForbidden());
        mvc.perform(post("/listening/sources/" + source.id()).session(signIn("officer")).with(csrf()).param("name", "x"))
                .andExpect(status().isForbidden());
        assertThat(feeds.find(source.id()).name()).isEqualTo("Báo đã đổi tên " + marker);
    }

    @Test
    void theSourcesPageSaysWhyAFeedFailedInTheReadersLanguageAndKeepsTheStoredReasonForAnEngineer() throws Exception {
        String path = "/web-page-" + RUN.incrementAndGet() + ".xml";
        FeedSources.Source source = add(path, "<html><body>Trang chủ</body></html>");
        MockHttpSession coordinator = signIn("coordinator");
        FeedSources.PollResult result = (FeedSources.PollResult) mvc.perform(post("/listening/sources/" + source.id() + "/poll")
                .session(coordinator).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getFlashMap()
                .get("pollResult");
        String stored = "this is not an RSS, Atom or JSON feed (its root element is <html>)";
        assertThat(result.error()).isEqualTo(stored);
        String vietnamese = "Địa chỉ này không phải nguồn tin RSS, Atom hay JSON Feed (phần tử gốc là <html>); có thể đây là"
                + " một trang web thường.";
        Document page = sourcesPage(coordinator, source.name(), "vi", result);
        assertThat(page.select("#poll-result").text()).isEqualTo("Lấy tin thất bại: " + vietnamese);
        assertThat(page.select("#poll-result").attr("title")).isEqualTo(stored);
        assertThat(page.select("#sources-table .feed-error").text()).endsWith(": " + vietnamese);
        assertThat(page.select("#sources-table .feed-error").attr("title")).isEqualTo(stored);
        assertThat(sourcesPage(coordinator, source.name(), "en", null).select("#sources-table .feed-error").text())
                .endsWith(": This is not an RSS, Atom or JSON feed (its root element is <html>); it may be an ordinary web page.");
    }

    private Document sourcesPage(MockHttpSession session, String name, String language, FeedSources.PollResult flash)
            throws Exception {
        var request = get("/listening/sources").param("q", name).param("lang", language).session(session);
        if (flash != null) {
            request.flashAttr("pollResult", flash);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
