package vn.loa.coordination.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.coordination.CoordinationEvent;
import vn.loa.coordination.Directive;
import vn.loa.coordination.Directives;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** Directives on PostgreSQL. */
@Service
class JdbcDirectives implements Directives {

    static final int TEXT_MAX = 200_000;

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcDirectives(JdbcClient jdbc, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Override
    @Transactional
    public Directive create(NewDirective d, SignedInUser by) {
        if (!CoordinationAccess.coordinates(by)) {
            throw new NotFound("directive", "new");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String kind = CoordinationAccess.text(d.docKind());
        String number = CoordinationAccess.text(d.number());
        String signer = CoordinationAccess.text(d.signer());
        String title = CoordinationAccess.text(d.title());
        String body = CoordinationAccess.text(d.body());
        if (kind == null || kind.length() > 100) {
            problems.add(new InvalidInput("docKind", "coordination.error.doc-kind"));
        }
        if (number == null || number.length() > 100) {
            problems.add(new InvalidInput("number", "coordination.error.number"));
        }
        if (d.issuedOn() == null) {
            problems.add(new InvalidInput("issuedOn", "coordination.error.issued-on"));
        } else if (d.issuedOn().isAfter(today())) {
            problems.add(new InvalidInput("issuedOn", "coordination.error.issued-future"));
        }
        Agency issuer = null;
        if (d.issuerCode() != null && !d.issuerCode().isBlank()) {
            LocalDate on = d.issuedOn() == null ? today() : d.issuedOn();
            issuer = agencies.findByCode(d.issuerCode().strip(), on)
                    .or(() -> agencies.findByCode(d.issuerCode().strip(), today())).orElse(null);
        }
        if (issuer == null) {
            problems.add(new InvalidInput("issuerCode", "coordination.error.issuer"));
        }
        if (signer == null || signer.length() > 200) {
            problems.add(new InvalidInput("signer", "coordination.error.signer"));
        }
        if (title == null || title.length() > 1000) {
            problems.add(new InvalidInput("title", "coordination.error.title"));
        }
        String summary = CoordinationAccess.text(d.summary());
        if (summary != null && summary.length() > 5000) {
            problems.add(new InvalidInput("summary", "coordination.error.summary"));
        }
        byte[] file = d.file() == null || d.file().length == 0 ? null : d.file();
        if (file != null) {
            try {
                String extracted = CoordinationFiles.docxText(file);
                if (body == null) {
                    body = extracted.isEmpty() ? null : extracted;
                }
            } catch (InvalidInput e) {
                problems.add(e);
            }
        }
        if (body != null && body.length() > TEXT_MAX) {
            problems.add(new InvalidInput("body", "coordination.error.body"));
        }
        if (number != null && d.issuedOn() != null && jdbc.sql("SELECT count(*) FROM coord_directive WHERE number = ? AND issued_on = ?")
                .params(number, Date.valueOf(d.issuedOn())).query(Long.class).single() > 0) {
            problems.add(new InvalidInput("number", "coordination.error.number-taken"));
        }
        InvalidInput.throwIfAny(problems);
        String fileName = file == null ? null : d.fileName() == null || d.fileName().isBlank() ? "chi-dao.docx" : d.fileName().strip();
        long id = jdbc.sql("""
                INSERT INTO coord_directive (doc_kind, number, issued_on, issuer_agency_id, signer, title, summary, body,
                    file_name, file_bytes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind, number, Date.valueOf(d.issuedOn()), issuer.id().value(), signer, title, summary, body,
                        fileName, file, by.username(), Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new CoordinationEvent.DirectiveCreated(by.actor(), id, number, issuer.code()));
        return find(id);
    }

    Directive find(long id) {
        return jdbc.sql("""
                SELECT d.*, a.code AS issuer_code FROM coord_directive d JOIN agency a ON a.id = d.issuer_agency_id
                WHERE d.id = ?""").param(id).query(JdbcDirectives::directive).optional()
                .orElseThrow(() -> new NotFound("directive", id));
    }

    /** Who reads directives: those who see the province, and the staff of an agency (the press does not). */
    private static boolean mayRead(SignedInUser user) {
        return CoordinationAccess.seesProvince(user) || CoordinationAccess.agencyStaff(user);
    }

    @Override
    public Directive get(long id, SignedInUser user) {
        if (!mayRead(user)) {
            throw new NotFound("directive", id);
        }
        return find(id);
    }

    @Override
    public Page<Directive> list(PageRequest asked, SignedInUser user) {
        if (!mayRead(user)) {
            return new Page<>(List.of(), asked, 0);
        }
        long total = jdbc.sql("SELECT count(*) FROM coord_directive").query(Long.class).single();
        PageRequest page = asked.within(total);
        List<Directive> items = jdbc.sql("""
                SELECT d.*, a.code AS issuer_code FROM coord_directive d JOIN agency a ON a.id = d.issuer_agency_id
                ORDER BY d.issued_on DESC, d.id DESC LIMIT ? OFFSET ?""").params(page.size(), page.offset())
                .query(JdbcDirectives::directive).list();
        return new Page<>(items, page, total);
    }

    @Override
    public byte[] file(long id, SignedInUser user) {
        get(id, user);
        return jdbc.sql("SELECT file_bytes FROM coord_directive WHERE id = ? AND file_bytes IS NOT NULL").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional().orElseThrow(() -> new NotFound("directive file", id));
    }

    private static Directive directive(ResultSet rs, int n) throws SQLException {
        return new Directive(rs.getLong("id"), rs.getString("doc_kind"), rs.getString("number"),
                rs.getDate("issued_on").toLocalDate(), rs.getLong("issuer_agency_id"), rs.getString("issuer_code"),
                rs.getString("signer"), rs.getString("title"), rs.getString("summary"), rs.getString("body"),
                rs.getString("file_name"), rs.getString("status"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
