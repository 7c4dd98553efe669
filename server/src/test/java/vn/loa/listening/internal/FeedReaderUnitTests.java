package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.loa.listening.internal.FeedCorpusUnitTests.address;
import static vn.loa.listening.internal.FeedCorpusUnitTests.bytes;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the feed reader makes of the corpus's feeds beyond titles and links, and how it refuses hostile XML. */
class FeedReaderUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private final FeedReader reader = new FeedReader(JsonMapper.builder().build());

    private List<FeedReader.Item> read(String file) throws FeedException {
        return reader.read(bytes(file), null, address(file), NOW);
    }

    private List<FeedReader.Item> read(String xml, String contentType) throws FeedException {
        return reader.read(xml.getBytes(StandardCharsets.UTF_8), contentType, URI.create("https://feeds.example.vn/f.xml"), NOW);
    }

    @Test
    void keepsTheLinkOfAnRss10ItemBesideModuleElementsAndReadsItsModules() throws FeedException {
        List<FeedReader.Item> items = read("rss-1.0-modules.rdf");
        assertThat(items).extracting(FeedReader.Item::url)
                .containsExactly("https://sotttt.example.vn/tin/1", "https://sotttt.example.vn/tin/2");
        FeedReader.Item first = items.get(0);
        assertThat(first.id()).isEqualTo("https://sotttt.example.vn/tin/1");
        assertThat(first.text()).isEqualTo("Mỗi xã có một tổ công nghệ số cộng đồng.");
        assertThat(first.author()).isEqualTo("Phòng Bưu chính");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-09-10T01:00:00Z"));
    }

    @Test
    void readsContentEncodedAndDublinCoreInRss20() throws FeedException {
        FeedReader.Item first = read("rss-2.0-content-encoded.xml").get(0);
        assertThat(first.id()).isEqualTo("https://doan.example.vn/?p=512");
        assertThat(first.text()).isEqualTo("Hơn 300 đoàn viên nhặt rác dọc bãi biển.\nThu được 2 tấn rác nhựa.");
        assertThat(first.author()).isEqualTo("Nguyễn Văn Bình");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-09-07T23:00:00Z"));
    }

    @Test
    void readsADoctypeFeedAfterRomesOwnReaderHasParsedXmlInTheSameJvm() throws Exception {
        // ROME's SyndFeedInput.build(Reader) turns disallow-doctype-decl on, and the parsers made after it by the same
        // JVM-wide factory keep it (the CI run whose test order put a ROME user first refused every DOCTYPE feed)
        new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(
                "<rss version=\"2.0\"><channel><title>t</title><link>https://example.org/</link><description>d</description>"
                        + "</channel></rss>"));
        assertThat(read("rss-0.91-netscape-doctype.xml")).isNotEmpty();
    }

    @Test
    void decodesHtmlNamedEntitiesAndTakesRawAmpersandsAsText() throws FeedException {
        assertThat(read("rss-2.0-html-entities.xml")).extracting(FeedReader.Item::text)
                .containsExactly("“Áp dụng từ 15 giờ” …", "Nghỉ 9 ngày · từ 25/1 → 2/2");
        List<FeedReader.Item> vnexpress = read("rss-2.0-raw-ampersand.xml");
        assertThat(vnexpress.get(0).text()).isEqualTo("Vàng miếng lên 81 triệu đồng & USD tự do 25.400 đồng.");
        assertThat(vnexpress.get(1).text()).isEqualTo("Q&A với chuyên gia & nhà đầu tư");
        assertThat(read("rss-0.91-netscape-doctype.xml").get(0).text()).isEqualTo("Crème brûlée & café glacé à 3 €");
    }

    @Test
    void stripsMarkupScriptsAndEscapedEntitiesFromTitlesAndTexts() throws FeedException {
        List<FeedReader.Item> items = read("rss-2.0-cdata-markup.xml");
        assertThat(items.get(0).title()).isEqualTo("Thanh tra dự án đường Cao Thắng >> Đào lên làm lại");
        assertThat(items.get(0).text()).isEqualTo("Ông Đua hỏi: \"Ai cho phép?\"");
        assertThat(items.get(1).title()).isEqualTo("Nóng: mưa lớn ở vùng núi");
        assertThat(items.get(1).text()).isEqualTo("Lượng mưa > 100 mm");
        assertThat(read("atom-1.0-rich-content.xml").get(0).text()).isEqualTo("Hơn 5 km đường mới.");
    }

    @Test
    void givesAnItemWithoutGuidOrLinkAnIdentityFromItsContentThatStaysTheSame() throws FeedException {
        List<FeedReader.Item> items = read("rss-2.0-no-guid-no-link.xml");
        assertThat(items).extracting(FeedReader.Item::problem).containsOnlyNulls();
        assertThat(items).extracting(FeedReader.Item::id).allMatch(id -> id.matches("sha256:[0-9a-f]{64}"))
                .doesNotHaveDuplicates();
        assertThat(read("rss-2.0-no-guid-no-link.xml")).extracting(FeedReader.Item::id)
                .isEqualTo(items.stream().map(FeedReader.Item::id).toList());
        // an item without a title is its text, and one with neither is quarantined
        assertThat(items.get(2).text()).isEqualTo("Chỉ có nội dung: họp dân về quy hoạch công viên.");
        assertThat(read("rss-2.0-link-only.xml")).extracting(FeedReader.Item::id).containsExactly(
                "https://huyen.example.vn/ngan-sach-q3", "https://huyen.example.vn/tiep-cong-dan-9",
                "https://huyen.example.vn/thong-bao-khong-tieu-de");
        assertThat(read("<rss version=\"2.0\"><channel><item><guid>e1</guid></item></channel></rss>", null))
                .singleElement().satisfies(item -> assertThat(item.problem()).isEqualTo("the item has no title and no text"));
    }

    @Test
    void readsTheEncodingFromTheMarkTheHeaderOrTheDeclarationAndGivesNfc() throws FeedException {
        FeedReader.Item vietnamese = reader.read(bytes("enc-header-only-windows-1258.xml"), "text/xml; charset=windows-1258",
                null, NOW).get(0);
        assertThat(vietnamese.title()).isEqualTo("Hội nghị tổng kết năm về chuyển đổi số");
        assertThat(vietnamese.text()).isEqualTo("Đồng chí Chủ tịch phát biểu chỉ đạo.");
        byte[] latin = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><item><guid>l1</guid><title>Café phân</title></item></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        FeedException wrong = catchThrowableOfType(FeedException.class, () -> reader.read(latin, null, null, NOW));
        assertThat(wrong.getMessage()).startsWith("the feed is not well-formed: byte").contains("not valid UTF-8");
        assertThat(catchThrowableOfType(FeedException.class, () -> read("xxe-utf-7.xml")).getMessage())
                .contains("encoding \"UTF-7\"");
    }

    @Test
    void readsJsonFeedsWithTheirAuthorsDatesAndTexts() throws FeedException {
        List<FeedReader.Item> items = reader.read(bytes("jsonfeed-1.1.json"), "application/feed+json", null, NOW);
        assertThat(items.get(0).text()).isEqualTo("Giống nho NH02 chịu hạn & cho năng suất cao.");
        assertThat(items.get(0).author()).isEqualTo("Viện Nghiên cứu Bông và Phát triển Nông nghiệp");
        assertThat(items.get(0).publishedAt()).isEqualTo(Instant.parse("2024-09-12T01:00:00Z"));
        assertThat(items.get(1).text()).isEqualTo("Hơn 1.000 hộ lắp đặt.\nGiảm một nửa tiền điện.");
        assertThat(items.get(1).publishedAt()).isEqualTo(Instant.parse("2024-09-13T09:00:00Z"));
        assertThat(items.get(2).id()).isEqualTo("3");
        List<FeedReader.Item> older = read("jsonfeed-1.0.json");
        assertThat(older.get(0).id()).isEqualTo("101");
        assertThat(older.get(0).author()).isEqualTo("Biên tập viên Hà");
        assertThat(catchThrowableOfType(FeedException.class, () -> read("{\"items\": []}", "application/json")).getMessage())
                .contains("not a JSON Feed");
        assertThat(catchThrowableOfType(FeedException.class, () -> read("{\"version\": ", "application/feed+json")).getMessage())
                .startsWith("the feed is not well-formed JSON");
    }

    @Test
    void datesFeedsWriteAreReadAndAnUnreadableOneIsTheTimeOfReading() throws FeedException {
        assertThat(read("rss-2.0-dates.xml")).extracting(FeedReader.Item::publishedAt).containsExactly(
                Instant.parse("2024-09-08T15:00:00Z"), Instant.parse("2024-09-08T03:00:00Z"), NOW, NOW);
    }

    @Test
    void keepsOnlyHttpLinksAndResolvesRelativeOnes() {
        URI base = URI.create("https://feeds.example.vn/a/feed.xml");
        assertThat(FeedReader.link("javascript:alert(1)", base)).isNull();
        assertThat(FeedReader.link("data:text/html,x", base)).isNull();
        assertThat(FeedReader.link("../tin/1", base)).isEqualTo("https://feeds.example.vn/tin/1");
        assertThat(FeedReader.link("  https://x.example.vn/a b  ", base)).isEqualTo("https://x.example.vn/a%20b");
        assertThat(FeedReader.link("https://x.example.vn/tin-tức", null)).isEqualTo("https://x.example.vn/tin-tức");
    }

    @Test
    void readsANetscapeDoctypeButRefusesEveryEntityDeclarationAndForeignDtdWithoutFetchingAnything() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = "<!ENTITY send \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String here = "http://127.0.0.1:" + server.getAddress().getPort();
            String item = "<rss version=\"2.0\"><channel><item><guid>a1</guid><title>%s</title></item></channel></rss>";
            List<String> hostile = List.of(
                    "<!DOCTYPE rss SYSTEM \"" + here + "/evil.dtd\">" + item.formatted("&send;"),
                    "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"" + here + "/x.dtd\" [<!ENTITY e SYSTEM \""
                            + here + "/secret\">]>" + item.formatted("&e;"),
                    "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + here + "/p.dtd\"> %p;]>" + item.formatted("&send;"),
                    "<!DOCTYPE rss [<!ENTITY file SYSTEM \"file:///etc/hostname\">]>" + item.formatted("&file;"),
                    "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + item.formatted("&b;&b;"));
            for (String xml : hostile) {
                FeedException refused = catchThrowableOfType(FeedException.class, () -> read(xml, null));
                assertThat(refused).as(xml).isNotNull();
                assertThat(refused.getMessage()).as(xml).contains("DOCTYPE");
            }
            assertThat(catchThrowableOfType(FeedException.class, () -> read("billion-laughs.xml")).getMessage())
                    .isEqualTo("the feed declares the entity lol in its DOCTYPE; Loa refuses feeds that do, as entities can "
                            + "read files, reach other servers or expand without end");
            assertThat(catchThrowableOfType(FeedException.class, () -> read("external-dtd.xml")).getMessage())
                    .contains("names a DTD elsewhere (http://127.0.0.1:9/evil.dtd)");
            assertThat(requests).hasValue(0);
            assertThat(read("rss-0.91-netscape-doctype.xml")).hasSize(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesWhatIsNotAFeedWithItsReason() {
        assertThat(catchThrowableOfType(FeedException.class, () -> read("<html><body>x</body></html>", "text/html")).getMessage())
                .isEqualTo("this is not an RSS, Atom or JSON feed (its root element is <html>)");
        assertThat(catchThrowableOfType(FeedException.class, () -> read("truncated.xml")).getMessage())
                .startsWith("the feed is not well-formed XML: line 3:");
        assertThat(catchThrowableOfType(FeedException.class, () -> read("", null)).getMessage()).isEqualTo("the feed is empty");
    }
}
