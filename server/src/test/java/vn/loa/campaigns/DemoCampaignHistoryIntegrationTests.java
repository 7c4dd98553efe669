package vn.loa.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Broadcasts.Broadcast;
import vn.loa.publishing.Broadcasts.BroadcastStatus;
import vn.loa.publishing.Channel;
import vn.loa.publishing.Publishing;
import vn.loa.shared.LocalTime;
import vn.loa.shared.PageRequest;

/**
 * The demo's campaign as the README tells it, on the demo data the application loaded: a message waiting for
 * approval, and an earlier one approved and published on the campaign's first day whose loudspeaker bulletin Bác Ái
 * Tây broadcast at its first slot and confirmed, so that the campaign has reached the commune. Its history is recorded
 * at those times everywhere: the message, its steps, its publications and the package.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class DemoCampaignHistoryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Messages messages;

    @Autowired
    Publishing publishing;

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void theCampaignsEarlierMessageWasBroadcastAndConfirmedAtBacAiTayOnItsFirstDay() throws Exception {
        SignedInUser officer = user("officer");
        SignedInUser commune = user("xa-bac-ai-tay");
        long campaignId = jdbc.sql("SELECT id FROM campaign WHERE title = 'Bảo hiểm y tế cho người cao tuổi' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        Campaign campaign = campaigns.get(campaignId, officer);
        LocalDate first = campaign.startsOn();
        assertThat(first).isBefore(LocalDate.ofInstant(clock.instant(), LocalTime.ZONE));
        List<Message> all = messages.list(campaignId, null, new PageRequest(1, 50), officer).items();
        assertThat(all).anySatisfy(m -> assertThat(m.status()).isEqualTo(MessageStatus.IN_REVIEW));
        Message opening = all.stream().filter(m -> m.title().equals("Mở đợt đăng ký thẻ bảo hiểm y tế cho người cao tuổi"))
                .findFirst().orElseThrow();

        // approved and published on the campaign's first day, every step of it recorded then, in order
        assertThat(opening.status()).isEqualTo(MessageStatus.PUBLISHED);
        assertThat(opening.approvedBy()).isEqualTo("spokesperson");
        assertThat(day(opening.publishedAt())).isEqualTo(first);
        assertThat(opening.publishAt()).isEqualTo(opening.publishedAt());
        List<Step> steps = messages.steps(opening.id(), officer);
        assertThat(steps).extracting(Step::action).containsExactly("WRITE", "SUBMIT", "APPROVE", "SCHEDULE", "PUBLISH");
        assertThat(steps).allSatisfy(s -> assertThat(day(s.at())).isEqualTo(first));
        assertThat(steps).extracting(Step::at).isSorted();

        // its bulletin went to Bác Ái Tây then, went on air at the commune's first slot and was confirmed that evening
        Version bulletin = messages.versions(opening.id(), officer).stream()
                .filter(v -> v.kind() == VersionKind.LOUDSPEAKER).findFirst().orElseThrow();
        Publishing.PublicationRecord publication = messages.publications(bulletin.id(), "vi").getFirst();
        assertThat(publication.publishAt()).isEqualTo(opening.publishedAt());
        Broadcast bacAiTay = broadcasts.ofPublication(publication.id(), commune).stream()
                .filter(b -> b.communeCode().equals("22786")).findFirst().orElseThrow();
        assertThat(bacAiTay.status()).isEqualTo(BroadcastStatus.CONFIRMED);
        assertThat(day(bacAiTay.firstSlotAt())).isEqualTo(first);
        assertThat(bacAiTay.slots()).contains(bacAiTay.firstSlotAt().atZone(LocalTime.ZONE).toLocalTime());
        assertThat(bacAiTay.broadcastAt()).isEqualTo(bacAiTay.firstSlotAt());
        assertThat(bacAiTay.confirmedAt()).isAfter(bacAiTay.broadcastAt()).isBefore(clock.instant());
        assertThat(bacAiTay.confirmedBy()).isEqualTo("xa-bac-ai-tay");
        assertThat(publishing.reach(campaign.reference())).anySatisfy(r -> {
            assertThat(r.communeCode()).isEqualTo("22786");
            assertThat(r.channels()).contains(Channel.LOUDSPEAKER);
        });

        // the pages say so: the campaign has reached a commune with its own loudspeakers, and the commune sees it done
        String page = mvc.perform(get("/campaigns/" + campaignId).session(signIn("leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("#reach-counts li").eachText()).anySatisfy(
                count -> assertThat(count).matches("Đã phát tại xã: [1-9][0-9]*"));
        String confirmations = mvc.perform(get("/broadcasts/confirm").session(signIn("xa-bac-ai-tay")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(confirmations).select("#confirmed li[data-broadcast=" + bacAiTay.id() + "]").text())
                .contains("Thông báo đăng ký thẻ bảo hiểm y tế", LocalTime.format(bacAiTay.broadcastAt()));
    }

    private static LocalDate day(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, LocalTime.ZONE);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }

    private SignedInUser user(String username) {
        var account = users.findByUsername(username).orElseThrow();
        return new SignedInUser(account.id(), account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles());
    }
}
