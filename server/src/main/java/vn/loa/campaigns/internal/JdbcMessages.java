package vn.loa.campaigns.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.campaigns.Campaign;
import vn.loa.campaigns.CampaignEvent;
import vn.loa.campaigns.CampaignSettings;
import vn.loa.campaigns.Emergency;
import vn.loa.campaigns.Message;
import vn.loa.campaigns.MessageAction;
import vn.loa.campaigns.MessageStatus;
import vn.loa.campaigns.Messages;
import vn.loa.campaigns.Step;
import vn.loa.campaigns.Translation;
import vn.loa.campaigns.Version;
import vn.loa.campaigns.VersionChecks;
import vn.loa.campaigns.VersionKind;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.platform.OfficialLetter;
import vn.loa.publishing.Publication;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** Messages, their versions, translations and approval on PostgreSQL; publication through {@link Publishing}. */
@Service
class JdbcMessages implements Messages {

    private static final Logger log = LoggerFactory.getLogger(JdbcMessages.class);

    /** The languages a version is translated into by people: Chăm and Raglai. */
    static final Set<String> TRANSLATED = Set.of("cjm", "roc");

    private final JdbcClient jdbc;
    private final JdbcCampaigns campaigns;
    private final AgencyDirectory agencies;
    private final Users users;
    private final Publishing publishing;
    private final vn.loa.campaigns.CampaignReach reach;
    private final vn.loa.press.MediaDirectory media;
    private final EspeakSpeech speech;
    private final CampaignMail mail;
    private final MessageSource bundle;
    private final CampaignSettings settings;
    private final VersionChecks checks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcMessages(JdbcClient jdbc, JdbcCampaigns campaigns, AgencyDirectory agencies, Users users, Publishing publishing,
            vn.loa.campaigns.CampaignReach reach, vn.loa.press.MediaDirectory media,
            EspeakSpeech speech, CampaignMail mail, MessageSource bundle,
            CampaignSettings settings, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.agencies = agencies;
        this.users = users;
        this.publishing = publishing;
        this.reach = reach;
        this.media = media;
        this.speech = speech;
        this.mail = mail;
        this.bundle = bundle;
        this.settings = settings;
        this.checks = new VersionChecks(settings);
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Message write(long campaignId, String title, String body, Emergency emergency, SignedInUser by) {
        Campaign campaign = campaigns.get(campaignId, by);
        if (!CampaignAccess.mayAct(campaign.agencyCode(), by)) {
            throw new AccessDeniedException("may not write for the agency");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String t = CampaignAccess.text(title);
        if (t == null || t.length() > 300) {
            problems.add(new InvalidInput("title", "campaigns.error.title"));
        }
        String b = CampaignAccess.text(body);
        if (b == null || b.length() > 50_000) {
            problems.add(new InvalidInput("body", "campaigns.error.body"));
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO campaign_message (campaign_id, agency_code, title, body, emergency, status, author, created_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
                .params(campaignId, campaign.agencyCode(), t, b, emergency == null ? null : emergency.name(),
                        by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new CampaignEvent.MessageWritten(by.actor(), id, campaignId, emergency));
        step(id, "WRITE", null, MessageStatus.DRAFT, by.actor(), null, emergency != null);
        return find(id);
    }

    @Override
    @Transactional
    public Message rewrite(long id, String title, String body, SignedInUser by) {
        editable(id, by);
        List<InvalidInput> problems = new ArrayList<>();
        String t = CampaignAccess.text(title);
        if (t == null || t.length() > 300) {
            problems.add(new InvalidInput("title", "campaigns.error.title"));
        }
        String b = CampaignAccess.text(body);
        if (b == null || b.length() > 50_000) {
            problems.add(new InvalidInput("body", "campaigns.error.body"));
        }
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE campaign_message SET title = ?, body = ? WHERE id = ? AND status = 'DRAFT'").params(t, b, id)
                .update();
        events.publishEvent(new CampaignEvent.MessageRewritten(by.actor(), id));
        return find(id);
    }

    @Override
    public Page<Message> list(Long campaignId, MessageStatus status, PageRequest asked, SignedInUser user) {
        StringBuilder sql = new StringBuilder("SELECT * FROM campaign_message WHERE true");
        List<Object> params = new ArrayList<>();
        if (campaignId != null) {
            sql.append(" AND campaign_id = ?");
            params.add(campaignId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (!CampaignAccess.seesProvinceWide(user)) {
            sql.append(" AND agency_code = ?");
            params.add(CampaignAccess.staffOf(user.agencyCode(), user) ? user.agencyCode() : "");
        }
        long total = jdbc.sql(sql.toString().replace("SELECT *", "SELECT count(*)")).params(params).query(Long.class)
                .single();
        PageRequest page = asked.within(total);
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        return new Page<>(jdbc.sql(sql + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?").params(paged)
                .query(JdbcMessages::message).list(), page, total);
    }

    @Override
    public Message get(long id, SignedInUser user) {
        Message m = find(id);
        if (!CampaignAccess.maySee(m.agencyCode(), user)) {
            throw new NotFound("campaign-message", id);
        }
        return m;
    }

    @Override
    public List<Version> versions(long messageId, SignedInUser user) {
        get(messageId, user);
        return versionsOf(messageId);
    }

    private List<Version> versionsOf(long messageId) {
        return jdbc.sql("SELECT * FROM campaign_version WHERE message_id = ?").param(messageId)
                .query(JdbcMessages::version).list().stream().sorted(Comparator.comparing(Version::kind)).toList();
    }

    @Override
    @Transactional
    public Version saveVersion(long messageId, VersionKind kind, String title, String body, String hashtags,
            String link, SignedInUser by) {
        Message m = editable(messageId, by);
        List<InvalidInput> problems = new ArrayList<>();
        if (kind == null) {
            throw new InvalidInput("kind", "campaigns.error.kind");
        }
        String t = CampaignAccess.text(title);
        if (t != null && t.length() > 300) {
            problems.add(new InvalidInput("title", "campaigns.error.title"));
        }
        String b = body == null ? null : body.strip();
        if (b != null && kind == VersionKind.PORTAL_ARTICLE) {
            b = Jsoup.clean(b, Safelist.basicWithImages()).strip();
            // the portal refuses an image that does not say what it shows (WCAG 2.1, 1.1.1): say so now, not at
            // publication time
            if (!Jsoup.parseBodyFragment(b).select("img:not([alt])").isEmpty()) {
                problems.add(new InvalidInput("body", "campaigns.error.image-alt"));
            }
        }
        if (b == null || b.isEmpty() || b.length() > 50_000) {
            problems.add(new InvalidInput("body", "campaigns.error.body"));
        } else {
            String checked = kind == VersionKind.SOCIAL_POST || kind == VersionKind.ZALO_POST
                    ? VersionChecks.socialText(b, hashtags(hashtags), CampaignAccess.text(link)) : b;
            for (String problem : checks.of(kind, checked).problems()) {
                problems.add(new InvalidInput("body", problem, settings.billboardMaxLines(), settings.billboardMaxChars(),
                        checks.limit(kind)));
            }
        }
        String l = CampaignAccess.text(link);
        if (l != null && !isHttpLink(l)) {
            problems.add(new InvalidInput("link", "campaigns.error.link"));
        }
        String tags = hashtags(hashtags);
        if (tags != null && (tags.length() > 500 || !tags.matches("#[\\p{L}\\p{N}_]+( #[\\p{L}\\p{N}_]+)*"))) {
            problems.add(new InvalidInput("hashtags", "campaigns.error.hashtags"));
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO campaign_version (message_id, kind, title, body, hashtags, link, edited_by, edited_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (message_id, kind) DO UPDATE SET title = excluded.title, body = excluded.body,
                    hashtags = excluded.hashtags, link = excluded.link, edited_by = excluded.edited_by,
                    edited_at = excluded.edited_at
                RETURNING id""").params(m.id(), kind.name(), t, b, tags, l, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new CampaignEvent.VersionSaved(by.actor(), id, m.id(), kind, "saved"));
        return version(id);
    }

    /** Hashtags as typed (separated by spaces or commas), one space between each; null when there are none. */
    private static String hashtags(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return String.join(" ", typed.strip().split("[\\s,;]+"));
    }

    private static boolean isHttpLink(String link) {
        try {
            URI uri = new URI(link);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && link.length() <= 1000;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public Version attachAudio(long versionId, String fileName, byte[] content, SignedInUser by) {
        Version v = version(versionId);
        editable(v.messageId(), by);
        if (v.kind() != VersionKind.LOUDSPEAKER) {
            throw new InvalidInput("audio", "campaigns.error.audio-kind");
        }
        String type = audioType(fileName, content);
        jdbc.sql("""
                UPDATE campaign_version SET audio = ?, audio_name = ?, audio_type = ?, audio_synthetic = false,
                    edited_by = ?, edited_at = ? WHERE id = ?""")
                .params(content, safeName(fileName), type, by.username(), Timestamp.from(clock.instant()), versionId)
                .update();
        events.publishEvent(new CampaignEvent.VersionSaved(by.actor(), versionId, v.messageId(), v.kind(),
                "audio-recorded"));
        return version(versionId);
    }

    @Override
    @Transactional
    public VersionFile attachFile(long versionId, String fileName, byte[] content, SignedInUser by) {
        Version v = version(versionId);
        editable(v.messageId(), by);
        if (v.kind() != VersionKind.PORTAL_ARTICLE) {
            throw new InvalidInput("file", "campaigns.error.file-kind");
        }
        if (content == null || content.length == 0 || content.length > settings.audioMaxBytes()) {
            throw new InvalidInput("file", "campaigns.error.file-size", settings.audioMaxBytes() / (1024 * 1024));
        }
        String type = documentType(fileName == null ? "" : fileName.toLowerCase(Locale.ROOT), content);
        if (type == null) {
            throw new InvalidInput("file", "campaigns.error.file-type");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_version_file (version_id, file_name, content_type, content, attached_by, attached_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""").params(versionId, safeName(fileName), type, content,
                by.username(), Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new CampaignEvent.VersionSaved(by.actor(), versionId, v.messageId(), v.kind(), "file-attached"));
        return files(versionId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public void removeFile(long fileId, SignedInUser by) {
        long versionId = jdbc.sql("SELECT version_id FROM campaign_version_file WHERE id = ?").param(fileId)
                .query(Long.class).optional().orElseThrow(() -> new NotFound("campaign-file", fileId));
        Version v = version(versionId);
        editable(v.messageId(), by);
        jdbc.sql("DELETE FROM campaign_version_file WHERE id = ?").param(fileId).update();
        events.publishEvent(new CampaignEvent.VersionSaved(by.actor(), versionId, v.messageId(), v.kind(), "file-removed"));
    }

    @Override
    public List<VersionFile> files(long versionId, SignedInUser user) {
        get(version(versionId).messageId(), user);
        return files(versionId);
    }

    private List<VersionFile> files(long versionId) {
        return jdbc.sql("""
                SELECT id, version_id, file_name, content_type, octet_length(content) AS size FROM campaign_version_file
                WHERE version_id = ? ORDER BY id""").param(versionId)
                .query((rs, n) -> new VersionFile(rs.getLong("id"), rs.getLong("version_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size"))).list();
    }

    /** A document's or image's content type from its first bytes and its name; null when it is none Loa takes. */
    private static String documentType(String name, byte[] content) {
        if (startsWith(content, "%PDF-") && name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            if (name.endsWith(".docx")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (name.endsWith(".xlsx")) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            if (name.endsWith(".odt")) {
                return "application/vnd.oasis.opendocument.text";
            }
            if (name.endsWith(".ods")) {
                return "application/vnd.oasis.opendocument.spreadsheet";
            }
        }
        if (content.length > 3 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G'
                && name.endsWith(".png")) {
            return "image/png";
        }
        if (content.length > 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF
                && (name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
            return "image/jpeg";
        }
        return null;
    }

    /** The audio's content type, from its first bytes; refused naming {@code audio} when it is none of the three. */
    private String audioType(String fileName, byte[] content) {
        if (content == null || content.length == 0 || content.length > settings.audioMaxBytes()) {
            throw new InvalidInput("audio", "campaigns.error.audio-size", settings.audioMaxBytes() / (1024 * 1024));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(content, "RIFF") && content.length > 12 && new String(content, 8, 4,
                StandardCharsets.ISO_8859_1).equals("WAVE") && name.endsWith(".wav")) {
            return "audio/wav";
        }
        if (startsWith(content, "OggS") && (name.endsWith(".ogg") || name.endsWith(".oga"))) {
            return "audio/ogg";
        }
        if ((startsWith(content, "ID3") || (content.length > 1 && (content[0] & 0xFF) == 0xFF
                && (content[1] & 0xE0) == 0xE0)) && name.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        throw new InvalidInput("audio", "campaigns.error.audio-format");
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (content[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String safeName(String fileName) {
        String base = fileName == null ? "audio" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }

    @Override
    @Transactional
    public Version synthesise(long versionId, SignedInUser by) {
        Version v = version(versionId);
        editable(v.messageId(), by);
        if (v.kind() != VersionKind.LOUDSPEAKER) {
            throw new InvalidInput("audio", "campaigns.error.audio-kind");
        }
        if (!speech.available()) {
            throw new Conflict("campaigns.error.speech-missing");
        }
        byte[] wav;
        try {
            wav = speech.wav(v.body());
        } catch (IOException e) {
            throw new Conflict("campaigns.error.speech-failed");
        }
        jdbc.sql("""
                UPDATE campaign_version SET audio = ?, audio_name = ?, audio_type = 'audio/wav', audio_synthetic = true,
                    edited_by = ?, edited_at = ? WHERE id = ?""")
                .params(wav, "loa-" + versionId + "-synthetic-speech.wav", by.username(), Timestamp.from(clock.instant()),
                        versionId).update();
        events.publishEvent(new CampaignEvent.VersionSaved(by.actor(), versionId, v.messageId(), v.kind(),
                "audio-synthesised"));
        return version(versionId);
    }

    @Override
    public boolean speechAvailable() {
        return speech.available();
    }

    @Override
    public Optional<Audio> audio(long versionId, SignedInUser user) {
        Version v = version(versionId);
        get(v.messageId(), user);
        return storedAudio(versionId);
    }

    private Optional<Audio> storedAudio(long versionId) {
        return jdbc.sql("SELECT audio, audio_name, audio_type, audio_synthetic FROM campaign_version WHERE id = ? AND audio IS NOT NULL")
                .param(versionId).query((rs, n) -> new Audio(rs.getString("audio_name"), rs.getString("audio_type"),
                        rs.getBytes("audio"), rs.getBoolean("audio_synthetic"))).optional();
    }

    @Override
    public Leaflet leaflet(long messageId, SignedInUser user) {
        Message m = get(messageId, user);
        Version leaflet = versionsOf(messageId).stream().filter(v -> v.kind() == VersionKind.LEAFLET).findFirst()
                .orElse(null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        String agency = agencies.findByCode(m.agencyCode(), today).map(Agency::nameVi).orElse(m.agencyCode());
        String title = leaflet != null && leaflet.title() != null ? leaflet.title() : m.title();
        String body = leaflet != null ? leaflet.body() : m.body();
        // a leaflet is not an administrative document (Decree 30/2020): no national title, number, place or date
        OfficialLetter letter = OfficialLetter.forThePublic("UBND TỈNH KHÁNH HÒA", agency);
        // only an approved text may be printed as is: a draft or a withdrawn one says so on every page and in its name
        String suffix = switch (m.status()) {
            case APPROVED, SCHEDULED, PUBLISHED -> "";
            case WITHDRAWN -> {
                letter.markEveryPage("ĐÃ THU HỒI – KHÔNG PHÁT HÀNH");
                yield "-da-thu-hoi";
            }
            case DRAFT, IN_REVIEW -> {
                letter.markEveryPage("DỰ THẢO – CHƯA DUYỆT");
                yield "-du-thao";
            }
        };
        return new Leaflet("to-roi-" + messageId + suffix + ".docx", letter.title("Tờ rơi", title).body(body).bytes());
    }

    /**
     * Overridden here so that the step runs in this bean's transaction: the interface's default method would be called
     * on the bean itself, past the proxy, and a publication would then be enqueued with no transaction to join.
     */
    @Override
    @Transactional
    public Message act(long messageId, MessageAction action, Instant publishAt, String reason, SignedInUser by) {
        return act(messageId, action, publishAt, reason, null, by);
    }

    @Override
    @Transactional
    public Message act(long messageId, MessageAction action, Instant publishAt, String reason, String seen,
            SignedInUser by) {
        if (action == null) {
            throw new InvalidInput("action", "campaigns.error.action");
        }
        // one step at a time, and no version saved while an approver lets the message out (editable takes it too)
        lock(messageId);
        Message m = get(messageId, by);
        if (seen != null && (action == MessageAction.APPROVE || action == MessageAction.EMERGENCY_PUBLISH)
                && !seen.equals(contentMark(m))) {
            throw new Conflict("campaigns.error.changed-before-approval");
        }
        boolean emergency = m.emergency() != null;
        String why = CampaignAccess.text(reason);
        if (why != null && why.length() > 2000) {
            throw new InvalidInput("reason", "campaigns.error.reason");
        }
        switch (action) {
            case SUBMIT -> {
                require(m, MessageStatus.DRAFT);
                if (!CampaignAccess.mayAct(m.agencyCode(), by)) {
                    throw new AccessDeniedException("may not submit for the agency");
                }
                if (versionsOf(messageId).isEmpty()) {
                    throw new Conflict("campaigns.error.no-versions");
                }
                move(m, action, MessageStatus.IN_REVIEW, by, why, emergency);
            }
            case APPROVE -> {
                require(m, MessageStatus.IN_REVIEW);
                approver(m, by);
                jdbc.sql("UPDATE campaign_message SET approved_by = ? WHERE id = ?").params(by.username(), messageId)
                        .update();
                move(m, action, MessageStatus.APPROVED, by, why, emergency);
            }
            case RETURN -> {
                require(m, MessageStatus.IN_REVIEW);
                if (!CampaignAccess.mayApprove(m.agencyCode(), by)) {
                    throw new AccessDeniedException("only an approver returns a message");
                }
                move(m, action, MessageStatus.DRAFT, by, why, emergency);
            }
            case SCHEDULE -> {
                require(m, MessageStatus.APPROVED, MessageStatus.SCHEDULED);
                if (!CampaignAccess.mayAct(m.agencyCode(), by) && !CampaignAccess.mayApprove(m.agencyCode(), by)) {
                    throw new AccessDeniedException("may not schedule for the agency");
                }
                if (publishAt == null) {
                    throw new InvalidInput("publishAt", "campaigns.error.publish-at");
                }
                // a time already gone would be published at once and recorded as if it had gone out then; the current
                // minute is still now (the form gives minutes, and offers the current one)
                Instant now = clock.instant();
                if (publishAt.isBefore(now.truncatedTo(ChronoUnit.MINUTES))) {
                    throw new InvalidInput("publishAt", "campaigns.error.publish-at-past", LocalTime.format(publishAt),
                            LocalTime.format(now));
                }
                jdbc.sql("UPDATE campaign_message SET publish_at = ? WHERE id = ?").params(Timestamp.from(publishAt),
                        messageId).update();
                move(m, action, MessageStatus.SCHEDULED, by, LocalTime.format(publishAt), emergency);
            }
            case WITHDRAW -> {
                if (m.status() == MessageStatus.WITHDRAWN) {
                    throw new Conflict("campaigns.error.status");
                }
                boolean approved = m.status() == MessageStatus.APPROVED || m.status() == MessageStatus.SCHEDULED
                        || m.status() == MessageStatus.PUBLISHED;
                // what an approver let out is taken back by an approver; a draft or one in review by its agency's staff
                if (approved ? !CampaignAccess.mayApprove(m.agencyCode(), by)
                        : !CampaignAccess.mayAct(m.agencyCode(), by) && !CampaignAccess.mayApprove(m.agencyCode(), by)) {
                    throw new AccessDeniedException("may not withdraw for the agency");
                }
                if (why == null) {
                    throw new InvalidInput("reason", "campaigns.error.reason");
                }
                for (Long publication : jdbc.sql("SELECT publication_id FROM campaign_publication WHERE message_id = ?")
                        .param(messageId).query(Long.class).list()) {
                    publishing.withdraw(publication, why, by.actor());
                }
                move(m, action, MessageStatus.WITHDRAWN, by, why, emergency);
            }
            case EMERGENCY_PUBLISH -> {
                if (!emergency) {
                    throw new Conflict("campaigns.error.not-emergency");
                }
                require(m, MessageStatus.DRAFT, MessageStatus.IN_REVIEW, MessageStatus.APPROVED, MessageStatus.SCHEDULED);
                approver(m, by);
                if (why == null) {
                    throw new InvalidInput("reason", "campaigns.error.reason");
                }
                if (versionsOf(messageId).isEmpty()) {
                    throw new Conflict("campaigns.error.no-versions");
                }
                Instant now = clock.instant();
                jdbc.sql("UPDATE campaign_message SET approved_by = ?, publish_at = ? WHERE id = ?")
                        .params(by.username(), Timestamp.from(now), messageId).update();
                move(m, action, MessageStatus.APPROVED, by, why, true);
                publish(find(messageId), by.actor());
            }
            default -> throw new InvalidInput("action", "campaigns.error.action");
        }
        return find(messageId);
    }

    /**
     * The four-eyes rule first (409 for the author, or anyone who rewrote the message or one of its versions), then the
     * approver's right (403).
     */
    private void approver(Message m, SignedInUser by) {
        boolean wrote = jdbc.sql("SELECT author = ? OR ? = ANY(contributors) FROM campaign_message WHERE id = ?")
                .params(by.username(), by.username(), m.id()).query(Boolean.class).single();
        if (wrote) {
            throw new Conflict("campaigns.error.four-eyes");
        }
        if (!CampaignAccess.mayApprove(m.agencyCode(), by)) {
            throw new AccessDeniedException("only the agency's spokesperson, a coordinator or a leader approves");
        }
    }

    /** Whoever rewrites a message or saves one of its versions becomes one of its writers (four eyes). */
    @org.springframework.context.event.EventListener
    void rewritten(CampaignEvent.MessageRewritten event) {
        contributed(event.messageId(), event.by().username());
    }

    @org.springframework.context.event.EventListener
    void versionSaved(CampaignEvent.VersionSaved event) {
        contributed(event.messageId(), event.by().username());
    }

    private void contributed(long messageId, String username) {
        jdbc.sql("""
                UPDATE campaign_message SET contributors = array_append(contributors, ?)
                WHERE id = ? AND author <> ? AND NOT (? = ANY(contributors))""")
                .params(username, messageId, username, username).update();
    }

    private static void require(Message m, MessageStatus... allowed) {
        if (!Arrays.asList(allowed).contains(m.status())) {
            throw new Conflict("campaigns.error.status");
        }
    }

    private void move(Message m, MessageAction action, MessageStatus to, SignedInUser by, String reason,
            boolean emergency) {
        int rows = jdbc.sql("UPDATE campaign_message SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), m.id(), m.status().name()).update();
        if (rows != 1) {
            throw new Conflict("campaigns.error.status");
        }
        step(m.id(), action.name(), m.status(), to, by.actor(), reason, emergency);
        events.publishEvent(new CampaignEvent.MessageStepTaken(by.actor(), m.id(), action, m.status(), to, reason));
    }

    private void step(long messageId, String action, MessageStatus from, MessageStatus to, Actor by, String reason,
            boolean emergency) {
        jdbc.sql("""
                INSERT INTO campaign_step (message_id, action, from_status, to_status, actor, at, reason, emergency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(messageId, action, from == null ? null : from.name(), to.name(),
                by.username(), Timestamp.from(clock.instant()), reason, emergency).update();
    }

    /**
     * Hands each channel version to publishing, in Vietnamese and in every language with an approved human
     * translation, in the caller's transaction (the outbox), and marks the message published.
     */
    private int publish(Message m, Actor by) {
        Campaign campaign = campaigns.find(m.campaignId());
        List<Translation> translations = translationsOf(m.id());
        int count = 0;
        for (Version v : versionsOf(m.id())) {
            if (v.kind().channel().isEmpty()) {
                continue;
            }
            count += enqueue(m, campaign, v, "vi", v.body(), storedAudio(v.id()).orElse(null), by);
            for (Translation t : translations) {
                if (t.versionId() == v.id() && t.approved()) {
                    count += enqueue(m, campaign, v, t.language(), textIn(v.id(), t.language()),
                            translationAudioOf(t.id()).orElse(null), by);
                }
            }
        }
        int rows = jdbc.sql("""
                UPDATE campaign_message SET status = 'PUBLISHED', published_at = ? WHERE id = ?
                AND status IN ('APPROVED', 'SCHEDULED')""").params(Timestamp.from(clock.instant()), m.id()).update();
        if (rows != 1) {
            throw new Conflict("campaigns.error.status");
        }
        step(m.id(), "PUBLISH", m.status(), MessageStatus.PUBLISHED, by, null, m.emergency() != null);
        events.publishEvent(new CampaignEvent.MessagePublished(by, m.id(), count));
        return count;
    }

    private int enqueue(Message m, Campaign campaign, Version v, String language, String text, Audio audio, Actor by) {
        List<Publication.Attachment> attachments = v.kind() == VersionKind.LOUDSPEAKER && audio != null
                ? List.of(new Publication.Attachment(audio.fileName(), audio.contentType(), audio.content(), audio.synthetic()))
                : v.kind() == VersionKind.PORTAL_ARTICLE ? portalFiles(v.id()) : List.of();
        String title = v.kind() == VersionKind.SMS ? null : (v.title() != null ? v.title() : m.title());
        String body = v.kind() == VersionKind.SOCIAL_POST || v.kind() == VersionKind.ZALO_POST
                ? VersionChecks.socialText(text, v.hashtags(), v.link()) : text;
        // a press release goes to the media directory's address list (journalists who receive releases, newsrooms)
        List<String> recipients = v.kind() == VersionKind.PRESS_RELEASE
                ? media.addressList(LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)) : List.of();
        // handed over now, however late the scheduler came to it: publishing records the time it really went out
        long id = publishing.enqueue(new Publication(v.source(language), campaign.reference(), campaign.policy(),
                agencyId(m.agencyCode()), v.kind().channel().orElseThrow(), language, title, body,
                reach.communesFor(campaign, language),
                recipients, attachments, clock.instant(), m.emergency() != null), by);
        jdbc.sql("INSERT INTO campaign_publication (message_id, version_id, language, publication_id) VALUES (?, ?, ?, ?)")
                .params(m.id(), v.id(), language, id).update();
        return 1;
    }

    /** A portal article's files, published with it. */
    private List<Publication.Attachment> portalFiles(long versionId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM campaign_version_file WHERE version_id = ? ORDER BY id")
                .param(versionId).query((rs, n) -> new Publication.Attachment(rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content"))).list();
    }

    @Override
    public List<Step> steps(long messageId, SignedInUser user) {
        get(messageId, user);
        return jdbc.sql("SELECT * FROM campaign_step WHERE message_id = ? ORDER BY at, id").param(messageId)
                .query(JdbcMessages::step).list();
    }

    @Override
    public List<Step> emergencyLog(SignedInUser user) {
        return jdbc.sql("""
                SELECT s.*, m.agency_code FROM campaign_step s JOIN campaign_message m ON m.id = s.message_id
                WHERE s.emergency ORDER BY s.at DESC, s.id DESC LIMIT 500""")
                .query((rs, n) -> CampaignAccess.maySee(rs.getString("agency_code"), user) ? step(rs, n) : null).list()
                .stream().filter(Objects::nonNull).toList();
    }

    @Override
    public List<Message> approvalQueue(SignedInUser user) {
        // four eyes: neither what the user wrote nor what they rewrote since (approver() would refuse it)
        return jdbc.sql("""
                SELECT * FROM campaign_message WHERE status = 'IN_REVIEW' AND author <> ? AND NOT (? = ANY(contributors))
                ORDER BY created_at, id""").params(user.username(), user.username())
                .query(JdbcMessages::message).list().stream()
                .filter(m -> CampaignAccess.mayApprove(m.agencyCode(), user))
                .toList();
    }

    @Override
    public List<Publishing.PublicationRecord> publications(long versionId, String language) {
        return publishing.bySource(Version.source(versionId, language));
    }

    @Override
    @Transactional
    public Translation assignTranslation(long versionId, String language, String translator, SignedInUser by) {
        Version v = version(versionId);
        Message m = get(v.messageId(), by);
        if (!CampaignAccess.mayAct(m.agencyCode(), by)) {
            throw new AccessDeniedException("may not assign for the agency");
        }
        if (m.status() == MessageStatus.WITHDRAWN) {
            throw new Conflict("campaigns.error.translation-withdrawn");
        }
        List<InvalidInput> problems = new ArrayList<>();
        if (language == null || !TRANSLATED.contains(language)) {
            problems.add(new InvalidInput("language", "campaigns.error.language"));
        }
        String who = CampaignAccess.text(translator);
        if (who == null || users.findByUsername(who).filter(u -> u.enabled()).isEmpty()) {
            problems.add(new InvalidInput("translator", "campaigns.error.translator"));
        }
        InvalidInput.throwIfAny(problems);
        if (jdbc.sql("SELECT count(*) FROM campaign_translation WHERE version_id = ? AND language = ?")
                .params(versionId, language).query(Long.class).single() > 0) {
            throw new Conflict("campaigns.error.translation-exists");
        }
        UserAccount account = users.findByUsername(who).orElseThrow();
        String username = account.username();
        long id = jdbc.sql("""
                INSERT INTO campaign_translation (version_id, language, translator, status, assigned_by, assigned_at)
                VALUES (?, ?, ?, 'ASSIGNED', ?, ?) RETURNING id""")
                .params(versionId, language, username, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new CampaignEvent.TranslationChanged(by.actor(), id, versionId, language, "assigned", username));
        mail.sendAfterCommit(account.email(), "Việc dịch mới: " + m.title(), "Bạn được giao dịch sang tiếng "
                + ("cjm".equals(language) ? "Chăm" : "Raglai") + " phiên bản \""
                + bundle.getMessage("campaigns.kind." + v.kind().name(), null, Languages.VIETNAMESE)
                + "\" của thông điệp \""
                + m.title() + "\". Nhập bản dịch và tải lên bản ghi âm tại:", "/campaigns/translations");
        return translation(id);
    }

    @Override
    @Transactional
    public Translation submitTranslation(long translationId, String body, String audioName, byte[] audio,
            SignedInUser by) {
        Translation t = translation(translationId);
        if (!by.username().equals(t.translator())) {
            throw new AccessDeniedException("only the translator enters the translation");
        }
        if (t.approved()) {
            throw new Conflict("campaigns.error.translation-approved");
        }
        if (withdrawn(t.messageId())) {
            throw new Conflict("campaigns.error.translation-withdrawn");
        }
        String text = CampaignAccess.text(body);
        if (text == null || text.length() > 50_000) {
            throw new InvalidInput("body", "campaigns.error.body");
        }
        if (audio != null && audio.length > 0) {
            String type = audioType(audioName, audio);
            jdbc.sql("UPDATE campaign_translation SET audio = ?, audio_name = ?, audio_type = ? WHERE id = ?")
                    .params(audio, safeName(audioName), type, translationId).update();
        }
        jdbc.sql("UPDATE campaign_translation SET body = ?, status = 'SUBMITTED', submitted_at = ? WHERE id = ?")
                .params(text, Timestamp.from(clock.instant()), translationId).update();
        events.publishEvent(new CampaignEvent.TranslationChanged(by.actor(), translationId, t.versionId(), t.language(),
                "submitted", t.translator()));
        return translation(translationId);
    }

    @Override
    @Transactional
    public Translation approveTranslation(long translationId, SignedInUser by) {
        Translation t = translation(translationId);
        // four eyes first: the translator is told why, whatever else they may see
        if (by.username().equals(t.translator())) {
            throw new Conflict("campaigns.error.translation-four-eyes");
        }
        Message m = get(t.messageId(), by);
        if (m.status() == MessageStatus.WITHDRAWN) {
            throw new Conflict("campaigns.error.translation-withdrawn");
        }
        if (!"SUBMITTED".equals(t.status())) {
            throw new Conflict("campaigns.error.translation-not-submitted");
        }
        if (!CampaignAccess.mayAct(m.agencyCode(), by) && !CampaignAccess.mayApprove(m.agencyCode(), by)) {
            throw new AccessDeniedException("may not review for the agency");
        }
        jdbc.sql("UPDATE campaign_translation SET status = 'APPROVED', reviewer = ?, approved_at = ? WHERE id = ?")
                .params(by.username(), Timestamp.from(clock.instant()), translationId).update();
        events.publishEvent(new CampaignEvent.TranslationChanged(by.actor(), translationId, t.versionId(), t.language(),
                "approved", t.translator()));
        return translation(translationId);
    }

    @Override
    public List<Translation> translations(long messageId, SignedInUser user) {
        get(messageId, user);
        return translationsOf(messageId);
    }

    private List<Translation> translationsOf(long messageId) {
        return jdbc.sql(TRANSLATION + " WHERE v.message_id = ? ORDER BY t.id").param(messageId)
                .query(JdbcMessages::translation).list();
    }

    @Override
    public List<Translation> tasksOf(SignedInUser user) {
        // a withdrawn message asks nothing more of its translators
        return jdbc.sql(TRANSLATION + """
                 JOIN campaign_message m ON m.id = v.message_id
                WHERE t.translator = ? AND m.status <> 'WITHDRAWN'
                ORDER BY CASE t.status WHEN 'APPROVED' THEN 1 ELSE 0 END, t.id DESC""")
                .param(user.username()).query(JdbcMessages::translation).list();
    }

    /** Whether the message was withdrawn: its translations are then neither entered nor approved. */
    private boolean withdrawn(long messageId) {
        return jdbc.sql("SELECT status FROM campaign_message WHERE id = ?").param(messageId).query(String.class)
                .optional().map(MessageStatus.WITHDRAWN.name()::equals).orElse(false);
    }

    @Override
    public List<Translation> assignedTo(SignedInUser user) {
        return jdbc.sql(TRANSLATION + """
                 JOIN campaign_message m ON m.id = v.message_id
                WHERE t.translator = ? AND t.status = 'ASSIGNED' AND m.status <> 'WITHDRAWN' ORDER BY t.assigned_at, t.id""")
                .param(user.username()).query(JdbcMessages::translation).list();
    }

    @Override
    public Optional<Audio> translationAudio(long translationId, SignedInUser user) {
        Translation t = translation(translationId);
        if (!user.username().equals(t.translator())) {
            get(t.messageId(), user);
        }
        return translationAudioOf(translationId);
    }

    private Optional<Audio> translationAudioOf(long translationId) {
        return jdbc.sql("SELECT audio, audio_name, audio_type FROM campaign_translation WHERE id = ? AND audio IS NOT NULL")
                .param(translationId).query((rs, n) -> new Audio(rs.getString("audio_name"), rs.getString("audio_type"),
                        rs.getBytes("audio"), false)).optional();
    }

    @Override
    public String textIn(long versionId, String language) {
        Version v = version(versionId);
        if ("vi".equals(language)) {
            return v.body();
        }
        return jdbc.sql("SELECT body FROM campaign_translation WHERE version_id = ? AND language = ? AND status = 'APPROVED'")
                .params(versionId, language).query(String.class).optional()
                .orElseThrow(() -> new Conflict("campaigns.error.no-approved-translation", language));
    }

    @Override
    public int publishDue() {
        List<Long> due = jdbc.sql("""
                SELECT id FROM campaign_message WHERE status = 'SCHEDULED' AND publish_at <= ? ORDER BY publish_at, id""")
                .param(Timestamp.from(clock.instant())).query(Long.class).list();
        int published = 0;
        for (long id : due) {
            Boolean done;
            try {
                done = publishOne(id);
            } catch (RuntimeException e) {
                // publishing refused it (or failed): nothing was handed over, the message stays scheduled and is
                // tried again on the next run; the others go on
                log.warn("Scheduled message {} could not be handed to publishing: {}", id, e.toString());
                done = false;
            }
            if (Boolean.TRUE.equals(done)) {
                published++;
            }
        }
        return published;
    }

    private Boolean publishOne(long id) {
        return transactions.execute(tx -> {
            // another node may have taken it: lock the row and look again
            Optional<Message> m = jdbc.sql("""
                    SELECT * FROM campaign_message WHERE id = ? AND status = 'SCHEDULED' FOR UPDATE SKIP LOCKED""")
                    .param(id).query(JdbcMessages::message).optional();
            if (m.isEmpty()) {
                return false;
            }
            publish(m.get(), Actor.SYSTEM);
            return true;
        });
    }

    private Message editable(long messageId, SignedInUser by) {
        lock(messageId);
        Message m = get(messageId, by);
        if (!CampaignAccess.mayAct(m.agencyCode(), by)) {
            throw new AccessDeniedException("may not edit for the agency");
        }
        if (m.status() != MessageStatus.DRAFT) {
            throw new Conflict("campaigns.error.not-draft");
        }
        return m;
    }

    private void lock(long messageId) {
        jdbc.sql("SELECT id FROM campaign_message WHERE id = ? FOR UPDATE").param(messageId).query(Long.class).optional();
    }

    @Override
    public String contentMark(long messageId, SignedInUser user) {
        return contentMark(get(messageId, user));
    }

    private String contentMark(Message m) {
        List<String> texts = new ArrayList<>(List.of(String.valueOf(m.title()), String.valueOf(m.body()),
                String.valueOf(m.emergency())));
        for (Version v : versionsOf(m.id())) {
            texts.addAll(Arrays.asList(v.kind().name(), v.title(), v.body(), v.hashtags(), v.link(), v.audioName(),
                    String.valueOf(v.audioSynthetic()), String.valueOf(v.editedAt())));
        }
        // the recordings and the portal article's files go out too: their bytes count, not only their names
        texts.addAll(jdbc.sql("""
                SELECT coalesce(md5(audio), '') FROM campaign_version WHERE message_id = ? ORDER BY kind""")
                .param(m.id()).query(String.class).list());
        texts.addAll(jdbc.sql("""
                SELECT f.id || ':' || f.file_name || ':' || md5(f.content) FROM campaign_version_file f
                JOIN campaign_version v ON v.id = f.version_id WHERE v.message_id = ? ORDER BY f.id""")
                .param(m.id()).query(String.class).list());
        return vn.loa.shared.SeenMark.of(texts.toArray(String[]::new));
    }

    private Message find(long id) {
        return jdbc.sql("SELECT * FROM campaign_message WHERE id = ?").param(id).query(JdbcMessages::message).optional()
                .orElseThrow(() -> new NotFound("campaign-message", id));
    }

    private Version version(long id) {
        return jdbc.sql("SELECT * FROM campaign_version WHERE id = ?").param(id).query(JdbcMessages::version).optional()
                .orElseThrow(() -> new NotFound("campaign-version", id));
    }

    private Translation translation(long id) {
        return jdbc.sql(TRANSLATION + " WHERE t.id = ?").param(id).query(JdbcMessages::translation).optional()
                .orElseThrow(() -> new NotFound("campaign-translation", id));
    }

    private static final String TRANSLATION = """
            SELECT t.id, t.version_id, v.message_id, v.kind, t.language, t.translator, t.status, t.body, t.audio_name,
                t.reviewer, t.assigned_by, t.assigned_at, t.submitted_at, t.approved_at
            FROM campaign_translation t JOIN campaign_version v ON v.id = t.version_id""";

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        String emergency = rs.getString("emergency");
        return new Message(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("agency_code"),
                rs.getString("title"), rs.getString("body"), emergency == null ? null : Emergency.valueOf(emergency),
                MessageStatus.valueOf(rs.getString("status")), rs.getString("author"), rs.getString("approved_by"),
                instant(rs, "publish_at"), instant(rs, "published_at"), instant(rs, "created_at"));
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong("id"), rs.getLong("message_id"), VersionKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("body"), rs.getString("hashtags"), rs.getString("link"),
                rs.getString("audio_name"), rs.getString("audio_type"), rs.getBoolean("audio_synthetic"),
                rs.getString("edited_by"), instant(rs, "edited_at"));
    }

    private static Translation translation(ResultSet rs, int n) throws SQLException {
        return new Translation(rs.getLong("id"), rs.getLong("version_id"), rs.getLong("message_id"),
                VersionKind.valueOf(rs.getString("kind")), rs.getString("language"), rs.getString("translator"),
                rs.getString("status"), rs.getString("body"), rs.getString("audio_name"), rs.getString("reviewer"),
                rs.getString("assigned_by"), instant(rs, "assigned_at"), instant(rs, "submitted_at"),
                instant(rs, "approved_at"));
    }

    private static Step step(ResultSet rs, int n) throws SQLException {
        String from = rs.getString("from_status");
        return new Step(rs.getLong("id"), rs.getLong("message_id"), rs.getString("action"),
                from == null ? null : MessageStatus.valueOf(from), MessageStatus.valueOf(rs.getString("to_status")),
                rs.getString("actor"), instant(rs, "at"), rs.getString("reason"), rs.getBoolean("emergency"));
    }

    /** The agency's id for a publication: the unit valid today under its code. */
    private AgencyId agencyId(String code) {
        return agencies.findByCode(code, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).map(Agency::id)
                .orElseThrow(() -> new NotFound("agency", code));
    }
}
