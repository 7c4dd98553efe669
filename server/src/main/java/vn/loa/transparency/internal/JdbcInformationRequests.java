package vn.loa.transparency.internal;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.calendar.CalendarEvent;
import vn.loa.calendar.Deadlines;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.DueDateText;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.AgencySigners.Signer;
import vn.loa.identity.IdentityEvent;
import vn.loa.identity.IssuingBody;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.platform.OfficialLetter;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.MessagePart;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;
import vn.loa.transparency.NoticeMeans;
import vn.loa.transparency.RefusalGround;
import vn.loa.transparency.RequestAction;
import vn.loa.transparency.RequestStatus;
import vn.loa.transparency.TransparencyEvent;

/** Information requests on PostgreSQL, their deadlines on the calendar. */
@Service
class JdbcInformationRequests implements InformationRequests {

    private static final Logger log = LoggerFactory.getLogger(JdbcInformationRequests.class);
    static final String OWNER = "information-request";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Spaces, full stops and hyphens people type inside an identity number: not part of it. */
    private static final Pattern ID_SEPARATORS = Pattern.compile("[\\s.\\-]");
    /** A citizen identity card (12 digits), an old identity card (9), or a passport (letters and digits, 6 to 12). */
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}|\\d{9}|(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\\d)[A-Z0-9]{6,12}");
    private static final Duration LINK_LIFETIME = Duration.ofDays(7);
    /** The most an answer's e-mail carries; larger files go by the one-time link. */
    private static final long MAIL_MAX_BYTES = 20L * 1024 * 1024;
    static final int TEXT_MAX = 5000;
    /** The 2016 law as the sources of its time limits name it. */
    private static final String LAW_2016 = "Luật Tiếp cận thông tin 2016";

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final WorkingDays calendar;
    private final DueDateText dueText;
    private final AgencyDirectory agencies;
    private final AgencySigners signers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProvinceSettings province;
    private final ObjectProvider<JavaMailSender> mail;
    private final String mailFrom;
    private final String baseUrl;
    private final Users users;
    private final MessageSource messages;
    private final AnswerFiles files;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcInformationRequests(JdbcClient jdbc, Deadlines deadlines, WorkingDays calendar, DueDateText dueText,
            AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock, ProvinceSettings province,
            ObjectProvider<JavaMailSender> mail, @Value("${loa.alerts.mail-from:loa@localhost}") String mailFrom,
            @Value("${loa.alerts.base-url}") String baseUrl, Users users, MessageSource messages, AnswerFiles files,
            AgencySigners signers) {
        this.signers = signers;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.dueText = dueText;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
        this.province = province;
        this.mail = mail;
        this.mailFrom = mailFrom;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.users = users;
        this.messages = messages;
        this.files = files;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    // ---- intake ----

    @Override
    public List<InvalidInput> problems(Submission s) {
        List<InvalidInput> problems = new ArrayList<>();
        if (s.channel() == null) {
            problems.add(new InvalidInput("channel", "transparency.error.channel"));
        }
        Instant now = clock.instant();
        if (s.receivedAt() == null) {
            problems.add(new InvalidInput("receivedAt", "transparency.error.received-missing"));
        } else if (s.receivedAt().toInstant().isAfter(now.plusSeconds(60))) {
            problems.add(new InvalidInput("receivedAt", "transparency.error.received-future"));
        } else if (s.receivedAt().toInstant().isBefore(java.time.OffsetDateTime.parse("2018-07-01T00:00:00+07:00").toInstant())) {
            problems.add(new InvalidInput("receivedAt", "transparency.error.received-before-law"));
        }
        Agency agency = s.agencyCode() == null || s.agencyCode().isBlank() ? null
                : agencies.findByCode(s.agencyCode().strip(), today()).orElse(null);
        if (agency == null) {
            problems.add(new InvalidInput("agencyCode", "transparency.error.agency"));
        }
        Requester r = s.requester() == null ? new Requester(null, null, null, null, null) : s.requester();
        String name = text(r.name());
        if (name == null || name.length() > 200) {
            problems.add(new InvalidInput("requester.name", "transparency.error.name"));
        }
        String email = text(r.email());
        String phone = text(r.phone());
        // a request on paper (by post, fax or at the office) is answered on paper at its address, which it must give;
        // one sent over a network needs an address of the network to be answered at
        boolean onPaper = s.channel() == Channel.POST || s.channel() == Channel.FAX || s.channel() == Channel.IN_PERSON;
        if (email == null && phone == null && !onPaper) {
            problems.add(new InvalidInput("requester.contact", "transparency.error.contact"));
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            problems.add(new InvalidInput("requester.email", "transparency.error.email"));
        }
        if (phone != null && (phone.length() > 30 || !phone.matches("[+0-9 .()-]{6,30}"))) {
            problems.add(new InvalidInput("requester.phone", "transparency.error.phone"));
        }
        String address = text(r.address());
        if (address == null || address.length() > 500) {
            problems.add(new InvalidInput("requester.address", "transparency.error.address"));
        }
        String idNumber = text(r.idNumber());
        if (idNumber != null && !identityNumber(idNumber)) {
            problems.add(new InvalidInput("requester.idNumber", "transparency.error.id-number"));
        }
        String description = text(s.description());
        if (description == null || description.length() < 10 || description.length() > TEXT_MAX) {
            problems.add(new InvalidInput("description", "transparency.error.description", TEXT_MAX));
        }
        String purpose = text(s.purpose());
        if (purpose != null && purpose.length() > 1000) {
            problems.add(new InvalidInput("purpose", "transparency.error.purpose"));
        }
        String delivery = text(s.deliveryForm());
        if (delivery != null && delivery.length() > 200) {
            problems.add(new InvalidInput("deliveryForm", "transparency.error.delivery-form"));
        }
        if (s.scan() != null && s.scan().length > 10 * 1024 * 1024) {
            problems.add(new InvalidInput("scan", "transparency.error.scan"));
        }
        return problems;
    }

    @Override
    @Transactional
    public InformationRequest submit(Submission s, SignedInUser by) {
        InvalidInput.throwIfAny(problems(s));
        Instant now = clock.instant();
        Agency agency = agencies.findByCode(s.agencyCode().strip(), today()).orElseThrow();
        Requester r = s.requester();
        String name = text(r.name());
        String email = text(r.email());
        String phone = text(r.phone());
        String address = text(r.address());
        String idNumber = text(r.idNumber());
        String description = text(s.description());
        String purpose = text(s.purpose());
        String delivery = text(s.deliveryForm());
        if (by != null && !mayAct(by, agency.code())) {
            // an officer enters requests for their own agency; the portal (by == null) for any
            throw new InvalidInput("agencyCode", "transparency.error.agency-not-yours");
        }
        boolean complex = Boolean.TRUE.equals(s.complex());
        LocalDate received = LocalDate.ofInstant(s.receivedAt().toInstant(), LocalTime.ZONE);
        TimeLimit limit = timeLimit(s.channel(), complex, received);
        Actor actor = by == null ? new Actor("portal", null) : by.actor();
        long id = jdbc.sql("""
                INSERT INTO information_request (agency_code, channel, received_at, complex, requester_name, requester_id_number,
                    requester_email, requester_phone, requester_address, description, purpose, delivery_form, status,
                    time_limit_id, complete_on, scan_name, scan, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(agency.code(), s.channel().name(), Timestamp.from(s.receivedAt().toInstant()), complex, name, idNumber,
                        email, phone, address, description, purpose, delivery, limit.id(), Date.valueOf(received),
                        s.scan() == null ? null : text(s.scanName()), s.scan(), actor.username(), Timestamp.from(now))
                .query(Long.class).single();
        startClock(id, agency.code(), received, limit, actor);
        List<Long> repeats = jdbc.sql("""
                SELECT id FROM information_request
                WHERE status = 'PROVIDED' AND agency_code = ? AND id <> ? AND lower(requester_name) = lower(?)
                  AND (requester_id_number = ? OR lower(requester_email) = lower(?) OR requester_phone = ?)
                  AND lower(regexp_replace(description, '\\s+', ' ', 'g')) = lower(regexp_replace(?, '\\s+', ' ', 'g'))
                ORDER BY id""").params(agency.code(), id, name, idNumber, email, phone, description)
                .query(Long.class).list();
        if (repeats.size() >= 2) {
            jdbc.sql("UPDATE information_request SET repeat_of = ? WHERE id = ?")
                    .params(repeats.toArray(Long[]::new), id).update();
        }
        history(id, "RECEIVED", null, RequestStatus.ACCEPTED, actor, null);
        events.publishEvent(new TransparencyEvent.RequestReceived(actor, id, agency.code(), s.channel(), "ACCEPTED"));
        return load(id);
    }

    private record TimeLimit(long id, int answerDays, Integer noticeDays, int extensionDays, String source) {

        /** The law the limits come from, as notices cite it: the source up to its first comma. */
        String law() {
            return TimeLimitRule.lawOf(source);
        }
    }

    /** The row of the time-limit table in force on the day the request was received. */
    private TimeLimit timeLimit(Channel channel, boolean complex, LocalDate on) {
        return jdbc.sql("""
                SELECT id, answer_days, notice_days, extension_days, source FROM access_time_limit
                WHERE channel = ? AND complex = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY valid_from DESC LIMIT 1""").params(channel.name(), complex, Date.valueOf(on), Date.valueOf(on))
                .query((rs, n) -> new TimeLimit(rs.getLong(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getInt(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> new InvalidInput("receivedAt", "transparency.error.no-time-limit"));
    }

    private void startClock(long id, String agency, LocalDate from, TimeLimit limit, Actor by) {
        Deadlines.Deadline deadline = deadlines.start(OWNER, String.valueOf(id), agency, from, limit.answerDays(),
                PeriodUnit.WORKING_DAYS, by);
        jdbc.sql("UPDATE information_request SET deadline_id = ?, due_date = ?, time_limit_id = ? WHERE id = ?")
                .params(deadline.id(), Date.valueOf(deadline.due().date()), limit.id(), id).update();
    }

    private void stopClock(Row row, Actor by) {
        if (row.deadlineId() != null) {
            deadlines.stop(row.deadlineId(), by);
        }
    }

    /** A day off entered or withdrawn moved a request's deadline: its due date follows. */
    @EventListener
    void deadlineMoved(CalendarEvent.DeadlineMoved moved) {
        if (OWNER.equals(moved.ownerType())) {
            jdbc.sql("UPDATE information_request SET due_date = ? WHERE id = ? AND deadline_id = ?")
                    .params(Date.valueOf(moved.to()), Long.parseLong(moved.ownerId()), moved.deadlineId()).update();
            // the calendar's change is kept as its message key, read in the reader's language (remarks of the key
            // "transparency.remark.moved", written before, hold it in Vietnamese)
            long id = Long.parseLong(moved.ownerId());
            List<MessagePart> remarks = new ArrayList<>(List.of(MessagePart.of("transparency.remark.deadline-moved",
                    LocalTime.format(moved.from()), LocalTime.format(moved.to())), moved.change()));
            // the requester holds a notice of extension (form 04) that names the day before the move: the desk is told to
            // write to them again, as an extension is notified in writing (Art. 31)
            if (keptNotice(id, NoticeForm.EXTENSION).isPresent()) {
                remarks.add(MessagePart.of("transparency.remark.extension-notice-stale", LocalTime.format(moved.from()),
                        LocalTime.format(moved.to())));
            }
            history(id, "DEADLINE_MOVED", null, statusOf(id), moved.by(), null, remarks);
        }
    }

    private RequestStatus statusOf(long id) {
        return RequestStatus.valueOf(jdbc.sql("SELECT status FROM information_request WHERE id = ?").param(id)
                .query(String.class).single());
    }

    // ---- the desk ----

    @Override
    public Page<InformationRequest> list(Filter filter, PageRequest page, SignedInUser user) {
        if (!maySeeAny(user)) {
            return new Page<>(List.of(), page, 0);
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (!seesAll(user)) {
            where.append(" AND agency_code = ?");
            params.add(user.agencyCode());
        } else if (filter.agencyCode() != null && !filter.agencyCode().isBlank()) {
            where.append(" AND agency_code = ?");
            params.add(filter.agencyCode().strip());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (Boolean.TRUE.equals(filter.open())) {
            where.append(" AND status IN ('NEEDS_COMPLETION', 'ACCEPTED', 'IN_PROGRESS', 'EXTENDED')");
        }
        long total = jdbc.sql("SELECT count(*) FROM information_request" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<Row> rows = jdbc.sql("SELECT * FROM information_request" + where + "\n" + """
                 ORDER BY (status IN ('NEEDS_COMPLETION', 'ACCEPTED', 'IN_PROGRESS', 'EXTENDED')) DESC,
                          due_date NULLS LAST, id DESC LIMIT ? OFFSET ?""").params(pageParams)
                .query(JdbcInformationRequests::row).list();
        // a list gives each due date without its explanation (one deadline read less per row); one request gives both
        return new Page<>(rows.stream().map(row -> request(row, false)).toList(), page, total);
    }

    @Override
    public boolean readsAny(SignedInUser user) {
        return maySeeAny(user);
    }

    @Override
    public List<DueItem> dueBy(LocalDate until, int limit, SignedInUser user) {
        if (!maySeeAny(user)) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(until)));
        String scope = "";
        if (!seesAll(user)) {
            scope = " AND agency_code = ?";
            params.add(user.agencyCode());
        }
        int max = Math.max(1, Math.min(limit, 500));
        params.add(max);
        List<DueItem> due = new ArrayList<>(jdbc.sql("""
                SELECT id, agency_code, description, due_date FROM information_request
                WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'EXTENDED') AND due_date <= ?""" + scope
                + " ORDER BY due_date, id LIMIT ?").params(params)
                .query((rs, n) -> new DueItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        false))
                .list());
        // the notice of handling of a complex request has a deadline of its own, before the answer's
        for (NoticeDue notice : noticesUnsent(seesAll(user) ? null : user.agencyCode())) {
            if (!notice.due().isAfter(until)) {
                Row row = notice.row();
                due.add(new DueItem(row.id(), row.agencyCode(), row.description(), notice.due(), true));
            }
        }
        return due.stream().sorted(Comparator.comparing(DueItem::dueDate).thenComparing(DueItem::id)
                .thenComparing(DueItem::notice, Comparator.reverseOrder())).limit(max).toList();
    }

    /** An open complex request whose notice of handling is not recorded as sent, and the notice's last day. */
    private record NoticeDue(Row row, LocalDate due) {
    }

    /**
     * The open complex requests (of the agency, or all when null) whose clock runs and whose notice of handling is not
     * recorded as sent, with the notice's last day; few at any time, so the day is counted here as the page counts it.
     */
    private List<NoticeDue> noticesUnsent(String agencyCode) {
        List<Object> params = new ArrayList<>();
        String scope = "";
        if (agencyCode != null) {
            scope = " AND agency_code = ?";
            params.add(agencyCode);
        }
        List<NoticeDue> unsent = new ArrayList<>();
        for (Row row : jdbc.sql("""
                SELECT * FROM information_request WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'EXTENDED') AND complex
                  AND notice_sent_at IS NULL AND complete_on IS NOT NULL""" + scope + " ORDER BY id")
                .params(params).query(JdbcInformationRequests::row).list()) {
            LocalDate due = noticeDue(row);
            if (due != null) {
                unsent.add(new NoticeDue(row, due));
            }
        }
        return unsent;
    }

    @Override
    public InformationRequest get(long id, SignedInUser user) {
        return request(visible(id, user));
    }

    @Override
    public List<HistoryEntry> history(long id, SignedInUser user) {
        visible(id, user);
        Locale reader = Languages.reader();
        return jdbc.sql("""
                SELECT action, from_status, to_status, actor, occurred_at, note, remarks FROM information_request_history
                WHERE request_id = ? ORDER BY id""")
                .param(id).query((rs, n) -> new HistoryEntry(rs.getString(1),
                        rs.getString(2) == null ? null : RequestStatus.valueOf(rs.getString(2)),
                        RequestStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        remarkText(rs.getString(7), reader)))
                .list();
    }

    @Override
    @Transactional
    public Outcome act(long id, Transition t, List<NewFile> uploads, SignedInUser user) {
        List<NewFile> attached = chosen(uploads);
        Row row = visible(id, user);
        if (!mayAct(user, row.agencyCode())) {
            throw new NotFound("information request", id);
        }
        jdbc.sql("SELECT id FROM information_request WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
        row = find(id);
        if (t == null || t.action() == null) {
            throw new InvalidInput("action", "transparency.error.action");
        }
        RequestAction action = t.action();
        if (!attached.isEmpty() && action != RequestAction.PROVIDE) {
            throw new InvalidInput("files", "transparency.error.files-provide-only");
        }
        if (action == RequestAction.EXTEND && row.status() == RequestStatus.EXTENDED) {
            throw new Conflict("transparency.error.extended-once");
        }
        if (action == RequestAction.RECORD_NOTICE && row.noticeSentAt() != null) {
            // a page opened before someone else recorded it
            throw new Conflict("transparency.error.notice-recorded", LocalTime.format(row.noticeSentAt()));
        }
        if (!action.allowedFrom(row.status())) {
            // the action and the status by their names in the reader's language, not their codes
            throw new Conflict("transparency.error.not-allowed",
                    new DefaultMessageSourceResolvable("transparency.action." + action.name()),
                    new DefaultMessageSourceResolvable("transparency.status." + row.status().name()));
        }
        String note = text(t.note());
        if (note != null && note.length() > TEXT_MAX) {
            throw new InvalidInput("note", "transparency.error.note", TEXT_MAX);
        }
        Actor actor = user.actor();
        RequestStatus to = action.to(row.status());
        String downloadPath = null;
        boolean mailed = true;
        List<MessagePart> remarks = new ArrayList<>();
        switch (action) {
            case ASK_COMPLETION -> {
                if (note == null) {
                    throw new InvalidInput("note", "transparency.error.missing-what");
                }
                stopClock(row, actor);
                jdbc.sql("UPDATE information_request SET status = ?, due_date = NULL, deadline_id = NULL WHERE id = ?")
                        .params(to.name(), id).update();
                if (row.requesterEmail() != null) {
                    // the requester is asked to complete it (Law on Access to Information, Art. 24-25)
                    remarks.add(mail(List.of(row.requesterEmail()), "Đề nghị bổ sung yêu cầu cung cấp thông tin số " + id,
                            "Kính gửi " + row.requesterName() + ",\n\nYêu cầu cung cấp thông tin số " + id + " nhận ngày "
                                    + LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE))
                                    + " chưa đủ để giải quyết. Đề nghị bổ sung: " + note
                                    + "\n\nThời hạn giải quyết được tính từ ngày yêu cầu được bổ sung đầy đủ.\n", null));
                }
            }
            case COMPLETE -> {
                LocalDate today = today();
                TimeLimit limit = timeLimit(row.channel(), row.complex(), LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE));
                jdbc.sql("UPDATE information_request SET status = ?, complete_on = ? WHERE id = ?")
                        .params(to.name(), Date.valueOf(today), id).update();
                startClock(id, row.agencyCode(), today, limit, actor);
            }
            case START -> jdbc.sql("UPDATE information_request SET status = ? WHERE id = ?").params(to.name(), id).update();
            case MARK_COMPLEX -> {
                if (row.complex()) {
                    throw new Conflict("transparency.error.already-complex");
                }
                TimeLimit limit = timeLimit(row.channel(), true, LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE));
                LocalDate noticeBy = calendar.add(row.completeOn(), limit.noticeDays() == null ? 0 : limit.noticeDays(),
                        PeriodUnit.WORKING_DAYS, row.agencyCode()).date();
                if (today().isAfter(noticeBy)) {
                    throw new Conflict("transparency.error.complex-too-late", LocalTime.format(noticeBy));
                }
                stopClock(row, actor);
                jdbc.sql("UPDATE information_request SET complex = true WHERE id = ?").param(id).update();
                startClock(id, row.agencyCode(), row.completeOn(), limit, actor);
            }
            case RECORD_NOTICE -> {
                if (!row.complex()) {
                    throw new Conflict("transparency.error.notice-not-complex");
                }
                Instant now = clock.instant();
                Instant sent = t.noticeSentAt() == null ? now : t.noticeSentAt().toInstant();
                List<InvalidInput> problems = new ArrayList<>();
                if (sent.isAfter(now.plusSeconds(60))) {
                    problems.add(new InvalidInput("noticeSentAt", "transparency.error.notice-sent-future"));
                } else if (sent.truncatedTo(ChronoUnit.MINUTES).isBefore(row.receivedAt().truncatedTo(ChronoUnit.MINUTES))) {
                    // the form gives minutes: a notice sent in the minute the request came is not before it
                    problems.add(new InvalidInput("noticeSentAt", "transparency.error.notice-sent-before-received",
                            LocalTime.format(row.receivedAt())));
                }
                if (t.noticeMeans() == null) {
                    problems.add(new InvalidInput("noticeMeans", "transparency.error.notice-means"));
                }
                try {
                    signer(row, t.signerId());
                } catch (InvalidInput wrongSigner) {
                    problems.add(wrongSigner);
                }
                InvalidInput.throwIfAny(problems);
                jdbc.sql("UPDATE information_request SET notice_sent_at = ?, notice_means = ? WHERE id = ?")
                        .params(Timestamp.from(sent), t.noticeMeans().name(), id).update();
                // the notice says from now on what it said when it was sent
                issued(find(id), NoticeForm.HANDLING, actor, t.signerId());
            }
            case EXTEND -> {
                if (row.extended()) {
                    throw new Conflict("transparency.error.extended-once");
                }
                TimeLimit limit = timeLimitById(row.timeLimitId());
                if (t.days() == null || t.days() < 1 || t.days() > limit.extensionDays()) {
                    throw new InvalidInput("days", "transparency.error.extension-days", limit.extensionDays());
                }
                if (note == null) {
                    throw new InvalidInput("note", "transparency.error.extension-reason");
                }
                if (row.dueDate() != null && today().isAfter(row.dueDate())) {
                    throw new Conflict("transparency.error.extension-late", LocalTime.format(row.dueDate()));
                }
                // "tối đa không quá 15 ngày": counted as calendar days, from the day after the old due date, and a
                // period ending on a day off ends on the next working day (Civil Code Art. 148); the extension follows
                // the old due date as the calendar makes it, so a day off entered or withdrawn later moves both
                Deadlines.Deadline extended = row.deadlineId() == null
                        ? deadlines.start(OWNER, String.valueOf(id), row.agencyCode(), row.dueDate(), t.days(),
                                PeriodUnit.CALENDAR_DAYS, actor)
                        : deadlines.extend(row.deadlineId(), t.days(), PeriodUnit.CALENDAR_DAYS, actor);
                jdbc.sql("UPDATE information_request SET status = ?, extended = true, deadline_id = ?, due_date = ? WHERE id = ?")
                        .params(to.name(), extended.id(), Date.valueOf(extended.due().date()), id).update();
            }
            case ASK_CONSENT -> {
                String party = text(t.thirdParty());
                if (party == null || party.length() > 300) {
                    throw new InvalidInput("thirdParty", "transparency.error.third-party");
                }
                jdbc.sql("UPDATE information_request SET consent_party = ?, consent_status = 'REQUESTED' WHERE id = ?")
                        .params(party, id).update();
                note = join(party, note);
            }
            case RECORD_CONSENT -> {
                if (!"REQUESTED".equals(row.consentStatus())) {
                    throw new Conflict("transparency.error.no-consent-asked");
                }
                if (t.consentGiven() == null) {
                    throw new InvalidInput("consentGiven", "transparency.error.consent-answer");
                }
                String answer = t.consentGiven() ? "GIVEN" : "REFUSED";
                jdbc.sql("UPDATE information_request SET consent_status = ? WHERE id = ?").params(answer, id).update();
                remarks.add(MessagePart.of(t.consentGiven() ? "transparency.remark.consent-given" : "transparency.remark.consent-refused"));
            }
            case PROVIDE -> {
                // the signer chosen must be the agency's: refused before anything changes
                signer(row, t.signerId());
                if ("REQUESTED".equals(row.consentStatus())) {
                    throw new Conflict("transparency.error.awaiting-consent", row.consentParty());
                }
                if (!Boolean.TRUE.equals(t.reviewed())) {
                    throw new InvalidInput("reviewed", "transparency.error.reviewed");
                }
                String answer = text(t.answer());
                if (answer == null || answer.length() > TEXT_MAX * 4) {
                    throw new InvalidInput("answer", "transparency.error.answer", TEXT_MAX * 4);
                }
                if (t.costVnd() != null && (t.costVnd() < 0 || t.costVnd() > 1_000_000_000L)) {
                    throw new InvalidInput("costVnd", "transparency.error.cost");
                }
                String delivery = t.delivery() == null ? "LINK" : t.delivery().strip().toUpperCase(Locale.ROOT);
                if (!delivery.equals("LINK") && !delivery.equals("EMAIL")) {
                    throw new InvalidInput("delivery", "transparency.error.delivery");
                }
                if (delivery.equals("EMAIL") && row.requesterEmail() == null) {
                    throw new InvalidInput("delivery", "transparency.error.no-email");
                }
                files.check(attached, files.count(id));
                stopClock(row, actor);
                jdbc.sql("""
                        UPDATE information_request SET status = ?, answer = ?, partial = ?, cost_vnd = ?, publish_consent = ?,
                            due_date = due_date WHERE id = ?""")
                        .params(to.name(), answer, Boolean.TRUE.equals(t.partial()), t.costVnd(),
                                Boolean.TRUE.equals(t.publishConsent()), id).update();
                Row answered = find(id);
                if (!attached.isEmpty()) {
                    files.store(id, attached, actor.username(), clock.instant());
                    remarks.add(MessagePart.of("transparency.remark.files-kept", attached.size(), fileNames(attached)));
                }
                // the letter is issued now, dated the day of the answer, and says that from then on wherever it is fetched
                issued(answered, NoticeForm.ANSWER, actor, t.signerId());
                List<Document> attachedToMail = delivery.equals("EMAIL") ? answerBundle(answered, actor) : List.of();
                boolean tooLarge = attachedToMail.stream().mapToLong(d -> d.content().length).sum() > MAIL_MAX_BYTES;
                if (tooLarge) {
                    // a mailbox refuses a large message: the letter goes attached, the files by the one-time link
                    attachedToMail = attachedToMail.subList(0, 1);
                }
                // no address: nothing reaches the requester by e-mail
                mailed = row.requesterEmail() != null;
                if (delivery.equals("LINK") || tooLarge) {
                    downloadPath = "/public/access-to-information/download/" + newLink(id);
                    remarks.add(MessagePart.of("transparency.remark.link-made"));
                }
                if (row.requesterEmail() != null) {
                    StringBuilder body = new StringBuilder("Kính gửi " + row.requesterName() + ",\n\n")
                            .append("Cơ quan đã trả lời yêu cầu cung cấp thông tin số ").append(id).append(" nhận ngày ")
                            .append(LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE))).append(".\n");
                    if (!attachedToMail.isEmpty()) {
                        body.append(attachedToMail.size() == 1 ? "Văn bản trả lời được gửi kèm thư này.\n"
                                : "Văn bản trả lời và " + (attachedToMail.size() - 1) + " tệp kèm theo được gửi kèm thư này.\n");
                    }
                    if (downloadPath != null) {
                        body.append(tooLarge ? "Các tệp kèm theo quá lớn để gửi qua thư; tải văn bản trả lời và các tệp"
                                + " (dùng được một lần, trong 7 ngày): " : "Tải văn bản trả lời (dùng được một lần, trong 7 ngày): ")
                                .append(baseUrl).append(downloadPath).append("\n");
                    }
                    if (hasFollowUp(id)) {
                        body.append("Ông/Bà cũng tải được văn bản trả lời trên trang theo dõi yêu cầu với số yêu cầu và mã theo"
                                + " dõi: ").append(baseUrl).append("/public/access-to-information/status?number=").append(id)
                                .append("\n");
                    }
                    MessagePart sent = mailWith(List.of(row.requesterEmail()), "Trả lời yêu cầu cung cấp thông tin số " + id,
                            body.toString(), attachedToMail);
                    remarks.add(sent);
                    mailed = sent.equals(MessagePart.of("transparency.remark.mail-sent", 1, 1));
                }
            }
            case REFUSE -> {
                if (t.refusalGround() == null) {
                    throw new InvalidInput("refusalGround", "transparency.error.ground");
                }
                if (note == null) {
                    throw new InvalidInput("note", "transparency.error.refusal-reason");
                }
                stopClock(row, actor);
                jdbc.sql("UPDATE information_request SET status = ?, refusal_ground = ? WHERE id = ?")
                        .params(to.name(), t.refusalGround().name(), id).update();
            }
            case TRANSFER -> {
                String target = text(t.transferTo());
                if (target == null || target.length() > 300) {
                    throw new InvalidInput("transferTo", "transparency.error.transfer");
                }
                // an agency of Loa by its code or its name as the directory writes it; anything else is a body outside
                Optional<Agency> known = agencies.findByCode(target, today()).or(() -> agencies.validOn(today()).stream()
                        .filter(a -> a.nameVi().equalsIgnoreCase(target)).findFirst());
                if (known.isPresent() && known.get().code().equals(row.agencyCode())) {
                    throw new InvalidInput("transferTo", "transparency.error.transfer-self");
                }
                stopClock(row, actor);
                jdbc.sql("UPDATE information_request SET status = ?, transferred_to = ? WHERE id = ?")
                        .params(to.name(), known.map(Agency::code).orElse(target), id).update();
                String from = agencies.findByCode(row.agencyCode(), today()).map(Agency::nameVi).orElse(row.agencyCode());
                String toName = known.map(Agency::nameVi).orElse(target);
                Long received = null;
                if (known.isPresent()) {
                    received = receiveTransferred(row, known.get(), actor);
                    remarks.add(MessagePart.of("transparency.remark.transferred-as", received, AGENCY_ARG + known.get().code()));
                }
                if (row.requesterEmail() != null) {
                    // the requester is told in writing where the request went (Law on Access to Information, Art. 28)
                    String what = received == null
                            ? "Thông tin Ông/Bà yêu cầu không thuộc trách nhiệm cung cấp của " + from + ". Đề nghị Ông/Bà gửi"
                                    + " yêu cầu đến " + toName + "."
                            : "Thông tin Ông/Bà yêu cầu không thuộc trách nhiệm cung cấp của " + from + ". Yêu cầu đã được"
                                    + " chuyển đến " + toName + " và được nhận là yêu cầu số " + received + " ngày "
                                    + LocalTime.format(today()) + "; thời hạn giải quyết tính từ ngày này, hạn trả lời "
                                    + LocalTime.format(find(received).dueDate()) + ".";
                    remarks.add(mail(List.of(row.requesterEmail()), "Chuyển yêu cầu cung cấp thông tin số " + id,
                            "Kính gửi " + row.requesterName() + ",\n\nYêu cầu cung cấp thông tin số " + id + " nhận ngày "
                                    + LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE)) + ".\n"
                                    + what + "\n", null));
                }
            }
            case WITHDRAW -> {
                if (note == null) {
                    // a withdrawal ends the agency's duty: the desk keeps how the requester withdrew
                    throw new InvalidInput("note", "transparency.error.withdrawal-how");
                }
                stopClock(row, actor);
                jdbc.sql("UPDATE information_request SET status = ? WHERE id = ?").params(to.name(), id).update();
                if (row.dueDate() != null && today().isAfter(row.dueDate())) {
                    // still counted late in the figures: the request was overdue when it ended
                    remarks.add(MessagePart.of("transparency.remark.withdrawn-late", LocalTime.format(row.dueDate())));
                }
                if (row.requesterEmail() != null) {
                    remarks.add(mail(List.of(row.requesterEmail()), "Rút yêu cầu cung cấp thông tin số " + id,
                            "Kính gửi " + row.requesterName() + ",\n\n" + agencyName(row.agencyCode())
                                    + " đã ghi nhận việc Ông/Bà rút yêu cầu cung cấp thông tin số " + id + " nhận ngày "
                                    + LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE)) + ": \""
                                    + row.description() + "\".\n\nGhi nhận của cơ quan: " + note
                                    + "\n\nNếu Ông/Bà không rút yêu cầu này, xin báo lại ngay cho cơ quan.\n", null));
                }
            }
        }
        history(id, action.name(), row.status(), to, actor, note, remarks);
        events.publishEvent(new TransparencyEvent.RequestActed(actor, id, row.agencyCode(), action, row.status(), to));
        return new Outcome(load(id), downloadPath, mailed);
    }

    /**
     * A request transferred to another agency of Loa becomes that agency's request, received now: the same requester,
     * channel, text and scan, the clock of a new request from today (the time limit in force today), to be read as
     * simple or complex by the agency that now holds it. Its desk and home page show it as any request received.
     */
    private long receiveTransferred(Row row, Agency agency, Actor actor) {
        LocalDate today = today();
        TimeLimit limit = timeLimit(row.channel(), false, today);
        long received = jdbc.sql("""
                INSERT INTO information_request (agency_code, channel, received_at, complex, requester_name, requester_id_number,
                    requester_email, requester_phone, requester_address, description, purpose, delivery_form, status,
                    time_limit_id, complete_on, scan_name, scan, created_by, created_at, transferred_from)
                SELECT ?, channel, ?, false, requester_name, requester_id_number, requester_email, requester_phone,
                    requester_address, description, purpose, delivery_form, 'ACCEPTED', ?, ?, scan_name, scan, ?, ?, id
                FROM information_request WHERE id = ? RETURNING id""")
                .params(agency.code(), Timestamp.from(clock.instant()), limit.id(), Date.valueOf(today), actor.username(),
                        Timestamp.from(clock.instant()), row.id())
                .query(Long.class).single();
        startClock(received, agency.code(), today, limit, actor);
        // the requester follows it at its new number with the code they were given for the first
        jdbc.sql("""
                INSERT INTO information_request_follow_up (request_id, code_hash, created_at)
                SELECT ?, code_hash, ? FROM information_request_follow_up WHERE request_id = ?""")
                .params(received, Timestamp.from(clock.instant()), row.id()).update();
        history(received, "RECEIVED", null, RequestStatus.ACCEPTED, actor, null,
                List.of(MessagePart.of("transparency.remark.transferred-from", AGENCY_ARG + row.agencyCode(), row.id())));
        events.publishEvent(new TransparencyEvent.RequestReceived(actor, received, agency.code(), row.channel(), "ACCEPTED"));
        return received;
    }

    /** A row's days and source never change once entered (a later law is a new row), so they are kept. */
    private final Map<Long, TimeLimit> timeLimits = new java.util.concurrent.ConcurrentHashMap<>();

    private TimeLimit timeLimitById(long id) {
        TimeLimit kept = timeLimits.get(id);
        if (kept != null) {
            return kept;
        }
        TimeLimit read = readTimeLimit(id);
        timeLimits.put(id, read);
        return read;
    }

    private TimeLimit readTimeLimit(long id) {
        return jdbc.sql("SELECT id, answer_days, notice_days, extension_days, source FROM access_time_limit WHERE id = ?")
                .param(id).query((rs, n) -> new TimeLimit(rs.getLong(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getInt(4),
                        rs.getString(5))).single();
    }

    private static String join(String note, String more) {
        return note == null ? more : note + " · " + more;
    }

    // ---- delivery ----

    private String newLink(long id) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("INSERT INTO information_download (token_hash, request_id, expires_at) VALUES (?, ?, ?)")
                .params(sha256(token), id, Timestamp.from(clock.instant().plus(LINK_LIFETIME))).update();
        return token;
    }

    @Override
    @Transactional
    public Document download(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            throw new NotFound("download", "?");
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long requestId = jdbc.sql("""
                UPDATE information_download SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND replaced_at IS NULL AND expires_at > ?
                RETURNING request_id""").params(now, sha256(token), now).query(Long.class).optional()
                .orElseThrow(() -> new NotFound("download", "?"));
        Row row = find(requestId);
        history(requestId, "ANSWER_DOWNLOADED", row.status(), row.status(), new Actor("portal", null), null);
        List<Document> bundle = answerBundle(row, new Actor("portal", null));
        if (bundle.size() == 1) {
            return bundle.getFirst();
        }
        // the letter and its files in one download: the link is used once
        return new Document("tra-loi-" + requestId + ".zip", AnswerFiles.zip(bundle.stream()
                .map(d -> new Delivered(d.fileName(), null, d.content())).toList()));
    }

    /** The answer letter as it was issued, then the files kept with it. */
    private List<Document> answerBundle(Row row, Actor by) {
        List<Document> bundle = new ArrayList<>();
        bundle.add(issued(row, NoticeForm.ANSWER, by));
        files.all(row.id()).forEach(f -> bundle.add(new Document(f.fileName(), f.content())));
        return bundle;
    }

    /** The files a form or a call really chose: an empty file input sends a part with no name and no bytes. */
    private static List<NewFile> chosen(List<NewFile> uploads) {
        return uploads == null ? List.of() : uploads.stream().filter(f -> f != null
                && (f.content() != null && f.content().length > 0 || f.fileName() != null && !f.fileName().isBlank()))
                .toList();
    }

    private static String fileNames(List<NewFile> uploaded) {
        return String.join(", ", uploaded.stream().map(f -> vn.loa.shared.UploadedFiles.safeName(f.fileName())).toList());
    }

    private boolean hasFollowUp(long id) {
        return jdbc.sql("SELECT count(*) FROM information_request_follow_up WHERE request_id = ?").param(id)
                .query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public List<AnswerFile> attachToAnswer(long id, List<NewFile> uploads, SignedInUser user) {
        Row row = visible(id, user);
        if (!mayAct(user, row.agencyCode())) {
            throw new NotFound("information request", id);
        }
        jdbc.sql("SELECT id FROM information_request WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
        row = find(id);
        List<NewFile> added = chosen(uploads);
        if (added.isEmpty()) {
            throw new InvalidInput("files", "transparency.error.files-none");
        }
        if (row.status() != RequestStatus.PROVIDED) {
            throw new Conflict("transparency.error.files-not-provided");
        }
        files.check(added, files.count(id));
        files.store(id, added, user.username(), clock.instant());
        history(id, "FILES_ADDED", row.status(), row.status(), user.actor(), null,
                List.of(MessagePart.of("transparency.remark.files-kept", added.size(), fileNames(added))));
        events.publishEvent(new TransparencyEvent.AnswerFilesAdded(user.actor(), id, row.agencyCode(), added.size()));
        return files.of(id);
    }

    @Override
    public List<AnswerFile> answerFiles(long id, SignedInUser user) {
        return files.of(visible(id, user).id());
    }

    @Override
    public Document answerFile(long id, long fileId, SignedInUser user) {
        Delivered file = files.file(visible(id, user).id(), fileId);
        return new Document(file.fileName(), file.content());
    }

    @Override
    public Reach reach(long id, SignedInUser user) {
        Row row = visible(id, user);
        return new Reach(row.requesterEmail(), mail.getIfAvailable() != null, hasFollowUp(id), row.requesterPhone(),
                row.requesterAddress());
    }

    @Override
    public DownloadLink downloadLink(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            throw new NotFound("download", "?");
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT d.request_id, r.agency_code, d.expires_at, d.used_at, d.replaced_at,
                    (SELECT count(*) FROM information_request_file f WHERE f.request_id = d.request_id) AS files
                FROM information_download d JOIN information_request r ON r.id = d.request_id WHERE d.token_hash = ?""")
                .param(sha256(token)).query((rs, n) -> downloadLink(rs, now)).optional()
                .orElseThrow(() -> new NotFound("download", "?"));
    }

    private static DownloadLink downloadLink(ResultSet rs, Instant now) throws SQLException {
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        Timestamp used = rs.getTimestamp("used_at");
        Timestamp replaced = rs.getTimestamp("replaced_at");
        LinkState state = used != null ? LinkState.USED : replaced != null ? LinkState.REPLACED
                : expires.isAfter(now) ? LinkState.READY : LinkState.EXPIRED;
        return new DownloadLink(rs.getLong("request_id"), rs.getString("agency_code"), state, expires,
                used == null ? null : used.toInstant(), replaced == null ? null : replaced.toInstant(), rs.getInt("files"));
    }

    @Override
    @Transactional
    public String newDownloadLink(long id, SignedInUser user) {
        Row row = visible(id, user);
        if (!mayAct(user, row.agencyCode())) {
            throw new NotFound("information request", id);
        }
        jdbc.sql("SELECT id FROM information_request WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
        row = find(id);
        if (row.status() != RequestStatus.PROVIDED) {
            throw new Conflict("transparency.error.link-not-provided");
        }
        jdbc.sql("UPDATE information_download SET replaced_at = ? WHERE request_id = ? AND used_at IS NULL AND replaced_at IS NULL")
                .params(Timestamp.from(clock.instant()), id).update();
        String path = "/public/access-to-information/download/" + newLink(id);
        List<MessagePart> remarks = new ArrayList<>(List.of(MessagePart.of("transparency.remark.link-renewed")));
        if (row.requesterEmail() != null) {
            remarks.add(mail(List.of(row.requesterEmail()), "Đường dẫn mới tải văn bản trả lời yêu cầu số " + id,
                    "Kính gửi " + row.requesterName() + ",\n\nCơ quan cấp đường dẫn mới để tải văn bản trả lời yêu cầu cung cấp"
                            + " thông tin số " + id + " (dùng được một lần, trong 7 ngày; đường dẫn gửi trước đây không còn"
                            + " dùng được): " + baseUrl + path + "\n", null));
        }
        history(id, "NEW_LINK", row.status(), row.status(), user.actor(), null, remarks);
        events.publishEvent(new TransparencyEvent.DownloadLinkIssued(user.actor(), id, row.agencyCode()));
        return path;
    }

    @Override
    public Optional<DownloadLink> latestDownloadLink(long id, SignedInUser user) {
        visible(id, user);
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT d.request_id, r.agency_code, d.expires_at, d.used_at, d.replaced_at,
                    (SELECT count(*) FROM information_request_file f WHERE f.request_id = d.request_id) AS files
                FROM information_download d JOIN information_request r ON r.id = d.request_id
                WHERE d.request_id = ? ORDER BY d.expires_at DESC LIMIT 1""")
                .param(id).query((rs, n) -> downloadLink(rs, now)).optional();
    }

    // ---- the requester's side ----

    @Override
    public Optional<Long> sentBefore(Submission s, String formToken) {
        if (formToken != null && !formToken.isBlank()) {
            Optional<Long> same = jdbc.sql("SELECT request_id FROM information_request_follow_up WHERE form_token_hash = ?")
                    .param(sha256(formToken.strip())).query(Long.class).optional();
            if (same.isPresent()) {
                return same;
            }
        }
        Requester r = s.requester() == null ? new Requester(null, null, null, null, null) : s.requester();
        String agency = text(s.agencyCode());
        String name = text(r.name());
        String description = text(s.description());
        if (agency == null || name == null || description == null) {
            return Optional.empty();
        }
        String email = text(r.email());
        String phone = text(r.phone());
        return jdbc.sql("""
                SELECT r.id FROM information_request r JOIN information_request_follow_up f ON f.request_id = r.id
                WHERE r.agency_code = ? AND lower(r.requester_name) = lower(?)
                  AND lower(coalesce(r.requester_email, '')) = lower(?) AND coalesce(r.requester_phone, '') = ?
                  AND lower(regexp_replace(r.description, '\\s+', ' ', 'g')) = lower(regexp_replace(?, '\\s+', ' ', 'g'))
                  AND f.created_at >= ?
                ORDER BY r.id DESC LIMIT 1""")
                .params(agency, name, email == null ? "" : email, phone == null ? "" : phone, description,
                        Timestamp.from(clock.instant().minus(SAME_FORM_WINDOW)))
                .query(Long.class).optional();
    }

    @Override
    @Transactional
    public PortalReceipt submitFromPortal(Submission s, String formToken) {
        InformationRequest created = submit(s, null);
        String code = FollowUpCode.next(random);
        jdbc.sql("""
                INSERT INTO information_request_follow_up (request_id, code_hash, form_token_hash, created_at)
                VALUES (?, ?, ?, ?)""")
                .params(created.id(), sha256(FollowUpCode.normalise(code)),
                        formToken == null || formToken.isBlank() ? null : sha256(formToken.strip()),
                        Timestamp.from(clock.instant()))
                .update();
        if (created.requester().email() != null) {
            // the number and the code in the requester's mailbox too, so a closed browser loses neither
            MessagePart sent = mail(List.of(created.requester().email()), "Đã nhận yêu cầu cung cấp thông tin số " + created.id(),
                    "Kính gửi " + created.requester().name() + ",\n\n"
                            + agencies.findByCode(created.agencyCode(), today()).map(Agency::nameVi).orElse(created.agencyCode())
                            + " đã nhận yêu cầu cung cấp thông tin số " + created.id() + " ngày "
                            + LocalTime.format(LocalDate.ofInstant(created.receivedAt(), LocalTime.ZONE)) + ".\n"
                            + (created.dueDate() == null ? "" : "Hạn trả lời: " + LocalTime.format(created.dueDate()) + ".\n")
                            + "Mã theo dõi: " + code + "\n"
                            + "Theo dõi yêu cầu: " + baseUrl + "/public/access-to-information/status?number=" + created.id()
                            + "&code=" + code + "\n\nXin giữ thư này: mã theo dõi không được gửi lại.\n", null);
            history(created.id(), "RECEIPT_MAILED", RequestStatus.ACCEPTED, RequestStatus.ACCEPTED, new Actor("portal", null),
                    null, List.of(sent));
        }
        return new PortalReceipt(created, code);
    }

    @Override
    public FollowUp follow(long id, String code) {
        Row row = followed(id, code);
        LocalDate closedOn = row.status().open() ? null : jdbc.sql("""
                SELECT occurred_at FROM information_request_history
                WHERE request_id = ? AND to_status = ? AND from_status IS DISTINCT FROM to_status ORDER BY id DESC LIMIT 1""")
                .params(id, row.status().name()).query(Timestamp.class).optional()
                .map(at -> LocalDate.ofInstant(at.toInstant(), LocalTime.ZONE)).orElse(null);
        return new FollowUp(row.id(), row.agencyCode(), row.receivedAt(), row.status(),
                row.status().open() ? row.dueDate() : null, row.extended(),
                row.status() == RequestStatus.TRANSFERRED ? row.transferredTo() : null, closedOn,
                row.status() == RequestStatus.TRANSFERRED ? load(id).transferredAs() : null,
                row.status().open() && row.dueDate() != null ? explanation(row, true) : null);
    }

    @Override
    public Document receipt(long id, String code) {
        Row row = followed(id, code);
        if (row.status() == RequestStatus.NEEDS_COMPLETION && row.dueDate() == null) {
            throw new NotFound("notice", NoticeForm.RECEIPT);
        }
        // the receipt the desk issued, when it did; else as it would be issued now, by the agency's default signer
        return keptNotice(row.id(), NoticeForm.RECEIPT)
                .orElseGet(() -> letter(row, NoticeForm.RECEIPT, signer(row, null).orElse(null)));
    }

    @Override
    public List<DeliveredFile> deliveredFiles(long id, String code) {
        Row row = followed(id, code);
        if (row.status() == RequestStatus.REFUSED) {
            // a refusal is an answer in writing too (form 05): the requester without an e-mail gets it here
            // (issued when it is downloaded, not when the page is looked at)
            Optional<Document> refusal = keptNotice(id, NoticeForm.REFUSAL);
            return List.of(new DeliveredFile(null, refusal.map(Document::fileName).orElse("05-thong-bao-tu-choi-" + id + ".docx"),
                    refusal.map(d -> (long) d.content().length).orElse(0L)));
        }
        if (row.status() != RequestStatus.PROVIDED) {
            return List.of();
        }
        List<DeliveredFile> delivered = new ArrayList<>();
        Optional<Document> letter = keptNotice(id, NoticeForm.ANSWER);
        delivered.add(new DeliveredFile(null, letter.map(Document::fileName).orElse("tra-loi-" + id + ".docx"),
                letter.map(d -> (long) d.content().length).orElse(0L)));
        files.of(id).forEach(f -> delivered.add(new DeliveredFile(f.id(), f.fileName(), f.size())));
        return delivered;
    }

    @Override
    @Transactional
    public Delivered fetchAnswer(long id, String code, Long fileId) {
        Row row = followed(id, code);
        boolean refused = row.status() == RequestStatus.REFUSED && fileId == null;
        if (row.status() != RequestStatus.PROVIDED && !refused) {
            throw new NotFound("answer", id);
        }
        Actor requester = new Actor("portal", null);
        Delivered delivered;
        if (refused) {
            Document refusal = issued(row, NoticeForm.REFUSAL, requester);
            delivered = new Delivered(refusal.fileName(), DOCX, refusal.content());
        } else if (fileId == null) {
            Document letter = issued(row, NoticeForm.ANSWER, requester);
            delivered = new Delivered(letter.fileName(), DOCX, letter.content());
        } else {
            delivered = files.file(id, fileId);
        }
        // who (the requester, by the number and the follow-up code), when, and which file, as a one-time link's download
        history(id, "ANSWER_FETCHED", row.status(), row.status(), requester, null,
                List.of(MessagePart.of("transparency.remark.fetched", delivered.fileName())));
        return delivered;
    }

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** The request sent from the portal with that number, when the code is its follow-up code. */
    private Row followed(long id, String code) {
        String typed = FollowUpCode.normalise(code);
        String kept = typed == null ? null : jdbc.sql("SELECT code_hash FROM information_request_follow_up WHERE request_id = ?")
                .param(id).query(String.class).optional().orElse(null);
        if (kept == null || !MessageDigest.isEqual(kept.getBytes(StandardCharsets.US_ASCII),
                sha256(typed).getBytes(StandardCharsets.US_ASCII))) {
            throw new NotFound("information request", id);
        }
        return find(id);
    }

    @Override
    public Optional<TimeLimitRule> timeLimitInForce(Channel channel, boolean complex, LocalDate on) {
        return timeLimits().stream().filter(r -> r.channel() == channel && r.complex() == complex)
                .filter(r -> !r.validFrom().isAfter(on) && (r.validTo() == null || !r.validTo().isBefore(on)))
                .findFirst();
    }

    // ---- the register ----

    @Override
    public List<PersonalDatum> redactionSuggestions(long id, SignedInUser user) {
        Row row = visible(id, user);
        return PersonalData.find(List.of(row.requesterName()), row.description(), row.answer());
    }

    @Override
    @Transactional
    public InformationRequest publish(long id, List<String> redact, SignedInUser user) {
        Row row = visible(id, user);
        if (!mayAct(user, row.agencyCode())) {
            throw new NotFound("information request", id);
        }
        if (row.status() != RequestStatus.PROVIDED) {
            throw new Conflict("transparency.error.publish-not-provided");
        }
        if (!row.publishConsent()) {
            throw new Conflict("transparency.error.publish-no-consent");
        }
        List<String> pieces = new ArrayList<>(redact == null ? List.of() : redact);
        // the requester's name, e-mail, phone, identity number and address never reach the register
        for (String own : new String[] {row.requesterName(), row.requesterEmail(), row.requesterPhone(), row.requesterIdNumber(),
                row.requesterAddress()}) {
            if (own != null && !own.isBlank()) {
                pieces.add(own);
            }
        }
        jdbc.sql("UPDATE information_request SET published_request = ?, published_answer = ?, published_at = ? WHERE id = ?")
                .params(PersonalData.redact(row.description(), pieces), PersonalData.redact(row.answer(), pieces),
                        Timestamp.from(clock.instant()), id).update();
        history(id, "PUBLISHED", row.status(), row.status(), user.actor(), null,
                List.of(MessagePart.of("transparency.remark.redacted", pieces.size())));
        events.publishEvent(new TransparencyEvent.RequestPublished(user.actor(), id, row.agencyCode(), pieces.size()));
        return load(id);
    }

    @Override
    public Page<Published> register(String query, PageRequest page) {
        String q = text(query);
        String where = " WHERE published_at IS NOT NULL" + (q == null ? ""
                : " AND (published_request ILIKE ? OR published_answer ILIKE ?)");
        List<Object> params = new ArrayList<>();
        if (q != null) {
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        long total = jdbc.sql("SELECT count(*) FROM information_request" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        List<Published> items = jdbc.sql("SELECT * FROM information_request" + where + " ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query(JdbcInformationRequests::published).list();
        return new Page<>(items, page, total);
    }

    @Override
    public Published published(long id) {
        return jdbc.sql("SELECT * FROM information_request WHERE id = ? AND published_at IS NOT NULL").param(id)
                .query(JdbcInformationRequests::published).optional().orElseThrow(() -> new NotFound("published request", id));
    }

    private static Published published(ResultSet rs, int n) throws SQLException {
        return new Published(rs.getLong("id"), rs.getString("agency_code"),
                LocalDate.ofInstant(rs.getTimestamp("received_at").toInstant(), LocalTime.ZONE), rs.getString("published_request"),
                rs.getString("published_answer"), rs.getBoolean("partial"), rs.getTimestamp("published_at").toInstant());
    }

    // ---- documents ----

    @Override
    @Transactional
    public Document notice(long id, NoticeForm form, SignedInUser user) {
        Row row = visible(id, user);
        boolean applies = switch (form) {
            case RECEIPT -> row.status() != RequestStatus.NEEDS_COMPLETION || row.dueDate() != null;
            case HANDLING -> row.complex();
            case EXTENSION -> row.extended();
            case REFUSAL -> row.status() == RequestStatus.REFUSED;
            case ANSWER -> row.status() == RequestStatus.PROVIDED;
        };
        if (!applies) {
            throw new NotFound("notice", form);
        }
        return issued(row, form, user.actor());
    }

    /**
     * A notice as it was issued: the document kept when it was first handed out (downloaded, attached, or for the notice
     * of handling recorded as sent), whatever happened to the request since; otherwise built now from the request and
     * kept. A notice of handling not yet recorded as sent is a draft: built each time, kept once recorded.
     */
    private Document issued(Row row, NoticeForm form, Actor by) {
        return issued(row, form, by, null);
    }

    /**
     * {@link #issued(Row, NoticeForm, Actor)}, signed by the agency's signer chosen ({@code signerId}) or, with none
     * chosen, its default one; the name and title go into the document and are kept with it. A draft (a notice of
     * handling not yet sent) carries no name: who signs is known when it is sent.
     */
    private Document issued(Row row, NoticeForm form, Actor by, Long signerId) {
        Optional<Document> kept = keptNotice(row.id(), form);
        if (kept.isPresent()) {
            return kept.get();
        }
        if (form == NoticeForm.HANDLING && row.noticeSentAt() == null) {
            // a draft is not signed yet: no name, the hint for the one who will sign
            return letter(row, form, null);
        }
        Optional<Signer> signer = signer(row, signerId);
        Document built = letter(row, form, signer.orElse(null));
        jdbc.sql("""
                INSERT INTO information_request_notice (request_id, form, file_name, content, issued_by, issued_at,
                    signer_name, signer_title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, form) DO NOTHING""")
                .params(row.id(), form.name(), built.fileName(), built.content(), by.username(), Timestamp.from(clock.instant()),
                        signer.map(Signer::fullName).orElse(null), signer.map(Signer::title).orElse(null))
                .update();
        // two first downloads at once: both hand out the one that was kept
        return keptNotice(row.id(), form).orElse(built);
    }

    private Optional<Document> keptNotice(long id, NoticeForm form) {
        return jdbc.sql("SELECT file_name, content FROM information_request_notice WHERE request_id = ? AND form = ?")
                .params(id, form.name()).query((rs, n) -> new Document(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** The agency's signer chosen, or its default one; empty when the agency (or the directory) knows none. */
    private Optional<Signer> signer(Row row, Long signerId) {
        return agencies.findByCode(row.agencyCode(), today()).flatMap(agency -> signers.chosen(agency.id(), signerId));
    }

    private Document letter(Row row, NoticeForm form, Signer signer) {
        LocalDate today = today();
        Agency agency = agencies.findByCode(row.agencyCode(), today).orElse(null);
        String issuer = agency == null ? row.agencyCode() : IssuingBody.name(agency);
        String parent = agency == null || agency.parent() == null || IssuingBody.standsAlone(agency) ? null
                : agencies.find(agency.parent()).map(Agency::nameVi).orElse(null);
        String received = LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE));
        // receipts are "phiếu" (PTN), notices "thông báo" (TB); the answer is an official letter, issuer then field;
        // a People's Committee issues as "UBND" and signs on its behalf by its chairperson (IssuingBody)
        IssuingBody body = IssuingBody.of(agency, row.agencyCode());
        String symbol = switch (form) {
            case RECEIPT -> body.symbol("PTN");
            case ANSWER -> body.abbreviation() + "-TCTT";
            default -> body.symbol("TB");
        };
        // the notice of handling, once recorded as sent, is dated the day it went out: downloaded again, it is the same
        LocalDate dated = form == NoticeForm.HANDLING && row.noticeSentAt() != null
                ? LocalDate.ofInstant(row.noticeSentAt(), LocalTime.ZONE) : today;
        OfficialLetter letter = new OfficialLetter(parent, issuer, symbol, IssuingBody.place(agency, province.name()), dated);
        String to = "Ông/Bà " + row.requesterName();
        String what = "Yêu cầu cung cấp thông tin số " + row.id() + " nhận ngày " + received + ": \"" + row.description() + "\".";
        String due = row.dueDate() == null ? "" : LocalTime.format(row.dueDate());
        String file;
        switch (form) {
            case RECEIPT -> {
                letter.title("Phiếu tiếp nhận yêu cầu cung cấp thông tin", null).addressee(to)
                        .body(issuer + " đã tiếp nhận yêu cầu cung cấp thông tin của Ông/Bà " + row.requesterName()
                                + " ngày " + received + " (" + channelVi(row.channel()) + ").")
                        .body(what)
                        .body(row.dueDate() == null || row.deadlineId() == null
                                ? "Thời hạn giải quyết được tính từ ngày yêu cầu được bổ sung đầy đủ."
                                : receiptDue(row));
                file = "02-phieu-tiep-nhan-" + row.id() + ".docx";
            }
            case HANDLING -> {
                letter.title("Thông báo", "Về việc giải quyết yêu cầu cung cấp thông tin").addressee(to).body(what)
                        .body("Thông tin được yêu cầu cần được tập hợp từ nhiều nơi hoặc cần lấy ý kiến của cơ quan, tổ chức,"
                                + " đơn vị khác. Căn cứ " + law(row) + ", " + issuer
                                + " sẽ cung cấp thông tin hoặc trả lời bằng văn bản chậm nhất ngày " + due + ".");
                file = "03-thong-bao-giai-quyet-" + row.id() + ".docx";
            }
            case EXTENSION -> {
                String reason = lastNote(row.id(), "EXTEND");
                letter.title("Thông báo", "Về việc gia hạn giải quyết yêu cầu cung cấp thông tin").addressee(to).body(what)
                        .body("Lý do gia hạn: " + sentence(reason))
                        .body("Căn cứ " + law(row) + ", thời hạn giải quyết được gia hạn đến hết ngày " + due + ".");
                file = "04-thong-bao-gia-han-" + row.id() + ".docx";
            }
            case REFUSAL -> {
                String reason = lastNote(row.id(), "REFUSE");
                letter.title("Thông báo", "Về việc từ chối yêu cầu cung cấp thông tin").addressee(to).body(what)
                        .body(issuer + " từ chối cung cấp thông tin " + refusalBasis(row) + ": " + groundVi(row.refusalGround())
                                + ".")
                        .body("Lý do: " + sentence(reason))
                        .body("Ông/Bà có quyền khiếu nại, khởi kiện theo quy định của pháp luật.");
                file = "05-thong-bao-tu-choi-" + row.id() + ".docx";
            }
            default -> {
                letter.summary("cung cấp thông tin theo yêu cầu").addressee(to).body(what)
                        .body(row.answer() == null ? "" : row.answer());
                if (Boolean.TRUE.equals(row.partial())) {
                    letter.body("Thông tin trên được cung cấp một phần.");
                }
                if (row.costVnd() != null && row.costVnd() > 0) {
                    letter.body("Chi phí thực tế để in, sao, chụp, gửi thông tin: " + String.format(Languages.VIETNAMESE, "%,d", row.costVnd())
                            .replace(',', '.') + " đồng.");
                }
                file = "tra-loi-" + row.id() + ".docx";
            }
        }
        letter.close(List.of(to), signer == null ? body.signatory() : body.signedBy(signer.title()),
                signer == null ? null : signer.fullName());
        return new Document(file, letter.bytes());
    }

    /**
     * Where the ground of a refusal is written: the point of Art. 28(1) of the 2016 law. A later law is cited by its
     * name, with the 2016 point the ground matches, as LEGAL.md does not say how the amended law numbers its grounds.
     */
    private String refusalBasis(Row row) {
        String law = law(row);
        String point = "điểm " + row.refusalGround().letter() + " khoản 1 Điều 28 Luật Tiếp cận thông tin năm 2016";
        return LAW_2016.equals(law) ? "theo " + point : "căn cứ " + law + ", trường hợp tương ứng " + point;
    }

    /** An officer's note as the end of a sentence: its own full stop kept, one added when it has none. */
    static String sentence(String note) {
        String text = note == null ? "" : note.strip();
        return text.isEmpty() || text.endsWith(".") || text.endsWith("!") || text.endsWith("?") || text.endsWith("…")
                ? text.isEmpty() ? "." : text : text + ".";
    }

    private String lastNote(long id, String action) {
        return jdbc.sql("SELECT note FROM information_request_history WHERE request_id = ? AND action = ? ORDER BY id DESC LIMIT 1")
                .params(id, action).query(String.class).optional().orElse(null);
    }

    static String channelVi(Channel channel) {
        return switch (channel) {
            case ELECTRONIC -> "qua mạng điện tử";
            case POST -> "qua dịch vụ bưu chính";
            case FAX -> "qua fax";
            case IN_PERSON -> "trực tiếp tại trụ sở";
            case NATIONAL_PUBLIC_SERVICE_PORTAL -> "qua Cổng Dịch vụ công quốc gia";
            case APP -> "qua ứng dụng trên thiết bị di động hoặc nền tảng số";
        };
    }

    static String groundVi(RefusalGround ground) {
        return switch (ground) {
            case NOT_ACCESSIBLE -> "thông tin thuộc loại không được tiếp cận (Điều 6) hoặc chưa đủ điều kiện tiếp cận (Điều 7)";
            case ALREADY_DISCLOSED -> "thông tin đã được công khai";
            case NOT_RESPONSIBLE -> "thông tin không thuộc trách nhiệm cung cấp của cơ quan";
            case GIVEN_TWICE -> "thông tin đã được cung cấp hai lần cho cùng người yêu cầu mà không có lý do chính đáng";
            case BEYOND_CAPACITY -> "yêu cầu vượt quá khả năng đáp ứng hoặc làm ảnh hưởng đến hoạt động bình thường của cơ quan";
            case COSTS_UNPAID -> "người yêu cầu chưa thanh toán chi phí thực tế";
        };
    }

    @Override
    public Document scan(long id, SignedInUser user) {
        Row row = visible(id, user);
        return jdbc.sql("SELECT scan_name, scan FROM information_request WHERE id = ? AND scan IS NOT NULL").param(row.id())
                .query((rs, n) -> new Document(rs.getString(1) == null ? "scan-" + id : rs.getString(1), rs.getBytes(2)))
                .optional().orElseThrow(() -> new NotFound("scan", id));
    }

    // ---- succession ----

    @Override
    @Transactional
    public int transferFromEndedAgencies() {
        LocalDate today = today();
        String[] open = Arrays.stream(RequestStatus.values()).filter(RequestStatus::open).map(Enum::name)
                .toArray(String[]::new);
        List<Long> held = jdbc.sql("""
                SELECT r.id FROM information_request r WHERE r.status = ANY (?)
                  AND EXISTS (SELECT 1 FROM agency a WHERE a.code = r.agency_code AND a.valid_to < ?)
                ORDER BY r.id FOR UPDATE""").params(open, Date.valueOf(today)).query(Long.class).list();
        int passed = 0;
        for (long id : held) {
            Row row = find(id);
            // a code names one unit on a day: what it holds belongs to the unit that held the code when it came in
            Optional<AgencyDirectory.Passage> passage = agencies.soleSuccessor(row.agencyCode(),
                    LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE), today);
            if (passage.isPresent()) {
                passToSuccessor(row, passage.get().from(), passage.get().to());
                passed++;
            }
        }
        return passed;
    }

    /**
     * The successor answers the request under its number by its due date: the law's time limit ran from the request's
     * receipt and an agency's reorganisation does not start it again (unlike {@link RequestAction#TRANSFER}, which
     * sends the request to another body as a new one).
     */
    private void passToSuccessor(Row row, Agency from, Agency to) {
        jdbc.sql("UPDATE information_request SET agency_code = ? WHERE id = ?").params(to.code(), row.id()).update();
        List<MessagePart> remarks = new ArrayList<>();
        remarks.add(MessagePart.of("transparency.remark.passed-to-successor", AGENCY_ARG + to.code(),
                AGENCY_ARG + from.code(), LocalTime.format(from.validTo()),
                row.dueDate() == null ? "—" : LocalTime.format(row.dueDate())));
        if (row.requesterEmail() != null) {
            // the requester is told in writing who answers now, as on a transfer; the due date they were given holds
            remarks.add(mail(List.of(row.requesterEmail()), "Chuyển yêu cầu cung cấp thông tin số " + row.id(),
                    "Kính gửi " + row.requesterName() + ",\n\nYêu cầu cung cấp thông tin số " + row.id() + " nhận ngày "
                            + LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE)) + ".\n"
                            + from.nameVi() + " kết thúc hoạt động ngày " + LocalTime.format(from.validTo()) + "; "
                            + to.nameVi() + " là đơn vị kế thừa, tiếp nhận và giải quyết yêu cầu của Ông/Bà với cùng số"
                            + " yêu cầu" + (row.dueDate() == null ? "." : "; hạn trả lời giữ nguyên: "
                                    + LocalTime.format(row.dueDate()) + ".") + "\n", null));
        }
        history(row.id(), "PASSED_TO_SUCCESSOR", row.status(), row.status(), Actor.SYSTEM, null, remarks);
        events.publishEvent(new TransparencyEvent.RequestPassedToSuccessor(Actor.SYSTEM, row.id(), to.code(),
                from.code(), row.dueDate()));
    }

    /** A succession recorded, an import of units or an end date saved may have made a successor of the day. */
    @EventListener
    void agenciesChanged(IdentityEvent event) {
        if (event.mayHaveEndedAnAgency()) {
            transferFromEndedAgencies();
        }
    }

    // ---- reminders and escalation ----

    @Override
    @Transactional
    public int[] remind() {
        LocalDate today = today();
        LocalDate soon = calendar.add(today, 1, PeriodUnit.WORKING_DAYS, null).date();
        List<Row> dueSoon = jdbc.sql("""
                SELECT * FROM information_request WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'EXTENDED')
                  AND due_date >= ? AND due_date <= ? AND reminded_due IS DISTINCT FROM due_date ORDER BY due_date, id LIMIT 500""")
                .params(Date.valueOf(today), Date.valueOf(soon)).query(JdbcInformationRequests::row).list();
        for (Row row : dueSoon) {
            jdbc.sql("UPDATE information_request SET reminded_due = due_date WHERE id = ?").param(row.id()).update();
            List<String> to = agencyPeople(row.agencyCode());
            history(row.id(), "REMINDED", null, row.status(), Actor.SYSTEM, null, List.of(due(row.dueDate()),
                    mail(to, "Nhắc hạn: yêu cầu cung cấp thông tin số " + row.id() + " đến hạn ngày "
                    + LocalTime.format(row.dueDate()), reminderText(row), null)));
        }
        List<Row> overdue = jdbc.sql("""
                SELECT * FROM information_request WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'EXTENDED')
                  AND due_date < ? AND escalated_due IS DISTINCT FROM due_date ORDER BY due_date, id LIMIT 500""")
                .param(Date.valueOf(today)).query(JdbcInformationRequests::row).list();
        for (Row row : overdue) {
            jdbc.sql("UPDATE information_request SET escalated_due = due_date WHERE id = ?").param(row.id()).update();
            List<String> to = new ArrayList<>(coordinators());
            to.addAll(agencyPeople(row.agencyCode()));
            history(row.id(), "ESCALATED", null, row.status(), Actor.SYSTEM, null, List.of(due(row.dueDate()),
                    mail(to.stream().distinct().toList(), "Quá hạn: yêu cầu cung cấp thông tin số " + row.id()
                    + " (hạn " + LocalTime.format(row.dueDate()) + ")", reminderText(row), null)));
            events.publishEvent(new TransparencyEvent.RequestEscalated(Actor.SYSTEM, row.id(), row.agencyCode(), row.dueDate()));
        }
        int[] notices = remindOfNotices(today, soon);
        return new int[] {dueSoon.size() + notices[0], overdue.size() + notices[1]};
    }

    /**
     * The notice of handling (form 03) of a complex request not recorded as sent: the agency is reminded when its last
     * day is within the next working day, and the coordinators told once it has passed, each once per notice due day.
     */
    private int[] remindOfNotices(LocalDate today, LocalDate soon) {
        int reminded = 0;
        int escalated = 0;
        for (NoticeDue notice : noticesUnsent(null)) {
            Row row = notice.row();
            LocalDate due = notice.due();
            if (!due.isBefore(today) && !due.isAfter(soon)) {
                if (jdbc.sql("UPDATE information_request SET reminded_notice = ? WHERE id = ? AND reminded_notice IS DISTINCT FROM ?")
                        .params(Date.valueOf(due), row.id(), Date.valueOf(due)).update() == 1) {
                    history(row.id(), "NOTICE_REMINDED", null, row.status(), Actor.SYSTEM, null, List.of(due(due),
                            mail(agencyPeople(row.agencyCode()), "Nhắc hạn: thông báo xử lý (mẫu 03) của yêu cầu số "
                            + row.id() + " đến hạn gửi ngày " + LocalTime.format(due), noticeReminderText(row, due), null)));
                    reminded++;
                }
            } else if (due.isBefore(today)) {
                if (jdbc.sql("UPDATE information_request SET escalated_notice = ? WHERE id = ? AND escalated_notice IS DISTINCT FROM ?")
                        .params(Date.valueOf(due), row.id(), Date.valueOf(due)).update() == 1) {
                    List<String> to = new ArrayList<>(coordinators());
                    to.addAll(agencyPeople(row.agencyCode()));
                    history(row.id(), "NOTICE_ESCALATED", null, row.status(), Actor.SYSTEM, null, List.of(due(due),
                            mail(to.stream().distinct().toList(), "Quá hạn gửi thông báo xử lý (mẫu 03): yêu cầu số "
                            + row.id() + " (hạn " + LocalTime.format(due) + ")", noticeReminderText(row, due), null)));
                    events.publishEvent(new TransparencyEvent.NoticeEscalated(Actor.SYSTEM, row.id(), row.agencyCode(), due));
                    escalated++;
                }
            }
        }
        return new int[] {reminded, escalated};
    }

    private String noticeReminderText(Row row, LocalDate due) {
        return "Yêu cầu cung cấp thông tin số " + row.id() + " (" + row.agencyCode() + "), nhận ngày "
                + LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE)) + ", là yêu cầu phức tạp:\n\n"
                + row.description() + "\n\nHạn gửi thông báo xử lý yêu cầu (mẫu 03, Nghị định 13/2018): " + LocalTime.format(due)
                + ".\nHạn giải quyết: " + LocalTime.format(row.dueDate()) + ".\nGhi nhận đã gửi tại: " + baseUrl
                + "/transparency/requests/" + row.id() + "\n";
    }

    private String reminderText(Row row) {
        return "Yêu cầu cung cấp thông tin số " + row.id() + " (" + row.agencyCode() + "), nhận ngày "
                + LocalTime.format(LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE)) + ":\n\n" + row.description()
                + "\n\nHạn giải quyết: " + LocalTime.format(row.dueDate()) + ".\nXử lý tại: " + baseUrl + "/transparency/requests/"
                + row.id() + "\n";
    }

    /** The e-mail addresses of the agency's active officers and spokespersons. */
    private List<String> agencyPeople(String agencyCode) {
        Optional<Agency> agency = agencies.findByCode(agencyCode, today());
        if (agency.isEmpty()) {
            return List.of();
        }
        List<String> emails = new ArrayList<>();
        for (Role role : List.of(Role.OFFICER, Role.SPOKESPERSON)) {
            users.list(new Users.UserFilter(null, role, agency.get().id(), "active"), new PageRequest(1, PageRequest.MAX_SIZE))
                    .items().stream().map(UserAccount::email).filter(e -> e != null && !e.isBlank()).forEach(emails::add);
        }
        return emails.stream().distinct().toList();
    }

    private String agencyName(String agencyCode) {
        return agencies.findByCode(agencyCode, today()).map(Agency::nameVi).orElse(agencyCode);
    }

    private List<String> coordinators() {
        return users.list(new Users.UserFilter(null, Role.COORDINATOR, null, "active"), new PageRequest(1, PageRequest.MAX_SIZE))
                .items().stream().map(UserAccount::email).filter(e -> e != null && !e.isBlank()).distinct().toList();
    }

    /**
     * Sends one e-mail to each address, with the document attached when there is one; says how it went, for the
     * history.
     */
    private MessagePart mail(List<String> to, String subject, String text, Document attachment) {
        return mailWith(to, subject, text, attachment == null ? List.of() : List.of(attachment));
    }

    /** As {@link #mail(List, String, String, Document)}, with each document attached. */
    private MessagePart mailWith(List<String> to, String subject, String text, List<Document> attachments) {
        if (to.isEmpty()) {
            return MessagePart.of("transparency.remark.mail-no-address");
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return MessagePart.of("transparency.remark.mail-not-configured");
        }
        int sent = 0;
        for (String address : to) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
                helper.setFrom(mailFrom);
                helper.setTo(address);
                helper.setSubject(subject);
                helper.setText(text);
                for (Document attachment : attachments) {
                    helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()));
                }
                sender.send(message);
                sent++;
            } catch (Exception e) {
                log.warn("Could not e-mail about an information request: {}", e.getMessage());
            }
        }
        return MessagePart.of("transparency.remark.mail-sent", sent, to.size());
    }

    // ---- time limits ----

    @Override
    public List<TimeLimitRule> timeLimits() {
        return jdbc.sql("SELECT * FROM access_time_limit ORDER BY valid_from DESC, channel, complex").query((rs, n) -> {
            Date to = rs.getDate("valid_to");
            return new TimeLimitRule(rs.getLong("id"), rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                    Channel.valueOf(rs.getString("channel")), rs.getBoolean("complex"), rs.getInt("answer_days"),
                    (Integer) rs.getObject("notice_days"), rs.getInt("extension_days"), rs.getString("source"),
                    rs.getString("entered_by"));
        }).list();
    }

    @Override
    @Transactional
    public TimeLimitRule enterTimeLimit(TimeLimitRule asked, Actor by) {
        TimeLimitRule rule = new TimeLimitRule(asked.id(), asked.validFrom(), asked.validTo(), asked.channel(),
                Boolean.TRUE.equals(asked.complex()), asked.answerDays(), asked.noticeDays(), asked.extensionDays(),
                asked.source(), asked.enteredBy());
        List<InvalidInput> problems = new ArrayList<>();
        if (rule.channel() == null) {
            problems.add(new InvalidInput("channel", "transparency.error.channel"));
        }
        if (rule.validFrom() == null) {
            problems.add(new InvalidInput("validFrom", "transparency.error.valid-from"));
        } else if (rule.channel() != null) {
            LocalDate latest = jdbc.sql("SELECT max(valid_from) FROM access_time_limit WHERE channel = ? AND complex = ?")
                    .params(rule.channel().name(), rule.complex()).query(LocalDate.class).optional().orElse(null);
            if (latest != null && !rule.validFrom().isAfter(latest)) {
                problems.add(new InvalidInput("validFrom", "transparency.error.valid-from-after", LocalTime.format(latest)));
            }
        }
        if (rule.answerDays() == null || rule.answerDays() < 0 || rule.answerDays() > 100) {
            problems.add(new InvalidInput("answerDays", "transparency.error.days-range"));
        }
        if (rule.noticeDays() != null && (rule.noticeDays() < 0 || rule.noticeDays() > 100)) {
            problems.add(new InvalidInput("noticeDays", "transparency.error.days-range"));
        }
        if (rule.extensionDays() == null || rule.extensionDays() < 0 || rule.extensionDays() > 100) {
            problems.add(new InvalidInput("extensionDays", "transparency.error.days-range"));
        }
        String source = text(rule.source());
        if (source == null || source.length() > 300) {
            problems.add(new InvalidInput("source", "transparency.error.source"));
        }
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE access_time_limit SET valid_to = ? WHERE channel = ? AND complex = ? AND valid_to IS NULL")
                .params(Date.valueOf(rule.validFrom().minusDays(1)), rule.channel().name(), rule.complex()).update();
        long id = jdbc.sql("""
                INSERT INTO access_time_limit (valid_from, channel, complex, answer_days, notice_days, extension_days, source,
                    entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(Date.valueOf(rule.validFrom()), rule.channel().name(), rule.complex(), rule.answerDays(), rule.noticeDays(),
                        rule.extensionDays(), source, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new TransparencyEvent.TimeLimitEntered(by, id, rule.channel(), rule.validFrom(), source));
        return timeLimits().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    // ---- figures ----

    @Override
    public YearFigures figures(int year, SignedInUser user) {
        if (year < 2018 || year > 2200) {
            throw new InvalidInput("year", "transparency.error.year");
        }
        PeriodFigures f = figures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), today(), user);
        return new YearFigures(year, f.byStatus(), f.answered(), f.answeredLate(), f.open(), f.overdue(), f.withdrawnLate());
    }

    @Override
    public PeriodFigures figures(LocalDate first, LocalDate last, LocalDate asOf, SignedInUser user) {
        String scope = seesAll(user) ? "" : " AND agency_code = ?";
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(first.atStartOfDay(LocalTime.ZONE).toInstant()),
                Timestamp.from(last.plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant())));
        if (!seesAll(user)) {
            if (!maySeeAny(user)) {
                return new PeriodFigures(first, last, Map.of(), 0, 0, 0, 0, 0);
            }
            params.add(user.agencyCode());
        }
        Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
        jdbc.sql("SELECT status, count(*) FROM information_request WHERE received_at >= ? AND received_at < ?" + scope + " GROUP BY status")
                .params(params).query(rs -> {
                    byStatus.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        // the day a request ended is the day in Vietnam; a withdrawal recorded after the due date ended an overdue request,
        // and so did a transfer to the competent agency: passed on late, it is late, not out of every count
        long[] answered = jdbc.sql("""
                SELECT count(*) FILTER (WHERE r.status IN ('PROVIDED', 'REFUSED')),
                       count(*) FILTER (WHERE r.status IN ('PROVIDED', 'REFUSED') AND h.ended > r.due_date),
                       count(*) FILTER (WHERE r.status IN ('NEEDS_COMPLETION', 'ACCEPTED', 'IN_PROGRESS', 'EXTENDED')),
                       count(*) FILTER (WHERE r.status IN ('ACCEPTED', 'IN_PROGRESS', 'EXTENDED') AND r.due_date < ?),
                       count(*) FILTER (WHERE r.status IN ('WITHDRAWN', 'TRANSFERRED') AND h.ended > r.due_date)
                FROM information_request r
                LEFT JOIN LATERAL (SELECT (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS ended
                                   FROM information_request_history x
                                   WHERE x.request_id = r.id AND x.action IN ('PROVIDE', 'REFUSE', 'WITHDRAW', 'TRANSFER')
                                   ORDER BY x.id DESC LIMIT 1) h ON true
                WHERE r.received_at >= ? AND r.received_at < ?""" + scope.replace("agency_code", "r.agency_code"))
                .params(prepend(Date.valueOf(asOf), params))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        return new PeriodFigures(first, last, byStatus, answered[0], answered[1], answered[2], answered[3], answered[4]);
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    // ---- who may see and act ----

    private static boolean seesAll(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.LEADER);
    }

    private static boolean maySeeAny(SignedInUser user) {
        return seesAll(user) || user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON)
                || user.apiClient() && user.agencyCode() != null;
    }

    private static boolean maySee(SignedInUser user, String agencyCode) {
        return seesAll(user) || maySeeAny(user) && agencyCode.equals(user.agencyCode());
    }

    /** Coordinators act for every agency; officers, spokespersons and API tokens for their own. */
    private static boolean mayAct(SignedInUser user, String agencyCode) {
        return user.has(Role.COORDINATOR) || (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.apiClient())
                && agencyCode.equals(user.agencyCode());
    }

    private Row visible(long id, SignedInUser user) {
        Row row = find(id);
        if (!maySee(user, row.agencyCode())) {
            throw new NotFound("information request", id);
        }
        return row;
    }

    // ---- rows ----

    record Row(long id, String agencyCode, Channel channel, Instant receivedAt, boolean complex, String requesterName,
            String requesterIdNumber, String requesterEmail, String requesterPhone, String requesterAddress,
            String description, String purpose, String deliveryForm, RequestStatus status, Long timeLimitId, Long deadlineId,
            LocalDate dueDate, LocalDate completeOn, boolean extended, List<Long> repeatOf, RefusalGround refusalGround,
            String transferredTo, String answer, Boolean partial, Long costVnd, boolean publishConsent, Instant publishedAt,
            String scanName, Instant createdAt, String consentParty, String consentStatus, Instant noticeSentAt,
            NoticeMeans noticeMeans, Long transferredFrom) {
    }

    private InformationRequest load(long id) {
        return request(find(id));
    }

    private Row find(long id) {
        return jdbc.sql("SELECT * FROM information_request WHERE id = ?").param(id).query(JdbcInformationRequests::row)
                .optional().orElseThrow(() -> new NotFound("information request", id));
    }

    private InformationRequest request(Row row) {
        return request(row, true);
    }

    private InformationRequest request(Row row, boolean explained) {
        String explanation = explained && row.status().open() && row.dueDate() != null ? explanation(row) : null;
        String source = row.timeLimitId() == null ? null : timeLimitById(row.timeLimitId()).source();
        LocalDate noticeDue = row.complex() ? noticeDue(row) : null;
        Boolean noticeInTime = noticeDue == null || row.noticeSentAt() == null ? null
                : !LocalDate.ofInstant(row.noticeSentAt(), LocalTime.ZONE).isAfter(noticeDue);
        return new InformationRequest(row.id(), row.agencyCode(), row.channel(), row.receivedAt(), row.complex(),
                new Requester(row.requesterName(), row.requesterIdNumber(), row.requesterEmail(), row.requesterPhone(),
                        row.requesterAddress()),
                row.description(), row.purpose(), row.deliveryForm(), row.status(), row.dueDate(), explanation, row.extended(),
                row.repeatOf(), row.refusalGround(), row.transferredTo(), row.answer(), row.partial(), row.costVnd(),
                row.publishConsent(), row.publishedAt(), row.scanName(), source, row.createdAt(), row.consentParty(),
                row.consentStatus(), noticeDue, row.noticeSentAt(), row.noticeMeans(), noticeInTime, row.transferredFrom(),
                row.status() != RequestStatus.TRANSFERRED ? null : jdbc.sql(
                        "SELECT id FROM information_request WHERE transferred_from = ? ORDER BY id LIMIT 1")
                        .param(row.id()).query(Long.class).optional().orElse(null));
    }

    /**
     * The last day to send the notice of handling of a complex request: the notice days of the time limit it was
     * received under, in working days from the day it was complete; null when that row has none or the clock is stopped.
     */
    private LocalDate noticeDue(Row row) {
        if (row.completeOn() == null || row.status() == RequestStatus.NEEDS_COMPLETION) {
            return null;
        }
        // a complex request keeps the complex row it was received under (kept in memory, so lists read no more)
        TimeLimit limit = row.timeLimitId() != null ? timeLimitById(row.timeLimitId())
                : timeLimit(row.channel(), true, LocalDate.ofInstant(row.receivedAt(), LocalTime.ZONE));
        return limit.noticeDays() == null ? null
                : calendar.add(row.completeOn(), limit.noticeDays(), PeriodUnit.WORKING_DAYS, row.agencyCode()).date();
    }

    /** The law a request's time limits come from, as its notices cite it. */
    private String law(Row row) {
        return row.timeLimitId() == null ? LAW_2016 : timeLimitById(row.timeLimitId()).law();
    }

    /**
     * The receipt's due date and its legal basis in a few words (the desk shows the day-by-day count): "Thời hạn giải
     * quyết: chậm nhất ngày 05/05/2026 (5 ngày làm việc kể từ ngày tiếp theo liền kề ngày nhận, căn cứ Luật Tiếp cận thông
     * tin (sửa đổi))". A receipt states the time limit of the request as received: an extension, which comes later,
     * has its own notice (form 04), so the receipt of an extended request gives the due date the extension started from.
     */
    private String receiptDue(Row row) {
        DueDate due = deadlines.deadline(row.deadlineId()).due();
        LocalDate date = due.date();
        int amount = due.amount();
        PeriodUnit unit = due.unit();
        if (row.extended()) {
            date = due.from();
            amount = row.timeLimitId() == null ? amount : timeLimitById(row.timeLimitId()).answerDays();
            unit = PeriodUnit.WORKING_DAYS;
        }
        String period = amount == 0 ? "cung cấp ngay khi nhận yêu cầu"
                : amount + (unit == PeriodUnit.WORKING_DAYS ? " ngày làm việc" : " ngày") + " kể từ ngày tiếp theo liền kề ngày nhận";
        return "Thời hạn giải quyết: chậm nhất ngày " + LocalTime.format(date) + " (" + period + ", căn cứ " + law(row) + ").";
    }

    /**
     * How the due date was counted, in the reader's language: the time limit's source (or, once extended, the one
     * extension and its law), then the days counted and skipped. The source and the law are cited as entered.
     */
    private String explanation(Row row) {
        return explanation(row, false);
    }

    /**
     * As {@link #explanation(Row)}; for the requester ({@code citizen}), the time limit's law as the receipt cites it
     * rather than its whole source, which may carry the desk's notes on how sure the entry is ("chưa đối chiếu …"):
     * what the staff weigh, not what a citizen's due date rests on.
     */
    private String explanation(Row row, boolean citizen) {
        if (row.deadlineId() == null) {
            return null;
        }
        Locale reader = Languages.reader();
        DueDate due = deadlines.deadline(row.deadlineId()).due();
        String days = dueText.explain(due, reader);
        if (row.extended()) {
            return messages.getMessage("transparency.explain.extended", new Object[] {law(row)}, reader) + " " + days;
        }
        if (row.timeLimitId() == null) {
            return days;
        }
        TimeLimit limit = timeLimitById(row.timeLimitId());
        return messages.getMessage("transparency.explain.source", new Object[] {citizen ? limit.law() : limit.source()},
                reader) + " " + days;
    }

    private void history(long id, String action, RequestStatus from, RequestStatus to, Actor by, String note) {
        history(id, action, from, to, by, note, List.of());
    }

    /** A line of history: the people's words in {@code note}, what Loa itself did in {@code remarks}. */
    private void history(long id, String action, RequestStatus from, RequestStatus to, Actor by, String note,
            List<MessagePart> remarks) {
        jdbc.sql("""
                INSERT INTO information_request_history (request_id, action, from_status, to_status, actor, occurred_at, note,
                    remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""").params(id, action, from == null ? null : from.name(),
                to.name(), by.username(), Timestamp.from(clock.instant()), note,
                remarks.isEmpty() ? null : stored(remarks)).update();
    }

    private String stored(List<MessagePart> remarks) {
        tools.jackson.databind.node.ArrayNode all = json.createArrayNode();
        for (MessagePart remark : remarks) {
            tools.jackson.databind.node.ObjectNode one = all.addObject();
            one.put("key", remark.key());
            tools.jackson.databind.node.ArrayNode args = one.putArray("args");
            remark.args().forEach(args::add);
        }
        return json.writeValueAsString(all);
    }

    private static MessagePart due(LocalDate day) {
        return MessagePart.of("transparency.remark.due", LocalTime.format(day));
    }

    /** A remark's argument that names an agency by its code: {@code agency:SGDDT}. */
    private static final String AGENCY_ARG = "agency:";

    private String agencyName(String code, Locale reader) {
        return agencies.resolve(code, today()).map(a -> a.named().name(reader.getLanguage())).orElse(code);
    }

    /** The stored remarks in the reader's language, one after the other; null when there are none. */
    private String remarkText(String stored, Locale reader) {
        if (stored == null) {
            return null;
        }
        List<String> read = new ArrayList<>();
        for (JsonNode remark : json.readTree(stored)) {
            List<String> args = new ArrayList<>();
            // an agency kept by its code is named in the reader's language (the unit of today, or the last one)
            remark.path("args").forEach(arg -> args.add(arg.asString().startsWith(AGENCY_ARG)
                    ? agencyName(arg.asString().substring(AGENCY_ARG.length()), reader) : arg.asString()));
            read.add(messages.getMessage(remark.path("key").asString(), args.toArray(), reader));
        }
        return read.isEmpty() ? null : String.join(" · ", read);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Array repeats = rs.getArray("repeat_of");
        List<Long> repeatOf = repeats == null ? List.of() : List.of((Long[]) repeats.getArray());
        Date due = rs.getDate("due_date");
        Date complete = rs.getDate("complete_on");
        Timestamp published = rs.getTimestamp("published_at");
        String ground = rs.getString("refusal_ground");
        Timestamp noticeSent = rs.getTimestamp("notice_sent_at");
        String noticeMeans = rs.getString("notice_means");
        return new Row(rs.getLong("id"), rs.getString("agency_code"), Channel.valueOf(rs.getString("channel")),
                rs.getTimestamp("received_at").toInstant(), rs.getBoolean("complex"), rs.getString("requester_name"),
                rs.getString("requester_id_number"), rs.getString("requester_email"), rs.getString("requester_phone"),
                rs.getString("requester_address"), rs.getString("description"), rs.getString("purpose"),
                rs.getString("delivery_form"), RequestStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("time_limit_id"), (Long) rs.getObject("deadline_id"), due == null ? null : due.toLocalDate(),
                complete == null ? null : complete.toLocalDate(), rs.getBoolean("extended"), repeatOf,
                ground == null ? null : RefusalGround.valueOf(ground), rs.getString("transferred_to"), rs.getString("answer"),
                (Boolean) rs.getObject("partial"), (Long) rs.getObject("cost_vnd"), rs.getBoolean("publish_consent"),
                published == null ? null : published.toInstant(), rs.getString("scan_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("consent_party"), rs.getString("consent_status"),
                noticeSent == null ? null : noticeSent.toInstant(), noticeMeans == null ? null : NoticeMeans.valueOf(noticeMeans),
                (Long) rs.getObject("transferred_from"));
    }

    /** Whether the text is an identity card or passport number, as typed (with spaces or dots between its digits). */
    static boolean identityNumber(String text) {
        return ID_NUMBER.matcher(ID_SEPARATORS.matcher(text).replaceAll("").toUpperCase(java.util.Locale.ROOT)).matches();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
