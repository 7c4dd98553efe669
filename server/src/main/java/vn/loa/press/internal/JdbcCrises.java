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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.IdentityEvent;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;
import vn.loa.listening.Stories;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.press.Crises;
import vn.loa.press.Crisis;
import vn.loa.press.CrisisSource;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryKind;
import vn.loa.press.PressEvent;
import vn.loa.press.PressFollowUpEvent;
import vn.loa.press.Statement;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.StatementStatus;
import vn.loa.press.Statements;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** Crises on PostgreSQL: the clock of the first statement runs in hours elapsed, day and night. */
@Service
class JdbcCrises implements Crises {

    /** The closing note's length, as the crisis page's field allows. */
    static final int CLOSING_NOTE_MAX = 1000;

    /** A statement's title, as {@code press_statement.title} holds it. */
    static final int TITLE_MAX = 300;

    private static final String SELECT = """
            SELECT c.*, r.first_statement_hours, r.source AS rule_source, r.legal AS rule_legal
            FROM press_crisis c JOIN press_crisis_rule r ON r.id = c.rule_id""";

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final Alerts alerts;
    private final Stories stories;
    private final Cases cases;
    private final Statements statements;
    private final JdbcEnquiries enquiries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;
    private final String baseUrl;

    JdbcCrises(JdbcClient jdbc, AgencyDirectory agencies, Alerts alerts, Stories stories, Cases cases,
            Statements statements, JdbcEnquiries enquiries, ApplicationEventPublisher events, Clock clock,
            MessageSource messages, @Value("${loa.alerts.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.alerts = alerts;
        this.stories = stories;
        this.cases = cases;
        this.statements = statements;
        this.enquiries = enquiries;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Override
    @Transactional
    public Crisis open(Opening o, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        if (o.source() == null) {
            problems.add(new InvalidInput("source", "press.error.crisis-source"));
        } else if (o.source() != CrisisSource.MANUAL && o.sourceId() == null) {
            problems.add(new InvalidInput("sourceId", "press.error.crisis-source-id"));
        }
        InvalidInput.throwIfAny(problems);
        String agencyCode = PressAccess.text(o.agencyCode());
        String title = PressAccess.text(o.title());
        String summary = PressAccess.text(o.summary());
        Long sourceId = o.source() == CrisisSource.MANUAL ? null : o.sourceId();
        switch (o.source()) {
            case ALERT -> {
                Alerts.Alert alert = alerts.alert(sourceId, by);
                agencyCode = agencyCode != null ? agencyCode : alert.aboutAgency() != null ? alert.aboutAgency() : alert.agencyCode();
                title = title != null ? title : shorten(alert.title() != null ? alert.title() : alert.detail());
                summary = summary != null ? summary : alert.sentence();
            }
            case STORY -> {
                Stories.Story story = stories.story(sourceId, by, "vi");
                if (agencyCode == null && !story.agencies().isEmpty()) {
                    agencyCode = story.agencies().getFirst().value();
                }
                title = title != null ? title : shorten(story.first().title() != null ? story.first().title() : story.first().text());
                summary = summary != null ? summary : shorten(story.first().text());
            }
            case CASE -> {
                Case found = cases.get(sourceId, by);
                agencyCode = agencyCode != null ? agencyCode : found.agencyCode();
                title = title != null ? title : shorten(found.claim());
            }
            case MANUAL -> {
            }
        }
        if (agencyCode == null && o.source() != CrisisSource.MANUAL) {
            agencyCode = province();
        }
        if (agencyCode == null || agencies.findByCode(agencyCode, today()).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "press.error.agency"));
        }
        if (title == null || title.length() > 300) {
            problems.add(new InvalidInput("title", "press.error.heading"));
        }
        InvalidInput.throwIfAny(problems);
        if (!PressAccess.mayAct(agencyCode, by)) {
            throw new AccessDeniedException("may not act for the agency");
        }
        Instant now = clock.instant();
        Rule rule = rule(today());
        Instant due = now.plus(Duration.ofHours(rule.hours()));
        long id = jdbc.sql("""
                INSERT INTO press_crisis (agency_code, title, summary, source_kind, source_id, status, opened_by, opened_at,
                    rule_id, first_statement_due)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) RETURNING id""")
                .params(agencyCode, title, summary, o.source().name(), sourceId, by.username(), Timestamp.from(now),
                        rule.id(), Timestamp.from(due))
                .query(Long.class).single();
        events.publishEvent(new PressFollowUpEvent.CrisisOpened(by.actor(), id, agencyCode, o.source(), sourceId, due));
        return find(id);
    }

