package vn.loa.press.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.event.EventListener;
import vn.loa.calendar.CalendarEvent;
import vn.loa.calendar.Deadlines;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.IdentityEvent;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.press.CrisisRequest;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryAction;
import vn.loa.press.EnquiryChannel;
import vn.loa.press.EnquiryKind;
import vn.loa.press.EnquiryStatus;
import vn.loa.press.MediaDirectory;
import vn.loa.shared.MessagePart;
import vn.loa.press.PressEvent;
import vn.loa.press.PressSettings;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokesperson;
import vn.loa.press.Spokespersons;
import vn.loa.press.TimeLimit;
import vn.loa.press.TimeLimitUnit;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** Press enquiries on PostgreSQL, their clock on the calendar. */
@Service
class JdbcEnquiries implements Enquiries {

    static final int TEXT_MAX = 10_000;
    /** A declined crisis request's reason is read by the journalist: a short one. */
    static final int REASON_MAX = 500;
    static final String OWNER = "press-enquiry";
    /** Open enquiries read at most for a user's home page (soonest due first). */
    static final int WAITING_READ = 1000;

    private static final String SELECT = """
            SELECT e.*, s.full_name AS spokesperson_name, l.valid_from AS l_valid_from, l.valid_to AS l_valid_to,
                   l.kind AS l_kind, l.amount AS l_amount, l.unit AS l_unit, l.legal AS l_legal, l.source AS l_source
            FROM press_enquiry e JOIN press_time_limit l ON l.id = e.time_limit_id
            LEFT JOIN press_spokesperson s ON s.id = e.spokesperson_id
            """;

    private final JdbcClient jdbc;
    private final Deadlines deadlines;
    private final EnquiryClock enquiryClock;
    private final AgencyDirectory agencies;
    private final Spokespersons registry;
    private final MediaDirectory media;
    private final Users users;
    private final PressMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration remindWithin;
    private final Approvers approvers;

