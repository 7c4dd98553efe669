package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.Actor;

/** A story's page, through HTTP as a browser asks for it: what it shows, to whom, and what can be done from it. */
@SpringBootTest
@AutoConfigureMockMvc
class StoryPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    /** Imported once for the class: a story's copies published again would join it, as near duplicates do. */
    private static String marker;
    private static long story;

    /**
     * A complaint (with markup in it) about the provincial hospital naming the Department of Health, posted by
     * four people over two hours, and a copy with a few more characters by a fifth.
     */
    @BeforeEach
    void aStoryOfTheDepartmentOfHealth() throws Exception {
        if (story != 0) {
            return;
        }
        marker = "cauchuyen" + ProcessHandle.current().pid() + "x" + System.nanoTime();
        // words no other test's posts share, so that the story is not a near duplicate of theirs
        String text = "Phòng khám đa khoa khu vực đóng cửa từ ba giờ chiều, người cao tuổi đi khám bảo hiểm y tế phải "
                + "quay về tay không, đề nghị Sở Y tế xem lại lịch trực <script>alert(1)</script> " + marker;
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
        String[][] posts = {
            {"facebook", "s1", "An", "0", text},
            {"facebook", "s2", "Bình", "20", text},
            {"zalo", "s3", "Cường", "50", text},
            {"tiktok", "s4", "Dung", "90", text},
            {"facebook", "s5", "Em", "110", text + " 😡😡 #chiase"}};
        StringBuilder file = new StringBuilder();
        for (String[] post : posts) {
            file.append("{\"source\":\"story-").append(marker).append("-").append(post[0]).append("\",\"platform\":\"")
                    .append(post[0]).append("\",\"external_id\":\"").append(post[1]).append("\",\"author\":\"")
                    .append(post[2]).append(' ').append(marker).append("\",\"url\":\"https://example.org/").append(post[1])
                    .append("\",\"published_at\":\"").append(at.plus(Long.parseLong(post[3]), ChronoUnit.MINUTES))
                    .append("\",\"text\":\"").append(post[4]).append("\"}\n");
        }
        ImportSummary summary = importer.importFile("story.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(5);
        story = jdbc.sql("SELECT story_id FROM post WHERE text LIKE ? ORDER BY id LIMIT 1").param("%" + marker + "%")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE story_id = ?").param(story).query(Long.class).single())
                .as("the five posts, and only they, are the story").isEqualTo(5);
    }

    @Test
    void theStoryPageSummarisesTheStoryAndCollapsesItsReposts() throws Exception {
        String page = page("coordinator", story, 200);
        assertThat(page).contains("id=\"story-facts\"");
        assertThat(fact(page, 0)).isEqualTo("5");
        assertThat(fact(page, 1)).as("authors").isEqualTo("5");
        assertThat(fact(page, 2)).as("different texts").isEqualTo("2");
        // five accounts, one passage: said as such, not as five opinions
        assertThat(page).contains("id=\"shared-passage\"").contains("5 bài mang cùng một đoạn văn");
        // the first post, the four identical ones as one text standing for three others, the changed copy apart
        assertThat(page).contains("id=\"first-post\"").contains("+3 tương tự").contains("https://example.org/s2")
                .contains("Bài mới").contains("Zalo").contains("TikTok").contains("story-" + marker + "-zalo")
                .contains("Sở Y tế");
        // post text is a stranger's: escaped, never markup
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // what can be done: open a case (which is also how the agency answers), watch with a keyword alert
        assertThat(page).contains("href=\"/cases/new?story=" + story + "\"").contains("id=\"watch-form\"")
                .contains("action=\"/alerts/rules\"").contains("value=\"KEYWORD\"")
                .contains("href=\"/posts?story=" + story + "&amp;collapse=false&amp;sort=time\"");
    }

    @Test
    void theStorysOldAddressInTheSearchStillWorks() throws Exception {
        String posts = mvc.perform(get("/posts").param("story", Long.toString(story)).param("sort", "time")
                        .param("lang", "vi").session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(posts).contains("Tìm thấy 5 bài viết");
    }

    @Test
    void theSearchFilteredByAStoryNamesItByItsOpeningWordsForThoseWhoMaySeeIt() throws Exception {
        org.jsoup.nodes.Element chip = storyChip(story, "coordinator", "vi");
        assertThat(chip.text()).isEqualTo("Câu chuyện: Phòng khám đa khoa khu vực đóng cửa từ ba giờ chiều, người cao tuổi "
                + "đi khám bảo…");
        // its number is an identifier, in the tooltip, not the chip's text
        org.jsoup.nodes.Element value = chip.selectFirst("[data-identifier]");
        assertThat(value.attr("data-identifier")).isEqualTo(Long.toString(story));
        assertThat(value.attr("title")).isEqualTo("Câu chuyện số " + story);
        assertThat(value.hasAttr("data-untrusted")).as("the words are a post's").isTrue();
        assertThat(chip.text()).doesNotContain(Long.toString(story));
        assertThat(storyChip(story, "coordinator", "en").text()).startsWith("Story: Phòng khám đa khoa khu vực");
        // another agency's officer reads its public posts, so its words too
        assertThat(storyChip(story, "district", "vi").text()).startsWith("Câu chuyện: Phòng khám đa khoa khu vực");
    }

    /** The active filter of the story on the search page, as a user reads it. */
    private org.jsoup.nodes.Element storyChip(long id, String user, String lang) throws Exception {
        String posts = mvc.perform(get("/posts").param("story", Long.toString(id)).param("lang", lang)
                        .session(signIn(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.select.Elements chips = org.jsoup.Jsoup.parse(posts).select("#active-filters li > span");
        assertThat(chips).hasSize(1);
        return chips.first();
    }

    @Test
    void whoeverMayReadOneOfItsPostsOpensAStoryAsEveryListLinksIt() throws Exception {
        // the Department of Health's story of public posts: another agency's officer reads its posts in the search, and
        // a province-wide dashboard links it, so the page opens for them too; and for the press
        page("officer", story, 200);
        assertThat(fact(page("district", story, 200), 0)).isEqualTo("5");
        page("press", story, 200);
        page("coordinator", Long.MAX_VALUE, 404);
        mvc.perform(get("/listening/stories/" + story)).andExpect(status().isUnauthorized());
    }

    @Test
    void aStoryShowsEachReaderThePostsTheyMayReadAndIsNotFoundForWhoMayReadNone() throws Exception {
        String mark = "phanhoi" + ProcessHandle.current().pid() + "x" + System.nanoTime();
        // said in public and to the hotline; and another said to the hotline only, both about the Department of Health
        String told = "Bệnh viện huyện bắt người bệnh nằm ghép ba người một giường suốt tuần qua, đề nghị Sở Y tế "
                + "cho kiểm tra ngay khoa nội " + mark;
        String called = "Trạm y tế xã không có bác sĩ trực đêm, người dân gọi cấp cứu không ai nghe máy, đề nghị Sở Y tế "
                + "bố trí người trực " + mark;
        String[][] posts = {{"facebook", told}, {"facebook", told}, {"hotline", told}, {"hotline", told},
            {"hotline", called}, {"hotline", called}};
        StringBuilder file = new StringBuilder();
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        for (int i = 0; i < posts.length; i++) {
            file.append("{\"source\":\"feedback-").append(mark).append("-").append(posts[i][0])
                    .append("\",\"platform\":\"").append(posts[i][0]).append("\",\"external_id\":\"f").append(i)
                    .append("\",\"author\":\"Người ").append(i).append(' ').append(mark)
                    .append("\",\"published_at\":\"").append(at.plus(i, ChronoUnit.MINUTES))
                    .append("\",\"text\":\"").append(posts[i][1]).append("\"}\n");
        }
        assertThat(importer.importFile("feedback.jsonl", new ByteArrayInputStream(file.toString().getBytes(
                StandardCharsets.UTF_8)), Actor.SYSTEM, null).stored()).isEqualTo(6);
        long both = storyOf("%khoa nội " + mark);
        long hotline = storyOf("%bố trí người trực " + mark);
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE story_id = ?").param(both).query(Long.class).single())
                .as("the public posts and the calls are one story").isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE story_id = ? AND NOT ('SYT' = ANY (agencies))").param(both)
                .query(Long.class).single()).isZero();

        // the department's officer reads its calls too; another agency's officer the public posts only, as the search
        assertThat(fact(page("officer", both, 200), 0)).isEqualTo("4");
        String district = page("district", both, 200);
        assertThat(fact(district, 0)).isEqualTo("2");
        assertThat(fact(district, 1)).as("authors").isEqualTo("2");
        MockHttpSession commune = signIn("district");
        String found = mvc.perform(get("/posts").param("q", mark).session(commune)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains("href=\"/listening/stories/" + both + "\"").doesNotContain("/listening/stories/" + hotline);

        // the calls only: the department's story, not found for another agency's officer, on a page that keeps the
        // signed-in header and menu
        assertThat(fact(page("officer", hotline, 200), 0)).isEqualTo("2");
        String notFound = page("district", hotline, 404);
        assertThat(notFound).contains("Không tìm thấy trang").contains("id=\"main-nav\"")
                .contains("Cán bộ UBND xã Ninh Hải").contains("href=\"/listening\"");
        // nor does the search tell them its words
        org.jsoup.nodes.Element hidden = storyChip(hotline, "district", "vi");
        assertThat(hidden.text()).isEqualTo("Câu chuyện: một câu chuyện anh/chị không xem được");
        assertThat(hidden.selectFirst("[data-identifier]").attr("data-identifier")).isEqualTo(Long.toString(hotline));
        assertThat(storyChip(hotline, "district", "en").text()).isEqualTo("Story: a story you may not see");
        // who reads every post is told that a number no story has is not a story at all; an officer is not
        assertThat(storyChip(999_999_999L, "coordinator", "vi").text()).isEqualTo("Câu chuyện: một câu chuyện không có trong Loa");
        assertThat(storyChip(999_999_999L, "coordinator", "en").text()).isEqualTo("Story: a story Loa does not hold");
        assertThat(storyChip(999_999_999L, "district", "en").text()).isEqualTo("Story: a story you may not see");
    }

    private long storyOf(String text) {
        return jdbc.sql("SELECT story_id FROM post WHERE text LIKE ? ORDER BY id LIMIT 1").param(text).query(Long.class)
                .single();
    }

    @Test
    void watchingTheStoryCreatesAKeywordAlertRuleForTheOfficersAgency() throws Exception {
        MockHttpSession officer = signIn("officer");
        String page = mvc.perform(get("/listening/stories/" + story).param("lang", "vi").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher phrase = Pattern.compile("id=\"watch-keyword\" name=\"keyword\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(phrase.find()).as("the watch form proposes words of the story").isTrue();
        // the first four words the story's posts all have (they repeat one text)
        assertThat(phrase.group(1)).isEqualTo("phòng khám đa khoa");
        assertThat(page).contains("name=\"agencyCode\" value=\"SYT\"");
        String keyword = "lịch trực " + marker;
        mvc.perform(post("/alerts/rules").param("kind", "KEYWORD").param("agencyCode", "SYT").param("keyword", keyword)
                        .param("threshold", "3").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/alerts/rules"));
        assertThat(jdbc.sql("SELECT count(*) FROM alert_rule WHERE kind = 'KEYWORD' AND agency_code = 'SYT' AND keyword = ?")
                .param(keyword).query(Long.class).single()).isEqualTo(1);
    }

    private String page(String user, long id, int status) throws Exception {
        return mvc.perform(get("/listening/stories/" + id).param("lang", "vi").session(signIn(user)))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The figure of the n-th fact of the story's summary. */
    private static String fact(String page, int n) {
        Matcher facts = Pattern.compile("<li><strong>([^<]+)</strong>").matcher(
                page.substring(page.indexOf("id=\"story-facts\"")));
        for (int i = 0; i < n; i++) {
            facts.find();
        }
        assertThat(facts.find()).isTrue();
        return facts.group(1);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}
