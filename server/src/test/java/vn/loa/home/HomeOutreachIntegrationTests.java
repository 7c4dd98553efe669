package vn.loa.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.campaigns.Audience;
import vn.loa.campaigns.Campaigns;
import vn.loa.campaigns.Emergency;
import vn.loa.campaigns.Message;
import vn.loa.campaigns.MessageAction;
import vn.loa.campaigns.Messages;
import vn.loa.campaigns.Plan;
import vn.loa.campaigns.Translation;
import vn.loa.campaigns.Version;
import vn.loa.campaigns.VersionKind;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Broadcasts.Broadcast;
import vn.loa.publishing.Channel;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.LocalTime;

/**
 * The home page tells each user what they must do for what goes out, on the embedded PostgreSQL: a commune the
 * broadcasts it must confirm (an emergency first), an approver the campaign messages waiting for them (never their own,
 * never another agency's for an agency's spokesperson), a translator the translations assigned to them. Other tests'
 * packages and messages share the database: the page is checked against what the services give, and the test's own
 * items among them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class HomeOutreachIntegrationTests {

    private static final String PASSWORD = "mat-khau-dai-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Messages messages;

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    TestClock clock;

    private final String marker = "Loa" + Long.toString(System.nanoTime(), 36);

    @Test
    void aCommuneIsToldOfTheBroadcastsItMustConfirmAnEmergencyFirst() throws Exception {
        SignedInUser officer = user("officer");
        SignedInUser spokesperson = user("spokesperson");
        SignedInUser commune = user("xa-bac-ai-tay");
        long campaign = campaign(officer);
        Message ordinary = loudspeaker(campaign, "Lịch tiêm chủng " + marker, null, officer);
        messages.act(ordinary.id(), MessageAction.SUBMIT, null, null, officer);
        messages.act(ordinary.id(), MessageAction.APPROVE, null, null, spokesperson);
        messages.act(ordinary.id(), MessageAction.SCHEDULE, clock.instant(), null, officer);
        messages.publishDue();
        Message flood = loudspeaker(campaign, "Khẩn: lũ quét " + marker, Emergency.DISASTER, officer);
        messages.act(flood.id(), MessageAction.EMERGENCY_PUBLISH, null, "Mưa lớn, lũ quét sắp về", spokesperson);

        // the service: both waiting at Bác Ái Tây, every emergency before any other package
        List<Broadcast> waiting = broadcasts.toConfirm(commune, 1000).first();
        int emergency = indexOf(waiting, "Khẩn: lũ quét " + marker);
        int later = indexOf(waiting, "Lịch tiêm chủng " + marker);
        assertThat(emergency).isNotNegative().isLessThan(later);
        assertThat(waiting.subList(0, waiting.size() - (int) waiting.stream().filter(b -> !b.emergency()).count()))
                .allMatch(Broadcast::emergency);
        assertThat(waiting).allMatch(b -> b.communeCode().equals("22786") && b.confirmedAt() == null);

        // the page: the commune's first packages in that order, with their count and where to confirm them
        Broadcasts.Waiting first = broadcasts.toConfirm(commune, 5);
        Document page = home("xa-bac-ai-tay");
        Element work = page.selectFirst("#my-work");
        assertThat(work).isNotNull();
        assertThat(work.select("h3").eachText()).contains("Phát thanh xã, phường mình cần xác nhận (" + first.total() + ")");
        assertThat(work.select("#broadcasts-to-confirm li > a").eachText())
                .containsExactlyElementsOf(first.first().stream().map(b -> b.title() != null ? b.title()
                        : b.kind() == Channel.LOUDSPEAKER ? "Đài truyền thanh cơ sở" : "Bảng điện tử").toList());
        for (int i = 0; i < first.first().size(); i++) {
            Broadcast b = first.first().get(i);
            Element item = work.select("#broadcasts-to-confirm > li").get(i);
            assertThat(item.select("a").attr("href")).isEqualTo("/broadcasts/confirm#broadcast-" + b.id());
            assertThat(item.text()).contains(b.emergency() ? "khẩn cấp: phát ngay, từ " + LocalTime.format(b.firstSlotAt())
                    : "giờ phát đầu: " + LocalTime.format(b.firstSlotAt()));
        }
        assertThat(work.select("#confirm-broadcasts").attr("href")).isEqualTo("/broadcasts/confirm");
        // the package the link leads to
        String confirmPage = mvc.perform(get("/broadcasts/confirm").session(signIn("xa-bac-ai-tay", "loa-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(confirmPage).select("#broadcast-" + waiting.get(emergency).id())).hasSize(1);

        // once confirmed, it is no longer asked for
        broadcasts.confirm(waiting.get(emergency).id(), null, null, commune);
        assertThat(home("xa-bac-ai-tay").select("#my-work h3").eachText())
                .contains("Phát thanh xã, phường mình cần xác nhận (" + (first.total() - 1) + ")");
        // another commune, and an agency that is no commune, are asked nothing of Bác Ái Tây's
        assertThat(home("phuong-phan-rang").text()).doesNotContain(marker);
        assertThat(broadcasts.toConfirm(officer, 5).total()).isZero();
        assertThat(home("officer").select("#broadcasts-to-confirm")).isEmpty();
    }

    @Test
    void anApproverIsToldOfTheMessagesWaitingForThemNeverTheirOwnNorAnotherAgencys() throws Exception {
        SignedInUser officer = user("officer");
        SignedInUser coordinator = user("coordinator");
        long campaign = campaign(officer);
        Message waiting = loudspeaker(campaign, "Thông điệp chờ duyệt " + marker, null, officer);
        messages.act(waiting.id(), MessageAction.SUBMIT, null, null, officer);
        // the coordinator rewrote a version of this one: one of its writers, who may not approve it
        Message rewritten = loudspeaker(campaign, "Thông điệp đã sửa " + marker, null, officer);
        messages.saveVersion(rewritten.id(), VersionKind.SMS, null, "So Y te: tin nhan da sua.", null, null, coordinator);
        messages.act(rewritten.id(), MessageAction.SUBMIT, null, null, officer);
        String link = "/campaigns/messages/" + waiting.id();
        String rewrittenLink = "/campaigns/messages/" + rewritten.id();

        for (String approver : List.of("spokesperson", "leader", "coordinator")) {
            List<Message> queue = messages.approvalQueue(user(approver));
            Element work = home(approver).selectFirst("#my-work");
            assertThat(work).as(approver).isNotNull();
            assertThat(work.select("h3").eachText()).as(approver)
                    .contains("Thông điệp chờ bạn duyệt (" + queue.size() + ")");
            assertThat(work.select("#messages-to-approve li > a").eachAttr("href")).as(approver)
                    .containsExactlyElementsOf(queue.stream().limit(5).map(m -> "/campaigns/messages/" + m.id()).toList());
            assertThat(work.select("#open-approvals").attr("href")).isEqualTo("/campaigns/approvals");
            assertThat(queue).extracting(Message::id).as(approver).contains(waiting.id());
        }
        // four eyes: neither the author nor whoever rewrote it is asked to approve it
        assertThat(messages.approvalQueue(coordinator)).extracting(Message::id).doesNotContain(rewritten.id());
        assertThat(home("coordinator").select("#messages-to-approve a").eachAttr("href")).doesNotContain(rewrittenLink);
        assertThat(messages.approvalQueue(officer)).isEmpty();
        assertThat(home("officer").select("#messages-to-approve")).isEmpty();
        // another agency's spokesperson approves for their own agency only
        String other = "phat-ngon-sxd-" + marker.toLowerCase();
        users.create(new Users.NewUser(other, "Người phát ngôn Sở Xây dựng", other + "@example.gov.vn", PASSWORD,
                Set.of(Role.SPOKESPERSON), agencies.findByCode("SXD", today()).orElseThrow().id()), Actor.SYSTEM);
        assertThat(messages.approvalQueue(user(other))).noneMatch(m -> m.agencyCode().equals("SYT"));
        Document theirs = Jsoup.parse(mvc.perform(get("/").session(signIn(other, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(theirs.select("a").eachAttr("href")).doesNotContain(link, rewrittenLink);

        // approved, it is no longer waiting
        messages.act(waiting.id(), MessageAction.APPROVE, null, null, user("spokesperson"));
        assertThat(home("leader").select("#messages-to-approve a").eachAttr("href")).doesNotContain(link);
    }

    @Test
    void aTranslatorIsToldOfTheTranslationsWaitingForTheirText() throws Exception {
        SignedInUser officer = user("officer");
        String translator = "nguoi-dich-" + marker.toLowerCase();
        users.create(new Users.NewUser(translator, "Người dịch tiếng Chăm", translator + "@example.gov.vn", PASSWORD,
                Set.of(Role.OFFICER), agencies.findByCode("22786", today()).orElseThrow().id()), Actor.SYSTEM);
        long campaign = campaign(officer);
        Message m = loudspeaker(campaign, "Bản tin cần dịch " + marker, null, officer);
        Version bulletin = messages.versions(m.id(), officer).getFirst();
        Translation cham = messages.assignTranslation(bulletin.id(), "cjm", translator, officer);
        Translation raglai = messages.assignTranslation(bulletin.id(), "roc", translator, officer);
        // entered already: waiting for its reviewer, not for the translator
        messages.submitTranslation(raglai.id(), "Bản dịch tiếng Raglai (kiểm thử).", null, null, user(translator));
        // of a message taken back: nothing to translate any more
        Message withdrawn = loudspeaker(campaign, "Bản tin đã rút " + marker, null, officer);
        messages.assignTranslation(messages.versions(withdrawn.id(), officer).getFirst().id(), "cjm", translator, officer);
        messages.act(withdrawn.id(), MessageAction.WITHDRAW, null, "Không dùng nữa", officer);

        Document page = Jsoup.parse(mvc.perform(get("/").session(signIn(translator, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element work = page.selectFirst("#my-work");
        assertThat(work).isNotNull();
        assertThat(work.select("h3").eachText()).contains("Việc dịch được giao cho bạn (1)");
        assertThat(work.select("#translations-assigned li")).singleElement().satisfies(li -> {
            assertThat(li.select("a").text()).isEqualTo("Bản tin loa truyền thanh → Tiếng Chăm");
            assertThat(li.select("a").attr("href")).isEqualTo("/campaigns/translations#task-" + cham.id());
            assertThat(li.text()).contains("giao lúc " + LocalTime.format(cham.assignedAt()));
        });
        assertThat(work.select("#open-translations").attr("href")).isEqualTo("/campaigns/translations");
        String tasks = mvc.perform(get("/campaigns/translations").session(signIn(translator, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(tasks).select("#task-" + cham.id())).hasSize(1);

        // entered, it leaves the home page
        messages.submitTranslation(cham.id(), "Bản dịch tiếng Chăm (kiểm thử).", null, null, user(translator));
        assertThat(messages.assignedTo(user(translator))).isEmpty();
        Document after = Jsoup.parse(mvc.perform(get("/").session(signIn(translator, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(after.select("#translations-assigned")).isEmpty();
        assertThat(after.text()).doesNotContain("Việc dịch được giao cho bạn");
    }

    @Test
    void theDemosTranslatorIsToldOfTheChamBulletinAssignedToThem() throws Exception {
        List<Translation> assigned = messages.assignedTo(user("district"));
        Element work = home("district").selectFirst("#my-work");
        assertThat(work).isNotNull();
        assertThat(work.select("h3").eachText()).contains("Việc dịch được giao cho bạn (" + assigned.size() + ")");
        assertThat(work.select("#translations-assigned li a").eachAttr("href")).containsExactlyElementsOf(
                assigned.stream().limit(5).map(t -> "/campaigns/translations#task-" + t.id()).toList());
        // the demo's: the loudspeaker bulletin of the health insurance campaign, into Chăm
        assertThat(assigned).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo(VersionKind.LOUDSPEAKER);
            assertThat(t.language()).isEqualTo("cjm");
        });
    }

    /** A campaign of the Department of Health for Bác Ái Tây, in a plan of a year no other test took. */
    private long campaign(SignedInUser officer) {
        Plan plan = null;
        for (int year = 2030 + (int) (System.nanoTime() % 60); plan == null; year++) {
            try {
                plan = campaigns.createPlan("SYT", year, "Kế hoạch " + marker + " " + year, officer);
            } catch (Conflict e) {
                // taken: try the next year
            }
        }
        return campaigns.create(plan.id(), new Campaigns.Draft("Chiến dịch " + marker, "Phòng chống thiên tai", null, null,
                List.of(Audience.CHOSEN_COMMUNES), List.of("22786"), List.of(Channel.LOUDSPEAKER), List.of(),
                LocalDate.of(plan.year(), 6, 1), LocalDate.of(plan.year(), 9, 30), null, null, List.of()), officer).id();
    }

    /** A message with its loudspeaker bulletin, titled as the message. */
    private Message loudspeaker(long campaign, String title, Emergency emergency, SignedInUser officer) {
        Message m = messages.write(campaign, title, "Kính thưa bà con. " + title + ".", emergency, officer);
        messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, title, "Kính thưa bà con. " + title + ".", null, null,
                officer);
        return m;
    }

    private static int indexOf(List<Broadcast> list, String title) {
        for (int i = 0; i < list.size(); i++) {
            if (title.equals(list.get(i).title())) {
                return i;
            }
        }
        return -1;
    }

    private Document home(String username) throws Exception {
        return Jsoup.parse(mvc.perform(get("/").session(signIn(username, "loa-demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password)).andReturn()
                .getRequest().getSession(false);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private SignedInUser user(String username) {
        var account = users.findByUsername(username).orElseThrow();
        return new SignedInUser(account.id(), account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles());
    }
}
