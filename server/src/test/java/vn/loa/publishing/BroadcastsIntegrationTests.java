package vn.loa.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.LocalTime;

/**
 * A loudspeaker publication on a real database becomes a broadcast package per commune: listed and read through
 * {@code /api/v1/broadcasts} by the communes it is for (and no other), downloaded as a ZIP read back with
 * java.util.zip and Jackson, confirmed by its commune's officer only (once), flagged as missed on the coordinator's
 * page when a commune does not confirm after its slot and the grace period; and the campaign's reach per commune
 * counts the confirmed broadcasts and the province-wide channels really sent, never what a simulator received.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class BroadcastsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Publishing publishing;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    org.springframework.context.MessageSource messages;

    private final JsonMapper json = JsonMapper.builder().build();

    private long enqueue(Channel channel, String campaign, List<String> communes, List<Publication.Attachment> files) {
        return enqueue(channel, campaign, communes, List.of(), files);
    }

    private long enqueue(Channel channel, String campaign, List<String> communes, List<String> recipients,
            List<Publication.Attachment> files) {
        return enqueue(channel, campaign, communes, recipients, files, false);
    }

    private long enqueue(Channel channel, String campaign, List<String> communes, List<String> recipients,
            List<Publication.Attachment> files, boolean emergency) {
        var agency = agencies.findByCode("SYT", LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).orElseThrow().id();
        return new TransactionTemplate(transactions).execute(s -> publishing.enqueue(new Publication(
                "message-version:" + System.nanoTime(), campaign, "Bảo hiểm y tế người cao tuổi", agency, channel, "vi",
                "Thẻ bảo hiểm y tế miễn phí cho người từ đủ 75 tuổi",
                "Kính thưa bà con. Từ tháng 1, người từ đủ 75 tuổi được cấp thẻ bảo hiểm y tế miễn phí. "
                        + "Bà con mang căn cước đến UBND xã để đăng ký.", communes, recipients, files, clock.instant(),
                emergency), new Actor("officer", "SYT")));
    }

    private Map<String, Long> packagesByCommune(long publicationId, MockHttpSession session) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/broadcasts").param("kind", "loudspeaker")
                        .param("limit", "500").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Map<String, Long> byCommune = new LinkedHashMap<>();
        for (JsonNode b : list) {
            if (b.get("publicationId").asLong() == publicationId) {
                byCommune.put(b.get("communeCode").asString(), b.get("id").asLong());
            }
        }
        return byCommune;
    }

    @Test
    void aLoudspeakerBulletinIsAPackagePerCommuneConfirmedByItsCommuneOnlyAndCountedInTheReach() throws Exception {
        String campaign = "campaign:bhyt-" + System.nanoTime();
        byte[] audio = "RIFF....WAVEfmt demo audio".getBytes(StandardCharsets.US_ASCII);
        long id = enqueue(Channel.LOUDSPEAKER, campaign, List.of("22786", "22759"),
                List.of(new Publication.Attachment("ban-tin BHYT.wav", "audio/wav", audio)));
        long portal = enqueue(Channel.PORTAL, campaign, List.of(), List.of());
        long sms = enqueue(Channel.SMS, campaign, List.of(), List.of("0905000333"), List.of());
        while (publishing.deliverDue() > 0) {
            // the portal and the simulator
        }

        MockHttpSession bacAiTay = signIn("xa-bac-ai-tay");
        MockHttpSession phanRang = signIn("phuong-phan-rang");
        MockHttpSession coordinator = signIn("coordinator");
        Map<String, Long> all = packagesByCommune(id, coordinator);
        assertThat(all).containsOnlyKeys("22786", "22759");
        long bacAiTayPackage = all.get("22786");
        long phanRangPackage = all.get("22759");
        // each commune sees its own package, not the other's
        assertThat(packagesByCommune(id, bacAiTay)).containsOnlyKeys("22786");
        mvc.perform(get("/api/v1/broadcasts/" + bacAiTayPackage).session(phanRang)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/broadcasts")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/broadcasts").param("status", "lost").session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("status"));
        mvc.perform(get("/api/v1/broadcasts/" + bacAiTayPackage).session(bacAiTay)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING")).andExpect(jsonPath("$.kind").value("LOUDSPEAKER"))
                .andExpect(jsonPath("$.slots[0]").value(org.hamcrest.Matchers.startsWith("06:00")))
                .andExpect(jsonPath("$.attachments[0].fileName").value("ban-tin BHYT.wav"));

        // the package as a ZIP
        byte[] zip = mvc.perform(get("/api/v1/broadcasts/" + bacAiTayPackage + "/package.zip").session(bacAiTay))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip")).andReturn()
                .getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<java.time.LocalDateTime> dated = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
                dated.add(e.getTimeLocal());
            }
        }
        // dated in Vietnam's time, as the commune's station reads it, whatever the server's zone (the tests run in UTC)
        java.time.LocalDateTime made = java.time.LocalDateTime.ofInstant(clock.instant(), LocalTime.ZONE);
        assertThat(dated).allSatisfy(time -> assertThat(Duration.between(time, made).abs())
                .isLessThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(entries).containsOnlyKeys("manifest.json", "script.txt", "media/ban-tin_BHYT.wav");
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asString()).isEqualTo("loa-broadcast-package/1");
        assertThat(manifest.get("communeCode").asString()).isEqualTo("22786");
        assertThat(manifest.get("communeName").asString()).isEqualTo("Xã Bác Ái Tây");
        assertThat(manifest.get("language").asString()).isEqualTo("vi");
        assertThat(manifest.get("timeZone").asString()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(manifest.get("slots").get(0).asString()).isEqualTo("06:00");
        assertThat(manifest.get("files").get(0).get("path").asString()).isEqualTo("media/ban-tin_BHYT.wav");
        assertThat(new String(entries.get("script.txt"), StandardCharsets.UTF_8)).startsWith("Kính thưa bà con.");
        assertThat(entries.get("media/ban-tin_BHYT.wav")).isEqualTo(audio);

        // only the commune confirms its broadcast, once, not in the future
        mvc.perform(post("/api/v1/broadcasts/" + bacAiTayPackage + "/confirmations").session(phanRang).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/broadcasts/" + bacAiTayPackage + "/confirmations").session(coordinator).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/broadcasts/" + bacAiTayPackage + "/confirmations").session(bacAiTay).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"broadcastAt\":\"hôm qua\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("broadcastAt"));
        // nor before its first slot
        mvc.perform(post("/api/v1/broadcasts/" + bacAiTayPackage + "/confirmations").session(bacAiTay).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"broadcastAt\":\"2020-01-01T06:00:00+07:00\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("broadcastAt"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("trước giờ phát đầu tiên")));
        // on air at its first slot, confirmed then
        clock.set(broadcasts.get(bacAiTayPackage, COORDINATOR).firstSlotAt().plusSeconds(600));
        mvc.perform(post("/api/v1/broadcasts/" + bacAiTayPackage + "/confirmations").session(bacAiTay).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Phát lúc 17 giờ, cụm loa thôn Ma Oai\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.confirmedBy").value("xa-bac-ai-tay"));
        mvc.perform(post("/api/v1/broadcasts/" + bacAiTayPackage + "/confirmations").session(bacAiTay).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isConflict());
        assertThat(publishing.deliveries(id, COORDINATOR))
                .filteredOn(d -> d.recipient().equals("commune:22786")).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.CONFIRMED);
                    // who confirmed, by the name people know them by, not their account's
                    assertThat(d.detail().shown(messages, Locale.of("vi"))).contains("Cán bộ văn hóa - thông tin UBND xã Bác Ái Tây")
                            .doesNotContain("xa-bac-ai-tay");
                });
        assertThat(publishing.log(id, COORDINATOR)).filteredOn(l -> l.status() == DeliveryStatus.CONFIRMED)
                .singleElement().satisfies(l -> assertThat(l.detail().shown(messages, Locale.of("vi")))
                        .contains("Cán bộ văn hóa - thông tin UBND xã Bác Ái Tây", "cụm loa thôn Ma Oai")
                        .doesNotContain("xa-bac-ai-tay"));

        // Phan Rang did not confirm: after its first slot and the grace period, it is missed on the coordinator's page
        clock.advance(Duration.ofDays(1));
        mvc.perform(get("/api/v1/broadcasts/" + phanRangPackage).session(phanRang))
                .andExpect(jsonPath("$.status").value("MISSED"));
        String page = mvc.perform(get("/broadcasts").param("status", "MISSED").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-broadcast=\"" + phanRangPackage + "\"", "id=\"missed\"")
                .doesNotContain("data-broadcast=\"" + bacAiTayPackage + "\"");
        // the publishing agency's officer sees both packages on the publication's page
        String publication = mvc.perform(get("/publishing/" + id).session(signIn("officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(publication).contains("data-broadcast=\"" + bacAiTayPackage + "\" data-status=\"CONFIRMED\"",
                "data-broadcast=\"" + phanRangPackage + "\" data-status=\"MISSED\"");
        // and its delivery to Phan Rang reads missed too, not waiting, in the table and in the counts
        org.jsoup.nodes.Document read = org.jsoup.Jsoup.parse(publication);
        assertThat(read.select("#deliveries tr[data-status=MISSED]").text()).contains("Phan Rang", "Bỏ lỡ: chưa xác nhận");
        assertThat(read.select("#counts").text()).contains("đã xác nhận", "1 bỏ lỡ (xã chưa xác nhận)");
        assertThat(publishing.get(id, COORDINATOR).missed()).isEqualTo(1);
        mvc.perform(get("/publishing/" + id).session(phanRang)).andExpect(status().isNotFound());
        // the commune's own page on its phone: the big button, pending and missed
        String confirm = mvc.perform(get("/broadcasts/confirm").session(phanRang)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirm).contains("data-broadcast=\"" + phanRangPackage + "\"", "Đã phát");
        mvc.perform(get("/broadcasts/confirm").session(signIn("officer"))).andExpect(status().isForbidden());
        mvc.perform(post("/broadcasts/" + phanRangPackage + "/confirm").session(phanRang).with(csrf())
                .param("note", "Phát bù sáng nay")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/broadcasts/" + phanRangPackage).session(phanRang))
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.note").value("Phát bù sáng nay"));

        // reach: the loudspeakers where confirmed; the portal (sent) everywhere; the SMS simulator nowhere
        List<Publishing.CommuneReach> reach = publishing.reach(campaign);
        Publishing.CommuneReach bacAi = reach.stream().filter(r -> r.communeCode().equals("22786")).findFirst()
                .orElseThrow();
        assertThat(bacAi.channels()).containsExactly(Channel.PORTAL, Channel.LOUDSPEAKER);
        assertThat(bacAi.lastConfirmedAt()).isNotNull();
        Publishing.CommuneReach nhaTrang = reach.stream().filter(r -> r.communeCode().equals("22366")).findFirst()
                .orElseThrow();
        assertThat(nhaTrang.channels()).containsExactly(Channel.PORTAL);
        assertThat(reach).allSatisfy(r -> assertThat(r.channels()).doesNotContain(Channel.SMS));
        assertThat(publishing.get(sms, COORDINATOR).simulated()).isEqualTo(1);
        assertThat(publishing.get(portal, COORDINATOR).sent()).isEqualTo(1);
    }

    @Test
    void aBroadcastIsNotConfirmedBeforeItsFirstSlotAndTheFormSaysWhyKeepingWhatWasTyped() throws Exception {
        // 03:46 tomorrow, before any morning slot
        java.time.Instant early = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE).plusDays(1).atTime(3, 46)
                .atZone(LocalTime.ZONE).toInstant();
        clock.set(early);
        long id = enqueue(Channel.LOUDSPEAKER, null, List.of("22759"), List.of());
        Broadcasts.Broadcast pending = broadcasts.ofPublication(id, COORDINATOR).getFirst();
        java.time.Instant slot = pending.firstSlotAt();
        assertThat(slot).isAfter(early.plus(Duration.ofMinutes(10)));
        java.time.format.DateTimeFormatter field = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .withZone(LocalTime.ZONE);
        String slotShown = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(LocalTime.ZONE)
                .format(slot);
        MockHttpSession phanRang = signIn("phuong-phan-rang");

        // the form offers the slot, not now
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/broadcasts/confirm").session(phanRang))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#at-" + pending.id()).attr("value")).isEqualTo(field.format(slot));

        // 03:50 is refused, naming the field, and the form keeps what was typed
        String typed = field.format(early.plus(Duration.ofMinutes(4)));
        var refused = mvc.perform(post("/broadcasts/" + pending.id() + "/confirm").session(phanRang).with(csrf())
                .param("broadcastAt", typed).param("note", "Cụm loa khu phố 3")).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap();
        page = org.jsoup.Jsoup.parse(mvc.perform(get("/broadcasts/confirm").session(phanRang).flashAttrs(refused))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#problems li[data-field=broadcastAt]").text())
                .isEqualTo("Giờ phát không được trước giờ phát đầu tiên của bản tin (" + slotShown + ").");
        assertThat(page.select(".flash.success")).isEmpty();
        assertThat(page.select("#at-" + pending.id()).attr("value")).isEqualTo(typed);
        assertThat(page.select("#note-" + pending.id()).attr("value")).isEqualTo("Cụm loa khu phố 3");
        page = org.jsoup.Jsoup.parse(mvc.perform(get("/broadcasts/confirm").param("lang", "en").session(phanRang)
                .flashAttrs(refused)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#problems li[data-field=broadcastAt]").text())
                .isEqualTo("The broadcast time cannot be before the bulletin's first slot (" + slotShown + ").");
        assertThat(broadcasts.get(pending.id(), COORDINATOR).status()).isEqualTo(Broadcasts.BroadcastStatus.PENDING);

        // once the slot came, it is confirmed at the slot, and the form then offers now
        clock.set(slot.plus(Duration.ofMinutes(20)));
        page = org.jsoup.Jsoup.parse(mvc.perform(get("/broadcasts/confirm").session(phanRang))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#at-" + pending.id()).attr("value")).isEqualTo(field.format(clock.instant()));
        var done = mvc.perform(post("/broadcasts/" + pending.id() + "/confirm").session(phanRang).with(csrf())
                .param("broadcastAt", field.format(slot))).andExpect(status().is3xxRedirection()).andReturn()
                .getFlashMap();
        assertThat(done.get("flashKey")).isEqualTo("publishing.confirm.done");
        assertThat(broadcasts.get(pending.id(), COORDINATOR).broadcastAt()).isEqualTo(slot);

        // an emergency's first slot is its publishing time: confirmed at once
        long emergency = enqueue(Channel.LOUDSPEAKER, null, List.of("22759"), List.of(), List.of(), true);
        Broadcasts.Broadcast urgent = broadcasts.ofPublication(emergency, COORDINATOR).getFirst();
        page = org.jsoup.Jsoup.parse(mvc.perform(get("/broadcasts/confirm").session(phanRang))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String offered = page.select("#at-" + urgent.id()).attr("value");
        assertThat(offered).isEqualTo(field.format(clock.instant()));
        var confirmed = mvc.perform(post("/broadcasts/" + urgent.id() + "/confirm").session(phanRang).with(csrf())
                .param("broadcastAt", offered)).andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(confirmed.get("flashKey")).isEqualTo("publishing.confirm.done");
    }

    @Test
    void aBulletinTakenBackIsSaidToBeWithdrawnWhateverTimeTheCommuneTypedAndIsNeverConfirmed() throws Exception {
        java.time.Instant real = clock.instant();
        try {
            // 04:10 tomorrow, before the morning slot
            clock.set(LocalDate.ofInstant(real, LocalTime.ZONE).plusDays(1).atTime(4, 10).atZone(LocalTime.ZONE)
                    .toInstant());
            long id = enqueue(Channel.LOUDSPEAKER, null, List.of("22759"), List.of());
            Broadcasts.Broadcast pending = broadcasts.ofPublication(id, COORDINATOR).getFirst();
            new TransactionTemplate(transactions).executeWithoutResult(s -> publishing.withdraw(id,
                    "Sai đối tượng được cấp thẻ", new Actor("spokesperson", "SYT")));
            MockHttpSession phanRang = signIn("phuong-phan-rang");
            java.time.format.DateTimeFormatter field = java.time.format.DateTimeFormatter
                    .ofPattern("yyyy-MM-dd'T'HH:mm").withZone(LocalTime.ZONE);
            // a page opened before the withdrawal, a time before the slot: told it was withdrawn, not to fix the time
            var refused = mvc.perform(post("/broadcasts/" + pending.id() + "/confirm").session(phanRang).with(csrf())
                            .param("broadcastAt", field.format(clock.instant())))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
            assertThat(refused.get("errorKey")).isEqualTo("publishing.error.withdrawn");
            // after the slot, the same
            clock.set(pending.firstSlotAt().plusSeconds(300));
            assertThatThrownBy(() -> broadcasts.confirm(pending.id(), pending.firstSlotAt(), null,
                    new SignedInUser(0L, "phuong-phan-rang", "Phường Phan Rang", null, "22759", Set.of(Role.OFFICER))))
                    .isInstanceOfSatisfying(Conflict.class,
                            e -> assertThat(e.messageKey()).isEqualTo("publishing.error.withdrawn"));
            assertThat(broadcasts.get(pending.id(), COORDINATOR).status())
                    .isEqualTo(Broadcasts.BroadcastStatus.WITHDRAWN);
        } finally {
            clock.set(real);
        }
    }

    @Test
    void anEmergencyBulletinGoesOutAtOnceNotAtTheCommunesNextSlot() throws Exception {
        // off any slot, so that "at once" and "at the next slot" differ
        java.time.LocalTime local = clock.instant().atZone(LocalTime.ZONE).toLocalTime();
        if (local.getSecond() == 0 && local.getNano() == 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        java.time.Instant published = clock.instant();
        String campaign = "campaign:emergency-" + System.nanoTime();
        long emergency = enqueue(Channel.LOUDSPEAKER, campaign, List.of("22786"), List.of(), List.of(), true);
        long ordinary = enqueue(Channel.LOUDSPEAKER, campaign, List.of("22786"), List.of(), List.of(), false);
        Broadcasts.Broadcast urgent = broadcasts.ofPublication(emergency, COORDINATOR).getFirst();
        Broadcasts.Broadcast regular = broadcasts.ofPublication(ordinary, COORDINATOR).getFirst();
        assertThat(urgent.firstSlotAt()).isEqualTo(published);
        assertThat(regular.firstSlotAt()).isAfter(published);

        // the pages say so: the commune's, and the publishing agency's
        org.jsoup.nodes.Document confirm = org.jsoup.Jsoup.parse(mvc.perform(get("/broadcasts/confirm")
                        .session(signIn("xa-bac-ai-tay"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(confirm.select("[data-broadcast=" + urgent.id() + "] .first-slot").text())
                .startsWith("khẩn cấp: phát ngay");
        assertThat(confirm.select("[data-broadcast=" + regular.id() + "] .first-slot").text())
                .startsWith("giờ phát đầu");
        // and it comes first on the commune's list, before packages due at later slots
        assertThat(confirm.select("[data-broadcast]").first().attr("data-broadcast")).isEqualTo(String.valueOf(urgent.id()));
        MockHttpSession officer = signIn("officer");
        org.jsoup.nodes.Document publication = org.jsoup.Jsoup.parse(mvc.perform(get("/publishing/" + emergency)
                        .session(officer).param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(publication.select("[data-broadcast=" + urgent.id() + "] .first-slot").text())
                .startsWith("emergency: broadcast at once");

        // not confirmed within the grace period, it is missed, whatever the commune's slots
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(broadcasts.ofPublication(emergency, COORDINATOR).getFirst().status())
                .isEqualTo(Broadcasts.BroadcastStatus.MISSED);
    }

    @Test
    void theNetworkIsEditedByTheCoordinatorOnly() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(post("/publishing/network").session(signIn("officer")).with(csrf()).param("communeCode", "22813")
                .param("kind", "LOUDSPEAKER").param("name", "Đài xã Lâm Sơn").param("slots", "06:00"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/publishing/network").session(coordinator).with(csrf()).param("communeCode", "22813")
                .param("kind", "LOUDSPEAKER").param("name", "").param("slots", "6 giờ"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-field=\"slots\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-field=\"name\"")));
        mvc.perform(post("/publishing/network").session(coordinator).with(csrf()).param("communeCode", "22813")
                .param("kind", "LOUDSPEAKER").param("name", "Đài truyền thanh xã Lâm Sơn").param("slots", "17:00, 06:00"))
                .andExpect(status().is3xxRedirection());
        String network = mvc.perform(get("/publishing/network").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(network).contains("Đài truyền thanh xã Lâm Sơn", "06:00, 17:00", "Đài truyền thanh xã Bác Ái Tây");
    }

    @Autowired
    vn.loa.identity.ApiTokens tokens;

    @Test
    void theProvincialSystemReadsEveryPackageWithTheProvincesTokenAndAnotherAgencysTokenReadsNone() throws Exception {
        long id = enqueue(Channel.BILLBOARD, "campaign:token-" + System.nanoTime(), List.of("22759"), List.of());
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        String province = tokens.issue("he-thong-thong-tin-nguon", agencies.findByCode("56", today).orElseThrow().id(),
                Actor.SYSTEM).secret();
        String trade = tokens.issue("so-cong-thuong", agencies.findByCode("SCT", today).orElseThrow().id(),
                Actor.SYSTEM).secret();
        String body = mvc.perform(get("/api/v1/broadcasts").param("kind", "BILLBOARD").param("limit", "500")
                        .header("Authorization", "Bearer " + province)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        long packageId = 0;
        for (JsonNode b : json.readTree(body)) {
            if (b.get("publicationId").asLong() == id) {
                packageId = b.get("id").asLong();
                assertThat(b.get("communeCode").asString()).isEqualTo("22759");
                assertThat(b.get("kind").asString()).isEqualTo("BILLBOARD");
            }
        }
        assertThat(packageId).as("the billboard text for Phan Rang").isPositive();
        mvc.perform(get("/api/v1/broadcasts/" + packageId).header("Authorization", "Bearer " + trade))
                .andExpect(status().isNotFound());
        // the province reads, it does not confirm for the commune
        mvc.perform(post("/api/v1/broadcasts/" + packageId + "/confirmations").header("Authorization", "Bearer " + province)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    }

    private static final vn.loa.identity.SignedInUser COORDINATOR = new vn.loa.identity.SignedInUser(null,
            "coordinator", "Điều phối", null, "SVHTTDL", java.util.Set.of(vn.loa.identity.Role.COORDINATOR));

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}
