package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statements through the API on a real database: a press release drafted by the officer and approved by the
 * spokesperson (never by its drafter), then on the portal, in its RSS feed and e-mailed to the media list (a real SMTP
 * server, GreenMail); a correction request needs its press agency; drafts stay with their agency.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PressStatementsIntegrationTests {

    @Autowired
    MockMvc mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPressReleaseApprovedByTheSpokespersonIsOnThePortalInTheFeedAndInTheMediaListsMailboxes() throws Exception {
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            String title = "Khánh thành khoa Hồi sức tích cực <b>mới</b> " + System.nanoTime();
            MockHttpSession officer = signIn("officer");
            long id = json.readTree(mvc.perform(post("/api/v1/press/statements").session(officer).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"agencyCode":"SYT","form":"PRESS_RELEASE","channel":"PORTAL","title":%s,
                                     "body":"Khoa có 40 giường, giảm quá tải cho bệnh viện tỉnh."}""".formatted(json.writeValueAsString(title))))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("id").asLong();
            // a draft is the agency's own
            mvc.perform(get("/api/v1/press/statements/" + id).session(signIn("district"))).andExpect(status().isNotFound());
            mvc.perform(get("/public/press-releases/" + id)).andExpect(status().isNotFound());
            // the officer is not the approver
            mvc.perform(post("/api/v1/press/statements/" + id + "/publish").session(officer).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/press/statements/" + id + "/publish").session(signIn("spokesperson")).with(csrf()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                    .andExpect(jsonPath("$.approvedBy").value("spokesperson"))
                    .andExpect(jsonPath("$.mailed").value(org.hamcrest.Matchers.startsWith("đã gửi thư cho ")));
            mvc.perform(post("/api/v1/press/statements/" + id + "/publish").session(signIn("spokesperson")).with(csrf()))
                    .andExpect(status().isConflict());

            MimeMessage message = null;
            for (int received = 1; message == null && smtp.waitForIncomingEmail(20_000, received); received++) {
                message = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("press@demo.loa.local") && m.getSubject().contains(title);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
            }
            assertThat(message).as("the journalist's copy of the release").isNotNull();
            assertThat(message.getSubject()).isEqualTo("[Loa] Thông cáo báo chí: " + title);
            assertThat((String) message.getContent()).contains("Khoa có 40 giường", "/public/press-releases/" + id);

            String page = mvc.perform(get("/public/press-releases")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("Khánh thành khoa Hồi sức tích cực &lt;b&gt;mới&lt;/b&gt;").doesNotContain("<b>mới</b>");
            String rss = mvc.perform(get("/public/press-releases/rss.xml")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(rss));
            assertThat(feed.getTitle()).isEqualTo("Thông cáo báo chí tỉnh Khánh Hòa");
            assertThat(feed.getEntries()).anySatisfy(entry -> {
                assertThat(entry.getTitle()).isEqualTo(title);
                assertThat(entry.getLink()).endsWith("/public/press-releases/" + id);
                assertThat(entry.getAuthor()).isEqualTo("Sở Y tế");
            });
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theDrafterCannotApproveAndACorrectionRequestNamesItsPressAgency() throws Exception {
        MockHttpSession spokesperson = signIn("spokesperson");
        mvc.perform(post("/api/v1/press/statements").session(spokesperson).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"agencyCode":"SYT","form":"CORRECTION_REQUEST","channel":"LETTER","title":"Đề nghị cải chính",
                                 "body":"Bài viết nêu sai số ca bệnh."}"""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("outletId"));
        mvc.perform(post("/api/v1/press/statements").session(spokesperson).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyCode\":\"SYT\",\"form\":\"GOSSIP\",\"channel\":\"PORTAL\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("form")));
        long id = json.readTree(mvc.perform(post("/api/v1/press/statements").session(spokesperson).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"agencyCode":"SYT","form":"INTERVIEW","channel":"IN_PERSON","title":"Trả lời phỏng vấn",
                                 "body":"Nội dung trả lời phỏng vấn."}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("id").asLong();
        mvc.perform(post("/api/v1/press/statements/" + id + "/publish").session(spokesperson).with(csrf()))
                .andExpect(status().isConflict());
        // an agency speaks for itself only
        mvc.perform(post("/api/v1/press/statements").session(signIn("district")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"agencyCode":"SYT","form":"INTERVIEW","channel":"IN_PERSON","title":"x","body":"y"}"""))
                .andExpect(status().isForbidden());
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
