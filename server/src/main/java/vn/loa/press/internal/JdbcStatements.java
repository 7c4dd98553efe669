package vn.loa.press.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.press.MediaDirectory;
import vn.loa.shared.MessagePart;
import vn.loa.press.PressEvent;
import vn.loa.press.Statement;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.StatementStatus;
import vn.loa.press.Statements;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** Statements on PostgreSQL; press releases e-mailed to the media list when published. */
@Service
class JdbcStatements implements Statements {

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final MediaDirectory media;
    private final PressMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Approvers approvers;

    JdbcStatements(JdbcClient jdbc, AgencyDirectory agencies, MediaDirectory media, PressMail mail,
            ApplicationEventPublisher events, Clock clock, Approvers approvers) {
        this.approvers = approvers;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.media = media;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Override
    @Transactional
    public Statement draft(Draft d, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        String agencyCode = PressAccess.text(d.agencyCode());
        if (agencyCode == null || agencies.findByCode(agencyCode, today()).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "press.error.agency"));
        } else if (!PressAccess.mayAct(agencyCode, by)) {
            throw new AccessDeniedException("may not speak for the agency");
        }
        if (d.form() == null) {
            problems.add(new InvalidInput("form", "press.error.form"));
        }
        if (d.channel() == null) {
            problems.add(new InvalidInput("channel", "press.error.channel"));
        }
        String title = PressAccess.text(d.title());
        if (title == null || title.length() > 300) {
            problems.add(new InvalidInput("title", "press.error.heading"));
        }
        String body = PressAccess.text(d.body());
        if (body == null || body.length() > 50_000) {
            problems.add(new InvalidInput("body", "press.error.body"));
        }
        if (d.form() == StatementForm.CORRECTION_REQUEST) {
            if (d.outletId() == null) {
                problems.add(new InvalidInput("outletId", "press.error.outlet"));
            } else {
                try {
                    media.outlet(d.outletId());
                } catch (NotFound e) {
                    problems.add(new InvalidInput("outletId", "press.error.outlet"));
                }
            }
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO press_statement (agency_code, form, channel, title, body, status, outlet_id, enquiry_id,
                    drafted_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?) RETURNING id""")
                .params(agencyCode, d.form().name(), d.channel().name(), title, body,
                        d.form() == StatementForm.CORRECTION_REQUEST ? d.outletId() : null, d.enquiryId(), by.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new PressEvent.StatementDrafted(by.actor(), id, agencyCode, d.form()));
        return find(id);
    }

    @Override
    public Page<Statement> list(StatementForm form, PageRequest asked, SignedInUser user) {
        StringBuilder where = new StringBuilder(" WHERE (status = 'PUBLISHED'");
        List<Object> params = new ArrayList<>();
        if (PressAccess.seesProvinceWide(user)) {
            where.append(" OR true");
        } else if (PressAccess.staffOf(user.agencyCode(), user)) {
            where.append(" OR agency_code = ?");
            params.add(user.agencyCode());
        }
        where.append(")");
        if (!desk(user)) {
            // a statement addressed to one press agency (a correction request) is between the agency and that outlet
            Long outlet = outletOf(user);
            where.append(outlet == null ? " AND outlet_id IS NULL" : " AND (outlet_id IS NULL OR outlet_id = ?)");
            if (outlet != null) {
                params.add(outlet);
            }
        }
        if (form != null) {
            where.append(" AND form = ?");
            params.add(form.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM press_statement" + where).params(params).query(Long.class).single();
        PageRequest page = asked.within(total);
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        return new Page<>(jdbc.sql("SELECT * FROM press_statement" + where
                + " ORDER BY CASE status WHEN 'DRAFT' THEN 0 ELSE 1 END, coalesce(published_at, created_at) DESC, id DESC"
                + " LIMIT ? OFFSET ?").params(paged).query(JdbcStatements::row).list().stream().map(st -> shown(st, user))
                .toList(), page, total);
    }

    @Override
    public Statement get(long id, SignedInUser user) {
        Statement s = find(id);
        if (s.status() != StatementStatus.PUBLISHED && !PressAccess.maySee(s.agencyCode(), user)) {
            throw new NotFound("press-statement", id);
        }
        if (s.outletId() != null && !desk(user) && !s.outletId().equals(outletOf(user))) {
            throw new NotFound("press-statement", id);
        }
        return shown(s, user);
    }

    /** Whether the user works on the province's press desk: an agency's staff, or the province's. */
    private static boolean desk(SignedInUser user) {
        return PressAccess.seesProvinceWide(user) || PressAccess.staffOf(user.agencyCode(), user);
    }

    /** The outlet the user writes for today, or null when they are no outlet's journalist. */
    private Long outletOf(SignedInUser user) {
        return media.journalistOf(user.username(), today()).map(MediaDirectory.Journalist::outletId).orElse(null);
    }

    /**
     * As the reader may see it: who drafted and who approved a statement, and how its e-mail went, are the agency's own
     * work, shown to its staff and the province's, never to a journalist (as on a press enquiry).
     */
    private static Statement shown(Statement s, SignedInUser user) {
        if (PressAccess.maySee(s.agencyCode(), user)) {
            return s;
        }
        return new Statement(s.id(), s.agencyCode(), s.form(), s.channel(), s.title(), s.body(), s.status(), s.outletId(),
                s.enquiryId(), null, s.createdAt(), null, s.publishedAt(), null);
    }

    @Override
    @Transactional
    public Statement publish(long id, String basis, SignedInUser by) {
        Statement s = get(id, by);
        if (s.status() == StatementStatus.PUBLISHED) {
            throw new Conflict("press.error.published");
        }
        boolean inPlace = !PressAccess.spokespersonOf(s.agencyCode(), by);
        if (inPlace && !mayPublishInPlace(s.agencyCode(), by)) {
            throw new AccessDeniedException("only the agency's spokesperson approves");
        }
        if (by.username().equals(s.draftedBy())) {
            throw new Conflict("press.error.four-eyes");
        }
        String why = PressAccess.text(basis);
        if (inPlace && (why == null || why.length() > JdbcEnquiries.REASON_MAX)) {
            // as for an answer approved in an agency's place: whose word it is, written down
            throw new InvalidInput("basis", "press.error.in-place-basis");
        }
        int rows = jdbc.sql("""
                UPDATE press_statement SET status = 'PUBLISHED', approved_by = ?, published_at = ?
                WHERE id = ? AND status = 'DRAFT'""").params(by.username(), Timestamp.from(clock.instant()), id).update();
        if (rows != 1) {
            throw new Conflict("press.error.published");
        }
        // audited before the e-mail goes out: a release whose audit fails is not sent
        events.publishEvent(new PressEvent.StatementPublished(by.actor(), id, s.agencyCode(), s.form(), s.channel()));
        if (inPlace) {
            events.publishEvent(new PressEvent.StatementPublishedInPlace(by.actor(), id, s.agencyCode(), why));
        }
        if (s.form() == StatementForm.PRESS_RELEASE) {
            String agency = agencies.findByCode(s.agencyCode(), today()).map(Agency::nameVi).orElse(s.agencyCode());
            MessagePart mailed = mail.send(media.addressList(today()), "Thông cáo báo chí: " + s.title(), agency + "\n\n"
                    + s.title() + "\n\n" + s.body() + "\n\n" + mail.link("/public/press-releases/" + id) + "\n");
            jdbc.sql("UPDATE press_statement SET mailed_parts = ? WHERE id = ?")
                    .params(NoteParts.encode(List.of(mailed)), id).update();
        }
        return find(id);
    }

    @Override
    public boolean mayPublishInPlace(String agencyCode, SignedInUser user) {
        return PressAccess.approvesInPlace(user) && !PressAccess.spokespersonOf(agencyCode, user)
                && !approvers.exist(agencyCode);
    }

    @Override
    public List<Statement> onPortal(int limit) {
        return jdbc.sql("""
                SELECT * FROM press_statement WHERE status = 'PUBLISHED' AND form IN ('PRESS_RELEASE', 'PORTAL_STATEMENT')
                ORDER BY published_at DESC, id DESC LIMIT ?""").param(limit).query(JdbcStatements::row).list();
    }

    @Override
    public Statement onPortal(long id) {
        Statement s = find(id);
        if (s.status() != StatementStatus.PUBLISHED || !s.form().goesToPortal()) {
            throw new NotFound("press-statement", id);
        }
        return s;
    }

    private Statement find(long id) {
        return jdbc.sql("SELECT * FROM press_statement WHERE id = ?").param(id).query(JdbcStatements::row).optional()
                .orElseThrow(() -> new NotFound("press-statement", id));
    }

    private static Statement row(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        long outlet = rs.getLong("outlet_id");
        boolean noOutlet = rs.wasNull();
        long enquiry = rs.getLong("enquiry_id");
        boolean noEnquiry = rs.wasNull();
        return new Statement(rs.getLong("id"), rs.getString("agency_code"), StatementForm.valueOf(rs.getString("form")),
                StatementChannel.valueOf(rs.getString("channel")), rs.getString("title"), rs.getString("body"),
                StatementStatus.valueOf(rs.getString("status")), noOutlet ? null : outlet, noEnquiry ? null : enquiry,
                rs.getString("drafted_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("approved_by"),
                published == null ? null : published.toInstant(), mailed(rs));
    }

    /** How the e-mail went: in the reader's words, or as written in Vietnamese before issue #10. */
    private static MessagePart mailed(ResultSet rs) throws SQLException {
        List<MessagePart> parts = NoteParts.decode(rs.getArray("mailed_parts"));
        if (!parts.isEmpty()) {
            return parts.getFirst();
        }
        String text = rs.getString("mailed");
        return text == null ? null : MessagePart.of(NoteParts.TEXT, text);
    }
}
