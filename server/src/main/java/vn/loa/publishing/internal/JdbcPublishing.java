package vn.loa.publishing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Channel;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;
import vn.loa.publishing.Publication;
import vn.loa.publishing.Publishing;
import vn.loa.publishing.PublishingEvent;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Publishing on PostgreSQL: the outbox ({@code pub_publication}, {@code pub_delivery}), its log and the reach of a
 * campaign. The worker's steps are in {@link Outbox}.
 */
@Service
class JdbcPublishing implements Publishing {

    static final Set<String> LANGUAGES = Set.of("vi", "cjm", "roc");
    /** The channels that reach people across the province rather than in one commune. */
    static final List<Channel> PROVINCE_WIDE = List.of(Channel.PORTAL, Channel.EMAIL, Channel.WEBHOOK, Channel.SMS,
            Channel.ZALO, Channel.FACEBOOK);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final JdbcBroadcasts broadcasts;
    private final Outbox outbox;
    private final PublishingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcPublishing(JdbcClient jdbc, AgencyDirectory agencies, JdbcBroadcasts broadcasts, Outbox outbox,
            PublishingSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.broadcasts = broadcasts;
        this.outbox = outbox;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(Publication p, Actor by) {
        List<InvalidInput> problems = new ArrayList<>();
        Instant now = clock.instant();
        Instant publishAt = p.publishAt() == null || p.publishAt().isBefore(now) ? now : p.publishAt();
        LocalDate day = LocalDate.ofInstant(publishAt, LocalTime.ZONE);
        Agency agency = p.agency() == null ? null : agencies.find(p.agency()).orElse(null);
        if (agency == null) {
            problems.add(new InvalidInput("agency", "publishing.error.agency"));
        }
        if (p.channel() == null) {
            problems.add(new InvalidInput("channel", "publishing.error.channel"));
        }
        if (p.language() == null || !LANGUAGES.contains(p.language())) {
            problems.add(new InvalidInput("language", "publishing.error.language"));
        }
        if (p.source() == null || p.source().isBlank() || p.source().length() > 200) {
            problems.add(new InvalidInput("source", "publishing.error.source"));
        }
        String title = PublishingAccess.text(p.title());
        boolean needsTitle = p.channel() == Channel.PORTAL || p.channel() == Channel.EMAIL;
        if ((needsTitle && title == null) || (title != null && title.length() > 300)) {
            problems.add(new InvalidInput("title", "publishing.error.title"));
        }
        String body = PublishingAccess.text(p.body());
        int maxBody = p.channel() == Channel.SMS ? 1_600 : p.channel() == Channel.BILLBOARD ? 500 : 200_000;
        if (body == null || body.length() > maxBody) {
            problems.add(new InvalidInput("body", "publishing.error.body", maxBody));
        }
        if (body != null && p.channel() == Channel.PORTAL && !org.jsoup.Jsoup.parseBodyFragment(body)
                .select("img:not([alt])").isEmpty()) {
            // WCAG 2.1, 1.1.1: every image on the portal says what it shows (alt="" for a decorative one)
            problems.add(new InvalidInput("body", "publishing.error.image-alt"));
        }
        List<String> communes = new ArrayList<>(new LinkedHashSet<>(p.communes().stream().map(String::strip).toList()));
        for (String code : communes) {
            if (agencies.findByCode(code, day).filter(a -> a.kind() == AgencyKind.COMMUNE).isEmpty()) {
                problems.add(new InvalidInput("communes", "publishing.error.commune", code));
                break;
            }
        }
        InvalidInput.throwIfAny(problems);
        Map<String, String> recipients = recipients(p, communes, day);
        long id = jdbc.sql("""
                INSERT INTO pub_publication (source, campaign, policy, agency_id, agency_code, channel, language, title,
                    body, communes, publish_at, emergency, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.source().strip(), PublishingAccess.text(p.campaign()), PublishingAccess.text(p.policy()),
                        agency.id().value(), agency.code(), p.channel().name(), p.language(), title, body,
                        String.join(",", communes), Timestamp.from(publishAt), p.emergency(), by.username(),
                        Timestamp.from(now))
                .query(Long.class).single();
        for (Publication.Attachment a : p.attachments()) {
            jdbc.sql("""
                    INSERT INTO pub_attachment (publication_id, file_name, content_type, content, synthetic)
                    VALUES (?, ?, ?, ?, ?)""").params(id, a.fileName(), a.contentType(), a.content(), a.synthetic()).update();
        }
        boolean local = p.channel() == Channel.LOUDSPEAKER || p.channel() == Channel.BILLBOARD;
        for (Map.Entry<String, String> r : recipients.entrySet()) {
            long delivery = jdbc.sql("""
                    INSERT INTO pub_delivery (publication_id, channel, recipient, commune_code, status, emergency,
                        next_attempt_at, idempotency_key)
                    VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?) RETURNING id""")
                    .params(id, p.channel().name(), r.getKey(), r.getValue(), p.emergency(),
                            local ? null : Timestamp.from(publishAt), "loa-" + id + "-" + UUID.randomUUID())
                    .query(Long.class).single();
            outbox.log(delivery, id, p.emergency(), now, 0, DeliveryStatus.PENDING,
                    DeliveryDetail.of(local ? "publishing.detail.package-ready" : "publishing.detail.queued"));
            if (local) {
                broadcasts.create(id, delivery, r.getValue(), p.channel(), publishAt, p.emergency());
            }
        }
        events.publishEvent(new PublishingEvent.PublicationEnqueued(by, id, agency.code(), p.channel(), p.source(),
                recipients.size(), p.emergency()));
        return id;
    }

    /** Recipient → commune code (null for province-wide channels). */
    private Map<String, String> recipients(Publication p, List<String> communes, LocalDate day) {
        Map<String, String> to = new LinkedHashMap<>();
        switch (p.channel()) {
            case PORTAL -> to.put("portal", null);
            case FACEBOOK -> to.put("page", null);
            case WEBHOOK -> {
                if (settings.webhookUrl.isEmpty()) {
                    throw new InvalidInput("channel", "publishing.error.webhook");
                }
                to.put("webhook", null);
            }
            case EMAIL -> {
                List<String> list = p.recipients().isEmpty() ? settings.emailDefaultTo : p.recipients();
                for (String a : list) {
                    if (!EMAIL.matcher(a.strip()).matches()) {
                        throw new InvalidInput("recipients", "publishing.error.email", a);
                    }
                    to.put(a.strip(), null);
                }
            }
            case SMS -> {
                List<String> list = p.recipients().isEmpty() ? settings.smsDefaultTo : p.recipients();
                if (list.isEmpty()) {
                    // no numbers: the provider's messages to the subscribers in an area (how telecoms carry
                    // public-interest messages), one delivery per commune meant, or the whole province
                    if (communes.isEmpty()) {
                        to.put("area:province", null);
                    }
                    communes.forEach(code -> to.put("area:" + code, code));
                }
                for (String n : list) {
                    String number = n.replaceAll("[\\s.-]", "");
                    if (!PHONE.matcher(number).matches()) {
                        throw new InvalidInput("recipients", "publishing.error.phone", n);
                    }
                    to.put(number, null);
                }
            }
            case ZALO -> {
                if (p.recipients().isEmpty()) {
                    to.put("oa-followers", null);
                }
                p.recipients().forEach(r -> to.put(r.strip(), null));
            }
            case LOUDSPEAKER, BILLBOARD -> {
                Set<String> withStation = broadcasts.communesWithStations(p.channel(), day);
                List<String> targets = communes.isEmpty() ? List.copyOf(withStation) : communes;
                // a commune without a station of the kind cannot hear it: the reach map shows it as not reached
                for (String code : targets) {
                    if (withStation.contains(code)) {
                        to.put("commune:" + code, code);
                    }
                }
                // none of them has one: the publication is recorded with no delivery, and the reach shows it
                return to;
            }
        }
        if (to.isEmpty()) {
            throw new InvalidInput("recipients", "publishing.error.no-recipients");
        }
        return to;
    }

    @Override
    @Transactional
    public void withdraw(long publicationId, String reason, Actor by) {
        PublicationRecord p = find(publicationId);
        String agencyCode = jdbc.sql("SELECT agency_code FROM pub_publication WHERE id = ?").param(publicationId)
                .query(String.class).single();
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE pub_publication SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
                WHERE id = ? AND withdrawn_at IS NULL""")
                .params(Timestamp.from(now), by.username(), PublishingAccess.text(reason), publicationId).update();
        // the reason is the words of the person who withdrew it: text, in the message's place for it
        String why = PublishingAccess.text(reason);
        DeliveryDetail withdrawn = why == null ? DeliveryDetail.of("publishing.detail.withdrawn")
                : DeliveryDetail.withText("publishing.detail.withdrawn.reason", why);
        List<Long> pending = jdbc.sql("UPDATE pub_delivery SET status = 'WITHDRAWN', done_at = ?, " + Outbox.DETAIL_SET
                + " WHERE publication_id = ? AND status = 'PENDING' RETURNING id")
                .params(Outbox.params(List.of(Timestamp.from(now)), withdrawn, publicationId)).query(Long.class).list();
        for (long delivery : pending) {
            outbox.log(delivery, publicationId, p.emergency(), now, 0, DeliveryStatus.WITHDRAWN, withdrawn);
        }
        events.publishEvent(new PublishingEvent.PublicationWithdrawn(by, publicationId, agencyCode, pending.size(),
                reason));
    }

