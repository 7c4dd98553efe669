package vn.loa.publishing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Channel;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;
import vn.loa.publishing.PublishingEvent;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/** The network of stations and billboards, the broadcast packages and the communes' confirmations, on PostgreSQL. */
@Service
class JdbcBroadcasts implements Broadcasts {

    /** The version of the package format (docs/broadcast-package.md). */
    static final String FORMAT = "loa-broadcast-package/1";

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final Outbox outbox;
    private final PublishingSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    JdbcBroadcasts(JdbcClient jdbc, AgencyDirectory agencies, Outbox outbox, PublishingSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.outbox = outbox;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), vn.loa.shared.LocalTime.ZONE);
    }

    // ---- the network

    @Override
    public List<Station> stations(LocalDate on) {
        return jdbc.sql("""
                SELECT * FROM pub_station WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY commune_code, kind, name, id""").params(Date.valueOf(on), Date.valueOf(on))
                .query(JdbcBroadcasts::station).list();
    }

    Set<String> communesWithStations(Channel kind, LocalDate on) {
        return new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT commune_code FROM pub_station WHERE kind = ? AND valid_from <= ?
                AND (valid_to IS NULL OR valid_to >= ?) ORDER BY commune_code""")
                .params(kind.name(), Date.valueOf(on), Date.valueOf(on)).query(String.class).list());
    }

    @Override
    @Transactional
    public Station addStation(NewStation s, SignedInUser by) {
        if (!PublishingAccess.actsProvinceWide(by)) {
            throw new AccessDeniedException("coordinators and administrators edit the network");
        }
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate from = s.validFrom() == null ? today() : s.validFrom();
        String commune = PublishingAccess.text(s.communeCode());
        if (commune == null || agencies.findByCode(commune, from).filter(a -> a.kind() == AgencyKind.COMMUNE).isEmpty()) {
            problems.add(new InvalidInput("communeCode", "publishing.error.commune", commune == null ? "" : commune));
        }
        if (s.kind() != Channel.LOUDSPEAKER && s.kind() != Channel.BILLBOARD) {
            problems.add(new InvalidInput("kind", "publishing.error.kind"));
        }
        String name = PublishingAccess.text(s.name());
        if (name == null || name.length() > 200) {
            problems.add(new InvalidInput("name", "publishing.error.station-name"));
        }
        List<LocalTime> slots = null;
        try {
            slots = parseSlots(s.slots());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput("slots", "publishing.error.slots"));
        }
        if (slots != null && slots.isEmpty() && s.kind() == Channel.LOUDSPEAKER) {
            problems.add(new InvalidInput("slots", "publishing.error.slots"));
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO pub_station (commune_code, kind, name, slots, valid_from, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(commune, s.kind().name(), name, format(slots), Date.valueOf(from), by.username(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new PublishingEvent.StationChanged(by.actor(), "station.added", id, commune, s.kind()));
        return jdbc.sql("SELECT * FROM pub_station WHERE id = ?").param(id).query(JdbcBroadcasts::station).single();
    }

    @Override
    @Transactional
    public void endStation(long stationId, LocalDate lastDay, SignedInUser by) {
        if (!PublishingAccess.actsProvinceWide(by)) {
            throw new AccessDeniedException("coordinators and administrators edit the network");
        }
        Station s = jdbc.sql("SELECT * FROM pub_station WHERE id = ?").param(stationId).query(JdbcBroadcasts::station)
                .optional().orElseThrow(() -> new NotFound("station", stationId));
        LocalDate last = lastDay == null ? today() : lastDay;
        if (last.isBefore(s.validFrom())) {
            throw new InvalidInput("lastDay", "publishing.error.last-day");
        }
        jdbc.sql("UPDATE pub_station SET valid_to = ? WHERE id = ?").params(Date.valueOf(last), stationId).update();
        events.publishEvent(new PublishingEvent.StationChanged(by.actor(), "station.ended", stationId, s.communeCode(),
                s.kind()));
    }

    static List<LocalTime> parseSlots(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        TreeSet<LocalTime> slots = new TreeSet<>();
        for (String part : text.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                slots.add(LocalTime.parse(part.strip().length() == 4 ? "0" + part.strip() : part.strip()));
            }
        }
        return List.copyOf(slots);
    }

    private static String format(List<LocalTime> slots) {
        return String.join(",", slots.stream().map(t -> t.toString().substring(0, 5)).toList());
    }

    /** The first slot at or after the instant, on its day or the next. */
    static Instant firstSlot(List<LocalTime> slots, Instant after) {
        LocalDateTime local = LocalDateTime.ofInstant(after, vn.loa.shared.LocalTime.ZONE);
        for (int day = 0; day < 2; day++) {
            for (LocalTime slot : slots) {
                LocalDateTime at = local.toLocalDate().plusDays(day).atTime(slot);
                if (!at.isBefore(local)) {
                    return at.atZone(vn.loa.shared.LocalTime.ZONE).toInstant();
                }
            }
        }
        return after;
    }

    // ---- packages

    /**
     * Makes the package of one commune for a LOUDSPEAKER or BILLBOARD publication (in the outbox's transaction). Its
     * first slot is the commune's next broadcast time; an emergency's is the publishing time itself: it goes out at
     * once, and is missed when not confirmed within the grace period.
     */
    void create(long publicationId, long deliveryId, String commune, Channel kind, Instant publishAt, boolean emergency) {
        LocalDate day = LocalDate.ofInstant(publishAt, vn.loa.shared.LocalTime.ZONE);
        TreeSet<LocalTime> slots = new TreeSet<>();
        for (Station s : stations(day)) {
            if (s.communeCode().equals(commune) && s.kind() == kind) {
                slots.addAll(s.slots());
            }
        }
        List<LocalTime> list = List.copyOf(slots);
        jdbc.sql("""
                INSERT INTO pub_broadcast (publication_id, delivery_id, commune_code, kind, slots, first_slot_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(publicationId, deliveryId, commune, kind.name(), format(list),
                Timestamp.from(emergency ? publishAt : firstSlot(list, publishAt))).update();
    }

    private static final String SELECT = """
            SELECT b.*, p.language, p.title, p.body, p.campaign, p.agency_code, p.emergency, p.withdrawn_at
            FROM pub_broadcast b JOIN pub_publication p ON p.id = b.publication_id""";

    @Override
    public List<Broadcast> list(Filter filter, int limit, SignedInUser user) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (!seesAll(user)) {
            // a commune sees its own packages; an agency sees the packages of its own publications
            where.append(" AND (b.commune_code = ? OR p.agency_code = ?)");
            params.add(user.agencyCode() == null ? "" : user.agencyCode());
            params.add(user.agencyCode() == null ? "" : user.agencyCode());
        }
        if (filter != null && PublishingAccess.text(filter.communeCode()) != null) {
            where.append(" AND b.commune_code = ?");
            params.add(filter.communeCode().strip());
        }
        if (filter != null && filter.kind() != null) {
            where.append(" AND b.kind = ?");
            params.add(filter.kind().name());
        }
        if (filter != null && filter.status() != null) {
            Timestamp late = Timestamp.from(clock.instant().minus(settings.grace));
            switch (filter.status()) {
                case CONFIRMED -> where.append(" AND b.confirmed_at IS NOT NULL");
                case WITHDRAWN -> where.append(" AND b.confirmed_at IS NULL AND p.withdrawn_at IS NOT NULL");
                case MISSED -> {
                    where.append(" AND b.confirmed_at IS NULL AND p.withdrawn_at IS NULL AND b.first_slot_at < ?");
                    params.add(late);
                }
                case PENDING -> {
                    where.append(" AND b.confirmed_at IS NULL AND p.withdrawn_at IS NULL AND b.first_slot_at >= ?");
                    params.add(late);
                }
            }
        }
        params.add(limit);
        // an emergency still to be confirmed comes first: it is due now, before any package of the next slots
        return jdbc.sql(SELECT + where + " ORDER BY (p.emergency AND b.confirmed_at IS NULL AND p.withdrawn_at IS NULL) DESC,"
                + " b.first_slot_at DESC, b.id DESC LIMIT ?").params(params)
                .query(this::broadcast).list();
    }

    @Override
    public Waiting toConfirm(SignedInUser user, int first) {
        // only the commune's own users confirm its broadcasts (confirm): nobody else is asked to
        if (user.agencyCode() == null || agencies.findByCode(user.agencyCode(), today())
                .filter(a -> a.kind() == AgencyKind.COMMUNE).isEmpty()) {
            return new Waiting(List.of(), 0);
        }
        String waiting = " WHERE b.commune_code = ? AND b.confirmed_at IS NULL AND p.withdrawn_at IS NULL";
        long total = jdbc.sql("SELECT count(*) FROM pub_broadcast b JOIN pub_publication p ON p.id = b.publication_id"
                + waiting).param(user.agencyCode()).query(Long.class).single();
        List<Broadcast> shown = jdbc.sql(SELECT + waiting + " ORDER BY p.emergency DESC, b.first_slot_at, b.id LIMIT ?")
                .params(user.agencyCode(), first).query(this::broadcast).list();
        return new Waiting(shown, total);
    }

    @Override
    public List<Broadcast> ofPublication(long publicationId, SignedInUser user) {
        return jdbc.sql(SELECT + " WHERE b.publication_id = ? ORDER BY b.commune_code").param(publicationId)
                .query(this::broadcast).list().stream().filter(b -> seesAll(user)
                        || b.communeCode().equals(user.agencyCode()) || b.agencyCode().equals(user.agencyCode()))
                .toList();
    }

    @Override
    public Broadcast get(long id, SignedInUser user) {
        Broadcast b = find(id);
        if (!seesAll(user) && !b.communeCode().equals(user.agencyCode())
                && !b.agencyCode().equals(user.agencyCode())) {
            throw new NotFound("broadcast", id);
        }
        return b;
    }

    /**
     * Coordinators, leaders and administrators see every package; so does an API token of the provincial People's
     * Committee (the agency of kind PROVINCE), which is how the provincial source-information system reads them.
     */
    private boolean seesAll(SignedInUser user) {
        return PublishingAccess.seesProvinceWide(user) || (user.apiClient() && user.agencyCode() != null
                && agencies.findByCode(user.agencyCode(), today()).filter(a -> a.kind() == AgencyKind.PROVINCE)
                        .isPresent());
    }

    private Broadcast find(long id) {
        return jdbc.sql(SELECT + " WHERE b.id = ?").param(id).query(this::broadcast).optional()
                .orElseThrow(() -> new NotFound("broadcast", id));
    }

    private static ZipEntry entry(String name, LocalDateTime made) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(made);
        return entry;
    }

    @Override
    public byte[] packageZip(long id, SignedInUser user) {
        Broadcast b = get(id, user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // each file dated when the package is made, in Vietnam's time: a ZIP holds a local time without a zone, and the
        // commune's station reads it as it is, whatever the server's own zone
        LocalDateTime made = LocalDateTime.ofInstant(clock.instant(), vn.loa.shared.LocalTime.ZONE);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("id", b.id());
            manifest.put("publicationId", b.publicationId());
            manifest.put("kind", b.kind().name());
            manifest.put("communeCode", b.communeCode());
            manifest.put("communeName", agencies.findByCode(b.communeCode(), today()).map(a -> a.nameVi())
                    .orElse(b.communeCode()));
            manifest.put("agencyCode", b.agencyCode());
            manifest.put("language", b.language());
            manifest.put("title", b.title());
            manifest.put("emergency", b.emergency());
            manifest.put("timeZone", vn.loa.shared.LocalTime.ZONE.getId());
            manifest.put("slots", b.slots().stream().map(t -> t.toString().substring(0, 5)).toList());
            manifest.put("firstSlotAt", b.firstSlotAt().toString());
            manifest.put("status", b.status().name());
            manifest.put("script", "script.txt");
            List<Map<String, Object>> files = new ArrayList<>();
            List<Object[]> attachments = jdbc.sql(
                    "SELECT id, file_name, content_type, content, synthetic FROM pub_attachment WHERE publication_id = ? ORDER BY id")
                    .param(b.publicationId()).query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("file_name"),
                            rs.getString("content_type"), rs.getBytes("content"), rs.getBoolean("synthetic")}).list();
            Set<String> names = new LinkedHashSet<>();
            for (Object[] a : attachments) {
                String name = "media/" + safeName((String) a[1]);
                while (!names.add(name)) {
                    name = "media/" + a[0] + "-" + safeName((String) a[1]);
                }
                // synthetic speech says so, for the stations that play it
                files.add(Map.of("path", name, "contentType", a[2], "size", ((byte[]) a[3]).length, "synthetic", a[4]));
            }
            manifest.put("files", files);
            manifest.put("confirm", "/api/v1/broadcasts/" + b.id() + "/confirmations");
            zip.putNextEntry(entry("manifest.json", made));
            zip.write(json.writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.putNextEntry(entry("script.txt", made));
            zip.write(b.script().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            int i = 0;
            for (String name : names) {
                zip.putNextEntry(entry(name, made));
                zip.write((byte[]) attachments.get(i++)[3]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return base.isEmpty() || base.startsWith(".") ? "file" + base : base;
    }

    @Override
    @Transactional
    public Broadcast confirm(long id, Instant broadcastAt, String note, SignedInUser by) {
        Broadcast b = get(id, by);
        if (!b.communeCode().equals(by.agencyCode())) {
            throw new AccessDeniedException("only the commune confirms its broadcasts");
        }
        // a bulletin taken back is not to be aired: said first, whatever time was typed
        if (b.status() == BroadcastStatus.WITHDRAWN) {
            throw new Conflict("publishing.error.withdrawn");
        }
        Instant now = clock.instant();
        Instant at = broadcastAt == null ? now : broadcastAt;
        if (at.isAfter(now.plusSeconds(300))) {
            throw new InvalidInput("broadcastAt", "publishing.error.broadcast-future");
        }
        // nothing goes on air before its first slot (an emergency's is its publishing time), nor before its package
        // was made: a confirmation dated earlier is a typing mistake, and confirmed broadcasts count in a campaign's
        // reach. To the minute, as the form gives the time.
        if (at.isBefore(b.firstSlotAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            throw new InvalidInput("broadcastAt", "publishing.error.broadcast-before-slot",
                    Outbox.local(b.firstSlotAt()));
        }
        Instant made = jdbc.sql("SELECT created_at FROM pub_publication WHERE id = ?").param(b.publicationId())
                .query(Timestamp.class).single().toInstant();
        // to the minute, as the form gives the time (a package made at 07:55:40 may be confirmed as aired at 07:55)
        if (at.isBefore(made.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            throw new InvalidInput("broadcastAt", "publishing.error.broadcast-before-package", Outbox.local(made));
        }
        String text = PublishingAccess.text(note);
        if (text != null && text.length() > 1000) {
            throw new InvalidInput("note", "publishing.error.note");
        }
        int rows = jdbc.sql("""
                UPDATE pub_broadcast SET confirmed_at = ?, broadcast_at = ?, confirmed_by = ?, note = ?
                WHERE id = ? AND confirmed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM pub_publication p WHERE p.id = pub_broadcast.publication_id
                    AND p.withdrawn_at IS NOT NULL)""")
                .params(Timestamp.from(now), Timestamp.from(at), by.username(), text, id).update();
        if (rows != 1) {
            // taken back or confirmed meanwhile, by another click or the agency's withdrawal
            throw new Conflict(get(id, by).status() == BroadcastStatus.WITHDRAWN ? "publishing.error.withdrawn"
                    : "publishing.error.confirmed");
        }
        // the log names who confirmed as people know them; confirmed_by keeps the account
        String who = by.fullName() == null || by.fullName().isBlank() ? by.username() : by.fullName();
        jdbc.sql("UPDATE pub_delivery SET status = 'CONFIRMED', done_at = ?, " + Outbox.DETAIL_SET
                + ", attempts = attempts + 1, last_attempt_at = ? WHERE id = ?")
                .params(Outbox.params(List.of(Timestamp.from(now)), DeliveryDetail.of("publishing.detail.confirmed", who),
                        Timestamp.from(now), deliveryOf(id))).update();
        // the commune's note is its own words: text, never a message pattern
        outbox.log(deliveryOf(id), b.publicationId(), b.emergency(), now, 1, DeliveryStatus.CONFIRMED,
                text == null ? DeliveryDetail.of("publishing.detail.confirmed-at", Outbox.local(at), who)
                        : DeliveryDetail.withText("publishing.detail.confirmed-at.note", text, Outbox.local(at), who));
        events.publishEvent(new PublishingEvent.BroadcastConfirmed(by.actor(), id, b.communeCode(), b.kind()));
        return find(id);
    }

    private long deliveryOf(long broadcastId) {
        return jdbc.sql("SELECT delivery_id FROM pub_broadcast WHERE id = ?").param(broadcastId).query(Long.class)
                .single();
    }

    /** The attachments of a package, for the API and the page. */
    List<AttachmentInfo> attachments(long publicationId) {
        return jdbc.sql("""
                SELECT id, file_name, content_type, octet_length(content) AS size, synthetic FROM pub_attachment
                WHERE publication_id = ? ORDER BY id""").param(publicationId)
                .query((rs, n) -> new AttachmentInfo(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getBoolean("synthetic"))).list();
    }

    private Broadcast broadcast(ResultSet rs, int n) throws SQLException {
        Instant first = rs.getTimestamp("first_slot_at").toInstant();
        Instant confirmed = JdbcPublishing.instant(rs, "confirmed_at");
        BroadcastStatus status = confirmed != null ? BroadcastStatus.CONFIRMED
                : rs.getTimestamp("withdrawn_at") != null ? BroadcastStatus.WITHDRAWN
                : clock.instant().isAfter(first.plus(settings.grace)) ? BroadcastStatus.MISSED : BroadcastStatus.PENDING;
        long publicationId = rs.getLong("publication_id");
        return new Broadcast(rs.getLong("id"), publicationId, rs.getString("commune_code"),
                Channel.valueOf(rs.getString("kind")), rs.getString("language"), rs.getString("title"),
                rs.getString("body"), parseSlots(rs.getString("slots")), first, status, confirmed,
                JdbcPublishing.instant(rs, "broadcast_at"), rs.getString("confirmed_by"), rs.getString("note"),
                rs.getString("campaign"), rs.getString("agency_code"), attachments(publicationId),
                rs.getBoolean("emergency"));
    }

    private static Station station(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new Station(rs.getLong("id"), rs.getString("commune_code"), Channel.valueOf(rs.getString("kind")),
                rs.getString("name"), parseSlots(rs.getString("slots")), rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }

    static List<String> codes(String communes) {
        return communes == null || communes.isEmpty() ? List.of() : Arrays.asList(communes.split(","));
    }
}