    JdbcEnquiries(JdbcClient jdbc, Deadlines deadlines, WorkingDays calendar, AgencyDirectory agencies, Spokespersons registry,
            MediaDirectory media, Users users, PressMail mail, ApplicationEventPublisher events, Clock clock,
            PressSettings settings, Approvers approvers) {
        this.approvers = approvers;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.enquiryClock = new EnquiryClock(calendar);
        this.agencies = agencies;
        this.registry = registry;
        this.media = media;
        this.users = users;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.remindWithin = Duration.ofHours(settings.remindHours());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    // ---- intake ----

    @Override
    @Transactional
    public Enquiry submit(Question q, SignedInUser by) {
        boolean journalist = by.has(Role.PRESS);
        String agencyCode = PressAccess.text(q.agencyCode());
        List<InvalidInput> problems = new ArrayList<>();
        Optional<Agency> agency = agencyCode == null ? Optional.empty() : agencies.findByCode(agencyCode, today());
        if (agency.isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "press.error.agency"));
        } else if (!journalist && !PressAccess.mayAct(agencyCode, by)) {
            throw new AccessDeniedException("may not record an enquiry for the agency");
        }
        // whether a question concerns a crisis is the province's call: a journalist's CRISIS is a request, which an
        // official confirms or declines (CONFIRM_CRISIS, DECLINE_CRISIS); until then the routine limit runs
        boolean crisisRequested = journalist && q.kind() == EnquiryKind.CRISIS;
        EnquiryKind kind = q.kind() == null || journalist ? EnquiryKind.ROUTINE : q.kind();
        EnquiryChannel channel = journalist ? EnquiryChannel.LOA : q.channel();
        if (channel == null || (!journalist && channel == EnquiryChannel.LOA)) {
            problems.add(new InvalidInput("channel", "press.error.channel"));
        }
        String name = journalist ? by.fullName() : PressAccess.text(q.journalistName());
        if (name == null || name.length() > 200) {
            problems.add(new InvalidInput("journalistName", "press.error.journalist-name"));
        }
        String email = PressAccess.text(q.contactEmail());
        String phone = PressAccess.text(q.contactPhone());
        if (journalist && email == null) {
            email = users.findByUsername(by.username()).map(UserAccount::email).orElse(null);
        }
        if (email == null && phone == null) {
            problems.add(new InvalidInput("contact", "press.error.contact"));
        }
        if (email != null && (email.length() > 200 || !JdbcSpokespersons.EMAIL.matcher(email).matches())) {
            problems.add(new InvalidInput("contactEmail", "press.error.email"));
        }
        String outlet = PressAccess.text(q.outletName());
        if (journalist && outlet == null) {
            outlet = media.journalistOf(by.username(), today()).map(MediaDirectory.Journalist::outletName)
                    .or(() -> by.agencyCode() == null ? Optional.empty()
                            : agencies.findByCode(by.agencyCode(), today()).map(Agency::nameVi))
                    .orElse(null);
        }
        String subject = PressAccess.text(q.subject());
        if (subject == null || subject.length() > 300) {
            problems.add(new InvalidInput("subject", "press.error.subject"));
        }
        String question = PressAccess.text(q.question());
        if (question == null || question.length() > TEXT_MAX) {
            problems.add(new InvalidInput("question", "press.error.question"));
        }
        Instant now = clock.instant();
        Instant received = journalist || q.receivedAt() == null ? now : q.receivedAt().toInstant();
        if (received.isAfter(now.plusSeconds(60))) {
            problems.add(new InvalidInput("receivedAt", "press.error.received-future"));
        }
        InvalidInput.throwIfAny(problems);
        LocalDate day = LocalDate.ofInstant(received, LocalTime.ZONE);
        TimeLimit limit = timeLimit(kind, day);
        Instant due = enquiryClock.due(received, limit, agencyCode);
        Spokesperson speaker = routeTo(agencyCode, day).orElse(null);
        long id = jdbc.sql("""
                INSERT INTO press_enquiry (agency_code, kind, channel, journalist_username, journalist_name, outlet_name,
                    contact_email, contact_phone, subject, question, received_at, time_limit_id, due_at, status,
                    spokesperson_id, created_by, created_at, crisis_requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(agencyCode, kind.name(), channel.name(), journalist ? by.username() : null, name, outlet, email, phone,
                        subject, question, Timestamp.from(received), limit.id(), Timestamp.from(due),
                        EnquiryStatus.RECEIVED.name(), speaker == null ? null : speaker.id(), by.username(), Timestamp.from(now),
                        crisisRequested ? Timestamp.from(now) : null)
                .query(Long.class).single();
        if (limit.unit() == TimeLimitUnit.WORKING_DAYS) {
            Deadlines.Deadline deadline = deadlines.start(OWNER, String.valueOf(id), agencyCode, day, limit.amount(),
                    PeriodUnit.WORKING_DAYS, by.actor());
            due = EnquiryClock.endOf(deadline.due().date());
            jdbc.sql("UPDATE press_enquiry SET deadline_id = ?, due_at = ? WHERE id = ?")
                    .params(deadline.id(), Timestamp.from(due), id).update();
        }
        // audited first: a change whose audit fails sends no e-mail
        events.publishEvent(new PressEvent.EnquiryReceived(by.actor(), id, agencyCode, kind, channel, due, crisisRequested));
        List<MessagePart> parts = new ArrayList<>();
        parts.add(speaker == null ? MessagePart.of("press.note.no-spokesperson")
                : MessagePart.of("press.note.routed", speaker.fullName()));
        if (crisisRequested) {
            parts.add(MessagePart.of("press.note.crisis-requested"));
        }
        List<String> to = new ArrayList<>(agencyPeople(agencyCode));
        if (speaker != null) {
            to.add(speaker.email());
        }
        String requested = crisisRequested ? "Phóng viên đề nghị xử lý khẩn như câu hỏi trong tình huống khủng hoảng, sự"
                + " kiện bất ngờ: cơ quan xác nhận hoặc không chấp nhận đề nghị; đến khi xác nhận, câu hỏi theo thời hạn"
                + " thường xuyên.\n" : "";
        parts.add(mail.send(to, (crisisRequested ? "Đề nghị xử lý khủng hoảng — " : "") + "Câu hỏi của báo chí số " + id
                + ": " + subject, name + (outlet == null ? "" : " (" + outlet + ")") + " hỏi:\n\n" + question
                + "\n\n" + requested + "Hạn trả lời: " + LocalTime.format(due) + ".\nXử lý tại: "
                + mail.link("/press/enquiries/" + id) + "\n"));
        history(id, "RECEIVED", null, EnquiryStatus.RECEIVED, by.actor(), null, parts);
        return get(id, by);
    }

    /** The designated spokesperson valid on the day, else the head. */
    private Optional<Spokesperson> routeTo(String agencyCode, LocalDate day) {
        List<Spokesperson> valid = registry.validOn(day).stream().filter(s -> s.agencyCode().equals(agencyCode)).toList();
        return valid.stream().filter(s -> s.capacity() == SpeakerCapacity.SPOKESPERSON).findFirst()
                .or(() -> valid.stream().filter(s -> s.capacity() == SpeakerCapacity.HEAD).findFirst());
    }

    // ---- reading ----

    @Override
    public Page<Enquiry> list(Filter filter, PageRequest asked, SignedInUser user) {
        Filter f = filter == null ? new Filter(null, null, null) : filter;
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        scope(user, where, params);
        if (f.status() != null) {
            where.append(" AND e.status = ?");
            params.add(f.status().name());
        }
        if (f.agencyCode() != null && !f.agencyCode().isBlank()) {
            where.append(" AND e.agency_code = ?");
            params.add(f.agencyCode().strip());
        }
        if (Boolean.TRUE.equals(f.open())) {
            where.append(" AND e.status IN ('RECEIVED', 'DRAFTED')");
        }
        long total = jdbc.sql("SELECT count(*) FROM press_enquiry e" + where).params(params).query(Long.class).single();
        PageRequest page = asked.within(total);
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<Enquiry> items = jdbc.sql(SELECT + where + " " + """
                 ORDER BY CASE WHEN e.status IN ('RECEIVED', 'DRAFTED') THEN 0 ELSE 1 END,
                    CASE WHEN e.status IN ('RECEIVED', 'DRAFTED') THEN e.due_at END, e.received_at DESC, e.id DESC
                 LIMIT ? OFFSET ?""").params(paged).query(JdbcEnquiries::row).list();
        return new Page<>(items.stream().map(e -> shown(e, user)).toList(), page, total);
    }

    /** A journalist sees what they asked; an agency's staff their agency's; the province everything. */
    private static void scope(SignedInUser user, StringBuilder where, List<Object> params) {
        if (PressAccess.seesProvinceWide(user)) {
            return;
        }
        List<String> ors = new ArrayList<>();
        if (user.has(Role.PRESS)) {
            ors.add("e.journalist_username = ?");
            params.add(user.username());
        }
        if (PressAccess.staffOf(user.agencyCode(), user)) {
            ors.add("e.agency_code = ?");
            params.add(user.agencyCode());
        }
        where.append(ors.isEmpty() ? " AND false" : " AND (" + String.join(" OR ", ors) + ")");
    }

    @Override
    public boolean mayOpen(Enquiry enquiry, SignedInUser user) {
        // as scope(...) decides which enquiries get(...) finds
        return PressAccess.seesProvinceWide(user) || PressAccess.staffOf(enquiry.agencyCode(), user)
                || user.has(Role.PRESS) && user.username().equals(enquiry.journalistUsername());
    }

    @Override
    public Enquiry get(long id, SignedInUser user) {
        StringBuilder where = new StringBuilder(" WHERE e.id = ?");
        List<Object> params = new ArrayList<>(List.of(id));
        scope(user, where, params);
        return jdbc.sql(SELECT + where).params(params).query(JdbcEnquiries::row).optional().map(e -> shown(e, user))
                .orElseThrow(() -> new NotFound("press-enquiry", id));
    }

    /** A journalist sees the answer once approved, never the draft or who wrote it, nor who decided their request. */
    private static Enquiry shown(Enquiry e, SignedInUser user) {
        if (PressAccess.maySee(e.agencyCode(), user)) {
            return e;
        }
        return new Enquiry(e.id(), e.agencyCode(), e.kind(), e.channel(), e.journalistUsername(), e.journalistName(),
                e.outletName(), e.contactEmail(), e.contactPhone(), e.subject(), e.question(), e.receivedAt(), e.dueAt(),
                e.timeLimit(), e.status(), e.spokespersonId(), e.spokespersonName(), null, null, e.answer(), null,
                e.answeredAt(), e.published(), e.createdBy(), e.createdAt(), e.crisisRequest() == null ? null
                        : new CrisisRequest(e.crisisRequest().requestedAt(), e.crisisRequest().decision(), null,
                                e.crisisRequest().decidedAt(), e.crisisRequest().reason()), e.withdrawal());
    }

    @Override
    public List<HistoryEntry> history(long id, SignedInUser user) {
        Enquiry enquiry = get(id, user);
        if (!PressAccess.maySee(enquiry.agencyCode(), user)) {
            // the history holds who drafted and returned the answer and the notes between them: the agency's own
            // work, which the journalist's page does not show either
            throw new AccessDeniedException("the history of an enquiry is for the agency's staff");
        }
        return jdbc.sql("SELECT * FROM press_enquiry_history WHERE enquiry_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new HistoryEntry(rs.getString("action"),
                        rs.getString("from_status") == null ? null : EnquiryStatus.valueOf(rs.getString("from_status")),
                        EnquiryStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("note"),
                        NoteParts.decode(rs.getArray("note_parts"))))
                .list();
    }

    @Override
    public List<EnquiryAction> actionsFor(Enquiry e, SignedInUser user) {
        return Arrays.stream(EnquiryAction.values()).filter(a -> a.allowedFrom(e.status()))
                .filter(a -> permitted(a, e, user)).filter(a -> a != EnquiryAction.APPROVE
                        || !user.username().equals(e.draftedBy()))
                .filter(a -> !a.decidesCrisisRequest() || e.crisisRequestPending())
                .toList();
    }

    /** Who may take an action, whatever the status. */
    private boolean permitted(EnquiryAction action, Enquiry e, SignedInUser user) {
        return switch (action) {
            // whoever may work on the enquiry may judge whether it concerns a crisis, as they may record one as such
            case DRAFT, TRANSFER, CONFIRM_CRISIS, DECLINE_CRISIS -> PressAccess.mayAct(e.agencyCode(), user);
            case RETURN, APPROVE -> PressAccess.spokespersonOf(e.agencyCode(), user) || inPlaceOf(e.agencyCode(), user);
            case WITHDRAW -> PressAccess.mayAct(e.agencyCode(), user) || asker(e, user);
        };
    }

    /**
     * Whether the user approves or returns the agency's draft in its place: a coordinator, for an agency where nobody
     * holds the spokesperson role. Without it a question to a commune whose chairman has no account could never be
     * answered, and its legal deadline would simply pass.
     */
    private boolean inPlaceOf(String agencyCode, SignedInUser user) {
        return PressAccess.approvesInPlace(user) && !PressAccess.spokespersonOf(agencyCode, user) && !hasApprover(agencyCode);
    }

    @Override
    public boolean hasApprover(String agencyCode) {
        return approvers.exist(agencyCode);
    }

    @Override
    public Waiting waiting(SignedInUser user, int limit) {
        Objects.requireNonNull(user, "user");
        if (user.pressOnly()) {
            return new Waiting(List.of(), 0, List.of(), 0, List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" WHERE e.status IN ('RECEIVED', 'DRAFTED')");
        List<Object> params = new ArrayList<>();
        scope(user, where, params);
        List<Enquiry> open = jdbc.sql(SELECT + where + " ORDER BY e.due_at, e.id LIMIT " + WAITING_READ).params(params)
                .query(JdbcEnquiries::row).list();
        Set<String> withApprover = approvers.agencies();
        Instant soon = clock.instant().plus(remindWithin);
        List<Enquiry> toApprove = open.stream().filter(e -> e.status() == EnquiryStatus.DRAFTED)
                .filter(e -> !user.username().equals(e.draftedBy()))
                .filter(e -> PressAccess.spokespersonOf(e.agencyCode(), user)
                        || (PressAccess.approvesInPlace(user) && !withApprover.contains(e.agencyCode())))
                .toList();
        List<Enquiry> due = open.stream().filter(e -> e.dueAt().isBefore(soon)).toList();
        // a draft the user may approve in the agency's place is listed there, not a second time here
        Set<Long> approvable = toApprove.stream().map(Enquiry::id).collect(java.util.stream.Collectors.toSet());
        List<Enquiry> without = PressAccess.actsProvinceWide(user)
                ? open.stream().filter(e -> !withApprover.contains(e.agencyCode()) && !approvable.contains(e.id())).toList()
                : List.of();
        return new Waiting(first(toApprove, limit), toApprove.size(), first(due, limit), due.size(), first(without, limit),
                without.size());
    }

    private static List<Enquiry> first(List<Enquiry> all, int limit) {
        return all.subList(0, Math.max(0, Math.min(limit, all.size())));
    }

    /** Whether the user is the journalist who asked the question through Loa. */
    private static boolean asker(Enquiry e, SignedInUser user) {
        return user.has(Role.PRESS) && e.journalistUsername() != null && user.username().equals(e.journalistUsername());
    }

    // ---- acting ----

    @Override
    @Transactional
    public Enquiry act(long id, Transition t, SignedInUser user) {
        if (t == null || t.action() == null) {
            throw new InvalidInput("action", "press.error.action");
        }
        get(id, user);
        Enquiry e = jdbc.sql(SELECT + " WHERE e.id = ? FOR UPDATE OF e").param(id).query(JdbcEnquiries::row).single();
        EnquiryAction action = t.action();
        if (!action.allowedFrom(e.status())) {
            throw new Conflict("press.error.transition", action.name(), e.status().name());
        }
        if (!permitted(action, e, user)) {
            throw new AccessDeniedException("may not " + action + " this enquiry");
        }
        if ((action == EnquiryAction.DRAFT || action == EnquiryAction.APPROVE) && t.draftSeen() != null
                && !t.draftSeen().equals(Enquiries.draftMark(e.draft()))) {
            // the draft changed after the page was opened: approving would send a text its approver did not read
            throw new Conflict("press.error.draft-changed");
        }
        if (action.decidesCrisisRequest() && !e.crisisRequestPending()) {
            // decided meanwhile by someone else (or never asked for): the page that offered it is stale
            throw new Conflict("press.error.crisis-decided");
        }
        Instant now = clock.instant();
        String note = PressAccess.text(t.note());
        if (note != null && note.length() > TEXT_MAX) {
            throw new InvalidInput("note", "press.error.note");
        }
        String agencyCode = e.agencyCode();
        String historyNote = note;
        String historyAction = action.name();
        List<MessagePart> parts = new ArrayList<>();
        EnquiryStatus after = action.after(e.status());
        PressEvent audited = new PressEvent.EnquiryActed(user.actor(), id, agencyCode, action, e.status(), after);
        // e-mail goes out after the change is audited: a change whose audit fails sends none
        java.util.function.Supplier<MessagePart> mailing = () -> null;
        if ((action == EnquiryAction.APPROVE || action == EnquiryAction.RETURN)
                && !PressAccess.spokespersonOf(agencyCode, user)) {
            // a coordinator in the place of an agency where nobody may approve: the basis is written down (whose word
            // it is: the head's, the commune chairman's), and the history and the audit trail say for which agency
            if (note == null || note.length() > REASON_MAX) {
                throw new InvalidInput("note", "press.error.in-place-basis");
            }
            historyAction = action.name() + "_IN_PLACE";
            audited = new PressEvent.EnquiryActedInPlace(user.actor(), id, agencyCode, action, after, note);
            Optional<Agency> agency = agencies.findByCode(agencyCode, today());
            String vi = agency.map(Agency::nameVi).orElse(agencyCode);
            parts.add(MessagePart.of("press.note.in-place", vi, agency.map(Agency::nameEn).filter(Objects::nonNull)
                    .orElse(vi)));
        }
        switch (action) {
            case DRAFT -> {
                String draft = PressAccess.text(t.draft());
                if (draft == null || draft.length() > TEXT_MAX) {
                    throw new InvalidInput("draft", "press.error.draft");
                }
                moved(jdbc.sql("UPDATE press_enquiry SET status = ?, draft = ?, drafted_by = ? WHERE id = ? AND status = ?")
                        .params(after.name(), draft, user.username(), id, e.status().name()).update());
            }
            case RETURN -> {
                if (note == null) {
                    throw new InvalidInput("note", "press.error.return-note");
                }
                moved(jdbc.sql("UPDATE press_enquiry SET status = ? WHERE id = ? AND status = ?")
                        .params(after.name(), id, e.status().name()).update());
            }
            case APPROVE -> {
                if (user.username().equals(e.draftedBy())) {
                    throw new Conflict("press.error.four-eyes");
                }
                boolean publish = Boolean.TRUE.equals(t.publish());
                moved(jdbc.sql("""
                        UPDATE press_enquiry SET status = ?, answer = draft, approved_by = ?, answered_at = ?, published = ?
                        WHERE id = ? AND status = ?""").params(after.name(), user.username(), Timestamp.from(now),
                        publish, id, e.status().name()).update());
                parts.add(MessagePart.of(publish ? "press.note.published" : "press.note.answered-privately"));
                mailing = () -> answerJournalist(e, publish);
            }
            case TRANSFER -> {
                String to = PressAccess.text(t.transferTo());
                Optional<Agency> target = to == null ? Optional.empty() : agencies.findByCode(to, today());
                if (target.isEmpty() || target.get().code().equals(e.agencyCode())) {
                    throw new InvalidInput("transferTo", "press.error.transfer-to");
                }
                agencyCode = target.get().code();
                Spokesperson speaker = routeTo(agencyCode, today()).orElse(null);
                // a draft already written stays as the text to start from; the new agency approves only its own
                moved(jdbc.sql("""
                        UPDATE press_enquiry SET agency_code = ?, spokesperson_id = ?, status = ?
                        WHERE id = ? AND status = ?""").params(agencyCode, speaker == null ? null : speaker.id(),
                        after.name(), id, e.status().name()).update());
                if (e.draft() != null) {
                    parts.add(MessagePart.of("press.note.draft-kept"));
                }
                List<String> people = new ArrayList<>(agencyPeople(agencyCode));
                if (speaker != null) {
                    people.add(speaker.email());
                }
                parts.add(MessagePart.of("press.note.transferred", target.get().nameVi(),
                        target.get().nameEn() == null ? target.get().nameVi() : target.get().nameEn()));
                Agency receiving = target.get();
                mailing = () -> {
                    parts.add(mail.send(people, "Câu hỏi của báo chí số " + id + " được chuyển đến cơ quan của bạn",
                            e.subject() + "\n\n" + e.question() + "\n\nHạn trả lời: " + LocalTime.format(e.dueAt())
                                    + ".\nXử lý tại: " + mail.link("/press/enquiries/" + id) + "\n"));
                    String from = agencies.findByCode(e.agencyCode(), today()).map(Agency::nameVi).orElse(e.agencyCode());
                    return tellJournalistOfNewAgency(e, from, receiving, from + " đã chuyển câu hỏi cho "
                            + receiving.nameVi() + ", cơ quan có thẩm quyền trả lời.");
                };
            }
            case WITHDRAW -> {
                // the journalist takes back their own question; anyone else records it for them, and says why
                boolean byAgency = !asker(e, user);
                if (byAgency && (note == null || note.length() > REASON_MAX)) {
                    throw new InvalidInput("note", "press.error.withdraw-reason");
                }
                boolean late = e.dueAt().isBefore(now);
                moved(jdbc.sql("""
                        UPDATE press_enquiry SET status = ?, withdrawn_at = ?, withdrawn_by_agency = ?, withdrawal_reason = ?
                        WHERE id = ? AND status = ?""").params(after.name(), Timestamp.from(now), byAgency,
                        byAgency ? note : null, id, e.status().name()).update());
                if (byAgency) {
                    historyAction = "WITHDRAW_BY_AGENCY";
                    audited = new PressEvent.EnquiryWithdrawnByAgency(user.actor(), id, agencyCode, note, late);
                    String reason = note;
                    mailing = () -> tellJournalistOfWithdrawal(e, reason);
                }
            }
            case CONFIRM_CRISIS -> {
                Instant due = confirmCrisis(e, user, now);
                parts.add(MessagePart.of(due.equals(e.dueAt()) ? "press.note.crisis-due-unchanged" : "press.note.crisis-due",
                        LocalTime.format(due)));
                audited = new PressEvent.EnquiryCrisisConfirmed(user.actor(), id, agencyCode, due);
                mailing = () -> tellJournalistOfCrisisDecision(e, "Cơ quan đã xác nhận xử lý khẩn câu hỏi của bạn. Hạn trả lời: "
                        + LocalTime.format(due) + ", tính từ lúc nhận câu hỏi" + (note == null ? "." : ".\nGhi chú: " + note));
            }
            case DECLINE_CRISIS -> {
                if (note == null || note.length() > REASON_MAX) {
                    throw new InvalidInput("note", "press.error.decline-reason");
                }
                moved(jdbc.sql("""
                        UPDATE press_enquiry SET crisis_decision = 'DECLINED', crisis_decided_by = ?, crisis_decided_at = ?,
                            crisis_decline_reason = ?
                        WHERE id = ? AND status = ? AND kind = 'ROUTINE' AND crisis_requested_at IS NOT NULL
                          AND crisis_decision IS NULL""").params(user.username(), Timestamp.from(now), note, id,
                        e.status().name()).update());
                audited = new PressEvent.EnquiryCrisisDeclined(user.actor(), id, agencyCode, note);
                String reason = note;
                mailing = () -> tellJournalistOfCrisisDecision(e, "Cơ quan không xử lý khẩn câu hỏi của bạn; câu hỏi được trả lời"
                        + " theo thời hạn thông thường: " + LocalTime.format(e.dueAt()) + ".\nLý do: " + reason);
            }
        }
        if (!after.open()) {
            // answered or withdrawn: the deadline no longer moves with the calendar
            Long deadline = jdbc.sql("SELECT deadline_id FROM press_enquiry WHERE id = ?").param(id).query(Long.class).optional()
                    .orElse(null);
            if (deadline != null) {
                deadlines.stop(deadline, user.actor());
            }
        }
        events.publishEvent(audited);
        MessagePart mailed = mailing.get();
        if (mailed != null) {
            parts.add(mailed);
        }
        history(id, historyAction, e.status(), after, user.actor(), historyNote, parts);
        // as the reader may see it: a journalist who withdraws their question gets neither the draft nor who wrote it
        return shown(jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(JdbcEnquiries::row).single(), user);
    }

    /**
     * Makes a routine question whose journalist asked for crisis handling a crisis question, and returns its due time.
     *
     * <p>The crisis limit counts from the question's receipt, not from this confirmation. Decree 09/2017, Art. 6 (LEGAL.md
     * B4) ties the answer to the press's question during the event, and the confirmation only recognises what the
     * question was when it came: the limit is the row in force on the day received and its hours run "from the
     * question" ({@link TimeLimitUnit#HOURS}), as for a question an official records as a crisis question and as for
     * one linked to a crisis ({@code Crises.linkEnquiry}, which shares {@link #toCrisisClock}). Counting from the
     * confirmation would let a slow confirmation buy the agency time and make the compliance figures ("answered by the
     * due time") depend on it; a confirmation past the crisis limit leaves the question overdue at once, which is what it
     * is.
     */
    private Instant confirmCrisis(Enquiry e, SignedInUser user, Instant now) {
        moved(jdbc.sql("""
                UPDATE press_enquiry SET crisis_decision = 'CONFIRMED', crisis_decided_by = ?, crisis_decided_at = ?
                WHERE id = ? AND status = ? AND kind = 'ROUTINE' AND crisis_requested_at IS NOT NULL
                  AND crisis_decision IS NULL""").params(user.username(), Timestamp.from(now), e.id(), e.status().name())
                .update());
        return toCrisisClock(e, user.actor());
    }

    /**
     * Puts an open routine question on the crisis clock, in the caller's transaction, and returns its due time. The
     * question becomes {@code CRISIS}; when the {@code CRISIS} limit in force on the day received, counted from its
     * receipt, is due sooner than its routine due time, that limit and due time replace the routine ones and the routine
     * working-day deadline stops, so a day off entered later no longer moves the due time. It never gives more time:
     * otherwise the routine limit, due time and deadline stay.
     *
     * @throws Conflict when the question is no longer in the status read or no longer routine
     */
    Instant toCrisisClock(Enquiry e, Actor by) {
        LocalDate receivedOn = LocalDate.ofInstant(e.receivedAt(), LocalTime.ZONE);
        TimeLimit limit = timeLimit(EnquiryKind.CRISIS, receivedOn);
        Instant due = enquiryClock.due(e.receivedAt(), limit, e.agencyCode());
        if (!due.isBefore(e.dueAt())) {
            moved(jdbc.sql("UPDATE press_enquiry SET kind = 'CRISIS' WHERE id = ? AND status = ? AND kind = 'ROUTINE'")
                    .params(e.id(), e.status().name()).update());
            return e.dueAt();
        }
        // the routine deadline no longer governs the question: it must not move its due time on a day off
        jdbc.sql("SELECT deadline_id FROM press_enquiry WHERE id = ?").param(e.id()).query(Long.class).optional()
                .ifPresent(routine -> deadlines.stop(routine, by));
        Long deadline = null;
        if (limit.unit() == TimeLimitUnit.WORKING_DAYS) {
            Deadlines.Deadline started = deadlines.start(OWNER, String.valueOf(e.id()), e.agencyCode(), receivedOn,
                    limit.amount(), PeriodUnit.WORKING_DAYS, by);
            deadline = started.id();
            due = EnquiryClock.endOf(started.due().date());
        }
        moved(jdbc.sql("""
                UPDATE press_enquiry SET kind = 'CRISIS', time_limit_id = ?, due_at = ?, deadline_id = ?
                WHERE id = ? AND status = ? AND kind = 'ROUTINE'""").params(limit.id(), Timestamp.from(due), deadline,
                e.id(), e.status().name()).update());
        return due;
    }

    /** Where the journalist is written to: the address given with the question, else their account's. */
    private String journalistEmail(Enquiry e) {
        String email = e.contactEmail();
        if (email == null && e.journalistUsername() != null) {
            email = users.findByUsername(e.journalistUsername()).map(UserAccount::email).orElse(null);
        }
        return email;
    }

    /**
     * E-mails the journalist that another agency now answers their question, and why, with the due time, which stays:
     * a question that changes hands does not fall silent for the one who asked it. Says in the history whether they
     * were told, so that the desk knows to call a journalist who has no address.
     */
    private MessagePart tellJournalistOfNewAgency(Enquiry e, String from, Agency to, String why) {
        String email = journalistEmail(e);
        String text = "Câu hỏi số " + e.id() + " gửi " + from + ": " + e.subject() + "\n\n" + why + " Từ nay " + to.nameVi()
                + " trả lời câu hỏi của bạn.\nHạn trả lời giữ nguyên: " + LocalTime.format(e.dueAt()) + ".\n\n"
                + (e.journalistUsername() == null ? "" : "Xem tại: " + mail.link("/press/enquiries/" + e.id()) + "\n");
        MessagePart sent = mail.send(email == null ? List.of() : List.of(email), "Câu hỏi số " + e.id()
                + " được chuyển cho " + to.nameVi() + ": " + e.subject(), text);
        return MessagePart.of(sent.key().equals("press.mail.sent") && !sent.args().getFirst().equals("0")
                ? "press.mail.journalist-told" : "press.mail.journalist-not-told");
    }

    /** The answer goes back to the journalist: on their page, and by e-mail. */
    private MessagePart answerJournalist(Enquiry e, boolean publish) {
        String email = journalistEmail(e);
        String text = "Câu hỏi: " + e.question() + "\n\nTrả lời của " + agencies.findByCode(e.agencyCode(), today())
                .map(Agency::nameVi).orElse(e.agencyCode()) + ":\n\n" + jdbc.sql("SELECT answer FROM press_enquiry WHERE id = ?")
                .param(e.id()).query(String.class).single() + "\n\n" + (e.journalistUsername() == null ? ""
                        : "Xem tại: " + mail.link("/press/enquiries/" + e.id()) + "\n");
        return mail.send(email == null ? List.of() : List.of(email),
                "Trả lời câu hỏi số " + e.id() + ": " + e.subject(), text);
    }

    /** E-mails the journalist who asked for crisis handling what the agency decided, and says how it went. */
    private MessagePart tellJournalistOfCrisisDecision(Enquiry e, String decision) {
        String email = journalistEmail(e);
        String agency = agencies.findByCode(e.agencyCode(), today()).map(Agency::nameVi).orElse(e.agencyCode());
        String text = "Câu hỏi số " + e.id() + " gửi " + agency + ": " + e.subject() + "\n\n" + decision + "\n\n"
                + (e.journalistUsername() == null ? "" : "Xem tại: " + mail.link("/press/enquiries/" + e.id()) + "\n");
        return mail.send(email == null ? List.of() : List.of(email), "Đề nghị xử lý khẩn câu hỏi số " + e.id() + ": "
                + e.subject(), text);
    }

    /**
     * E-mails the journalist that the agency recorded the withdrawal of their question, and why: the same path as the
     * answer, so that a question does not vanish from their page unexplained.
     */
    private MessagePart tellJournalistOfWithdrawal(Enquiry e, String reason) {
        String email = journalistEmail(e);
        String agency = agencies.findByCode(e.agencyCode(), today()).map(Agency::nameVi).orElse(e.agencyCode());
        String text = "Câu hỏi số " + e.id() + " gửi " + agency + ": " + e.subject() + "\n\n" + agency
                + " đã ghi nhận rút câu hỏi này; câu hỏi không còn chờ trả lời.\nLý do: " + reason + "\n\n"
                + (e.journalistUsername() == null ? "" : "Xem tại: " + mail.link("/press/enquiries/" + e.id()) + "\n");
        return mail.send(email == null ? List.of() : List.of(email), "Câu hỏi số " + e.id() + " được cơ quan rút: "
                + e.subject(), text);
    }

    private static void moved(int rows) {
        if (rows != 1) {
            throw new Conflict("press.error.changed");
        }
    }

    /** Records a change: {@code note} the words a person typed, {@code parts} what the desk says in its own. */
    private void history(long id, String action, EnquiryStatus from, EnquiryStatus to, Actor by, String note,
            List<MessagePart> parts) {
        jdbc.sql("""
                INSERT INTO press_enquiry_history (enquiry_id, action, from_status, to_status, actor, occurred_at, note,
                    note_parts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(id, action, from == null ? null : from.name(), to.name(),
                by.username(), Timestamp.from(clock.instant()), note, NoteParts.encode(parts)).update();
    }

    /** A day off entered or withdrawn moved an enquiry's deadline: its due time follows, and its history says why. */
    @EventListener
    void deadlineMoved(CalendarEvent.DeadlineMoved moved) {
        if (!OWNER.equals(moved.ownerType())) {
            return;
        }
        long id = Long.parseLong(moved.ownerId());
        int rows = jdbc.sql("UPDATE press_enquiry SET due_at = ? WHERE id = ? AND deadline_id = ?")
                .params(Timestamp.from(EnquiryClock.endOf(moved.to())), id, moved.deadlineId()).update();
        if (rows == 1) {
            EnquiryStatus status = EnquiryStatus.valueOf(jdbc.sql("SELECT status FROM press_enquiry WHERE id = ?").param(id)
                    .query(String.class).single());
            // the calendar's change as its message key, read in the reader's language
            history(id, "DEADLINE_MOVED", null, status, moved.by(), null, List.of(MessagePart.of(
                    "press.note.deadline-moved", LocalTime.format(moved.from()), LocalTime.format(moved.to())),
                    moved.change()));
        }
    }

    @Override
    public List<Enquiry> publishedAnswers(int limit) {
        return jdbc.sql(SELECT + " WHERE e.status = 'ANSWERED' AND e.published ORDER BY e.answered_at DESC LIMIT ?")
                .param(limit).query(JdbcEnquiries::row).list();
    }

    // ---- the clock ----

    // ---- succession ----

    @Override
    @Transactional
    public int transferFromEndedAgencies() {
        LocalDate today = today();
        String[] open = Arrays.stream(EnquiryStatus.values()).filter(EnquiryStatus::open).map(Enum::name)
                .toArray(String[]::new);
        List<Enquiry> held = jdbc.sql(SELECT + """
                 WHERE e.status = ANY (?) AND EXISTS (SELECT 1 FROM agency a WHERE a.code = e.agency_code AND a.valid_to < ?)
                 ORDER BY e.id FOR UPDATE OF e""").params(open, Date.valueOf(today)).query(JdbcEnquiries::row).list();
        int passed = 0;
        for (Enquiry e : held) {
            // a code names one unit on a day: what it holds belongs to the unit that held the code when it came in
            Optional<AgencyDirectory.Passage> passage = agencies.soleSuccessor(e.agencyCode(),
                    LocalDate.ofInstant(e.receivedAt(), LocalTime.ZONE), today);
            if (passage.isPresent()) {
                passToSuccessor(e, passage.get().from(), passage.get().to(), today);
                passed++;
            }
        }
        return passed;
    }

    /**
     * The successor answers the enquiry by its due time, routed as a transfer routes it (its spokesperson, a draft kept
     * as the text to start from, approved by the successor): the question is the same one, asked when it was.
     */
    private void passToSuccessor(Enquiry e, Agency from, Agency to, LocalDate today) {
        EnquiryStatus after = EnquiryAction.TRANSFER.after(e.status());
        Spokesperson speaker = routeTo(to.code(), today).orElse(null);
        moved(jdbc.sql("""
                UPDATE press_enquiry SET agency_code = ?, spokesperson_id = ?, status = ? WHERE id = ? AND status = ?""")
                .params(to.code(), speaker == null ? null : speaker.id(), after.name(), e.id(), e.status().name()).update());
        List<MessagePart> parts = new ArrayList<>();
        parts.add(MessagePart.of("press.note.passed-to-successor", to.nameVi(), to.name("en"), from.nameVi(),
                from.name("en"), LocalTime.format(from.validTo()), LocalTime.format(e.dueAt())));
        if (e.draft() != null) {
            parts.add(MessagePart.of("press.note.draft-kept"));
        }
        events.publishEvent(new PressEvent.EnquiryPassedToSuccessor(Actor.SYSTEM, e.id(), to.code(), from.code(),
                e.dueAt()));
        List<String> people = new ArrayList<>(agencyPeople(to.code()));
        if (speaker != null) {
            people.add(speaker.email());
        }
        // the successor's staff hear of it as of a transfer, and the journalist who asked is told who answers now
        parts.add(mail.send(people, "Câu hỏi của báo chí số " + e.id() + " được chuyển đến cơ quan của bạn",
                e.subject() + "\n\n" + e.question() + "\n\n" + from.nameVi() + " kết thúc hoạt động ngày "
                        + LocalTime.format(from.validTo()) + "; câu hỏi chuyển sang đơn vị kế thừa.\nHạn trả lời: "
                        + LocalTime.format(e.dueAt()) + " (giữ nguyên).\nXử lý tại: " + mail.link("/press/enquiries/"
                                + e.id()) + "\n"));
        parts.add(tellJournalistOfNewAgency(e, from.nameVi(), to, from.nameVi() + " kết thúc hoạt động ngày "
                + LocalTime.format(from.validTo()) + "; câu hỏi được chuyển sang đơn vị kế thừa."));
        history(e.id(), "PASSED_TO_SUCCESSOR", e.status(), after, Actor.SYSTEM, null, parts);
    }

    /** A succession recorded, an import of units or an end date saved may have made a successor of the day. */
    @EventListener
    void agenciesChanged(IdentityEvent event) {
        if (event.mayHaveEndedAnAgency()) {
            transferFromEndedAgencies();
        }
    }

    @Override
    @Transactional
    public int[] remind() {
        Instant now = clock.instant();
        List<Enquiry> dueSoon = jdbc.sql(SELECT + """
                 WHERE e.status IN ('RECEIVED', 'DRAFTED') AND e.due_at >= ? AND e.due_at <= ?
                   AND e.reminded_due IS DISTINCT FROM e.due_at ORDER BY e.due_at LIMIT 500 FOR UPDATE OF e SKIP LOCKED""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(remindWithin))).query(JdbcEnquiries::row).list();
        for (Enquiry e : dueSoon) {
            jdbc.sql("UPDATE press_enquiry SET reminded_due = due_at WHERE id = ?").param(e.id()).update();
            history(e.id(), "REMINDED", null, e.status(), Actor.SYSTEM, null, List.of(MessagePart.of("press.note.due",
                    LocalTime.format(e.dueAt())), mail.send(withSpokesperson(e), "Nhắc hạn: câu hỏi của báo chí số " + e.id() + " đến hạn "
                    + LocalTime.format(e.dueAt()), reminder(e))));
        }
        List<Enquiry> overdue = jdbc.sql(SELECT + """
                 WHERE e.status IN ('RECEIVED', 'DRAFTED') AND e.due_at < ? AND e.escalated_due IS DISTINCT FROM e.due_at
                 ORDER BY e.due_at LIMIT 500 FOR UPDATE OF e SKIP LOCKED""").param(Timestamp.from(now))
                .query(JdbcEnquiries::row).list();
        for (Enquiry e : overdue) {
            jdbc.sql("UPDATE press_enquiry SET escalated_due = due_at WHERE id = ?").param(e.id()).update();
            List<String> to = new ArrayList<>(coordinators());
            to.addAll(withSpokesperson(e));
            history(e.id(), "ESCALATED", null, e.status(), Actor.SYSTEM, null, List.of(MessagePart.of("press.note.due",
                    LocalTime.format(e.dueAt())), mail.send(to, "Quá hạn: câu hỏi của báo chí số " + e.id() + " (hạn " + LocalTime.format(e.dueAt()) + ")",
                    reminder(e))));
            events.publishEvent(new PressEvent.EnquiryEscalated(Actor.SYSTEM, e.id(), e.agencyCode(), e.dueAt()));
        }
        return new int[] {dueSoon.size(), overdue.size()};
    }

    private List<String> withSpokesperson(Enquiry e) {
        List<String> to = new ArrayList<>(agencyPeople(e.agencyCode()));
        if (e.spokespersonId() != null) {
            to.add(registry.get(e.spokespersonId()).email());
        }
        return to;
    }

    private String reminder(Enquiry e) {
        return "Câu hỏi của báo chí số " + e.id() + " (" + e.journalistName() + "), nhận " + LocalTime.format(e.receivedAt())
                + ":\n\n" + e.subject() + "\n\nHạn trả lời: " + LocalTime.format(e.dueAt()) + " (" + e.timeLimit().source()
                + ").\n" + (hasApprover(e.agencyCode()) ? "" : "Chưa ai ở cơ quan có thể duyệt trả lời: chưa có tài khoản nào"
                + " giữ vai trò người phát ngôn. Đề nghị quản trị viên cấp vai trò này cho thủ trưởng (ở xã, phường: Chủ tịch"
                + " UBND) hoặc người được giao phát ngôn, hoặc chuyển câu hỏi đến cơ quan có trách nhiệm; điều phối viên"
                + " của tỉnh có thể duyệt thay khi có ý kiến của thủ trưởng.\n") + "Xử lý tại: "
                + mail.link("/press/enquiries/" + e.id()) + "\n";
    }

    private List<String> agencyPeople(String agencyCode) {
        Optional<Agency> agency = agencies.findByCode(agencyCode, today());
        if (agency.isEmpty()) {
            return List.of();
        }
        List<String> emails = new ArrayList<>();
        for (Role role : List.of(Role.OFFICER, Role.SPOKESPERSON)) {
            users.list(new Users.UserFilter(null, role, agency.get().id(), "active"), new PageRequest(1, PageRequest.MAX_SIZE))
                    .items().stream().map(UserAccount::email).forEach(emails::add);
        }
        return emails;
    }

    private List<String> coordinators() {
        return users.list(new Users.UserFilter(null, Role.COORDINATOR, null, "active"), new PageRequest(1, PageRequest.MAX_SIZE))
                .items().stream().map(UserAccount::email).toList();
    }

    @Override
    public List<TimeLimit> timeLimits() {
        return jdbc.sql("SELECT * FROM press_time_limit ORDER BY valid_from DESC, kind").query((rs, n) -> limit(rs, "")).list();
    }

    @Override
    @Transactional
    public TimeLimit enterTimeLimit(TimeLimit limit, Actor by) {
        List<InvalidInput> problems = new ArrayList<>();
        if (limit.kind() == null) {
            problems.add(new InvalidInput("kind", "press.error.kind"));
        }
        if (limit.validFrom() == null) {
            problems.add(new InvalidInput("validFrom", "press.error.valid-from"));
        } else if (limit.kind() != null) {
            Optional<LocalDate> latest = jdbc.sql("SELECT max(valid_from) FROM press_time_limit WHERE kind = ?")
                    .param(limit.kind().name()).query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate())
                    .optional();
            if (latest.isPresent() && !limit.validFrom().isAfter(latest.get())) {
                problems.add(new InvalidInput("validFrom", "press.error.limit-from", LocalTime.format(latest.get())));
            }
        }
        if (limit.amount() < 1 || limit.amount() > 1000) {
            problems.add(new InvalidInput("amount", "press.error.amount"));
        }
        if (limit.unit() == null) {
            problems.add(new InvalidInput("unit", "press.error.unit"));
        }
        String source = PressAccess.text(limit.source());
        if (source == null || source.length() > 500) {
            problems.add(new InvalidInput("source", "press.error.source"));
        }
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE press_time_limit SET valid_to = ? WHERE kind = ? AND valid_to IS NULL")
                .params(Date.valueOf(limit.validFrom().minusDays(1)), limit.kind().name()).update();
        long id = jdbc.sql("""
                INSERT INTO press_time_limit (valid_from, kind, amount, unit, legal, source, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(Date.valueOf(limit.validFrom()), limit.kind().name(), limit.amount(), limit.unit().name(), limit.legal(),
                        source, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new PressEvent.TimeLimitEntered(by, id, limit.kind(), limit.validFrom(), source));
        return jdbc.sql("SELECT * FROM press_time_limit WHERE id = ?").param(id).query((rs, n) -> limit(rs, "")).single();
    }

    @Override
    public TimeLimit timeLimit(EnquiryKind kind, LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM press_time_limit WHERE kind = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY valid_from DESC LIMIT 1""").params(kind.name(), Date.valueOf(day), Date.valueOf(day))
                .query((rs, n) -> limit(rs, "")).optional().orElseThrow(() -> new NotFound("press-time-limit", kind));
    }

    private static TimeLimit limit(ResultSet rs, String prefix) throws SQLException {
        Date to = rs.getDate(prefix + "valid_to");
        return new TimeLimit(prefix.isEmpty() ? rs.getLong("id") : rs.getLong("time_limit_id"),
                rs.getDate(prefix + "valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                EnquiryKind.valueOf(rs.getString(prefix + "kind")), rs.getInt(prefix + "amount"),
                TimeLimitUnit.valueOf(rs.getString(prefix + "unit")), rs.getBoolean(prefix + "legal"),
                rs.getString(prefix + "source"));
    }

    private static Enquiry row(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        long speaker = rs.getLong("spokesperson_id");
        boolean noSpeaker = rs.wasNull();
        Timestamp crisisRequested = rs.getTimestamp("crisis_requested_at");
        String decision = rs.getString("crisis_decision");
        Timestamp decided = rs.getTimestamp("crisis_decided_at");
        CrisisRequest request = crisisRequested == null ? null : new CrisisRequest(crisisRequested.toInstant(),
                decision == null ? null : CrisisRequest.Decision.valueOf(decision), rs.getString("crisis_decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("crisis_decline_reason"));
        return new Enquiry(rs.getLong("id"), rs.getString("agency_code"), EnquiryKind.valueOf(rs.getString("kind")),
                EnquiryChannel.valueOf(rs.getString("channel")), rs.getString("journalist_username"),
                rs.getString("journalist_name"), rs.getString("outlet_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("subject"), rs.getString("question"),
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("due_at").toInstant(), limit(rs, "l_"),
                EnquiryStatus.valueOf(rs.getString("status")), noSpeaker ? null : speaker, rs.getString("spokesperson_name"),
                rs.getString("draft"), rs.getString("drafted_by"), rs.getString("answer"), rs.getString("approved_by"),
                answered == null ? null : answered.toInstant(), rs.getBoolean("published"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), request, withdrawal(rs));
    }

    private static Enquiry.Withdrawal withdrawal(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("withdrawn_at");
        if (at == null) {
            return null;
        }
        return new Enquiry.Withdrawal(at.toInstant(), rs.getBoolean("withdrawn_by_agency"), rs.getString("withdrawal_reason"),
                at.after(rs.getTimestamp("due_at")));
    }
}
