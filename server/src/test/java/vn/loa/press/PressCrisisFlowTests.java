package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;

/**
 * The coordinator opens a crisis from the hospital story through the pages; its clock shows on the story's crisis, the
 * desk and the home page; the officer drafts the holding statement from a template; the spokesperson publishes it and
 * the clock stops in time; the journalist never sees the crisis.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PressCrisisFlowTests {

    private static final Pattern CRISIS = Pattern.compile("/press/crises/(\\d+)$");
    private static final Pattern STATEMENT = Pattern.compile("/press/statements/(\\d+)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoordinatorOpensACrisisFromTheHospitalStoryAndTheFirstStatementStopsItsClock() throws Exception {
        String marker = "flow" + System.nanoTime();
        String text = "Bệnh viện tỉnh quá tải nghiêm trọng, bệnh nhân nằm hành lang, Sở Y tế ở đâu " + marker;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append("{\"source\":\"fb-").append(marker).append("\",\"platform\":\"facebook\",\"external_id\":\"")
                    .append(marker).append(i).append("\",\"author\":\"Người dân ").append(i).append("\",\"published_at\":\"")
                    .append(Instant.now().minus(30, ChronoUnit.MINUTES)).append("\",\"text\":\"").append(text)
                    .append("\"}\n");
        }
        importer.importFile("story.jsonl", new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        long story = jdbc.sql("SELECT story_id FROM post WHERE external_id = ?").param(marker + "0").query(Long.class).single();

        MockHttpSession coordinator = signIn("coordinator");
        assertThat(page(coordinator, "/listening/stories/" + story)).contains("/press/crises?source=STORY&amp;sourceId=" + story);
        assertThat(page(coordinator, "/press/crises?source=STORY&sourceId=" + story)).contains("value=\"" + story + "\"");
        String location = mvc.perform(post("/press/crises").session(coordinator).with(csrf()).param("source", "STORY")
                        .param("sourceId", String.valueOf(story)).param("agencyCode", "SYT"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher m = CRISIS.matcher(location);
        assertThat(m.find()).isTrue();
        long crisis = Long.parseLong(m.group(1));
        String crisisPage = page(coordinator, "/press/crises/" + crisis);
        assertThat(crisisPage).contains(marker, "Còn 23 giờ", "Câu chuyện trên mạng", "Thông tin ban đầu về");

        assertThat(page(coordinator, "/press/crises/" + crisis + "/clock")).contains("Còn 23 giờ", "hx-trigger=\"every 60s\"")
                .doesNotContain("<html");
        MockHttpSession officer = signIn("officer");
        assertThat(page(officer, "/")).contains("/press/crises/" + crisis, "Còn 23 giờ");
        assertThat(page(officer, "/press")).contains("/press/crises/" + crisis);
        // the holding statement as the crisis page's template drafts it: a press release, e-mailed when published
        assertThat(crisisPage).contains("name=\"form\" value=\"PRESS_RELEASE\"");
        String title = "Thông tin ban đầu về tình trạng quá tải " + marker;
        String drafted = mvc.perform(post("/press/crises/" + crisis + "/statements").session(officer).with(csrf())
                        .param("form", "PRESS_RELEASE").param("channel", "EMAIL")
                        .param("title", title).param("body", "Sở Y tế đang kiểm tra."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher s = STATEMENT.matcher(drafted);
        assertThat(s.find()).isTrue();
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            mvc.perform(post("/press/statements/" + s.group(1) + "/publish").session(signIn("spokesperson")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the media list's mail").isTrue();
            assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(mail -> subject(mail).contains(title)))
                    .as("the release in the media list's mail").isNotEmpty();
        } finally {
            smtp.stop();
        }
        assertThat(page(coordinator, "/public/press-releases/" + s.group(1))).contains(title);
        assertThat(page(coordinator, "/press/crises/" + crisis)).contains("đúng hạn", "Phát ngôn đã công bố");
        assertThat(page(officer, "/")).doesNotContain("/press/crises/" + crisis);

        MockHttpSession press = signIn("press");
        mvc.perform(get("/press/crises/" + crisis).session(press)).andExpect(status().isForbidden());
        assertThat(page(press, "/press")).doesNotContain("/press/crises");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
