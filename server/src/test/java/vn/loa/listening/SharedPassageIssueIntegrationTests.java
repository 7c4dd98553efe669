package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.Actor;

/**
 * An emerging issue made of one passage shared around, each share adding a few words of its own: the issue says that
 * its posts carry one passage (as a story's page does), in the reader's language, rather than counting them as so
 * many opinions.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SharedPassageIssueIntegrationTests {

    private static final int SHARES = 30;
    private static final String[] OWN = {"Hết chịu nổi!", "Trời ơi, lại nữa", "Chia sẻ cho bà con biết", "Khổ dân",
        "Ai có tin gì thêm không?", "Đọc mà buồn"};

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Test
    @SuppressWarnings("unchecked")
    void anIssueOfOnePassageSharedThirtyTimesSaysSoInEitherLanguage() throws Exception {
        String marker = "tuyenbien" + ProcessHandle.current().pid() + "x" + System.nanoTime();
        // no word of another test's burst ("đi vòng" of ListeningTrendsIntegrationTests): the context is shared
        String passage = "Thông báo khẩn từ ngày mai toàn bộ tuyến đường ven biển đoạn qua thôn " + marker
                + " bị cấm lưu thông để thi công kè chắn sóng, người dân và xe tải phải chuyển sang quốc lộ, thời gian "
                + "thi công kéo dài sáu tháng, các hộ kinh doanh dọc tuyến chưa được bàn bạc hay hỗ trợ gì";
        Instant at = Instant.now().minus(8, ChronoUnit.HOURS);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < SHARES; i++) {
            file.append("{\"source\":\"shared-").append(marker).append("\",\"platform\":\"facebook\",\"external_id\":\"")
                    .append(i).append("\",\"author\":\"Người chia sẻ ").append(i).append(' ').append(marker)
                    .append("\",\"published_at\":\"").append(at.plus(i * 10L, ChronoUnit.MINUTES))
                    .append("\",\"text\":\"").append(OWN[i % OWN.length]).append(' ').append(passage).append("\"}\n");
        }
        ImportSummary summary = importer.importFile("shared.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.stored()).isEqualTo(SHARES);

        MockHttpSession coordinator = (MockHttpSession) mvc.perform(formLogin("/login").user("coordinator")
                .password("loa-demo")).andReturn().getRequest().getSession(false);
        String report = mvc.perform(get("/api/v1/trends").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> issues = JsonPath.read(report, "$.emerging");
        Map<String, Object> issue = issues.stream()
                .filter(i -> ((List<Map<String, Object>>) i.get("examples")).stream()
                        .anyMatch(e -> String.valueOf(e.get("text")).contains(marker)))
                .findFirst().orElseThrow(() -> new AssertionError("no issue of the shared passage among "
                        + JsonPath.read(report, "$.emerging[*].words")));
        long observed = ((Number) issue.get("observed")).longValue();
        assertThat(observed).isGreaterThanOrEqualTo(SHARES);
        assertThat(((Number) issue.get("sharedPassage")).longValue()).as("every share repeats the passage")
                .isEqualTo(SHARES);

        String vi = page("vi", coordinator);
        String en = page("en", coordinator);
        assertThat(vi).contains(SHARES + " bài trong số đó mang cùng một đoạn văn được chia sẻ lại",
                "không phải " + SHARES + " ý kiến riêng");
        assertThat(en).contains(SHARES + " of them carry one shared passage", "not " + SHARES + " separate opinions")
                .doesNotContain("mang cùng một đoạn văn");

        // the posts the sentence counts are one click away: the issue links to its (at most three) largest stories, one of
        // all thirty or several when the shares' own words put some apart, which depends on the marker's letters
        org.jsoup.nodes.Element item = org.jsoup.Jsoup.parse(vi).select("#emerging-list li.issue").stream()
                .filter(li -> li.text().contains(marker)).findFirst().orElseThrow();
        org.jsoup.select.Elements stories = item.select(".issue-stories a");
        assertThat(stories).isNotEmpty();
        assertThat(item.select(".issue-stories a, .issue-stories span").stream().filter(e -> e.text().matches("\\d+ bài"))
                .mapToLong(e -> Long.parseLong(e.text().replace(" bài", ""))).sum()).isBetween(1L, observed);
        org.jsoup.nodes.Element story = stories.first();
        String storyPage = mvc.perform(get(story.attr("href")).session(coordinator)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(storyPage).text()).contains(story.text() + " viết").contains(marker);
    }

    private String page(String lang, MockHttpSession session) throws Exception {
        return mvc.perform(get("/trends").param("lang", lang).session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
