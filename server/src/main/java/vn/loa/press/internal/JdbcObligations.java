package vn.loa.press.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.press.ComplianceStatus;
import vn.loa.press.ConferenceStatus;
import vn.loa.press.MediaDirectory;
import vn.loa.press.Obligation;
import vn.loa.press.Obligations;
import vn.loa.press.PressFollowUpEvent;
import vn.loa.press.Spokesperson;
import vn.loa.press.Spokespersons;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Periodic obligations on PostgreSQL. A period is a calendar month, quarter, half-year or year in the province's time;
 * monthly information counts the agency's published statements (correction requests aside) and its conferences held,
 * a press conference only the conferences held.
 */
@Service
class JdbcObligations implements Obligations {

    /** Days before a period's end when an unmet obligation is reminded. */
    static final int REMIND_DAYS = 7;

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final MediaDirectory media;
    private final Spokespersons registry;
    private final PressMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcObligations(JdbcClient jdbc, AgencyDirectory agencies, MediaDirectory media, Spokespersons registry,
            PressMail mail, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.media = media;
        this.registry = registry;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static void requireDesk(SignedInUser user) {
        if (!PressAccess.seesProvinceWide(user) && !PressAccess.staffOf(user.agencyCode(), user)) {
            throw new AccessDeniedException("the desk's records are internal");
        }
    }

    @Override
    public List<Rule> rules(SignedInUser user) {
        requireDesk(user);
        return allRules();
    }

    private List<Rule> allRules() {
        return jdbc.sql("SELECT * FROM press_obligation_rule ORDER BY valid_from DESC, id DESC").query((rs, n) -> {
            java.sql.Date to = rs.getDate("valid_to");
            return new Rule(rs.getLong("id"), rs.getString("agency_code"), rs.getString("agency_kind"),
                    Obligation.valueOf(rs.getString("obligation")), rs.getInt("every_months"),
                    rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(), rs.getBoolean("legal"),
                    rs.getString("source"));
        }).list();
    }

    @Override
    @Transactional
    public Rule enterRule(Rule r, SignedInUser by) {
        if (!by.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators enter the rules");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String code = PressAccess.text(r.agencyCode());
        String kind = PressAccess.text(r.agencyKind());
        if ((code == null) == (kind == null)) {
            problems.add(new InvalidInput("agency", "press.error.rule-agency"));
        } else if (code != null && agencies.findByCode(code, r.validFrom() == null ? today() : r.validFrom()).isEmpty()) {
            problems.add(new InvalidInput("agency", "press.error.agency"));
        } else if (kind != null) {
            try {
                AgencyKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInput("agency", "press.error.rule-agency"));
            }
        }
        if (r.obligation() == null) {
            problems.add(new InvalidInput("obligation", "press.error.obligation"));
        }
        if (!List.of(1, 3, 6, 12).contains(r.everyMonths())) {
            problems.add(new InvalidInput("everyMonths", "press.error.every-months"));
        }
        if (r.validFrom() == null) {
            problems.add(new InvalidInput("validFrom", "press.error.valid-from"));
        }
        String source = PressAccess.text(r.source());
        if (source == null) {
            problems.add(new InvalidInput("source", "press.error.source"));
        }
        InvalidInput.throwIfAny(problems);
        // the same obligation of the same agency in force before ends the day before
        jdbc.sql("""
                UPDATE press_obligation_rule SET valid_to = ? WHERE obligation = ? AND valid_to IS NULL AND valid_from < ?
                  AND agency_code IS NOT DISTINCT FROM ? AND agency_kind IS NOT DISTINCT FROM ?""")
                .params(r.validFrom().minusDays(1), r.obligation().name(), r.validFrom(), code, kind).update();
        long id = jdbc.sql("""
                INSERT INTO press_obligation_rule (agency_code, agency_kind, obligation, every_months, valid_from, legal,
                    source, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(code, kind, r.obligation().name(),
                r.everyMonths(), r.validFrom(), r.legal(), source, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new PressFollowUpEvent.ObligationRuleEntered(by.actor(), id, r.obligation(), r.everyMonths(),
                r.validFrom(), source));
        return allRules().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public Conference schedule(Plan p, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        String agencyCode = PressAccess.text(p.agencyCode());
        if (agencyCode == null || agencies.findByCode(agencyCode, today()).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "press.error.agency"));
        } else if (!PressAccess.mayAct(agencyCode, by)) {
            throw new AccessDeniedException("may not act for the agency");
        }
        String title = PressAccess.text(p.title());
        if (title == null || title.length() > 300) {
            problems.add(new InvalidInput("title", "press.error.heading"));
        }
        if (p.scheduledAt() == null) {
            problems.add(new InvalidInput("scheduledAt", "press.error.scheduled-at"));
        }
        String agenda = PressAccess.text(p.agenda());
        if (agenda == null || agenda.length() > 20_000) {
            problems.add(new InvalidInput("agenda", "press.error.agenda"));
        }
        for (Long outlet : p.invited()) {
            try {
                media.outlet(outlet);
            } catch (NotFound e) {
                problems.add(new InvalidInput("invited", "press.error.outlet"));
                break;
            }
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO press_conference (agency_code, title, scheduled_at, place, agenda, invited, status, crisis_id,
                    entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?) RETURNING id""")
                .params(agencyCode, title, Timestamp.from(p.scheduledAt()), PressAccess.text(p.place()), agenda,
                        p.invited().toArray(new Long[0]), p.crisisId(), by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new PressFollowUpEvent.ConferenceScheduled(by.actor(), id, agencyCode, p.scheduledAt()));
        return find(id);
    }

    @Override
    @Transactional
    public Conference recordHeld(long id, Held record, SignedInUser by) {
        Conference c = conference(id, by);
        if (!PressAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not act for the agency");
        }
        if (c.status() != ConferenceStatus.PLANNED) {
            throw new Conflict("press.error.conference-not-planned");
        }
        if (c.scheduledAt().isAfter(clock.instant())) {
            // a conference is held when it takes place: recorded before, it would count for a quarter it may never reach
            throw new Conflict("press.error.conference-not-yet",
                    LocalTime.format(c.scheduledAt()));
        }
        List<InvalidInput> problems = new ArrayList<>();
        String transcript = PressAccess.text(record.transcript());
        if (transcript == null && PressAccess.text(record.materials()) == null && record.questions().isEmpty()) {
            // what was said, shown or asked: a conference held leaves a record of it
            problems.add(new InvalidInput("transcript", "press.error.held-record"));
        }
        if (transcript != null && transcript.length() > 500_000) {
            problems.add(new InvalidInput("transcript", "press.error.transcript"));
        }
        for (Question q : record.questions()) {
            if (PressAccess.text(q.askedBy()) == null || PressAccess.text(q.question()) == null) {
                problems.add(new InvalidInput("questions", "press.error.questions"));
                break;
            }
        }
        InvalidInput.throwIfAny(problems);
        int rows = jdbc.sql("""
                UPDATE press_conference SET status = 'HELD', materials = ?, transcript = ?, held_by = ?, held_at = ?
                WHERE id = ? AND status = 'PLANNED'""").params(PressAccess.text(record.materials()), transcript,
                by.username(), Timestamp.from(clock.instant()), id).update();
        if (rows != 1) {
            throw new Conflict("press.error.conference-not-planned");
        }
        for (Question q : record.questions()) {
            jdbc.sql("INSERT INTO press_conference_question (conference_id, asked_by, question, answer) VALUES (?, ?, ?, ?)")
                    .params(id, q.askedBy().strip(), q.question().strip(), PressAccess.text(q.answer())).update();
        }
        events.publishEvent(new PressFollowUpEvent.ConferenceHeld(by.actor(), id, c.agencyCode(), record.questions().size()));
        return find(id);
    }

    @Override
    @Transactional
    public Conference cancel(long id, SignedInUser by) {
        Conference c = conference(id, by);
        if (!PressAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not act for the agency");
        }
        if (jdbc.sql("UPDATE press_conference SET status = 'CANCELLED' WHERE id = ? AND status = 'PLANNED'").param(id)
                .update() != 1) {
            throw new Conflict("press.error.conference-not-planned");
        }
        events.publishEvent(new PressFollowUpEvent.ConferenceCancelled(by.actor(), id, c.agencyCode()));
        return find(id);
    }

    @Override
    public Conference conference(long id, SignedInUser user) {
        Conference c = find(id);
        if (!PressAccess.maySee(c.agencyCode(), user)) {
            throw new NotFound("press-conference", id);
        }
        return c;
    }

    @Override
    public List<Conference> conferences(LocalDate from, LocalDate to, SignedInUser user) {
        requireDesk(user);
        List<Object> params = new ArrayList<>(List.of(start(from), start(to.plusDays(1))));
        String where = " WHERE scheduled_at >= ? AND scheduled_at < ?";
        if (!PressAccess.seesProvinceWide(user)) {
            where += " AND agency_code = ?";
            params.add(user.agencyCode());
        }
        List<Conference> found = jdbc.sql("SELECT * FROM press_conference" + where + " ORDER BY scheduled_at, id")
                .params(params).query((rs, n) -> row(rs, List.of())).list();
        return found.stream().map(c -> withQuestions(c)).toList();
    }

    @Override
    public PeriodFigures figures(LocalDate from, LocalDate to, SignedInUser user) {
        requireDesk(user);
        Timestamp start = start(from);
        Timestamp end = start(to.plusDays(1));
        boolean all = PressAccess.seesProvinceWide(user);
        String mine = all ? "" : " AND agency_code = ?";
        List<Object> params = new ArrayList<>(List.of(start, end));
        if (!all) {
            params.add(user.agencyCode());
        }
        List<Object> withNow = new ArrayList<>(List.of(Timestamp.from(clock.instant())));
        withNow.addAll(params);
        long[] enquiries = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE answered_at IS NOT NULL),
                       count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= due_at),
                       count(*) FILTER (WHERE answered_at > due_at
                                           OR (status IN ('RECEIVED', 'DRAFTED') AND due_at < ?)
                                           OR (withdrawn_by_agency AND withdrawn_at > due_at)),
                       count(*) FILTER (WHERE withdrawn_by_agency)
                FROM press_enquiry WHERE received_at >= ? AND received_at < ?""" + mine).params(withNow)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)})
                .single();
        long statements = jdbc.sql("""
                SELECT count(*) FROM press_statement WHERE status = 'PUBLISHED' AND form <> 'CORRECTION_REQUEST'
                  AND published_at >= ? AND published_at < ?""" + mine).params(params).query(Long.class).single();
        long conferences = jdbc.sql("SELECT count(*) FROM press_conference WHERE status = 'HELD' AND scheduled_at >= ? AND scheduled_at < ?"
                + mine).params(params).query(Long.class).single();
        long crises = jdbc.sql("SELECT count(*) FROM press_crisis WHERE opened_at >= ? AND opened_at < ?" + mine).params(params)
                .query(Long.class).single();
        return new PeriodFigures(enquiries[0], enquiries[1], enquiries[2], enquiries[3], enquiries[4], statements,
                conferences, crises);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LocalTime.ZONE).toInstant());
    }

    @Override
    public Compliance compliance(int year, int quarter, SignedInUser user) {
        requireDesk(user);
        List<InvalidInput> problems = new ArrayList<>();
        if (quarter < 1 || quarter > 4) {
            problems.add(new InvalidInput("quarter", "press.error.quarter"));
        }
        if (year < 2017 || year > 2100) {
            problems.add(new InvalidInput("year", "press.error.year"));
        }
        InvalidInput.throwIfAny(problems);
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        return new Compliance(year, quarter, from, to, lines(from, to, user));
    }

    /** One obligation of one agency in one period, before it is counted. */
    private record Due(String agencyCode, Rule rule, LocalDate start, LocalDate end) {
    }

    /** The lines of the periods that overlap the days from {@code from} to {@code to}. */
    private List<Line> lines(LocalDate from, LocalDate to, SignedInUser user) {
        List<Due> due = new ArrayList<>();
        for (Rule rule : allRules()) {
            for (LocalDate start = periodStart(from, rule.everyMonths()); !start.isAfter(to);
                    start = start.plusMonths(rule.everyMonths())) {
                LocalDate end = start.plusMonths(rule.everyMonths()).minusDays(1);
                if (rule.validFrom().isAfter(end) || (rule.validTo() != null && rule.validTo().isBefore(end))) {
                    continue;
                }
                for (String agency : bound(rule, end)) {
                    if (PressAccess.maySee(agency, user)) {
                        due.add(new Due(agency, rule, start, end));
                    }
                }
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        LocalDate first = due.stream().map(Due::start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = due.stream().map(Due::end).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Map<YearMonth, Integer>> conferences = perMonth("""
                SELECT agency_code, to_char(scheduled_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM'), count(*)
                FROM press_conference WHERE status = 'HELD' AND scheduled_at >= ? AND scheduled_at < ?
                GROUP BY 1, 2""", first, last);
        Map<String, Map<YearMonth, Integer>> statements = perMonth("""
                SELECT agency_code, to_char(published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM'), count(*)
                FROM press_statement WHERE status = 'PUBLISHED' AND form <> 'CORRECTION_REQUEST'
                  AND published_at >= ? AND published_at < ? GROUP BY 1, 2""", first, last);
        LocalDate today = today();
        List<Line> lines = new ArrayList<>();
        for (Due d : due) {
            int done = 0;
            for (YearMonth m = YearMonth.from(d.start()); !m.isAfter(YearMonth.from(d.end())); m = m.plusMonths(1)) {
                done += conferences.getOrDefault(d.agencyCode(), Map.of()).getOrDefault(m, 0);
                if (d.rule().obligation() == Obligation.MONTHLY_INFORMATION) {
                    done += statements.getOrDefault(d.agencyCode(), Map.of()).getOrDefault(m, 0);
                }
            }
            ComplianceStatus status = done > 0 ? ComplianceStatus.MET
                    : d.end().isBefore(today) ? ComplianceStatus.MISSING : ComplianceStatus.PENDING;
            lines.add(new Line(d.agencyCode(), d.rule().obligation(), d.start(), d.end(), done, status, d.rule().id(),
                    d.rule().legal(), d.rule().source()));
        }
        lines.sort(Comparator.comparing(Line::agencyCode).thenComparing(Line::obligation).thenComparing(Line::periodStart));
        return lines;
    }

    private Map<String, Map<YearMonth, Integer>> perMonth(String sql, LocalDate first, LocalDate last) {
        Map<String, Map<YearMonth, Integer>> counts = new HashMap<>();
        jdbc.sql(sql).params(start(first), start(last.plusDays(1))).query((ResultSet rs) -> {
            counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(YearMonth.parse(rs.getString(2)), rs.getInt(3));
        });
        return counts;
    }

    /** The first day of the period of {@code months} months that holds the day (periods start in January). */
    static LocalDate periodStart(LocalDate day, int months) {
        int index = (day.getMonthValue() - 1) / months;
        return LocalDate.of(day.getYear(), index * months + 1, 1);
    }

    /** The agencies a rule binds on the day. */
    private List<String> bound(Rule rule, LocalDate day) {
        LocalDate on = day.isAfter(today()) ? today() : day;
        if (rule.agencyCode() != null) {
            return agencies.findByCode(rule.agencyCode(), on).map(a -> List.of(a.code())).orElse(List.of());
        }
        return agencies.validOn(on).stream().filter(a -> a.kind().name().equals(rule.agencyKind())).map(Agency::code)
                .toList();
    }

    @Override
    public List<Upcoming> upcoming(SignedInUser user, int limit) {
        requireDesk(user);
        LocalDate today = today();
        List<Upcoming> items = new ArrayList<>();
        for (Line line : lines(today, today, user)) {
            if (line.status() == ComplianceStatus.PENDING) {
                items.add(new Upcoming(line.agencyCode(), line.obligation(), line.periodEnd(), null, null, null));
            }
        }
        for (Conference c : conferences(today, today.plusDays(60), user)) {
            if (c.status() == ConferenceStatus.PLANNED) {
                items.add(new Upcoming(c.agencyCode(), Obligation.PRESS_CONFERENCE,
                        LocalDate.ofInstant(c.scheduledAt(), LocalTime.ZONE), c.id(), c.title(), c.scheduledAt()));
            }
        }
        items.sort(Comparator.comparing(Upcoming::due).thenComparing(Upcoming::agencyCode));
        return items.stream().limit(limit).toList();
    }

    @Override
    public int remind() {
        LocalDate today = today();
        int sent = 0;
        List<Spokesperson> speakers = registry.validOn(today);
        for (Line line : lines(today, today, SYSTEM)) {
            if (line.status() != ComplianceStatus.PENDING || line.periodEnd().minusDays(REMIND_DAYS).isAfter(today)) {
                continue;
            }
            if (jdbc.sql("""
                    INSERT INTO press_obligation_reminder (rule_id, agency_code, period_start, sent_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""").params(line.ruleId(), line.agencyCode(), line.periodStart(),
                    Timestamp.from(clock.instant())).update() != 1) {
                continue;
            }
            String what = line.obligation() == Obligation.PRESS_CONFERENCE ? "họp báo" : "cung cấp thông tin định kỳ cho báo chí";
            mail.send(addresses(speakers, line.agencyCode()), "Nhắc việc: " + what + " trước " + dd(line.periodEnd()),
                    "Đến ngày " + dd(line.periodEnd()) + " cơ quan cần " + what + " theo " + line.source() + ".\n\n"
                            + mail.link("/press/obligations") + "\n");
            sent++;
        }
        Instant now = clock.instant();
        List<Conference> tomorrow = jdbc.sql("""
                SELECT * FROM press_conference WHERE status = 'PLANNED' AND NOT reminded AND scheduled_at > ?
                  AND scheduled_at <= ?""").params(Timestamp.from(now), Timestamp.from(now.plusSeconds(86_400)))
                .query((rs, n) -> row(rs, List.of())).list();
        for (Conference c : tomorrow) {
            if (jdbc.sql("UPDATE press_conference SET reminded = true WHERE id = ? AND NOT reminded").param(c.id()).update() == 1) {
                mail.send(addresses(speakers, c.agencyCode()), "Nhắc việc: họp báo " + c.title(), "Họp báo \"" + c.title()
                        + "\" lúc " + java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
                                .format(c.scheduledAt().atZone(LocalTime.ZONE)) + ".\n\n"
                        + mail.link("/press/obligations/conferences/" + c.id()) + "\n");
                sent++;
            }
        }
        return sent;
    }

    /** Sees every agency: the schedule's own view. */
    private static final SignedInUser SYSTEM = new SignedInUser(null, "system", "system", null, null,
            Set.of(Role.COORDINATOR));

    private static List<String> addresses(List<Spokesperson> speakers, String agencyCode) {
        return speakers.stream().filter(s -> s.agencyCode().equals(agencyCode)).map(Spokesperson::email).toList();
    }

    private static String dd(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
    }

    private Conference find(long id) {
        return withQuestions(jdbc.sql("SELECT * FROM press_conference WHERE id = ?").param(id)
                .query((rs, n) -> row(rs, List.of())).optional().orElseThrow(() -> new NotFound("press-conference", id)));
    }

    private Conference withQuestions(Conference c) {
        List<Question> questions = jdbc.sql("""
                SELECT asked_by, question, answer FROM press_conference_question WHERE conference_id = ? ORDER BY id""")
                .param(c.id()).query((rs, n) -> new Question(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return new Conference(c.id(), c.agencyCode(), c.title(), c.scheduledAt(), c.place(), c.agenda(), c.invited(),
                c.status(), c.materials(), c.transcript(), questions, c.crisisId(), c.enteredBy(), c.enteredAt(), c.heldBy(),
                c.heldAt());
    }

    private static Conference row(ResultSet rs, List<Question> questions) throws SQLException {
        Array invited = rs.getArray("invited");
        List<Long> ids = invited == null ? List.of() : List.of((Long[]) invited.getArray());
        long crisis = rs.getLong("crisis_id");
        boolean noCrisis = rs.wasNull();
        return new Conference(rs.getLong("id"), rs.getString("agency_code"), rs.getString("title"),
                JdbcCrises.instant(rs, "scheduled_at"), rs.getString("place"), rs.getString("agenda"), ids,
                ConferenceStatus.valueOf(rs.getString("status")), rs.getString("materials"), rs.getString("transcript"),
                questions, noCrisis ? null : crisis, rs.getString("entered_by"), JdbcCrises.instant(rs, "entered_at"),
                rs.getString("held_by"), JdbcCrises.instant(rs, "held_at"));
    }
}
