package vn.loa.campaigns.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.campaigns.Campaign;
import vn.loa.campaigns.Campaigns;
import vn.loa.campaigns.Message;
import vn.loa.campaigns.MessageAction;
import vn.loa.campaigns.Messages;
import vn.loa.campaigns.VersionKind;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.platform.DemoReplay;
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only, after the demo's campaign and the communes' stations exist: the campaign's first message (the
 * opening of registration) was approved and published on its first day, and the commune officer of Bác Ái Tây
 * confirmed that evening that its bulletin went on air at the commune's first slot, recorded through the services at
 * those times ({@link DemoReplay}); the posts the campaign is measured against (comments written for the demo and real VNTC news
 * sentences, {@code campaigns/demo-attention-posts.jsonl}, made by {@code tools/make-demo-campaign-posts.py}) are
 * loaded through the ordinary import, dated around the campaign's start and never in the future. Loaded once.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoCampaignReach implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaignReach.class);
    static final String POSTS = "/campaigns/demo-attention-posts.jsonl";
    static final String TITLE = "Mở đợt đăng ký thẻ bảo hiểm y tế cho người cao tuổi";
    /** How long after the bulletin went on air the commune confirmed it. */
    private static final Duration CONFIRMED_AFTER = Duration.ofMinutes(12);
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Messages messages;
    private final Publishing publishing;
    private final Broadcasts broadcasts;
    private final PostImporter importer;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoCampaignReach(JdbcClient jdbc, Campaigns campaigns, Messages messages, Publishing publishing,
            Broadcasts broadcasts, PostImporter importer, Users users, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.messages = messages;
        this.publishing = publishing;
        this.broadcasts = broadcasts;
        this.importer = importer;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Optional<Long> found = jdbc.sql("SELECT id FROM campaign WHERE title = 'Bảo hiểm y tế cho người cao tuổi' ORDER BY id LIMIT 1")
                .query(Long.class).optional();
        Optional<SignedInUser> officer = user("officer");
        Optional<SignedInUser> spokesperson = user("spokesperson");
        if (found.isEmpty() || officer.isEmpty() || spokesperson.isEmpty()
                || jdbc.sql("SELECT count(*) FROM campaign_message WHERE title = ?").param(TITLE).query(Long.class).single() > 0) {
            return;
        }
        Campaign campaign = campaigns.get(found.get(), officer.get());
        LocalDate first = campaign.startsOn();
        if (!first.isBefore(LocalDate.ofInstant(clock.instant(), LocalTime.ZONE))) {
            // no first day behind us to tell of (the demo's campaign began days before it was loaded)
            loadPosts(first);
            return;
        }
        // the campaign's first day, told as one story: no worker publishes or delivers between its steps
        DemoReplay.story(() -> tellFirstDay(campaign, first, officer.get(), spokesperson.get()));
        loadPosts(first);
    }

    /** The campaign's first message on its first day and its confirmation at Bác Ái Tây that evening. */
    private void tellFirstDay(Campaign campaign, LocalDate first, SignedInUser officer, SignedInUser spokesperson) {
        // through the services as it happened then (DemoReplay): written, approved, scheduled and published in the
        // morning, so that its steps, publications, logs and audit trail all say so
        Message opening = DemoReplay.at(at(first, 7, 30), () -> {
            Message m = messages.write(campaign.id(), TITLE, "Sở Y tế thông báo mở đợt đăng ký thẻ bảo hiểm y tế cho"
                    + " người từ đủ 60 tuổi. Bà con đến trạm y tế xã, phường để được hướng dẫn. (Dữ liệu trình diễn)",
                    null, officer);
            messages.saveVersion(m.id(), VersionKind.PORTAL_ARTICLE, TITLE,
                    "<p>Sở Y tế thông báo mở đợt đăng ký thẻ bảo hiểm y tế cho người từ đủ 60 tuổi.</p>"
                            + "<p>Bà con đến trạm y tế xã, phường để được hướng dẫn.</p><p><em>Dữ liệu trình diễn.</em></p>",
                    null, null, officer);
            messages.saveVersion(m.id(), VersionKind.LOUDSPEAKER, "Thông báo đăng ký thẻ bảo hiểm y tế",
                    "Kính thưa bà con! Sở Y tế thông báo: bắt đầu từ hôm nay, ông bà từ sáu mươi tuổi trở lên đến trạm"
                            + " y tế xã để đăng ký thẻ bảo hiểm y tế. Xin bà con chú ý lắng nghe.", null, null,
                    officer);
            return m;
        });
        DemoReplay.at(at(first, 7, 50), () -> messages.act(opening.id(), MessageAction.SUBMIT, null, null, officer));
        DemoReplay.at(at(first, 8, 20),
                () -> messages.act(opening.id(), MessageAction.APPROVE, null, null, spokesperson));
        DemoReplay.at(at(first, 8, 25),
                () -> messages.act(opening.id(), MessageAction.SCHEDULE, at(first, 9, 0), null, officer));
        DemoReplay.at(at(first, 9, 0), () -> {
            messages.publishDue();
            publishing.deliverDue();
        });
        // that evening the commune officer of Bác Ái Tây confirms the bulletin went on air at its first slot; the
        // other communes did not confirm theirs, which the broadcasts page flags as missed
        Optional<SignedInUser> commune = user("xa-bac-ai-tay");
        if (commune.isPresent()) {
            jdbc.sql("""
                    SELECT p.publication_id FROM campaign_publication p JOIN campaign_version v ON v.id = p.version_id
                    WHERE p.message_id = ? AND v.kind = 'LOUDSPEAKER'""").param(opening.id()).query(Long.class).list()
                    .forEach(publication -> broadcasts.ofPublication(publication, commune.get()).stream()
                            .filter(b -> b.communeCode().equals(commune.get().agencyCode()) && b.confirmedAt() == null
                                    && b.firstSlotAt().plus(CONFIRMED_AFTER).isBefore(clock.instant()))
                            .forEach(b -> DemoReplay.at(b.firstSlotAt().plus(CONFIRMED_AFTER),
                                    () -> broadcasts.confirm(b.id(), b.firstSlotAt(), "Đã phát lúc "
                                            + SLOT.format(b.firstSlotAt().atZone(LocalTime.ZONE))
                                            + " (dữ liệu trình diễn)", commune.get()))));
        }
    }

    /** A time of a day in the province. */
    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(LocalTime.ZONE).toInstant();
    }

    private void loadPosts(LocalDate start) throws IOException {
        Instant now = clock.instant();
        StringBuilder file = new StringBuilder();
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = DemoCampaignReach.class.getResourceAsStream(POSTS)) {
            if (in == null) {
                throw new IllegalStateException("the demo campaign's posts " + POSTS + " are missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode post = json.readTree(line);
                Instant published = start.plusDays(post.get("days_from_start").asInt()).atStartOfDay(LocalTime.ZONE)
                        .plusMinutes(post.get("minute").asInt()).toInstant();
                if (published.isAfter(now)) {
                    continue;
                }
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (String field : List.of("source", "platform", "external_id", "author", "text")) {
                    if (post.has(field)) {
                        row.put(field, post.get(field).asString());
                    }
                }
                row.put("published_at", published.atZone(LocalTime.ZONE).toOffsetDateTime().toString());
                file.append(json.writeValueAsString(row)).append('\n');
            }
        }
        ImportSummary summary = importer.importFile("demo-campaign-posts.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        if (!summary.quarantined().isEmpty()) {
            log.warn("Demo campaign posts quarantined: {}", summary.quarantined().getFirst());
        }
    }

    private Optional<SignedInUser> user(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(account -> new SignedInUser(account.id(),
                account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(Agency::code).orElse(null),
                account.roles()));
    }
}
