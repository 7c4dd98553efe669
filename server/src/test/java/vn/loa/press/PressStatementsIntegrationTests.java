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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Statements through the API on a real database: a press release drafted by the officer and approved by the
 * spokesperson (never by its drafter), then on the portal, in its RSS feed and e-mailed to the media list (a real SMTP
 * server, GreenMail); a correction request needs its press agency, and only that outlet's journalists see it; drafts
 * stay with their agency; no journalist sees who drafted or approved a statement.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PressStatementsIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    MediaDirectory media;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

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
            // and the page says whose approval the draft waits for, instead of showing no action at all
            String waiting = org.jsoup.Jsoup.parse(mvc.perform(get("/press/statements/" + id).session(officer))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .select("#awaiting-approval").text();
            assertThat(waiting).startsWith("Bản thảo chờ người phát ngôn của cơ quan duyệt và công bố: ").doesNotContain("{0}");
            mvc.perform(post("/api/v1/press/statements/" + id + "/publish").session(signIn("spokesperson")).with(csrf()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                    .andExpect(jsonPath("$.approvedBy").value("spokesperson"))
                    .andExpect(jsonPath("$.mailed.key").value("press.mail.sent"));
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

    @Test
    void aCorrectionRequestIsSeenByItsOutletsJournalistsOnlyAndNoJournalistSeesWhoDraftedOrApproved() throws Exception {
        long run = System.nanoTime();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        MediaDirectory.Outlet ours = media.addOutlet(new MediaDirectory.Outlet(null, "Báo Kiểm Thử Nhà " + run,
                OutletKind.NEWSPAPER, null, null, today.minusDays(1), null), COORDINATOR);
        MediaDirectory.Outlet theirs = media.addOutlet(new MediaDirectory.Outlet(null, "Báo Kiểm Thử Khác " + run,
                OutletKind.NEWSPAPER, null, null, today.minusDays(1), null), COORDINATOR);
        String username = "pv-cc-" + run;
        users.create(new Users.NewUser(username, "Phóng viên cải chính", username + "@example.vn", "mat-khau-kiem-thu",
                Set.of(Role.PRESS), agencies.findByCode("BPTTH", today).orElseThrow().id()), Actor.SYSTEM);
        media.addJournalist(new MediaDirectory.Journalist(null, ours.id(), null, "Phóng viên cải chính", username,
                username + "@example.vn", null, List.of(), ContactPreference.LOA, false, today.minusDays(1), null), COORDINATOR);
        long toTheirs = published("CORRECTION_REQUEST", "LETTER", theirs.id(), "Đề nghị cải chính báo khác " + run);
        long toOurs = published("CORRECTION_REQUEST", "LETTER", ours.id(), "Đề nghị cải chính báo nhà " + run);
        long release = published("PRESS_RELEASE", "PORTAL", null, "Thông cáo cho mọi báo " + run);
        MockHttpSession journalist = signIn(username, "mat-khau-kiem-thu");

        // another outlet's correction request does not exist for this journalist: page, API and lists
        mvc.perform(get("/press/statements/" + toTheirs).session(journalist)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/press/statements/" + toTheirs).session(journalist)).andExpect(status().isNotFound());
        String listed = mvc.perform(get("/api/v1/press/statements").param("size", "200").session(journalist))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(listed).findValuesAsString("title")).contains("Đề nghị cải chính báo nhà " + run,
                "Thông cáo cho mọi báo " + run).doesNotContain("Đề nghị cải chính báo khác " + run);
        assertThat(listed).doesNotContain("draftedBy\":\"", "approvedBy\":\"");
        String page = mvc.perform(get("/press/statements").param("form", "CORRECTION_REQUEST").session(journalist))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Đề nghị cải chính báo nhà " + run).doesNotContain("Đề nghị cải chính báo khác " + run);
        // nor does it for a journalist of no outlet, nor for the demo's journalist of another outlet
        mvc.perform(get("/api/v1/press/statements/" + toOurs).session(signIn("press"))).andExpect(status().isNotFound());

        // their own outlet's request and a public release are there, without who drafted or approved them
        for (long id : List.of(toOurs, release)) {
            mvc.perform(get("/api/v1/press/statements/" + id).session(journalist)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.draftedBy").doesNotExist()).andExpect(jsonPath("$.approvedBy").doesNotExist())
                    .andExpect(jsonPath("$.mailed").doesNotExist());
            String shown = mvc.perform(get("/press/statements/" + id).session(journalist)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(shown).doesNotContain("id=\"drafted-by\"", "id=\"approved-by\"", "Cán bộ Sở Y tế",
                    "Người phát ngôn Sở Y tế");
        }
        // the agency's staff still see both, and every outlet's request
        MockHttpSession officer = signIn("officer");
        mvc.perform(get("/api/v1/press/statements/" + toTheirs).session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.draftedBy").value("officer")).andExpect(jsonPath("$.approvedBy").value("spokesperson"));
        assertThat(mvc.perform(get("/press/statements/" + toTheirs).session(officer)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"drafted-by\"", "id=\"approved-by\"");
    }

    /** A statement the officer drafts for the Department of Health and its spokesperson publishes. */
    private long published(String form, String channel, Long outletId, String title) throws Exception {
        long id = json.readTree(mvc.perform(post("/api/v1/press/statements").session(signIn("officer")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"agencyCode":"SYT","form":"%s","channel":"%s","title":"%s","body":"Nội dung.","outletId":%s}"""
                                .formatted(form, channel, title, outletId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("id").asLong();
        mvc.perform(post("/api/v1/press/statements/" + id + "/publish").session(signIn("spokesperson")).with(csrf()))
                .andExpect(status().isOk());
        return id;
    }

    private MockHttpSession signIn(String username) throws Exception {
        return signIn(username, "loa-demo");
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password)).andReturn()
                .getRequest().getSession(false);
    }
}