    @Override
    public boolean reachesPeople(Channel channel) {
        return outbox.adapter(channel).reachesPeople(channel);
    }

    @Override
    public List<PublicationRecord> bySource(String source) {
        return jdbc.sql(SELECT + " WHERE p.source = ? " + GROUP + " ORDER BY p.id DESC").params(missedBefore(), source)
                .query(JdbcPublishing::record).list();
    }

    @Override
    public List<Delivery> deliveries(long publicationId, SignedInUser user) {
        get(publicationId, user);
        return jdbc.sql("SELECT * FROM pub_delivery WHERE publication_id = ? ORDER BY id").param(publicationId)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("recipient"),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), Outbox.detail(rs)))
                .list();
    }

    @Override
    public List<CommuneReach> reach(String campaign) {
        // the commune's own channels count when the commune confirmed; the province-wide ones when at least one
        // delivery was accepted by a real channel (SENT), for every commune the publication was meant for
        Map<String, Set<Channel>> channels = new LinkedHashMap<>();
        Map<String, Instant> confirmed = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        List<String> allCommunes = agencies.validOn(today).stream().filter(a -> a.kind() == AgencyKind.COMMUNE)
                .map(Agency::code).toList();
        jdbc.sql("""
                SELECT p.channel, p.communes, bool_or(d.status = 'SENT') AS sent FROM pub_publication p
                JOIN pub_delivery d ON d.publication_id = p.id
                WHERE p.campaign = ? AND p.channel NOT IN ('LOUDSPEAKER', 'BILLBOARD')
                GROUP BY p.id, p.channel, p.communes""").param(campaign).query(rs -> {
            List<String> meant = rs.getString("communes").isEmpty() ? allCommunes
                    : Arrays.asList(rs.getString("communes").split(","));
            for (String code : meant) {
                Set<Channel> set = channels.computeIfAbsent(code, c -> new LinkedHashSet<>());
                if (rs.getBoolean("sent")) {
                    set.add(Channel.valueOf(rs.getString("channel")));
                }
            }
        });
        jdbc.sql("""
                SELECT b.commune_code, b.kind, b.confirmed_at FROM pub_broadcast b
                JOIN pub_publication p ON p.id = b.publication_id WHERE p.campaign = ? ORDER BY b.commune_code""")
                .param(campaign).query(rs -> {
                    String code = rs.getString("commune_code");
                    Set<Channel> set = channels.computeIfAbsent(code, c -> new LinkedHashSet<>());
                    Timestamp at = rs.getTimestamp("confirmed_at");
                    if (at != null) {
                        set.add(Channel.valueOf(rs.getString("kind")));
                        confirmed.merge(code, at.toInstant(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                });
        List<CommuneReach> reach = new ArrayList<>();
        channels.keySet().stream().sorted().forEach(code -> reach.add(new CommuneReach(code,
                channels.get(code).stream().sorted().toList(), confirmed.get(code))));
        return reach;
    }

    @Override
    public int deliverDue() {
        return outbox.deliverDue();
    }

    @Override
    public List<PublicationRecord> recent(boolean emergencyOnly, int limit, SignedInUser user) {
        List<Object> params = new ArrayList<>();
        params.add(missedBefore());
        StringBuilder where = new StringBuilder(" WHERE true");
        if (!PublishingAccess.seesProvinceWide(user)) {
            where.append(" AND p.agency_code = ?");
            params.add(user.agencyCode() == null ? "" : user.agencyCode());
        }
        if (emergencyOnly) {
            where.append(" AND p.emergency");
        }
        params.add(limit);
        return jdbc.sql(SELECT + where + GROUP + " ORDER BY p.emergency DESC, p.id DESC LIMIT ?").params(params)
                .query(JdbcPublishing::record).list();
    }

    @Override
    public PeriodFigures figures(java.time.LocalDate from, java.time.LocalDate to, SignedInUser user) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from.atStartOfDay(vn.loa.shared.LocalTime.ZONE).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(vn.loa.shared.LocalTime.ZONE).toInstant())));
        String mine = "";
        if (!PublishingAccess.seesProvinceWide(user)) {
            mine = " AND p.agency_code = ?";
            params.add(user.agencyCode() == null ? "" : user.agencyCode());
        }
        long publications = jdbc.sql("SELECT count(*) FROM pub_publication p WHERE p.withdrawn_at IS NULL"
                + " AND p.publish_at >= ? AND p.publish_at < ?" + mine).params(params).query(Long.class).single();
        java.util.Map<String, Long> deliveries = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.channel, count(*) FROM pub_delivery d JOIN pub_publication p ON p.id = d.publication_id
                WHERE d.status IN ('SENT', 'SIMULATED', 'CONFIRMED') AND p.publish_at >= ? AND p.publish_at < ?""" + mine
                + " GROUP BY d.channel ORDER BY 2 DESC, 1").params(params)
                .query(rs -> {
                    deliveries.put(rs.getString(1), rs.getLong(2));
                });
        long broadcasts = jdbc.sql("""
                SELECT count(*) FROM pub_broadcast b JOIN pub_publication p ON p.id = b.publication_id
                WHERE b.confirmed_at >= ? AND b.confirmed_at < ?""" + mine).params(params).query(Long.class).single();
        return new PeriodFigures(publications, deliveries, broadcasts);
    }

    @Override
    public PublicationRecord get(long publicationId, SignedInUser user) {
        String agencyCode = jdbc.sql("SELECT agency_code FROM pub_publication WHERE id = ?").param(publicationId)
                .query(String.class).optional().orElseThrow(() -> new NotFound("publication", publicationId));
        if (!PublishingAccess.maySee(agencyCode, user)) {
            throw new NotFound("publication", publicationId);
        }
        return find(publicationId);
    }

    @Override
    public List<LogEntry> log(long publicationId, SignedInUser user) {
        get(publicationId, user);
        return jdbc.sql(LOG + " WHERE l.publication_id = ? ORDER BY l.id").param(publicationId)
                .query(JdbcPublishing::logEntry).list();
    }

    @Override
    public List<LogEntry> emergencyLog(int limit, SignedInUser user) {
        List<Object> params = new ArrayList<>();
        String where = " WHERE l.emergency";
        if (!PublishingAccess.seesProvinceWide(user)) {
            where += " AND p.agency_code = ?";
            params.add(user.agencyCode() == null ? "" : user.agencyCode());
        }
        params.add(limit);
        return jdbc.sql(LOG + where + " ORDER BY l.at DESC, l.id DESC LIMIT ?").params(params)
                .query(JdbcPublishing::logEntry).list();
    }

    private PublicationRecord find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ? " + GROUP).params(missedBefore(), id).query(JdbcPublishing::record)
                .optional()
                .orElseThrow(() -> new NotFound("publication", id));
    }

    /**
     * A broadcast package whose first slot came before this, unconfirmed, is missed (as {@link JdbcBroadcasts} tells
     * it): its delivery is counted missed, not waiting. The one parameter of {@link #SELECT}.
     */
    private Timestamp missedBefore() {
        return Timestamp.from(clock.instant().minus(settings.grace));
    }

    private static final String SELECT = """
            SELECT p.id, p.source, p.campaign, p.channel, p.language, p.title, p.publish_at, p.emergency,
                   p.withdrawn_at, count(d.id) AS recipients,
                   count(d.id) FILTER (WHERE d.status = 'SENT') AS sent,
                   count(d.id) FILTER (WHERE d.status = 'SIMULATED') AS simulated,
                   count(d.id) FILTER (WHERE d.status = 'CONFIRMED') AS confirmed,
                   count(d.id) FILTER (WHERE d.status = 'FAILED') AS failed,
                   count(d.id) FILTER (WHERE d.status = 'PENDING' AND NOT m.late) AS pending,
                   count(d.id) FILTER (WHERE d.status = 'PENDING' AND m.late) AS missed
            FROM pub_publication p LEFT JOIN pub_delivery d ON d.publication_id = p.id
            LEFT JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM pub_broadcast b WHERE b.delivery_id = d.id
                AND b.confirmed_at IS NULL AND b.first_slot_at < ?) AS late) m ON true""";
    private static final String GROUP = " GROUP BY p.id";
    private static final String LOG = """
            SELECT l.*, d.recipient, d.channel FROM pub_delivery_log l JOIN pub_delivery d ON d.id = l.delivery_id
            JOIN pub_publication p ON p.id = l.publication_id""";

    private static PublicationRecord record(ResultSet rs, int n) throws SQLException {
        return new PublicationRecord(rs.getLong("id"), rs.getString("source"), rs.getString("campaign"),
                Channel.valueOf(rs.getString("channel")), rs.getString("language"), rs.getString("title"),
                rs.getTimestamp("publish_at").toInstant(), rs.getBoolean("emergency"), rs.getInt("recipients"),
                rs.getInt("sent"), rs.getInt("simulated"), rs.getInt("confirmed"), rs.getInt("failed"),
                rs.getInt("pending"), rs.getInt("missed"), rs.getTimestamp("withdrawn_at") != null);
    }

    private static LogEntry logEntry(ResultSet rs, int n) throws SQLException {
        return new LogEntry(rs.getLong("id"), rs.getLong("publication_id"), rs.getLong("delivery_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getTimestamp("at").toInstant(),
                rs.getInt("attempt"), DeliveryStatus.valueOf(rs.getString("status")), Outbox.detail(rs),
                rs.getBoolean("emergency"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
