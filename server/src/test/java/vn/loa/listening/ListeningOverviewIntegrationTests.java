package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/** The dashboard keeps citizens' opinion apart from the tone of news and official statements, and counts policy domains. */
@SpringBootTest
@AutoConfigureMockMvc
class ListeningOverviewIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    vn.loa.identity.AgencyDirectory agencies;

    @Autowired
    vn.loa.identity.Users users;

    @Test
    void theDashboardShowsCitizensOpinionApartFromTheToneOfTheNewsInBothLanguages() throws Exception {
        String source = "tone-" + ProcessHandle.current().pid();
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        String[][] posts = {
            {"hotline", "Trạm y tế xã thiếu thuốc hạ sốt cho trẻ em, người dân phải mua ngoài"},
            {"office", "Đề nghị sửa gấp con đường vào trường tiểu học bị sạt lở"},
            {"facebook", "Cảm ơn cán bộ phường đã hỗ trợ làm căn cước rất nhanh"},
            {"hotline", "Hôm nay trời mưa"},
            {"news", "Sở Y tế tỉnh kiểm tra an toàn thực phẩm tại các bếp ăn tập thể của khu công nghiệp"},
            {"website", "Thông báo lịch tiếp công dân định kỳ của Ủy ban nhân dân tỉnh trong tháng này"},
            {"news", "Tai nạn giao thông trên quốc lộ 1A làm hai người bị thương nặng"}};
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < posts.length; i++) {
            String text = posts[i][1].split(" ").length >= 12 ? posts[i][1] + " " + source : posts[i][1];
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(posts[i][0])
                    .append("\",\"external_id\":\"t").append(i).append("\",\"published_at\":\"").append(at)
                    .append("\",\"text\":\"").append(text).append("\"}\n");
        }
        importer.importFile("tone.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);

        MockHttpSession coordinator = signIn("coordinator");
        String json = mvc.perform(get("/api/v1/overview").param("days", "7").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the figures are the posts of the period counted afresh: comments apart from news and official statements
        Map<String, long[]> counted = countedByRegister(7);
        long[] comments = counted.getOrDefault("comment", new long[4]);
        long[] news = sum(counted.getOrDefault("news", new long[4]), counted.getOrDefault("official", new long[4]));
        assertThat(comments[0]).isGreaterThanOrEqualTo(3);
        assertThat(news[0]).isGreaterThanOrEqualTo(3);
        assertThat(tone(json, "opinion")).containsExactly(comments);
        assertThat(tone(json, "newsTone")).containsExactly(news);
        // every post has one policy domain
        List<Integer> domainPosts = JsonPath.read(json, "$.domains[*].posts");
        assertThat(domainPosts.stream().mapToLong(Integer::longValue).sum()).isEqualTo(((Number) JsonPath.read(json, "$.total")).longValue());

        String vietnamese = page(coordinator, "vi");
        assertThat(vietnamese).contains("Ý kiến người dân").contains("Sắc thái báo chí, văn bản")
                .contains("Lĩnh vực chính sách").contains("Chưa rõ")
                .contains("register=comment&amp;sentiment=negative").contains("register=news,official&amp;sentiment=unclear")
                .contains(percent(comments[1], comments[0], "vi")).contains(percent(news[1], news[0], "vi"));
        assertThat(section(vietnamese, "opinion")).contains(percent(comments[1], comments[0], "vi"));
        // the headline keeps negative opinion and negative news apart too: no one figure of both
        assertThat(fact(vietnamese, "overview-negative-opinion")).isEqualTo(NumberFormat.getIntegerInstance(
                Locale.forLanguageTag("vi")).format(comments[1]));
        assertThat(fact(vietnamese, "overview-negative-news")).isEqualTo(NumberFormat.getIntegerInstance(
                Locale.forLanguageTag("vi")).format(news[1]));
        assertThat(vietnamese).contains("ý kiến tiêu cực của người dân").contains("tin bài, văn bản có sắc thái tiêu cực");
        // so do the tables: each row's negative comments among its comments, and its negative news
        Map<String, long[]> platforms = countedByPlatform(7);
        List<Map<String, Object>> shares = JsonPath.read(json, "$.platforms");
        assertThat(shares).hasSize(platforms.size());
        for (Map<String, Object> share : shares) {
            long[] c = platforms.get((String) share.get("value"));
            assertThat(new long[] {((Number) share.get("posts")).longValue(), ((Number) share.get("negative")).longValue(),
                ((Number) share.get("comments")).longValue(), ((Number) share.get("negativeComments")).longValue()})
                    .as("platform %s", share.get("value")).containsExactly(c);
        }
        long[] hotline = platforms.get("HOTLINE");
        long[] newsroom = platforms.get("NEWS");
        assertThat(hotline[3]).isPositive();
        assertThat(newsroom[1] - newsroom[3]).isPositive();
        NumberFormat vi = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi"));
        String table = vietnamese.substring(vietnamese.indexOf("id=\"platforms-table\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains(">ý kiến tiêu cực</th>").contains(">tin bài tiêu cực</th>")
                .contains("title=\"" + vi.format(hotline[3]) + " trong " + vi.format(hotline[2]) + " ý kiến của người dân\"")
                .contains("title=\"" + vi.format(newsroom[1] - newsroom[3]) + " trong " + vi.format(newsroom[0] - newsroom[2])
                        + " tin bài, văn bản\"");
        String english = page(coordinator, "en");
        assertThat(english).contains("Citizens&#39; opinion").contains("Tone of the news and official statements")
                .contains("Policy domains").contains("Unclear")
                .contains(percent(comments[1], comments[0], "en")).contains(percent(news[1], news[0], "en"));
        assertThat(section(english, "news-tone")).contains(percent(news[3], news[0], "en"));

        // the chart: citizens' comments by sentiment, the unclear ones too, and the news apart; all add up to the posts
        long charted = 0;
        for (String series : List.of("negative", "neutral", "positive", "unclear")) {
            List<Integer> values = JsonPath.read(json, "$.volume[*]." + series);
            charted += values.stream().mapToLong(Integer::longValue).sum();
        }
        assertThat(charted).isEqualTo(comments[0]);
        List<Integer> newsCharted = JsonPath.read(json, "$.volume[*].news");
        assertThat(charted + newsCharted.stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(((Number) JsonPath.read(json, "$.total")).longValue());
        // each day with its year: a period of 90 days may span two years
        List<String> labels = JsonPath.read(json, "$.volume[*].label");
        assertThat(labels).hasSize(7).allMatch(label -> label.matches("\\d{2}/\\d{2}/\\d{4}"));
        assertThat(labels.getLast()).isEqualTo(java.time.LocalDate.now(LocalTime.ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(vietnamese).contains("data-series=\"unclear\"");
        // the two share tables drawn as bar charts name their series; the others are tables only
        org.jsoup.nodes.Document dashboard = org.jsoup.Jsoup.parse(vietnamese);
        for (String shareTable : List.of("domains-table", "topics-table")) {
            assertThat(dashboard.select("#" + shareTable + " thead th[data-series=posts][data-color]")).as(shareTable).hasSize(1);
        }
        for (String shareTable : List.of("agencies-table", "places-table", "platforms-table")) {
            assertThat(dashboard.select("#" + shareTable + " thead th[data-series]")).as(shareTable).isEmpty();
            assertThat(dashboard.select("#" + shareTable + " thead th")).as(shareTable).hasSize(4);
        }
        assertThat(dashboard.select("#platforms-table tbody tr").first().select("td[data-value]")).hasSize(3);
    }

    @Test
    void negativeStoriesRankCitizensNegativeCommentsBeforeNegativeNews() throws Exception {
        String source = "anger-" + ProcessHandle.current().pid();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        String accident = "Tai nạn giao thông nghiêm trọng trên quốc lộ 1A đoạn qua Cam Lâm làm ba người chết, hai người "
                + "bị thương nặng " + source;
        String complaint = "Bệnh viện tỉnh thu tiền sai quy định, bắt người bệnh mua thuốc ngoài, dân rất bức xúc, đề nghị "
                + "xử lý nghiêm " + source;
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            boolean news = i < 5;
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(news ? "news" : "hotline")
                    .append("\",\"external_id\":\"a").append(i).append("\",\"author\":\"Tác giả ").append(i)
                    .append("\",\"published_at\":\"").append(at.plusSeconds(i)).append("\",\"text\":\"")
                    .append(news ? accident : complaint).append("\"}\n");
        }
        assertThat(importer.importFile("anger.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null).stored()).isEqualTo(8);
        Map<String, Long> stories = new HashMap<>();
        jdbc.sql("""
                SELECT register, min(story_id) FROM post p JOIN post_source s ON s.id = p.source_id
                WHERE s.code = ? AND sentiment = 'negative' GROUP BY register HAVING count(DISTINCT story_id) = 1
                """).param(source).query(rs -> {
                    stories.put(rs.getString(1), rs.getLong(2));
                });
        // five negative reports of an accident, three negative calls to the hotline about a hospital
        assertThat(stories).as("%s", jdbc.sql("SELECT p.register || ' ' || p.sentiment || ' ' || coalesce(p.story_id, 0) "
                + "FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ?").param(source).query(String.class)
                .list()).containsOnlyKeys("news", "comment");

        String json = mvc.perform(get("/api/v1/overview").param("days", "1").session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> ranked = JsonPath.read(json, "$.negativeStories");
        List<Long> order = ranked.stream().map(row -> ((Number) row.get("story")).longValue()).toList();
        assertThat(order).contains(stories.get("comment"));
        Map<String, Object> comments = ranked.get(order.indexOf(stories.get("comment")));
        assertThat(((Number) comments.get("negativeComments")).longValue()).isEqualTo(3);
        // the accident has more negative posts, and none of them is a citizen's opinion: it comes after, if at all
        int news = order.indexOf(stories.get("news"));
        assertThat(news < 0 || news > order.indexOf(stories.get("comment"))).as("the accident's place %d in %s", news, order)
                .isTrue();
        for (int i = 1; i < ranked.size(); i++) {
            long before = ((Number) ranked.get(i - 1).get("negativeComments")).longValue();
            long after = ((Number) ranked.get(i).get("negativeComments")).longValue();
            assertThat(before).isGreaterThanOrEqualTo(after);
        }
    }

    @Test
    void aNumberOfTheLast24HoursLeadsToTheSamePostsNotToThoseOfTwoWholeDays() throws Exception {
        String source = "window-" + ProcessHandle.current().pid();
        StringBuilder file = new StringBuilder();
        // one complaint an hour ago, in the window; one 30 hours ago, on a day the window touches but outside it
        int[] hoursAgo = {1, 30};
        for (int i = 0; i < hoursAgo.length; i++) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"hotline\",\"external_id\":\"w")
                    .append(i).append("\",\"published_at\":\"").append(Instant.now().minus(hoursAgo[i], ChronoUnit.HOURS))
                    .append("\",\"text\":\"Bức xúc vì trạm y tế xã đóng cửa sớm, người bệnh phải chờ ngoài trời ")
                    .append(source).append("\"}\n");
        }
        importer.importFile("window.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        MockHttpSession coordinator = signIn("coordinator");
        String page = mvc.perform(get("/listening").param("days", "1").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "<a href=\"(/posts\\?register=comment&amp;sentiment=negative&amp;[^\"]+)\">[^<]*</a></th>\\s*"
                        + "<td class=\"share\">[^<]*</td>\\s*<td>([0-9.,]+)</td>").matcher(page);
        assertThat(row.find()).isTrue();
        String link = row.group(1).replace("&amp;", "&");
        // the headline figures are links too, to the same posts: the toxic ones by both kinds of toxicity
        assertThat(page).contains("<li id=\"overview-negative-opinion\"><a href=\"" + row.group(1) + "\">")
                .containsPattern("<li id=\"overview-toxic\"><a href=\"/posts\\?toxicity=OFFENSIVE,HATE&amp;from=");
        mvc.perform(get("/api/v1/posts").param("toxicity", "OFFENSIVE,HATE").session(coordinator)).andExpect(status().isOk());
        // the search form keeps that filter when the reader refines the search
        assertThat(mvc.perform(get("/posts").param("toxicity", "OFFENSIVE,HATE").session(coordinator)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("<option value=\"OFFENSIVE,HATE\" selected=\"selected\">");
        // an hour of the chart leads to the posts of that hour
        assertThat(page).containsPattern("data-href=\"/posts\\?from=\\d{2}/\\d{2}/\\d{4}%20\\d{2}:00&amp;to=\\d{2}/\\d{2}/\\d{4}%20\\d{2}:59&amp;sort=time\"");
        mvc.perform(get("/api/v1/posts").param("toxicity", "OFFENSIVE,RUDE").session(coordinator))
                .andExpect(status().isUnprocessableContent());
        long shown = Long.parseLong(row.group(2).replaceAll("[.,]", ""));
        // the link names the window to the minute; only from 23:00 in Vietnam are the last 24 whole hours one whole
        // day, and then the link names that day by its date, as a search of whole days does
        java.util.regex.Matcher window = java.util.regex.Pattern.compile(
                "from=(\\d{2}/\\d{2}/\\d{4})(%20\\d{2}:\\d{2})?&to=(\\d{2}/\\d{2}/\\d{4})(%20\\d{2}:59)?&").matcher(link);
        assertThat(window.find()).as(link).isTrue();
        boolean wholeDay = window.group(2) == null;
        if (wholeDay) {
            assertThat(window.group(4)).as(link).isNull();
            assertThat(window.group(1)).as(link).isEqualTo(window.group(3))
                    .isEqualTo(LocalTime.formatDay(Instant.now().minus(1, ChronoUnit.HOURS)));
        } else {
            assertThat(window.group(4)).as(link).isNotNull();
        }
        String posts = mvc.perform(get(java.net.URI.create(link)).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(total(posts)).isEqualTo(shown);
        // and says what it is filtered by: the sentiment and the window too
        Locale vi = Locale.forLanguageTag("vi");
        String chips = posts.substring(posts.indexOf("id=\"active-filters\""));
        chips = chips.substring(0, chips.indexOf("</ul>"));
        assertThat(chips).contains(messages.getMessage("facet.sentiment", null, vi) + ": ")
                .contains(messages.getMessage("sentiment.negative", null, vi))
                .contains(messages.getMessage("posts.from", null, vi) + ": ")
                .contains(messages.getMessage("posts.to", null, vi) + ": ")
                .containsPattern(wholeDay ? "\\d{2}/\\d{2}/\\d{4}" : "\\d{2}/\\d{2}/\\d{4} \\d{2}:59");
        // the window's complaint is among them, the one of 30 hours ago is not
        String mine = mvc.perform(get(java.net.URI.create(link + "&q=" + source)).session(coordinator))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(total(mine)).isEqualTo(1);
    }

    /** Three hours from now, or the last minute of today in Vietnam if that comes first. */
    private static Instant laterToday() {
        Instant lastMinute = java.time.LocalDate.now(LocalTime.ZONE).plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant()
                .minus(1, ChronoUnit.MINUTES);
        Instant ahead = Instant.now().plus(3, ChronoUnit.HOURS);
        return ahead.isBefore(lastMinute) ? ahead : lastMinute;
    }

    /** The number of posts a search page says it found. */
    private static long total(String page) {
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("id=\"post-total\">[^0-9<]*([0-9.,]+)").matcher(page);
        assertThat(total.find()).isTrue();
        return Long.parseLong(total.group(1).replaceAll("[.,]", ""));
    }

    @Test
    void aStoryPostedAgainAndAgainIsSaidToBeOneStoryNotManyOpinions() throws Exception {
        MockHttpSession leader = signIn("leader");
        String page = mvc.perform(get("/listening").param("days", "1").session(leader)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the demo's burst: one news sentence about hospitals keeping records, reposted 90 times with a reaction
        java.util.regex.Matcher notice = java.util.regex.Pattern.compile(
                "id=\"overview-one-story\"[^>]*>\\s*<span>([0-9.]+) trong ([0-9.]+) [^<]*</span>\\s*<a href=\"/listening/stories/(\\d+)\"")
                .matcher(page);
        assertThat(notice.find()).as("the notice and its story").isTrue();
        long inStory = Long.parseLong(notice.group(1).replace(".", ""));
        long negative = Long.parseLong(notice.group(2).replace(".", ""));
        assertThat(inStory * 3).isGreaterThanOrEqualTo(negative);
        assertThat(jdbc.sql("SELECT left(text, 400) FROM post WHERE story_id = ? LIMIT 1").param(Long.parseLong(notice.group(3)))
                .query(String.class).single()).contains("Nhiều bệnh viện không chịu trả hồ sơ cho bệnh nhân");
    }

    @Autowired
    ListeningOverview overviews;

    @Test
    void theVolumeChartsCitizensOpinionBySentimentAndTheNewsApart() throws Exception {
        String source = "volume-" + ProcessHandle.current().pid();
        String at = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        ListeningScope province = new ListeningScope(null, true);
        ListeningOverview.Overview before = overviews.overview(province, 1, "vi");
        String lines = "{\"source\":\"" + source + "\",\"platform\":\"news\",\"external_id\":\"v1\",\"published_at\":\""
                + at + "\",\"text\":\"Một xe khách lao xuống vực làm nhiều người bị thương trên đèo " + source + "\"}\n"
                + "{\"source\":\"" + source + "\",\"platform\":\"hotline\",\"external_id\":\"v2\",\"published_at\":\""
                + at + "\",\"text\":\"Đường vào thôn lầy lội quá, xe cứu thương không vào được " + source + "\"}\n";
        importer.importFile("volume.jsonl", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        ListeningOverview.Overview after = overviews.overview(province, 1, "vi");
        // every bucket's tones are citizens' comments', its news the news and statements: together, every post
        for (ListeningOverview.Overview o : List.of(before, after)) {
            long opinion = o.volume().stream().mapToLong(v -> v.negative() + v.neutral() + v.positive() + v.unclear()).sum();
            long news = o.volume().stream().mapToLong(ListeningOverview.OpinionVolume::news).sum();
            assertThat(opinion).isEqualTo(o.opinion().posts());
            assertThat(news).isEqualTo(o.newsTone().posts());
            assertThat(opinion + news).isEqualTo(o.total());
            assertThat(o.volume().stream().mapToLong(ListeningOverview.OpinionVolume::negative).sum())
                    .isEqualTo(o.opinion().negative());
        }
        assertThat(after.volume().stream().mapToLong(ListeningOverview.OpinionVolume::news).sum())
                .isEqualTo(before.volume().stream().mapToLong(ListeningOverview.OpinionVolume::news).sum() + 1);
        assertThat(after.opinion().posts()).isEqualTo(before.opinion().posts() + 1);
    }

    @Test
    void aDistrictThatNoLongerExistsIsNotAskedToAnswerThoseThatTookOverAre() throws Exception {
        String source = "former-district-" + ProcessHandle.current().pid();
        String at = Instant.now().minus(3, ChronoUnit.HOURS).toString();
        String lines = "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"d1\",\"published_at\":\""
                + at + "\",\"text\":\"Đường vào thôn sạt lở mấy tháng nay chưa sửa, UBND huyện Thuận Nam hứa mãi " + source
                + " một\"}\n"
                + "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"d2\",\"published_at\":\""
                + at + "\",\"text\":\"Đường vào thôn ở xã Phước Hà sạt lở mấy tháng nay chưa sửa, UBND huyện Thuận Nam hứa mãi "
                + source + " hai\"}\n";
        importer.importFile("former-district.jsonl", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        String alone = jdbc.sql("SELECT array_to_string(agencies, ',') FROM post WHERE text LIKE ?")
                .param("%" + source + " một").query(String.class).single();
        String withCommune = jdbc.sql("SELECT array_to_string(agencies, ',') FROM post WHERE text LIKE ?")
                .param("%" + source + " hai").query(String.class).single();
        // Huyện Thuận Nam (589) ended on 30/06/2025: its four communes of today answer, or the one the post names
        assertThat(List.of(alone.split(","))).as(alone).doesNotContain("589")
                .contains("22888", "22897", "22900", "22909");
        assertThat(List.of(withCommune.split(","))).as(withCommune).doesNotContain("589", "22888", "22897", "22909")
                .contains("22900");
        // the place the post names stays what it names, the district, shown with its history
        assertThat(jdbc.sql("SELECT array_to_string(places, ',') FROM post WHERE text LIKE ?").param("%" + source + " một")
                .query(String.class).single()).contains("589@2023-05-01");
    }

    @Test
    void aCommunesOfficersSeeWhatIsSaidAboutTheirCommune() throws Exception {
        MockHttpSession commune = signIn("xa-bac-ai-tay");
        long before = communeTotal(commune);
        String source = "commune-" + ProcessHandle.current().pid();
        String line = "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"c1\",\"published_at\":\""
                + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"text\":\"Đường vào thôn của xã Bác Ái Tây bị sạt lở sau mưa, "
                + "xe máy không đi được " + source + "\"}\n";
        importer.importFile("commune.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        // routed to the commune's People's Committee by the place it names: on the commune's own dashboard
        assertThat(communeTotal(commune)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT array_to_string(agencies, ',') FROM post WHERE text LIKE ?").param("%" + source).query(String.class).single())
                .endsWith("22786");
        // and it is about the province, unlike a post about the capital; the dashboard counts those and links to them
        String elsewhere = "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"c2\",\"published_at\":\""
                + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"text\":\"Hà Nội tắc đường suốt buổi sáng vì mưa lớn, "
                + "nhiều tuyến phố ngập sâu " + source + "\"}\n";
        // nor is a report about another province that happens to hold a commune's name ("Hàm Thuận Nam" is not Thuận Nam)
        elsewhere += "{\"source\":\"" + source + "\",\"platform\":\"news\",\"external_id\":\"c3\",\"published_at\":\""
                + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"text\":\"Công an tỉnh Bình Thuận phát hiện khai thác cát trái phép "
                + "ở huyện Hàm Thuận Nam " + source + "\"}\n";
        importer.importFile("elsewhere.jsonl", new ByteArrayInputStream(elsewhere.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        assertThat(jdbc.sql("SELECT array_to_string(places, ',') FROM post WHERE text LIKE ?").param("%Hàm Thuận Nam " + source)
                .query(String.class).single()).as("Bình Thuận, not Xã Thuận Nam").isEqualTo("60@2008-08-01");
        assertThat(jdbc.sql("SELECT array_to_string(agencies, ',') FROM post WHERE text LIKE ?").param("%Hàm Thuận Nam " + source)
                .query(String.class).single()).as("not routed to Xã Thuận Nam").doesNotContain("22897");
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(get("/api/v1/posts").param("q", source).session(coordinator))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(3));
        mvc.perform(get("/api/v1/posts").param("q", source).param("local", "true").session(coordinator))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].text")
                        .value(org.hamcrest.Matchers.startsWith("Đường vào thôn")));
        String page = mvc.perform(get("/listening").param("days", "1").session(coordinator)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("<li id=\"overview-local\"><a href=\"/posts\\?local=true&amp;from=[^\"]+\"><strong\\s*>\\d");
        String local = mvc.perform(get("/posts").param("local", "true").param("q", source).session(coordinator))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(total(local)).isEqualTo(1);
        assertThat(local).contains("name=\"local\" value=\"true\"")
                .contains(messages.getMessage("posts.local.only", null, Locale.forLanguageTag("vi")));
    }

    private long communeTotal(MockHttpSession commune) throws Exception {
        String json = mvc.perform(get("/api/v1/overview").param("days", "1").session(commune))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(json, "$.scope.agency")).isEqualTo("22786");
        return ((Number) JsonPath.read(json, "$.total")).longValue();
    }

    @Test
    void anAgencysDashboardLeadsToThatAgencysPostsOnly() throws Exception {
        String source = "scoped-" + ProcessHandle.current().pid();
        String line = "{\"source\":\"" + source + "\",\"platform\":\"hotline\",\"external_id\":\"s1\",\"published_at\":\""
                + Instant.now().minus(3, ChronoUnit.HOURS) + "\",\"text\":\"Đề nghị Sở Y tế kiểm tra bệnh viện huyện " + source
                + " vì bệnh nhân phải chờ quá lâu, và Sở Xây dựng sửa con đường vào viện\"}\n";
        // more calls naming both, so that the Department of Construction is among the fifteen agencies the Department of
        // Health's dashboard lists, whatever other tests stored (they are not found by the searches below)
        StringBuilder more = new StringBuilder(line);
        for (int i = 2; i <= 6; i++) {
            more.append("{\"source\":\"").append(source).append("\",\"platform\":\"hotline\",\"external_id\":\"s")
                    .append(i).append("\",\"published_at\":\"").append(Instant.now().minus(3, ChronoUnit.HOURS))
                    .append("\",\"text\":\"Cuộc gọi ").append(i).append(": Sở Y tế và Sở Xây dựng cần xử lý con dốc trước trạm y tế\"}\n");
        }
        importer.importFile("scoped.jsonl", new ByteArrayInputStream(more.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        String page = mvc.perform(get("/listening").param("days", "30").session(signIn("officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/posts?agency=SYT&amp;register=comment&amp;").contains("/posts?agency=SYT&amp;domain=")
                .doesNotContain("/posts?register=").doesNotContain("/posts?domain=").doesNotContain("/posts?topic=")
                .contains("/posts?agency=SYT&amp;agency=SXD&amp;").doesNotContain("href=\"/posts?agency=SXD");
        // an agency named in the agency's posts: its posts that are the agency's too, both named on the chip
        MockHttpSession officer = signIn("officer");
        String both = mvc.perform(get("/posts").param("agency", "SYT", "SXD").param("q", source).session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(both).contains("Sở Y tế, Sở Xây dựng");
        mvc.perform(get("/api/v1/posts").param("agency", "SYT,NOPE").session(officer))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/posts").param("agency", "SYT").param("q", source).session(officer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/posts").param("agency", "SYT,SXD").param("q", source).session(officer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/posts").param("agency", "SYT,SGDDT").param("q", source).session(officer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(0));
    }

    @Test
    void anOfficersProvinceWideDashboardLeadsToListsOfThePostsItCounts() throws Exception {
        String source = "province-view-" + ProcessHandle.current().pid();
        // a call to the hotline for the Department of Health, which its officer reads, and a public post: the
        // province's public figures count the second only, and so must the lists they open
        String file = "{\"source\":\"" + source + "\",\"platform\":\"hotline\",\"external_id\":\"v1\",\"published_at\":\""
                + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"text\":\"Đề nghị Sở Y tế kiểm tra trạm y tế xã vì người "
                + "bệnh phải tự mua bông băng " + source + "\"}\n"
                + "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"v2\",\"published_at\":\""
                + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"text\":\"Sở Y tế cần xem lại giá khám dịch vụ ở bệnh viện tỉnh "
                + source + "\"}\n"
                // and a post whose feed's clock runs ahead, dated later today (a day ahead is accepted): a dashboard of
                // whole days counts today whole, and its lists must too
                + "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"v3\",\"published_at\":\""
                + laterToday() + "\",\"text\":\"Giá gửi xe ở bệnh viện tỉnh lại tăng, người nhà bệnh nhân rất bức xúc "
                + source + "\"}\n";
        importer.importFile("province-view.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        MockHttpSession officer = signIn("officer");
        mvc.perform(get("/api/v1/posts").param("q", source).session(officer))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(3));
        for (int days : List.of(1, 30, 90)) {
            String page = mvc.perform(get("/listening").param("days", Integer.toString(days)).param("province", "true")
                    .session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Map<String, Long> figures = linkedFigures(page);
            // the headline, the tone of comments and of the news, domains, agencies, places, platforms, the chart's rows
            assertThat(figures).as("the links of the dashboard of %d days", days).hasSizeGreaterThan(20);
            for (Map.Entry<String, Long> figure : figures.entrySet()) {
                String list = mvc.perform(get(java.net.URI.create(figure.getKey())).session(officer))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(total(list)).as("%s on the dashboard of %d days", figure.getKey(), days)
                        .isEqualTo(figure.getValue());
            }
            // the list says it leaves the feedback out
            String all = figures.keySet().iterator().next();
            assertThat(mvc.perform(get(java.net.URI.create(all)).session(officer)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8))
                    .contains(messages.getMessage("posts.public.only", null, Locale.forLanguageTag("vi")));
        }
        // the officer's own dashboard still counts the call, and its lists list it
        String own = mvc.perform(get("/listening").param("days", "1").session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String all = linkedFigures(own).keySet().iterator().next();
        assertThat(all).startsWith("/posts?agency=SYT&");
        assertThat(total(mvc.perform(get(java.net.URI.create(all + "&q=" + source)).session(officer)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))).isEqualTo(2);
    }

    /**
     * The figures of a dashboard that link to a list of posts, by link (in the page's order, each once): the headline
     * facts, the totals and rows of the tone cards, the rows of the tables, and the chart's rows (the sum of their
     * sentiments).
     */
    private static Map<String, Long> linkedFigures(String page) {
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher facts = java.util.regex.Pattern.compile(
                "<a href=\"(/posts[^\"]*)\"><strong\\s*>([0-9.,]+)</strong>").matcher(page);
        while (facts.find()) {
            figures.putIfAbsent(facts.group(1), number(facts.group(2)));
        }
        java.util.regex.Matcher tones = java.util.regex.Pattern.compile(
                "<p class=\"tone-total\"><a href=\"(/posts[^\"]*)\"\\s*>([0-9.,]+)").matcher(page);
        while (tones.find()) {
            figures.putIfAbsent(tones.group(1), number(tones.group(2)));
        }
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile(
                "<a href=\"(/posts[^\"]*)\"[^>]*>[^<]*</a></th>\\s*(?:<td class=\"share\">[^<]*</td>\\s*)?<td[^>]*>([0-9.,]+)</td>")
                .matcher(page);
        while (rows.find()) {
            figures.putIfAbsent(rows.group(1), number(rows.group(2)));
        }
        // the chart's rows: citizens' comments by sentiment, then the news and statements; together, the hour's posts
        java.util.regex.Matcher chart = java.util.regex.Pattern.compile("<tr data-href=\"(/posts[^\"]*)\">\\s*<th scope=\"row\">"
                + "[^<]*</th>\\s*<td[^>]*>([0-9.,]+)</td><td[^>]*>([0-9.,]+)</td><td[^>]*>([0-9.,]+)</td>\\s*<td[^>]*>([0-9.,]+)</td>"
                + "\\s*<td[^>]*>([0-9.,]+)</td>")
                .matcher(page);
        while (chart.find()) {
            figures.putIfAbsent(chart.group(1), number(chart.group(2)) + number(chart.group(3)) + number(chart.group(4))
                    + number(chart.group(5)) + number(chart.group(6)));
        }
        Map<String, Long> unescaped = new java.util.LinkedHashMap<>();
        figures.forEach((link, figure) -> unescaped.put(link.replace("&amp;", "&"), figure));
        return unescaped;
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replaceAll("[.,]", ""));
    }

    @Test
    void trendsFollowEachPolicyDomainNamedInTheReadersLanguage() throws Exception {
        String domain = jdbc.sql("SELECT domain FROM post GROUP BY domain ORDER BY count(*) DESC, domain LIMIT 1")
                .query(String.class).single();
        MockHttpSession coordinator = signIn("coordinator");
        String series = mvc.perform(get("/api/v1/trends").param("dimension", "domain").param("value", domain)
                        .session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(series, "$.dimension")).isEqualTo("domain");
        assertThat((List<?>) JsonPath.read(series, "$.forecast")).hasSize(72);
        // the series is the domain's posts hour by hour, as the posts table has them
        List<Map<String, Object>> history = JsonPath.read(series, "$.history");
        Instant first = Instant.parse((String) history.get(0).get("at"));
        Instant end = Instant.parse((String) history.get(history.size() - 1).get("at")).plus(1, ChronoUnit.HOURS);
        long seen = history.stream().mapToLong(p -> ((Number) p.get("value")).longValue()).sum();
        assertThat(seen).isEqualTo(jdbc.sql("SELECT count(*) FROM post WHERE domain = ? AND published_at >= ? AND published_at < ?")
                .params(domain, Timestamp.from(first), Timestamp.from(end)).query(Long.class).single());
        for (String language : List.of("vi", "en")) {
            String name = messages.getMessage("domain." + domain, null, Locale.forLanguageTag(language));
            String page = mvc.perform(get("/trends").param("dimension", "domain").param("value", domain)
                            .param("lang", language).session(coordinator))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            int heading = page.indexOf("id=\"series-heading\"");
            assertThat(heading).isPositive();
            assertThat(page.substring(heading, page.indexOf("</h2>", heading)))
                    .contains(org.springframework.web.util.HtmlUtils.htmlEscape(name, "UTF-8"));
        }
    }

    /**
     * Posts, negative, neutral, positive of each register in the dashboard's period of {@code days} days: whole
     * days of Vietnam's calendar, as the daily roll-ups count them, up to the current hour's day.
     */
    private Map<String, long[]> countedByRegister(int days) {
        java.sql.Date[] period = period(days);
        Map<String, long[]> counted = new HashMap<>();
        jdbc.sql("""
                SELECT register, count(*), count(*) FILTER (WHERE sentiment = 'negative'),
                       count(*) FILTER (WHERE sentiment = 'neutral'), count(*) FILTER (WHERE sentiment = 'positive')
                FROM post WHERE (published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ? AND ? GROUP BY register
                """).params(period[0], period[1]).query(rs -> {
                    counted.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        return counted;
    }

    /**
     * The first and last day of the dashboard's period of {@code days} days: today (the day of the current hour,
     * not of the hour after it) and the days before.
     */
    private static java.sql.Date[] period(int days) {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        java.time.LocalDate first = end.minus(1, ChronoUnit.HOURS).atZone(LocalTime.ZONE).truncatedTo(ChronoUnit.DAYS)
                .plusDays(1).minusDays(days).toLocalDate();
        java.time.LocalDate last = end.minusMillis(1).atZone(LocalTime.ZONE).toLocalDate();
        return new java.sql.Date[] {java.sql.Date.valueOf(first), java.sql.Date.valueOf(last)};
    }

    /** Posts, negative posts, comments and negative comments of each platform in the dashboard's period. */
    private Map<String, long[]> countedByPlatform(int days) {
        java.sql.Date[] period = period(days);
        Map<String, long[]> counted = new HashMap<>();
        jdbc.sql("""
                SELECT platform, count(*), count(*) FILTER (WHERE sentiment = 'negative'),
                       count(*) FILTER (WHERE register = 'comment'),
                       count(*) FILTER (WHERE register = 'comment' AND sentiment = 'negative')
                FROM post WHERE (published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ? AND ? GROUP BY platform
                """).params(period[0], period[1]).query(rs -> {
                    counted.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        return counted;
    }

    private static long[] sum(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]};
    }

    private static long[] tone(String json, String name) {
        Map<String, Number> tone = JsonPath.read(json, "$." + name);
        return new long[] {tone.get("posts").longValue(), tone.get("negative").longValue(), tone.get("neutral").longValue(),
            tone.get("positive").longValue()};
    }

    /** The figure of a headline fact, by its id. */
    private static String fact(String page, String id) {
        String from = page.substring(page.indexOf("id=\"" + id + "\""));
        return from.substring(from.indexOf("<strong>") + "<strong>".length(), from.indexOf("</strong>"));
    }

    private static String percent(long count, long of, String language) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.forLanguageTag(language));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return ">" + format.format(of == 0 ? 0 : (double) count / of) + "<";
    }

    private String page(MockHttpSession session, String language) throws Exception {
        return mvc.perform(get("/listening").param("days", "7").param("lang", language).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The card with that id, up to its end. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void aCommunesDashboardLinksCarryTheCommuneOnceEvenFromItsOwnRowOfTheAgencies() throws Exception {
        String source = "own-row-" + ProcessHandle.current().pid();
        String line = "{\"source\":\"" + source + "\",\"platform\":\"facebook\",\"external_id\":\"o1\",\"published_at\":\""
                + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"text\":\"Trường mẫu giáo ở xã Bác Ái Tây dột nát, "
                + "mưa là các cháu phải nghỉ học " + source + "\"}\n";
        importer.importFile("own-row.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM,
                null);
        MockHttpSession commune = signIn("xa-bac-ai-tay");
        for (String days : List.of("1", "30")) {
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/listening").param("days", days)
                    .session(commune)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            List<String> links = new java.util.ArrayList<>(page.select("main a[href^=\"/posts\"]").eachAttr("href"));
            links.addAll(page.select("main [data-href^=\"/posts\"]").eachAttr("data-href"));
            assertThat(links).as(days).isNotEmpty().allSatisfy(link -> assertThat(link.split("agency=22786", -1))
                    .as(link).hasSize(2));
            // the commune's own row leads to the commune's posts of the period, as the headline figure does
            List<String> ownRow = page.select("#agencies-table a").eachAttr("href").stream()
                    .filter(link -> link.split("agency=", -1).length == 2).toList();
            assertThat(ownRow).as(days).hasSize(1);
            assertThat(ownRow.getFirst()).startsWith("/posts?agency=22786&from=");
        }
    }

    @Test
    void theDashboardsPeriodEndsNowNotAtTheEndOfTheCurrentHour() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        for (String days : List.of("1", "30")) {
            java.time.LocalDateTime before = java.time.LocalDateTime.now(LocalTime.ZONE).truncatedTo(ChronoUnit.MINUTES);
            String vi = org.jsoup.Jsoup.parse(mvc.perform(get("/listening").param("days", days).session(coordinator))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .selectFirst("#overview-period").text();
            java.time.LocalDateTime after = java.time.LocalDateTime.now(LocalTime.ZONE);
            java.util.regex.Matcher shown = java.util.regex.Pattern
                    .compile("Từ \\d{2}/\\d{2}/\\d{4}( \\d{2}:\\d{2})? đến nay \\((\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}), giờ Việt Nam\\)")
                    .matcher(vi);
            assertThat(shown.matches()).as(vi).isTrue();
            java.time.LocalDateTime until = java.time.LocalDateTime.parse(shown.group(2),
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
            assertThat(until).as(vi).isBetween(before, after);
            String en = org.jsoup.Jsoup.parse(mvc.perform(get("/listening").param("days", days).param("lang", "en")
                    .session(coordinator)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .selectFirst("#overview-period").text();
            assertThat(en).startsWith("From ").contains(" to now (").endsWith(", Vietnam time)");
        }
    }

    @Test
    void aPeriodTheDashboardDoesNotOfferIsSaidNotSilentlyReplacedByThirtyDays() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        for (String days : List.of("0", "-5", "3650", "100000", "abc")) {
            String page = mvc.perform(get("/listening").param("days", days).session(coordinator))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            org.jsoup.nodes.Element error = org.jsoup.Jsoup.parse(page).selectFirst("#days-error");
            assertThat(error).as(days).isNotNull();
            assertThat(error.text()).isEqualTo("Khoảng thời gian \"" + days + "\" (tham số days) không có; hãy chọn một "
                    + "trong: 24 giờ, 7 ngày, 30 ngày, 90 ngày. Đang hiển thị 30 ngày.");
            // and the dashboard of the 30 days it says it shows
            assertThat(org.jsoup.Jsoup.parse(page).selectFirst("main nav.actions a[aria-current=page]").text()).isEqualTo("30 ngày");
        }
        assertThat(mvc.perform(get("/listening").param("days", "3650").param("lang", "en").session(coordinator))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("There is no period &quot;3650&quot; (the days parameter); choose one of: 24 hours, 7 days, "
                        + "30 days, 90 days. Showing 30 days.");
        for (String days : List.of("1", "7", "30", "90")) {
            assertThat(mvc.perform(get("/listening").param("days", days).session(coordinator))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .doesNotContain("id=\"days-error\"");
        }
        mvc.perform(get("/listening").session(coordinator)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/overview").param("days", "3650").session(coordinator))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.field").value("days"));
    }

    @Test
    void aToneTableOfNoPostsShowsNoShareRatherThanZeroPercent() throws Exception {
        // a new agency: nothing has been said about it yet
        String code = "EMPTY" + ProcessHandle.current().pid();
        vn.loa.identity.Agency empty = agencies.create(new vn.loa.identity.AgencyDirectory.AgencyForm(code,
                vn.loa.identity.AgencyKind.OTHER, null, "Ban chưa có bài viết", "Board with no posts",
                java.time.LocalDate.of(2020, 1, 1), null, "test"), Actor.SYSTEM);
        String username = "empty-" + ProcessHandle.current().pid();
        users.create(new vn.loa.identity.Users.NewUser(username, "Nguyễn Văn Thử", username + "@example.gov.vn",
                "mat-khau-dai-1", java.util.Set.of(vn.loa.identity.Role.OFFICER), empty.id()), Actor.SYSTEM);
        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("mat-khau-dai-1"))
                .andReturn().getRequest().getSession(false);
        String json = mvc.perform(get("/api/v1/overview").param("days", "1").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(((Number) JsonPath.read(json, "$.opinion.posts")).longValue()).isZero();
        assertThat(((Number) JsonPath.read(json, "$.newsTone.posts")).longValue()).isZero();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/listening").param("days", "1")
                .session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        for (String table : List.of("#opinion-table", "#news-tone-table")) {
            org.jsoup.select.Elements shares = page.select(table + " td.share");
            assertThat(shares).as(table).hasSize(4);
            assertThat(shares.eachText()).as(table).containsOnly("–");
            assertThat(shares.first().attr("title")).isEqualTo("Chưa có bài viết nào để tính tỷ lệ");
        }
        assertThat(page.select("#opinion-table, #news-tone-table").text()).doesNotContain("%");
    }

    @Test
    void aSeriesOfAValueThatDoesNotExistIsNotFoundNotChartedUnderItsCode() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        for (String[] asked : new String[][] {{"topic", "Foo"}, {"agency", "NOPE"}, {"place", "999@2025-07-01"},
                {"domain", "vi_tinh"}}) {
            String page = mvc.perform(get("/trends").param("dimension", asked[0]).param("value", asked[1])
                            .session(coordinator))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(asked[1]).doesNotContain("??").doesNotContain("series-heading");
            mvc.perform(get("/api/v1/trends").param("dimension", asked[0]).param("value", asked[1]).session(coordinator))
                    .andExpect(status().isNotFound());
        }
        // what exists is charted, by its name, even with no post in it
        String topic = mvc.perform(get("/trends").param("dimension", "topic").param("value", "Suc khoe").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(topic).selectFirst("#series-heading").text()).contains("Sức khỏe");
        mvc.perform(get("/api/v1/trends").param("dimension", "agency").param("value", "SYT").session(coordinator))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/trends").param("dimension", "keyword").param("value", "từ chưa ai viết").session(coordinator))
                .andExpect(status().isOk());
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
