package vn.loa.consultation.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.ConsultationEvent;
import vn.loa.consultation.ConsultationStatus;
import vn.loa.consultation.Contribution;
import vn.loa.consultation.ContributionSource;
import vn.loa.consultation.ContributionStatus;
import vn.loa.consultation.Contributions;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.TooManyContributions;
import vn.loa.consultation.UnitKind;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.DisplayNames;
import vn.loa.publishing.Channel;
import vn.loa.publishing.Publication;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.SmsSegments;

/** Contributions on PostgreSQL; one-time codes through publishing's outbox (e-mail or SMS). */
@Service
class JdbcContributions implements Contributions {

    static final int TEXT_MAX = 5_000;
    static final int NAME_MAX = 200;
    static final int FILE_MAX = 20 * 1024 * 1024;
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern PHONE = Pattern.compile("^0\\d{9,10}$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The most SMS parts the message with a one-time code may take. */
    static final int CODE_SMS_SEGMENTS = 2;
    private static final Pattern ARTICLE = Pattern.compile("^(?:Điều\\s+)?(\\d+[a-zđ]?)\\.?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final JdbcClient jdbc;
    private final JdbcConsultations consultations;
    private final JdbcDrafts drafts;
    private final AgencyDirectory agencies;
    private final Publishing publishing;
    private final Moderation moderation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MessageSource messages;
    private final DisplayNames names;
    private final SecureRandom random = new SecureRandom();

    JdbcContributions(JdbcClient jdbc, JdbcConsultations consultations, JdbcDrafts drafts, AgencyDirectory agencies,
            Publishing publishing, Moderation moderation, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock, MessageSource messages, DisplayNames names) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.drafts = drafts;
        this.agencies = agencies;
        this.publishing = publishing;
        this.moderation = moderation;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.messages = messages;
        this.names = names;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    // ---- the public form ----

    @Override
    @Transactional
    public long submit(long consultationId, Comment comment, String clientAddress) {
        Consultation c = consultations.published(consultationId)
                .orElseThrow(() -> new NotFound("consultation", consultationId));
        if (!c.openOn(today())) {
            throw new Conflict("consultation.error.not-open");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String name = ConsultationAccess.text(comment.name());
        if (name == null || name.length() > NAME_MAX) {
            problems.add(new InvalidInput("name", "consultation.error.name"));
        }
        Contact contact = Contact.of(comment.contact());
        if (contact == null) {
            problems.add(new InvalidInput("contact", "consultation.error.contact"));
        }
        Long unitId = null;
        try {
            unitId = unitId(c, comment.unitKey(), "unit");
        } catch (InvalidInput e) {
            problems.add(e);
        }
        String text = ConsultationAccess.text(comment.text());
        if (text == null || text.length() > TEXT_MAX) {
            problems.add(new InvalidInput("text", "consultation.error.text", TEXT_MAX));
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
        if (count("SELECT count(*) FROM consultation_submission WHERE client_address = ? AND created_at > ?", address,
                now.minus(Duration.ofHours(1))) >= SUBMISSIONS_PER_ADDRESS_HOUR) {
            throw new TooManyContributions("consultation.error.too-many-address", SUBMISSIONS_PER_ADDRESS_HOUR);
        }
        checkCodeLimit(contact.value(), now);
        checkDailyLimit(contact.value(), now);
        long otpId = sendCode(c, contact.kind(), contact.value(), now);
        return jdbc.sql("""
                INSERT INTO consultation_submission (consultation_id, unit_id, author_name, contact_kind, contact, body,
                    client_address, otp_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(consultationId, unitId, name, contact.kind(), contact.value(), text, address, otpId,
                        Timestamp.from(now))
                .query(Long.class).single();
    }

    @Override
    @Transactional
    public void resendCode(long consultationId, long submissionId) {
        Consultation c = consultations.published(consultationId)
                .orElseThrow(() -> new NotFound("consultation", consultationId));
        record Waiting(String contactKind, String contact, Long contributionId) {
        }
        // the row stays locked while its new code is made: two clicks give one code, the second one waits and is told
        Waiting w = jdbc.sql("""
                SELECT contact_kind, contact, contribution_id FROM consultation_submission
                WHERE id = ? AND consultation_id = ? FOR UPDATE""").params(submissionId, consultationId)
                .query((rs, row) -> new Waiting(rs.getString("contact_kind"), rs.getString("contact"),
                        (Long) rs.getObject("contribution_id")))
                .optional().orElseThrow(() -> new NotFound("submission", submissionId));
        if (w.contributionId() != null) {
            throw new Conflict("consultation.error.code-used");
        }
        if (!c.openOn(today())) {
            throw new Conflict("consultation.error.not-open");
        }
        Instant now = clock.instant();
        checkCodeLimit(w.contact(), now);
        long otpId = sendCode(c, w.contactKind(), w.contact(), now);
        // the old code stops counting: only the newest one sent confirms the comment
        jdbc.sql("UPDATE consultation_submission SET otp_id = ? WHERE id = ?").params(otpId, submissionId).update();
    }

    @Override
    public boolean codeCanArrive(long consultationId, long submissionId) {
        String kind = jdbc.sql("SELECT contact_kind FROM consultation_submission WHERE id = ? AND consultation_id = ?")
                .params(submissionId, consultationId).query(String.class).optional()
                .orElseThrow(() -> new NotFound("submission", submissionId));
        return publishing.reachesPeople(kind.equals("EMAIL") ? Channel.EMAIL : Channel.SMS);
    }

    @Override
    public boolean codesReachByEmail() {
        return publishing.reachesPeople(Channel.EMAIL);
    }

    private void checkCodeLimit(String contact, Instant now) {
        if (count("SELECT count(*) FROM consultation_otp WHERE contact = ? AND created_at > ?", contact,
                now.minus(Duration.ofHours(1))) >= CODES_PER_CONTACT_HOUR) {
            throw new TooManyContributions("consultation.error.too-many-codes", CODES_PER_CONTACT_HOUR);
        }
    }

    /** Makes a one-time code for a contact and hands its message to publishing; returns the code's id. */
    private long sendCode(Consultation c, String contactKind, String contact, Instant now) {
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        long otpId = jdbc.sql("""
                INSERT INTO consultation_otp (consultation_id, contact_kind, contact, code_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.id(), contactKind, contact, hash(code), Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofMinutes(CODE_MINUTES))))
                .query(Long.class).single();
        Agency agency = agencies.findByCode(c.agencyCode(), today())
                .orElseThrow(() -> new IllegalStateException("no agency " + c.agencyCode()));
        // in Vietnamese: publishing sends in Vietnamese, Chăm or Raglai, and a contact has no language of its own
        Channel channel = contactKind.equals("EMAIL") ? Channel.EMAIL : Channel.SMS;
        publishing.enqueue(new Publication("consultation-code:" + otpId, null, null, agency.id(), channel, "vi",
                messages.getMessage("consultation.code.subject", null, Languages.VIETNAMESE),
                codeText(code, c.title(), channel), List.of(), List.of(contact), List.of(), now,
                false), Actor.SYSTEM);
        return otpId;
    }

    /**
     * The message that gives the code. By SMS it must fit in {@value #CODE_SMS_SEGMENTS} parts (Vietnamese is sent in
     * UCS-2: 134 characters), so the consultation's title is cut, at a word when it can, and ends with an ellipsis.
     */
    private String codeText(String code, String title, Channel channel) {
        String full = Normalizer.normalize(title, Normalizer.Form.NFC).strip();
        String text = codeMessage(code, full);
        if (channel != Channel.SMS) {
            return text;
        }
        int[] letters = full.codePoints().toArray();
        for (int keep = letters.length - 1; SmsSegments.count(text, 0).segments() > CODE_SMS_SEGMENTS && keep >= 0;
                keep--) {
            text = codeMessage(code, shortened(letters, keep));
        }
        return text;
    }

    private String codeMessage(String code, String title) {
        return messages.getMessage("consultation.code.text", new Object[] {code, CODE_MINUTES, title}, Languages.VIETNAMESE);
    }

    /** The first {@code keep} characters of a title, back to the last whole word when one is near, and "…". */
    private static String shortened(int[] letters, int keep) {
        String head = new String(letters, 0, keep);
        int space = head.lastIndexOf(' ');
        if (keep < letters.length && !Character.isWhitespace(letters[keep]) && space > 0
                && head.length() - space <= 12) {
            head = head.substring(0, space);
        }
        return head.replaceAll("[\\s,;:.\\-–]+$", "") + "…";
    }

    private void checkDailyLimit(String contact, Instant now) {
        if (count("""
                SELECT count(*) FROM consultation_contribution WHERE contact = ? AND source = 'FORM' AND received_at > ?""",
                contact, now.minus(Duration.ofDays(1))) >= CONTRIBUTIONS_PER_CONTACT_DAY) {
            throw new TooManyContributions("consultation.error.too-many-day", CONTRIBUTIONS_PER_CONTACT_DAY);
        }
    }

    private long count(String sql, String value, Instant since) {
        return jdbc.sql(sql).params(value, Timestamp.from(since)).query(Long.class).single();
    }

    /** A contact as given on the form: an e-mail address, or a Vietnamese phone number written as 0xxxxxxxxx. */
    record Contact(String kind, String value) {

        static Contact of(String raw) {
            String text = ConsultationAccess.text(raw);
            if (text == null || text.length() > 200) {
                return null;
            }
            if (text.contains("@")) {
                return EMAIL.matcher(text).matches() ? new Contact("EMAIL", text.toLowerCase(Locale.ROOT)) : null;
            }
            String digits = text.replaceAll("[\\s.()-]", "");
            if (digits.startsWith("+84")) {
                digits = "0" + digits.substring(3);
            }
            return PHONE.matcher(digits).matches() ? new Contact("PHONE", digits) : null;
        }
    }

    @Override
    public Contribution verify(long consultationId, long submissionId, String code) {
        record Pending(long id, long consultationId, Long unitId, String name, String contactKind, String contact,
                String body, long otpId, String codeHash, int attempts, Instant expiresAt, Instant usedAt,
                Long contributionId) {
        }
        Pending p = jdbc.sql("""
                SELECT s.*, o.code_hash, o.attempts, o.expires_at, o.used_at FROM consultation_submission s
                JOIN consultation_otp o ON o.id = s.otp_id WHERE s.id = ? AND s.consultation_id = ?""")
                .params(submissionId, consultationId)
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getLong("consultation_id"),
                        (Long) rs.getObject("unit_id"), rs.getString("author_name"), rs.getString("contact_kind"),
                        rs.getString("contact"), rs.getString("body"), rs.getLong("otp_id"), rs.getString("code_hash"),
                        rs.getInt("attempts"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
                        (Long) rs.getObject("contribution_id")))
                .optional().orElseThrow(() -> new NotFound("submission", submissionId));
        if (p.contributionId() != null || p.usedAt() != null) {
            throw new Conflict("consultation.error.code-used");
        }
        if (p.attempts() >= CODE_ATTEMPTS) {
            throw new InvalidInput("code", "consultation.error.code-attempts", CODE_ATTEMPTS);
        }
        Instant now = clock.instant();
        if (now.isAfter(p.expiresAt())) {
            throw new InvalidInput("code", "consultation.error.code-expired", CODE_MINUTES);
        }
        String given = code == null ? "" : code.replaceAll("\\s", "");
        if (!matches(given, p.codeHash())) {
            int attempts = jdbc.sql("UPDATE consultation_otp SET attempts = attempts + 1 WHERE id = ? RETURNING attempts")
                    .param(p.otpId()).query(Integer.class).single();
            throw attempts >= CODE_ATTEMPTS ? new InvalidInput("code", "consultation.error.code-attempts", CODE_ATTEMPTS)
                    : new InvalidInput("code", "consultation.error.code", CODE_ATTEMPTS - attempts);
        }
        return transactions.execute(status -> {
            int claimed = jdbc.sql("UPDATE consultation_otp SET used_at = ? WHERE id = ? AND used_at IS NULL")
                    .params(Timestamp.from(now), p.otpId()).update();
            if (claimed == 0) {
                throw new Conflict("consultation.error.code-used");
            }
            Consultation c = consultations.find(p.consultationId()).orElseThrow();
            if (!c.openOn(today())) {
                throw new Conflict("consultation.error.not-open");
            }
            checkDailyLimit(p.contact(), now);
            long id = insert(c, p.unitId(), Contribution.Kind.CITIZEN, p.name(), null, p.contactKind(), p.contact(),
                    true, p.body(), null, ContributionSource.FORM, now, new Actor("citizen", null));
            jdbc.sql("UPDATE consultation_submission SET contribution_id = ? WHERE id = ?").params(id, p.id()).update();
            return find(id);
        });
    }

    private String hash(String code) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return saltHex + "$" + sha256(saltHex + ":" + code);
    }

    private static boolean matches(String code, String stored) {
        int dollar = stored.indexOf('$');
        String expected = stored.substring(dollar + 1);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sha256(stored.substring(0, dollar) + ":" + code).getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a contribution after moderation's check; returns its id. */
    private long insert(Consultation c, Long unitId, Contribution.Kind kind, String name, String organisation,
            String contactKind, String contact, boolean verified, String body, Publication.Attachment attachment,
            ContributionSource source, Instant receivedAt, Actor by) {
        Moderation.Verdict verdict = moderation.check(body, LocalDate.ofInstant(receivedAt, LocalTime.ZONE));
        ContributionStatus status = verdict.heldFor().isEmpty() ? ContributionStatus.PUBLISHED
                : ContributionStatus.RECEIVED;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("consultation", c.id());
        params.put("unit", unitId);
        params.put("kind", kind.name());
        params.put("name", name);
        params.put("organisation", organisation);
        params.put("contactKind", contactKind);
        params.put("contact", contact);
        params.put("verified", verified);
        params.put("body", body);
        params.put("sentiment", verdict.sentiment());
        params.put("aName", attachment == null ? null : attachment.fileName());
        params.put("aType", attachment == null ? null : attachment.contentType());
        params.put("aBytes", attachment == null ? null : attachment.content());
        params.put("source", source.name());
        params.put("status", status.name());
        params.put("held", verdict.heldForText());
        params.put("at", Timestamp.from(receivedAt));
        params.put("reference", "GY-pending-" + java.util.UUID.randomUUID());
        var spec = jdbc.sql("""
                INSERT INTO consultation_contribution (consultation_id, unit_id, kind, author_name, organisation,
                    contact_kind, contact, verified, body, sentiment, attachment_name, attachment_type, attachment_bytes,
                    source, status, held_for, received_at, reference)
                VALUES (:consultation, :unit, :kind, :name, :organisation, :contactKind, :contact, :verified, :body,
                    :sentiment, :aName, :aType, :aBytes, :source, :status, :held, :at, :reference) RETURNING id""");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        long id = spec.query(Long.class).single();
        jdbc.sql("UPDATE consultation_contribution SET reference = ? WHERE id = ?")
                .params(String.format(Locale.ROOT, "GY-%d-%06d", LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)
                        .getYear(), id), id)
                .update();
        events.publishEvent(new ConsultationEvent.ContributionRecorded(by, id, c.id(), source, status,
                verdict.heldForText()));
        return id;
    }

    /** The unit a key names in the consultation's version; null for the whole draft. */
    private Long unitId(Consultation c, String unitKey, String field) {
        String key = ConsultationAccess.text(unitKey);
        if (key == null) {
            return null;
        }
        return jdbc.sql("SELECT id FROM consultation_draft_unit WHERE version_id = ? AND unit_key = ? ORDER BY position LIMIT 1")
                .params(c.versionId(), key).query(Long.class).optional()
                .orElseThrow(() -> new InvalidInput(field, "consultation.error.unit", key));
    }

    // ---- reading ----

    private static final String SELECT = """
            SELECT k.id, k.consultation_id, k.unit_id, u.unit_key, u.kind AS unit_kind, u.number AS unit_number, k.kind,
                   k.author_name, k.organisation, k.contact_kind, k.contact, k.verified, k.body, k.sentiment,
                   k.attachment_name, k.source, k.status, k.held_for, k.moderation_reason, k.moderated_by,
                   k.moderated_at, k.received_at, k.reference, k.off_topic, k.off_topic_note, k.off_topic_by,
                   k.off_topic_at, k.version
            FROM consultation_contribution k LEFT JOIN consultation_draft_unit u ON u.id = k.unit_id""";

    private static Contribution contribution(ResultSet rs, int row) throws SQLException {
        String unitKind = rs.getString("unit_kind");
        String label = unitKind == null ? null : new DraftUnit(0, null, UnitKind.valueOf(unitKind),
                rs.getString("unit_number"), null, "", rs.getString("unit_key"), 0).label();
        Timestamp moderated = rs.getTimestamp("moderated_at");
        Timestamp offTopicAt = rs.getTimestamp("off_topic_at");
        return new Contribution(rs.getLong("id"), rs.getLong("consultation_id"), (Long) rs.getObject("unit_id"),
                rs.getString("unit_key"), label, Contribution.Kind.valueOf(rs.getString("kind")),
                rs.getString("author_name"), rs.getString("organisation"), rs.getString("contact_kind"),
                rs.getString("contact"), rs.getBoolean("verified"), rs.getString("body"), rs.getString("sentiment"),
                rs.getString("attachment_name"), ContributionSource.valueOf(rs.getString("source")),
                ContributionStatus.valueOf(rs.getString("status")), rs.getString("held_for"),
                rs.getString("moderation_reason"), rs.getString("moderated_by"),
                moderated == null ? null : moderated.toInstant(), rs.getTimestamp("received_at").toInstant(),
                rs.getString("reference"), rs.getBoolean("off_topic"), rs.getString("off_topic_note"),
                rs.getString("off_topic_by"), offTopicAt == null ? null : offTopicAt.toInstant(), rs.getInt("version"));
    }

    private Contribution find(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = ?").param(id).query(JdbcContributions::contribution).optional()
                .orElseThrow(() -> new NotFound("contribution", id));
    }

    @Override
    public List<Contribution> published(long consultationId) {
        if (consultations.published(consultationId).isEmpty()) {
            throw new NotFound("consultation", consultationId);
        }
        return jdbc.sql(SELECT + " WHERE k.consultation_id = ? AND k.status = 'PUBLISHED' ORDER BY k.received_at, k.id")
                .param(consultationId).query(JdbcContributions::contribution).list();
    }

    @Override
    public List<Contribution> list(long consultationId, String unitKey, ContributionStatus status, Boolean offTopic,
            SignedInUser user) {
        consultations.get(consultationId, user);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE k.consultation_id = ?");
        List<Object> params = new ArrayList<>(List.of(consultationId));
        if (unitKey != null) {
            if (unitKey.isBlank()) {
                sql.append(" AND k.unit_id IS NULL");
            } else {
                sql.append(" AND u.unit_key = ?");
                params.add(unitKey.strip());
            }
        }
        if (status != null) {
            sql.append(" AND k.status = ?");
            params.add(status.name());
        }
        if (offTopic != null) {
            sql.append(offTopic ? " AND k.off_topic" : " AND NOT k.off_topic");
        }
        sql.append(" ORDER BY k.received_at DESC, k.id DESC");
        return jdbc.sql(sql.toString()).params(params).query(JdbcContributions::contribution).list();
    }

    @Override
    public Contribution get(long contributionId, SignedInUser user) {
        Contribution k = find(contributionId);
        consultations.get(k.consultationId(), user);
        return k;
    }

    @Override
    public Map<String, Long> countsPerUnit(long consultationId, SignedInUser user) {
        consultations.get(consultationId, user);
        return perUnit(consultationId, "k.status <> 'REJECTED'");
    }

    @Override
    public Map<String, Long> heldPerUnit(long consultationId, SignedInUser user) {
        consultations.get(consultationId, user);
        return perUnit(consultationId, "k.status = 'RECEIVED'");
    }

    /** The on-topic contributions of each unit of the draft ("" for the draft as a whole) whose status is as said. */
    private Map<String, Long> perUnit(long consultationId, String statusCondition) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT coalesce(u.unit_key, '') AS unit_key, count(*) AS n FROM consultation_contribution k
                LEFT JOIN consultation_draft_unit u ON u.id = k.unit_id
                WHERE k.consultation_id = ? AND %s AND NOT k.off_topic GROUP BY 1 ORDER BY 1""".formatted(statusCondition))
                .param(consultationId).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    @Override
    public long offTopicCount(long consultationId, SignedInUser user) {
        consultations.get(consultationId, user);
        return jdbc.sql("""
                SELECT count(*) FROM consultation_contribution WHERE consultation_id = ? AND status <> 'REJECTED'
                AND off_topic""").param(consultationId).query(Long.class).single();
    }

    // ---- off-topic ----

    @Override
    @Transactional
    public Contribution markOffTopic(long contributionId, Integer seen, String note, SignedInUser by) {
        return offTopic(contributionId, seen, true, note, by);
    }

    @Override
    @Transactional
    public Contribution unmarkOffTopic(long contributionId, Integer seen, SignedInUser by) {
        return offTopic(contributionId, seen, false, null, by);
    }

    private Contribution offTopic(long contributionId, Integer seen, boolean mark, String note, SignedInUser by) {
        Contribution k = get(contributionId, by);
        Consultation c = consultations.get(k.consultationId(), by);
        if (!ConsultationAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not sort the agency's contributions");
        }
        List<InvalidInput> problems = new ArrayList<>();
        if (seen == null) {
            problems.add(new InvalidInput("version", "consultation.error.contribution-seen"));
        }
        String why = mark ? ConsultationAccess.text(note) : null;
        if (why != null && why.length() > OFF_TOPIC_NOTE_MAX) {
            problems.add(new InvalidInput("note", "consultation.error.off-topic-note", OFF_TOPIC_NOTE_MAX));
        }
        InvalidInput.throwIfAny(problems);
        // changed only at the version the officer's page showed: a page loaded before another officer marked,
        // unmarked, published or rejected it changes nothing. Two requests at once: the second update waits for the
        // first, then finds another version and changes nothing.
        int changed = jdbc.sql("""
                UPDATE consultation_contribution SET off_topic = ?, off_topic_note = ?, off_topic_by = ?,
                    off_topic_at = ?, version = version + 1
                WHERE id = ? AND version = ? AND off_topic <> ? AND status <> 'REJECTED'""")
                .params(mark, why, by.username(), Timestamp.from(clock.instant()), contributionId, seen, mark).update();
        if (changed == 0) {
            throw offTopicRefused(find(contributionId), mark);
        }
        events.publishEvent(new ConsultationEvent.ContributionOffTopicChanged(by.actor(), contributionId, c.id(), mark,
                why));
        return find(contributionId);
    }

    /**
     * Why an off-topic mark changed nothing: it is already as asked (a double click, or another officer did the same),
     * the contribution was rejected, or someone changed it after the officer's page showed it, said with who and when.
     */
    private Conflict offTopicRefused(Contribution now, boolean mark) {
        if (now.offTopic() == mark && now.offTopicBy() == null) {
            return new Conflict("consultation.error.off-topic.not-marked", now.reference());
        }
        if (now.offTopic() == mark) {
            return new Conflict(mark ? "consultation.error.off-topic.already-marked"
                    : "consultation.error.off-topic.already-unmarked", now.reference(), names.person(now.offTopicBy()),
                    LocalTime.format(now.offTopicAt()));
        }
        if (now.status() == ContributionStatus.REJECTED) {
            return new Conflict("consultation.error.off-topic.rejected", now.reference());
        }
        // the version moved on: say the latest change, a mark or a moderation
        boolean markedLast = now.offTopicAt() != null
                && (now.moderatedAt() == null || now.offTopicAt().isAfter(now.moderatedAt()));
        String who = markedLast ? now.offTopicBy() : now.moderatedBy();
        Instant when = markedLast ? now.offTopicAt() : now.moderatedAt();
        if (who == null || when == null) {
            // a version nobody's page showed (an API caller's guess)
            return new Conflict("consultation.error.off-topic.stale", now.reference());
        }
        return new Conflict("consultation.error.off-topic.changed-meanwhile", now.reference(), names.person(who),
                LocalTime.format(when));
    }

    // ---- moderation ----

    @Override
    @Transactional
    public Contribution publish(long contributionId, ContributionStatus seen, SignedInUser by) {
        return moderate(contributionId, seen, ContributionStatus.PUBLISHED, null, by);
    }

    @Override
    @Transactional
    public Contribution reject(long contributionId, ContributionStatus seen, String reason, SignedInUser by) {
        String why = ConsultationAccess.text(reason);
        if (why == null || why.length() > 1000) {
            throw new InvalidInput("reason", "consultation.error.reason");
        }
        return moderate(contributionId, seen, ContributionStatus.REJECTED, why, by);
    }

    private Contribution moderate(long contributionId, ContributionStatus seen, ContributionStatus to, String reason,
            SignedInUser by) {
        Contribution k = get(contributionId, by);
        Consultation c = consultations.get(k.consultationId(), by);
        if (!ConsultationAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not moderate the agency's contributions");
        }
        if (seen == null) {
            throw new InvalidInput("seen", "consultation.error.seen");
        }
        // changed only if it is still as the officer saw it: a page loaded before another officer published or
        // rejected it must not undo that. Two requests at once: the second update waits for the first, then finds
        // the status changed and changes nothing.
        int changed = jdbc.sql("""
                UPDATE consultation_contribution SET status = ?, moderation_reason = ?, moderated_by = ?, moderated_at = ?,
                    version = version + 1
                WHERE id = ? AND status = ? AND status <> ?""").params(to.name(), reason, by.username(),
                Timestamp.from(clock.instant()), contributionId, seen.name(), to.name()).update();
        if (changed == 0) {
            throw refused(find(contributionId), to);
        }
        events.publishEvent(new ConsultationEvent.ContributionModerated(by.actor(), contributionId, c.id(), to, reason));
        return find(contributionId);
    }

    /**
     * Why a moderation changed nothing: it is already as asked (a double click, or another officer did the same), or
     * it was changed by someone else after the officer's page showed it, said with who, when and why.
     */
    private Conflict refused(Contribution now, ContributionStatus to) {
        if (now.status() == to) {
            return new Conflict(to == ContributionStatus.PUBLISHED ? "consultation.error.already-published"
                    : "consultation.error.already-rejected", now.reference());
        }
        return new Conflict("consultation.error.changed-meanwhile." + now.status().name(), now.reference(),
                names.person(now.moderatedBy()), LocalTime.format(now.moderatedAt()),
                now.moderationReason() == null ? "" : now.moderationReason());
    }

    // ---- official opinions and imports ----

    @Override
    @Transactional
    public Contribution recordOfficial(long consultationId, OfficialOpinion o, SignedInUser by) {
        Consultation c = mayAct(consultationId, by);
        List<InvalidInput> problems = new ArrayList<>();
        String organisation = ConsultationAccess.text(o.organisation());
        if (organisation == null || organisation.length() > 300) {
            problems.add(new InvalidInput("organisation", "consultation.error.organisation"));
        }
        String signer = ConsultationAccess.text(o.signer());
        if (signer == null || signer.length() > NAME_MAX) {
            problems.add(new InvalidInput("signer", "consultation.error.signer"));
        }
        Long unitId = null;
        try {
            unitId = unitId(c, o.unitKey(), "unit");
        } catch (InvalidInput e) {
            problems.add(e);
        }
        byte[] file = o.file();
        String type = file == null || file.length < 4 || file.length > FILE_MAX ? null
                : file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F' ? "application/pdf"
                : file[0] == 'P' && file[1] == 'K'
                        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
        if (type == null) {
            problems.add(new InvalidInput("file", "consultation.error.letter"));
        }
        String text = ConsultationAccess.text(o.text());
        if (text == null || text.length() > TEXT_MAX * 4) {
            problems.add(new InvalidInput("text", "consultation.error.text", TEXT_MAX * 4));
        }
        InvalidInput.throwIfAny(problems);
        String fileName = ConsultationAccess.text(o.fileName());
        if (fileName == null) {
            fileName = type.equals("application/pdf") ? "y-kien.pdf" : "y-kien.docx";
        }
        long id = insert(c, unitId, Contribution.Kind.ORGANISATION, signer, organisation, null, null, true, text,
                new Publication.Attachment(fileName, type, file), ContributionSource.OFFICIAL, clock.instant(),
                by.actor());
        return find(id);
    }

    private Consultation mayAct(long consultationId, SignedInUser by) {
        Consultation c = consultations.get(consultationId, by);
        if (!ConsultationAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not act on the agency's consultation");
        }
        if (c.status() == ConsultationStatus.DRAFT) {
            throw new Conflict("consultation.error.not-published");
        }
        return c;
    }

    @Override
    public Attachment attachment(long contributionId, SignedInUser user) {
        get(contributionId, user);
        return jdbc.sql("""
                SELECT attachment_name, attachment_type, attachment_bytes FROM consultation_contribution
                WHERE id = ? AND attachment_bytes IS NOT NULL""").param(contributionId)
                .query((rs, row) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFound("attachment", contributionId));
    }

    @Override
    @Transactional
    public ImportResult importCsv(long consultationId, byte[] csv, SignedInUser by) {
        Consultation c = mayAct(consultationId, by);
        List<Row> rows = CsvRows.read(csv, c, clock.instant(), this::articleUnit);
        int held = 0;
        for (Row row : rows) {
            long id = insert(c, row.unitId(), row.kind(), row.name(), row.organisation(),
                    row.contact() == null ? null : row.contact().kind(),
                    row.contact() == null ? null : row.contact().value(), false, row.text(), null,
                    ContributionSource.IMPORT, row.receivedAt(), by.actor());
            if (find(id).status() == ContributionStatus.RECEIVED) {
                held++;
            }
        }
        events.publishEvent(new ConsultationEvent.ContributionsImported(by.actor(), consultationId, rows.size(), held));
        return new ImportResult(rows.size(), held);
    }

    private Optional<Long> articleUnit(Consultation c, String number) {
        return jdbc.sql("""
                SELECT id FROM consultation_draft_unit WHERE version_id = ? AND kind = 'ARTICLE' AND number = ?
                ORDER BY position LIMIT 1""").params(c.versionId(), number).query(Long.class).optional();
    }

    /** One valid row of an import. */
    record Row(Long unitId, Contribution.Kind kind, String name, String organisation, Contact contact, String text,
            Instant receivedAt) {
    }

    /** Reads and checks every row of a CSV file before anything is stored. */
    static final class CsvRows {

        interface Articles {
            Optional<Long> find(Consultation c, String number);
        }

        /**
         * The rows of the file, each received on a day of the consultation's period and not after {@code now}'s day
         * (Asia/Ho_Chi_Minh); a row received today is dated noon, or now when that is earlier.
         */
        static List<Row> read(byte[] csv, Consultation c, Instant now, Articles articles) {
            LocalDate today = LocalDate.ofInstant(now, LocalTime.ZONE);
            if (csv == null || csv.length == 0 || csv.length > FILE_MAX) {
                throw new InvalidInput("file", "consultation.error.csv-file");
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(csv)).toString();
            } catch (CharacterCodingException e) {
                throw new InvalidInput("file", "consultation.error.csv-encoding");
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<InvalidInput> problems = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
                Map<String, Integer> header = new LinkedHashMap<>();
                parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
                if (header.size() == 1 && header.keySet().iterator().next().contains(";")) {
                    // Excel set to Vietnamese separates columns with semicolons
                    throw new InvalidInput("file", "consultation.error.csv-semicolons");
                }
                for (String required : List.of("article", "name", "kind", "text")) {
                    if (!header.containsKey(required)) {
                        throw new InvalidInput("file", "consultation.error.csv-column", required);
                    }
                }
                if (!header.containsKey("received") && !header.containsKey("days_after_open")) {
                    throw new InvalidInput("file", "consultation.error.csv-column", "received");
                }
                LineCounter lines = new LineCounter(text);
                for (CSVRecord record : parser) {
                    long line = parser.getCurrentLineNumber();
                    line = record.getCharacterPosition() >= 0 ? lines.lineAt(record.getCharacterPosition()) : line;
                    int before = problems.size();
                    String article = value(record, header, "article");
                    Long unitId = null;
                    if (article != null) {
                        var m = ARTICLE.matcher(article);
                        Optional<Long> unit = m.matches() ? articles.find(c, m.group(1).toLowerCase(Languages.VIETNAMESE))
                                : Optional.empty();
                        if (unit.isEmpty()) {
                            problems.add(cell(line, "article", "consultation.error.csv-article"));
                        } else {
                            unitId = unit.get();
                        }
                    }
                    String name = value(record, header, "name");
                    if (name == null || name.length() > NAME_MAX) {
                        problems.add(cell(line, "name", "consultation.error.csv-name"));
                    }
                    Contribution.Kind kind = kind(value(record, header, "kind"));
                    if (kind == null) {
                        problems.add(cell(line, "kind", "consultation.error.csv-kind"));
                    }
                    String organisation = value(record, header, "organisation");
                    if (kind == Contribution.Kind.ORGANISATION && organisation == null) {
                        organisation = name;
                    }
                    String contactText = value(record, header, "contact");
                    Contact contact = contactText == null ? null : Contact.of(contactText);
                    if (contactText != null && contact == null) {
                        problems.add(cell(line, "contact", "consultation.error.csv-contact"));
                    }
                    Instant received = null;
                    String day = value(record, header, "received");
                    String after = value(record, header, "days_after_open");
                    LocalDate receivedOn = null;
                    String dateColumn = day != null || (after == null && header.containsKey("received")) ? "received"
                            : "days_after_open";
                    if (day != null) {
                        try {
                            receivedOn = LocalDate.parse(day, DAY);
                        } catch (DateTimeParseException e) {
                            problems.add(cell(line, "received", "consultation.error.csv-received"));
                        }
                    } else if (after != null && after.matches("\\d{1,4}")) {
                        receivedOn = c.opensOn().plusDays(Integer.parseInt(after));
                    } else {
                        problems.add(cell(line, dateColumn, "consultation.error.csv-received"));
                    }
                    if (receivedOn != null && (receivedOn.isBefore(c.opensOn()) || receivedOn.isAfter(c.closesOn()))) {
                        problems.add(new InvalidInput("file", "consultation.error.csv-received-period", line, dateColumn,
                                LocalTime.format(receivedOn), LocalTime.format(c.opensOn()),
                                LocalTime.format(c.closesOn())));
                    } else if (receivedOn != null && receivedOn.isAfter(today)) {
                        problems.add(new InvalidInput("file", "consultation.error.csv-received-future", line, dateColumn,
                                LocalTime.format(receivedOn), LocalTime.format(today)));
                    } else if (receivedOn != null) {
                        Instant noon = receivedOn.atTime(12, 0).atZone(LocalTime.ZONE).toInstant();
                        received = noon.isAfter(now) ? now : noon;
                    }
                    String body = value(record, header, "text");
                    if (body == null || body.length() > TEXT_MAX) {
                        problems.add(cell(line, "text", "consultation.error.csv-text"));
                    }
                    if (problems.size() == before) {
                        rows.add(new Row(unitId, kind, name, organisation, contact, body, received));
                    }
                    if (problems.size() >= 20) {
                        break;
                    }
                }
            } catch (IOException | IllegalStateException | IllegalArgumentException e) {
                if (e instanceof InvalidInput invalid) {
                    throw invalid;
                }
                throw new InvalidInput("file", "consultation.error.csv-format", e.getMessage());
            }
            InvalidInput.throwIfAny(problems);
            if (rows.isEmpty()) {
                throw new InvalidInput("file", "consultation.error.csv-empty");
            }
            return rows;
        }

        /**
         * The line a position of the text is on, counted on from where the last call stopped: records come in order,
         * so a file is read once, not once per row.
         */
        private static final class LineCounter {
            private final String text;
            private int position;
            private long line = 1;

            LineCounter(String text) {
                this.text = text;
            }

            long lineAt(long at) {
                if (at < position) {
                    position = 0;
                    line = 1;
                }
                for (; position < at && position < text.length(); position++) {
                    if (text.charAt(position) == '\n') {
                        line++;
                    }
                }
                return line;
            }
        }

        private static InvalidInput cell(long line, String column, String key) {
            return new InvalidInput("file", key, line, column);
        }

        private static String value(CSVRecord record, Map<String, Integer> header, String column) {
            Integer index = header.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            return ConsultationAccess.text(record.get(index));
        }

        private static Contribution.Kind kind(String value) {
            if (value == null) {
                return Contribution.Kind.CITIZEN;
            }
            return switch (java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC).toLowerCase(Languages.VIETNAMESE)) {
                case "citizen", "công dân", "cong dan", "người dân" -> Contribution.Kind.CITIZEN;
                case "organisation", "organization", "tổ chức", "to chuc" -> Contribution.Kind.ORGANISATION;
                default -> null;
            };
        }
    }
}