    private String province() {
        return agencies.validOn(today()).stream().filter(a -> a.kind() == AgencyKind.PROVINCE).map(Agency::code)
                .findFirst().orElse(null);
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, line.lastIndexOf(' ', 200) > 100 ? line.lastIndexOf(' ', 200) : 200) + "…";
    }

    @Override
    public Crisis get(long id, SignedInUser user) {
        Crisis c = find(id);
        if (!PressAccess.maySee(c.agencyCode(), user)) {
            throw new NotFound("press-crisis", id);
        }
        return c;
    }

    @Override
    public List<Crisis> list(boolean openOnly, SignedInUser user, int limit) {
        if (!mayUseDesk(user)) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = scope(user, params) + (openOnly ? " AND c.status = 'OPEN'" : "");
        params.add(limit);
        return jdbc.sql(SELECT + where + " ORDER BY CASE c.status WHEN 'OPEN' THEN 0 ELSE 1 END,"
                + " CASE WHEN c.first_statement_id IS NULL THEN 0 ELSE 1 END, c.first_statement_due, c.id DESC LIMIT ?")
                .params(params).query(JdbcCrises::row).list();
    }

    @Override
    public List<Crisis> clocks(SignedInUser user) {
        if (!mayUseDesk(user)) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = scope(user, params);
        return jdbc.sql(SELECT + where + " AND c.status = 'OPEN' AND c.first_statement_id IS NULL"
                + " ORDER BY c.first_statement_due, c.id LIMIT 20").params(params).query(JdbcCrises::row).list();
    }

    private String agencyName(String code, Locale reader) {
        return agencies.resolve(code, today()).map(a -> a.named().name(reader.getLanguage())).orElse(code);
    }

    @Override
    @Transactional
    public int transferFromEndedAgencies() {
        LocalDate today = today();
        List<Crisis> held = jdbc.sql(SELECT + "\n" + """
                 WHERE c.status = 'OPEN' AND EXISTS (SELECT 1 FROM agency a WHERE a.code = c.agency_code AND a.valid_to < ?)
                 ORDER BY c.id FOR UPDATE OF c""").param(Date.valueOf(today)).query(JdbcCrises::row).list();
        int passed = 0;
        for (Crisis c : held) {
            // a code names one unit on a day: what it holds belongs to the unit that held the code when it came in
            Optional<AgencyDirectory.Passage> passage = agencies.soleSuccessor(c.agencyCode(),
                    LocalDate.ofInstant(c.openedAt(), LocalTime.ZONE), today);
            if (passage.isPresent()) {
                passToSuccessor(c, passage.get().from(), passage.get().to());
                passed++;
            }
        }
        return passed;
    }

    /**
     * The successor speaks on the event: the clock of the first statement ran from the opening (Decree 09/2017, Art. 6)
     * and keeps running; the statements still drafted for it go with it, for its spokesperson to approve.
     */
    private void passToSuccessor(Crisis c, Agency from, Agency to) {
        jdbc.sql("UPDATE press_crisis SET agency_code = ? WHERE id = ?").params(to.code(), c.id()).update();
        jdbc.sql("UPDATE press_statement SET agency_code = ? WHERE crisis_id = ? AND status = ? AND agency_code = ?")
                .params(to.code(), c.id(), StatementStatus.DRAFT.name(), c.agencyCode()).update();
        jdbc.sql("""
                INSERT INTO press_crisis_passage (crisis_id, from_agency_code, to_agency_code, last_day, passed_at)
                VALUES (?, ?, ?, ?, ?)""").params(c.id(), from.code(), to.code(), Date.valueOf(from.validTo()),
                Timestamp.from(clock.instant())).update();
        events.publishEvent(new PressFollowUpEvent.CrisisPassedToSuccessor(Actor.SYSTEM, c.id(), to.code(),
                from.code(), c.firstStatementDue()));
    }

    /** A succession recorded, an import of units or an end date saved may have made a successor of the day. */
    @EventListener
    void agenciesChanged(IdentityEvent event) {
        if (event.mayHaveEndedAnAgency()) {
            transferFromEndedAgencies();
        }
    }

    private static boolean mayUseDesk(SignedInUser user) {
        return PressAccess.seesProvinceWide(user) || PressAccess.staffOf(user.agencyCode(), user);
    }

    private static String scope(SignedInUser user, List<Object> params) {
        if (PressAccess.seesProvinceWide(user)) {
            return " WHERE true";
        }
        params.add(user.agencyCode());
        return " WHERE c.agency_code = ?";
    }

    @Override
    public List<TimelineEntry> timeline(long id, SignedInUser user) {
        Crisis c = get(id, user);
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(c.openedAt(), "OPENED", c.sourceId(), null, null, c.openedBy(), c.title()));
        for (Statement s : statements(id, user)) {
            if (s.status() == StatementStatus.PUBLISHED) {
                entries.add(new TimelineEntry(s.publishedAt(), "STATEMENT", s.id(), s.form(), s.channel(), s.approvedBy(),
                        s.title()));
            } else {
                entries.add(new TimelineEntry(s.createdAt(), "DRAFT", s.id(), s.form(), s.channel(), s.draftedBy(), s.title()));
            }
        }
        for (Enquiry e : enquiries(id, user)) {
            entries.add(new TimelineEntry(e.receivedAt(), "ENQUIRY", e.id(), null, null, e.journalistName(), e.subject()));
            if (e.answeredAt() != null) {
                entries.add(new TimelineEntry(e.answeredAt(), "ANSWER", e.id(), null, null, e.approvedBy(), e.subject()));
            }
        }
        Locale reader = Languages.reader();
        jdbc.sql("""
                SELECT from_agency_code, to_agency_code, last_day, passed_at FROM press_crisis_passage WHERE crisis_id = ?
                ORDER BY id""").param(id).query(rs -> {
                    String said = messages.getMessage("press.timeline.passed-to-successor", new Object[] {
                            agencyName(rs.getString("to_agency_code"), reader),
                            agencyName(rs.getString("from_agency_code"), reader),
                            LocalTime.format(rs.getDate("last_day").toLocalDate()),
                            LocalTime.format(c.firstStatementDue())}, reader);
                    entries.add(new TimelineEntry(rs.getTimestamp("passed_at").toInstant(), "PASSED_TO_SUCCESSOR", null,
                            null, null, Actor.SYSTEM.username(), said));
                });
        if (c.closedAt() != null) {
            entries.add(new TimelineEntry(c.closedAt(), "CLOSED", null, null, null, c.closedBy(), c.closingNote()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    @Override
    public List<Statement> statements(long id, SignedInUser user) {
        get(id, user);
        return jdbc.sql("SELECT id FROM press_statement WHERE crisis_id = ? ORDER BY coalesce(published_at, created_at), id")
                .param(id).query(Long.class).list().stream().map(s -> statements.get(s, user)).toList();
    }

    @Override
    public List<Enquiry> enquiries(long id, SignedInUser user) {
        get(id, user);
        return jdbc.sql("SELECT id FROM press_enquiry WHERE crisis_id = ? ORDER BY received_at, id").param(id)
                .query(Long.class).list().stream().map(e -> enquiries.get(e, user)).toList();
    }

    @Override
    @Transactional
    public Statement draftStatement(long id, Statements.Draft draft, SignedInUser by) {
        Crisis c = get(id, by);
        if (!c.open()) {
            throw new Conflict("press.error.crisis-closed");
        }
        Statement s = statements.draft(new Statements.Draft(c.agencyCode(), draft.form(), draft.channel(), draft.title(),
                draft.body(), draft.outletId(), draft.enquiryId()), by);
        jdbc.sql("UPDATE press_statement SET crisis_id = ? WHERE id = ?").params(id, s.id()).update();
        events.publishEvent(new PressFollowUpEvent.CrisisStatementDrafted(by.actor(), id, c.agencyCode(), s.id()));
        return s;
    }

    @Override
    public List<HoldingTemplate> templates(long id, SignedInUser user) {
        Crisis c = get(id, user);
        String agency = agencies.findByCode(c.agencyCode(), today()).map(Agency::nameVi).orElse(c.agencyCode());
        return jdbc.sql("SELECT code, title, body FROM press_holding_template ORDER BY id")
                .query((rs, n) -> new HoldingTemplate(rs.getString("code"),
                        fill(rs.getString("title"), agency, c.title()), fill(rs.getString("body"), agency, c.title())))
                .list();
    }

    private static String fill(String template, String agency, String subject) {
        return template.replace("{agency}", agency).replace("{subject}", withinSentence(subject));
    }

    /**
     * A crisis's title as it reads inside a sentence: "Nghi ngộ độc thực phẩm …" becomes "nghi ngộ độc thực phẩm …",
     * the capital being only the title's first letter; a title that opens with a name ("Khánh Hòa …", "Sở Y tế …",
     * "UBND …"), whose next word or whose own letters are capitals too, is left as written.
     */
    static String withinSentence(String title) {
        String text = title.strip();
        String[] words = text.split("\\s+", 3);
        if (words.length < 2 || words[0].isEmpty() || !Character.isUpperCase(words[0].codePointAt(0))) {
            return text;
        }
        boolean nameFirst = words[0].codePoints().skip(1).anyMatch(Character::isUpperCase)
                || Character.isUpperCase(words[1].codePointAt(0)) || !Character.isLetter(words[1].codePointAt(0));
        return nameFirst ? text : text.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + text.substring(1);
    }

    @Override
    @Transactional
    public Enquiry linkEnquiry(long id, long enquiryId, SignedInUser by) {
        Crisis c = get(id, by);
        // a closed crisis takes no more questions, linked or recorded: its clock has stopped
        if (!c.open()) {
            throw new Conflict("press.error.crisis-closed");
        }
        if (!PressAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not act for the agency");
        }
        Enquiry e = enquiries.get(enquiryId, by);
        if (e.status().open() && e.kind() == EnquiryKind.ROUTINE) {
            // a question raised by a crisis is answered on the crisis clock, when that is sooner, as a confirmed request is
            enquiries.toCrisisClock(e, by.actor());
        }
        jdbc.sql("UPDATE press_enquiry SET crisis_id = ? WHERE id = ?").params(id, enquiryId).update();
        // linking it to a crisis answers the journalist's request for crisis handling, if one waits
        jdbc.sql("""
                UPDATE press_enquiry SET crisis_decision = 'CONFIRMED', crisis_decided_by = ?, crisis_decided_at = ?
                WHERE id = ? AND kind = 'CRISIS' AND crisis_requested_at IS NOT NULL AND crisis_decision IS NULL""")
                .params(by.username(), Timestamp.from(clock.instant()), enquiryId).update();
        events.publishEvent(new PressFollowUpEvent.CrisisEnquiryLinked(by.actor(), id, c.agencyCode(), enquiryId));
        return enquiries.get(enquiryId, by);
    }

    @Override
    @Transactional
    public Enquiry recordEnquiry(long id, Enquiries.Question q, SignedInUser by) {
        Crisis c = get(id, by);
        if (!c.open()) {
            throw new Conflict("press.error.crisis-closed");
        }
        if (!PressAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not act for the agency");
        }
        Enquiry e = enquiries.submit(new Enquiries.Question(c.agencyCode(), EnquiryKind.CRISIS, q.channel(),
                q.journalistName(), q.outletName(), q.contactEmail(), q.contactPhone(), q.subject(), q.question(),
                q.receivedAt()), by);
        jdbc.sql("UPDATE press_enquiry SET crisis_id = ? WHERE id = ?").params(id, e.id()).update();
        events.publishEvent(new PressFollowUpEvent.CrisisEnquiryLinked(by.actor(), id, c.agencyCode(), e.id()));
        return enquiries.get(e.id(), by);
    }

    @Override
    @Transactional
    public Crisis close(long id, String note, SignedInUser by) {
        Crisis c = get(id, by);
        if (!PressAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not act for the agency");
        }
        if (!c.open()) {
            throw new Conflict("press.error.crisis-closed");
        }
        String reason = PressAccess.text(note);
        boolean withoutStatement = c.firstStatementId() == null;
        if (withoutStatement && !PressAccess.spokespersonOf(c.agencyCode(), by) && !PressAccess.actsProvinceWide(by)) {
            // ending the 24-hour clock unanswered is a decision, as issuing a refutation is: not an officer's alone
            throw new AccessDeniedException("only the agency's spokesperson or a coordinator closes a crisis unanswered");
        }
        if (withoutStatement && reason == null) {
            throw new InvalidInput("note", "press.error.close-reason");
        }
        if (reason != null && reason.length() > CLOSING_NOTE_MAX) {
            throw new InvalidInput("note", "press.error.close-note-length");
        }
        int rows = jdbc.sql("""
                UPDATE press_crisis SET status = 'CLOSED', closed_by = ?, closed_at = ?, closing_note = ?
                WHERE id = ? AND status = 'OPEN'""").params(by.username(), Timestamp.from(clock.instant()), reason, id)
                .update();
        if (rows != 1) {
            throw new Conflict("press.error.crisis-closed");
        }
        events.publishEvent(new PressFollowUpEvent.CrisisClosed(by.actor(), id, c.agencyCode(), reason, withoutStatement));
        return find(id);
    }

    @Override
    public RefutationDraft refutationDraft(long caseId, Long crisisId, SignedInUser by) {
        Case found = cases.get(caseId, by);
        if (found.slug() == null || found.publishedAt() == null || found.explanation() == null) {
            throw new Conflict("press.error.case-not-published");
        }
        String agencyCode = found.agencyCode() != null ? found.agencyCode() : province();
        if (!PressAccess.spokespersonOf(agencyCode, by) && !PressAccess.actsProvinceWide(by)) {
            throw new AccessDeniedException("only the agency's spokesperson or a coordinator issues it");
        }
        if (crisisId != null) {
            Crisis c = get(crisisId, by);
            if (!c.open()) {
                throw new Conflict("press.error.crisis-closed");
            }
        }
        if (jdbc.sql("SELECT count(*) FROM press_statement WHERE case_id = ?").param(caseId).query(Long.class).single() > 0) {
            throw new Conflict("press.error.refutation-issued");
        }
        // the portal and its feed show the title alone: it must say what the claim is, never read as the claim itself
        String title = messages.getMessage("press.refutation.statement-title." + found.verdict().name(),
                new Object[] {shorten(found.claim())}, Languages.VIETNAMESE);
        // the text travels by RSS and e-mail, where only an absolute address leads anywhere
        String body = found.explanation().strip() + "\n\n" + messages.getMessage("press.refutation.statement-link",
                new Object[] {baseUrl + "/public/refutations/" + found.slug()}, Languages.VIETNAMESE);
        return new RefutationDraft(caseId, crisisId, agencyCode, fitTitle(title), body);
    }

    @Override
    @Transactional
    public Statement issueRefutation(long caseId, Long crisisId, String title, SignedInUser by) {
        RefutationDraft draft = refutationDraft(caseId, crisisId, by);
        String chosen = title == null ? draft.title() : PressAccess.text(title);
        if (chosen == null || chosen.length() > TITLE_MAX) {
            throw new InvalidInput("title", "press.error.heading");
        }
        Case found = cases.get(caseId, by);
        Instant now = clock.instant();
        // approved on the misinformation desk by its spokesperson: no second approval here
        long id = jdbc.sql("""
                INSERT INTO press_statement (agency_code, form, channel, title, body, status, drafted_by, created_at,
                    approved_by, published_at, crisis_id, case_id)
                VALUES (?, 'PORTAL_STATEMENT', 'PORTAL', ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(draft.agencyCode(), chosen, draft.body(),
                        found.draftedBy() != null ? found.draftedBy() : by.username(), Timestamp.from(now),
                        found.approvedBy() != null ? found.approvedBy() : by.username(), Timestamp.from(now), crisisId, caseId)
                .query(Long.class).single();
        events.publishEvent(new PressFollowUpEvent.RefutationIssued(by.actor(), id, draft.agencyCode(), caseId, crisisId));
        events.publishEvent(new PressEvent.StatementPublished(by.actor(), id, draft.agencyCode(),
                StatementForm.PORTAL_STATEMENT, StatementChannel.PORTAL));
        return statements.get(id, by);
    }

    /** A statement's title as the table holds it, the claim's closing quote kept when it is cut. */
    private static String fitTitle(String title) {
        if (title.length() <= TITLE_MAX) {
            return title;
        }
        return title.substring(0, TITLE_MAX - 2) + "…”";
    }

    /**
     * A statement of a crisis was published: the first one stops its clock. Called in the publishing transaction.
     */
    void published(long statementId, Actor by) {
        jdbc.sql("""
                SELECT c.id, c.agency_code, s.published_at > c.first_statement_due AS late
                FROM press_statement s JOIN press_crisis c ON c.id = s.crisis_id
                WHERE s.id = ? AND s.status = 'PUBLISHED' AND c.first_statement_id IS NULL""").param(statementId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)}).optional()
                .ifPresent(row -> {
                    jdbc.sql("""
                            UPDATE press_crisis SET first_statement_id = ?,
                                first_statement_at = (SELECT published_at FROM press_statement WHERE id = ?)
                            WHERE id = ? AND first_statement_id IS NULL""").params(statementId, statementId, row[0]).update();
                    events.publishEvent(new PressFollowUpEvent.CrisisFirstStatement(by, (Long) row[0], (String) row[1],
                            statementId, (Boolean) row[2]));
                });
    }

    @Override
    public List<Rule> rules() {
        return jdbc.sql("SELECT * FROM press_crisis_rule ORDER BY valid_from DESC").query(JdbcCrises::rule).list();
    }

    @Override
    public Rule rule(LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM press_crisis_rule WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY valid_from DESC LIMIT 1""").params(day, day).query(JdbcCrises::rule).optional()
                .orElseThrow(() -> new NotFound("press-crisis-rule", day));
    }

    @Override
    @Transactional
    public Rule enterRule(Rule r, SignedInUser by) {
        if (!by.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators enter the rules");
        }
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate latest = jdbc.sql("SELECT max(valid_from) FROM press_crisis_rule").query(LocalDate.class).optional()
                .orElse(null);
        if (r.validFrom() == null || (latest != null && !r.validFrom().isAfter(latest))) {
            problems.add(new InvalidInput("validFrom", "press.error.valid-from-later"));
        }
        if (r.hours() < 1 || r.hours() > 720) {
            problems.add(new InvalidInput("hours", "press.error.hours"));
        }
        String source = PressAccess.text(r.source());
        if (source == null) {
            problems.add(new InvalidInput("source", "press.error.source"));
        }
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE press_crisis_rule SET valid_to = ? WHERE valid_to IS NULL").param(r.validFrom().minusDays(1)).update();
        long id = jdbc.sql("""
                INSERT INTO press_crisis_rule (valid_from, first_statement_hours, legal, source, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""").params(r.validFrom(), r.hours(), r.legal(), source,
                by.username(), Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new PressFollowUpEvent.CrisisRuleEntered(by.actor(), id, r.hours(), r.validFrom(), source));
        return rules().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    private Crisis find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(JdbcCrises::row).optional()
                .orElseThrow(() -> new NotFound("press-crisis", id));
    }

    private static Rule rule(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new Rule(rs.getLong("id"), rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getInt("first_statement_hours"), rs.getBoolean("legal"), rs.getString("source"));
    }

    private static Crisis row(ResultSet rs, int n) throws SQLException {
        long source = rs.getLong("source_id");
        boolean noSource = rs.wasNull();
        long first = rs.getLong("first_statement_id");
        boolean noFirst = rs.wasNull();
        return new Crisis(rs.getLong("id"), rs.getString("agency_code"), rs.getString("title"), rs.getString("summary"),
                CrisisSource.valueOf(rs.getString("source_kind")), noSource ? null : source,
                "OPEN".equals(rs.getString("status")), rs.getString("opened_by"), instant(rs, "opened_at"),
                rs.getInt("first_statement_hours"), rs.getString("rule_source"), rs.getBoolean("rule_legal"),
                instant(rs, "first_statement_due"), noFirst ? null : first, instant(rs, "first_statement_at"),
                rs.getString("closed_by"), instant(rs, "closed_at"), rs.getString("closing_note"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
