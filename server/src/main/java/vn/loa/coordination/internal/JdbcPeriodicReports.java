package vn.loa.coordination.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.audit.ChainVerification;
import vn.loa.coordination.PeriodicReports;
import vn.loa.coordination.ReportEvent;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.ReportKind;
import vn.loa.coordination.ReportPeriod;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.AgencySigners.Signer;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Periodic reports in {@code coord_report}. The issuing body is the agency of {@code loa.coordination.reports.issuer}
 * valid on the day (default 56, the province's People's Committee since 01/07/2025) and the symbol
 * {@code loa.coordination.reports.symbol} (default BC-UBND). Numbers run per symbol and calendar year of issue from 01
 * (Decree 30/2020), taken under a transaction lock so that two issues never share one. The version an edit names is the
 * report's last change (generation or edit) in microseconds since the epoch.
 */
@Service
class JdbcPeriodicReports implements PeriodicReports {

    /** The longest text of a section. */
    static final int MAX_SECTION = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReportFigureQueries queries;
    private final ReportText text;
    private final ReportDocument document;
    private final ReportCharts charts;
    private final AuditTrail audit;
    private final AgencyDirectory agencies;
    private final AgencySigners signers;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final String issuerCode;
    private final String symbol;

    JdbcPeriodicReports(JdbcClient jdbc, Clock clock, ReportFigureQueries queries, ReportText text, ReportDocument document,
            ReportCharts charts, AuditTrail audit, AgencyDirectory agencies, ApplicationEventPublisher events,
            ObjectMapper json, ReportSettings settings, AgencySigners signers) {
        this.signers = signers;
        this.jdbc = jdbc;
        this.clock = clock;
        this.queries = queries;
        this.text = text;
        this.document = document;
        this.charts = charts;
        this.audit = audit;
        this.agencies = agencies;
        this.events = events;
        this.json = json;
        this.issuerCode = settings.issuer();
        this.symbol = settings.symbol();
    }

    // ---- who may

    private static boolean mayRead(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.LEADER) || user.has(Role.ADMIN);
    }

    private static void mustWrite(SignedInUser user) {
        if (!user.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("only a coordinator makes periodic reports");
        }
    }

    /** A report the user may not read does not exist for them (404); one they may read but not change is refused (403). */
    private static void mustWrite(long id, SignedInUser user) {
        if (!mayRead(user)) {
            throw new NotFound("report", id);
        }
        mustWrite(user);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- reading

    @Override
    public List<Summary> list(SignedInUser user) {
        if (!mayRead(user)) {
            throw new AccessDeniedException("periodic reports are the province's");
        }
        return jdbc.sql("""
                SELECT id, kind, period_start, period_end, title, status, symbol, number, issued_on, generated_at
                FROM coord_report ORDER BY period_start DESC, id DESC""").query((rs, n) -> new Summary(rs.getLong("id"),
                ReportKind.valueOf(rs.getString("kind")), rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(), rs.getString("title"), rs.getString("status"),
                rs.getObject("number") == null ? null : two(rs.getInt("number")) + "/" + rs.getString("symbol"),
                rs.getDate("issued_on") == null ? null : rs.getDate("issued_on").toLocalDate(),
                rs.getTimestamp("generated_at").toInstant())).list();
    }

    @Override
    public Report get(long id, SignedInUser user) {
        if (!mayRead(user)) {
            throw new NotFound("report", id);
        }
        return find(id, false);
    }

    private Report find(long id, boolean lock) {
        return jdbc.sql("SELECT r.*, a.code AS issuer_code, a.name_vi AS issuer_name FROM coord_report r "
                + "JOIN agency a ON a.id = r.issuer_agency_id WHERE r.id = ?" + (lock ? " FOR UPDATE OF r" : ""))
                .param(id).query(this::report).optional().orElseThrow(() -> new NotFound("report", id));
    }

    private Report report(ResultSet rs, int row) throws SQLException {
        ReportFigures figures = json.readValue(rs.getString("figures"), ReportFigures.class);
        Map<String, String> stored = json.readValue(rs.getString("sections"), new TypeReference<Map<String, String>>() {
        });
        LinkedHashMap<String, String> sections = new LinkedHashMap<>();
        for (String key : SECTIONS) {
            sections.put(key, stored.getOrDefault(key, ""));
        }
        Instant generated = rs.getTimestamp("generated_at").toInstant();
        Instant edited = instant(rs.getTimestamp("edited_at"));
        Instant changed = edited != null && edited.isAfter(generated) ? edited : generated;
        return new Report(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(), rs.getString("issuer_code"), rs.getString("issuer_name"),
                rs.getString("symbol"), (Integer) rs.getObject("number"), (Integer) rs.getObject("number_year"),
                rs.getString("title"), rs.getString("status"), figures, sections, generated, rs.getString("generated_by"),
                edited, rs.getString("edited_by"), instant(rs.getTimestamp("issued_at")), rs.getString("issued_by"),
                rs.getDate("issued_on") == null ? null : rs.getDate("issued_on").toLocalDate(),
                (Long) rs.getObject("audit_record_id"), rs.getString("audit_hash"), ChronoUnit.MICROS.between(Instant.EPOCH, changed));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static ReportPeriod period(Report r) {
        return ReportPeriod.starting(r.kind().name(), r.periodStart(), r.periodStart());
    }

    // ---- writing

    @Override
    @Transactional
    public Report generate(ReportPeriod period, SignedInUser user) {
        mustWrite(user);
        LocalDate today = today();
        Agency issuer = agencies.findByCode(issuerCode, today)
                .orElseThrow(() -> new IllegalStateException("loa.coordination.reports.issuer: no agency " + issuerCode
                        + " valid on " + today));
        // one report per kind and period: a second would compete with the first for a number, or be issued twice
        Optional<String> existing = jdbc.sql("""
                SELECT CASE WHEN number IS NULL THEN '#' || id ELSE lpad(number::text, 2, '0') || '/' || symbol END
                FROM coord_report WHERE kind = ? AND period_start = ? ORDER BY id LIMIT 1""")
                .params(period.kind().name(), Date.valueOf(period.from())).query(String.class).optional();
        if (existing.isPresent()) {
            throw new InvalidInput("period", "periodic.error.exists", existing.get());
        }
        ReportFigures figures = queries.compute(period, user);
        String title = "Báo cáo công tác truyền thông chính sách " + period.vietnamese();
        long id = jdbc.sql("""
                INSERT INTO coord_report (kind, period_start, period_end, issuer_agency_id, symbol, title, figures, sections,
                                          generated_at, generated_by)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?) RETURNING id""")
                .params(period.kind().name(), Date.valueOf(period.from()), Date.valueOf(period.to()), issuer.id().value(),
                        symbol, title, json.writeValueAsString(figures), json.writeValueAsString(text.draft(figures, period)),
                        Timestamp.from(now()), user.username())
                .query(Long.class).single();
        events.publishEvent(new ReportEvent(user.actor(), id, "generated", period.kind().name(), period.from().toString(),
                Map.of("title", title)));
        return find(id, false);
    }

    @Override
    @Transactional
    public Report edit(long id, Map<String, String> sections, long version, SignedInUser user) {
        mustWrite(id, user);
        Report r = draft(id, version);
        if (sections == null || sections.isEmpty()) {
            throw new InvalidInput("sections", "periodic.error.sections");
        }
        LinkedHashMap<String, String> texts = new LinkedHashMap<>(r.sections());
        for (Map.Entry<String, String> e : sections.entrySet()) {
            if (!SECTIONS.contains(e.getKey())) {
                throw new InvalidInput("sections", "periodic.error.section-unknown", e.getKey());
            }
            String value = e.getValue() == null ? "" : e.getValue().replace("\r\n", "\n").strip();
            if (value.length() > MAX_SECTION) {
                throw new InvalidInput("sections." + e.getKey(), "periodic.error.section-long", MAX_SECTION);
            }
            texts.put(e.getKey(), value);
        }
        jdbc.sql("UPDATE coord_report SET sections = CAST(? AS jsonb), edited_at = ?, edited_by = ? WHERE id = ?")
                .params(json.writeValueAsString(texts), Timestamp.from(later(r)), user.username(), id).update();
        events.publishEvent(new ReportEvent(user.actor(), id, "edited", r.kind().name(), r.periodStart().toString(),
                Map.of("sections", String.join(",", sections.keySet()))));
        return find(id, false);
    }

    /** A moment after the report's last change, so that the version always moves on. */
    private Instant later(Report r) {
        Instant now = now();
        Instant last = Instant.EPOCH.plus(r.version(), ChronoUnit.MICROS);
        return now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
    }

    private Report draft(long id, Long version) {
        Report r = find(id, true);
        if (r.issued()) {
            throw new Conflict("periodic.error.issued", r.numberAndSymbol());
        }
        if (version != null && version != r.version()) {
            throw new Conflict("periodic.error.stale");
        }
        return r;
    }

    @Override
    @Transactional
    public Report regenerate(long id, boolean redraft, SignedInUser user) {
        mustWrite(id, user);
        Report r = draft(id, null);
        ReportPeriod period = period(r);
        ReportFigures figures = queries.compute(period, user);
        Redrafted redrafted = redraft(r, figures, period, redraft);
        jdbc.sql("UPDATE coord_report SET figures = CAST(? AS jsonb), sections = CAST(? AS jsonb), generated_at = ?, generated_by = ? WHERE id = ?")
                .params(json.writeValueAsString(figures), json.writeValueAsString(redrafted.texts()), Timestamp.from(later(r)),
                        user.username(), id).update();
        events.publishEvent(new ReportEvent(user.actor(), id, "regenerated", r.kind().name(), r.periodStart().toString(),
                Map.of("redraft", redraft, "keptSections", redrafted.kept())));
        return find(id, false);
    }

    /** The sections for new figures, and how many an officer changed and were kept. */
    private record Redrafted(LinkedHashMap<String, String> texts, int kept) {
    }

    private Redrafted redraft(Report r, ReportFigures figures, ReportPeriod period, boolean redraft) {
        LinkedHashMap<String, String> texts = new LinkedHashMap<>();
        int kept = 0;
        for (String key : SECTIONS) {
            String now = r.sections().get(key);
            // a text still as drafted from the old figures is drafted again; one an officer changed is kept
            if (redraft || now == null || now.equals(text.section(key, r.figures(), period))) {
                texts.put(key, text.section(key, figures, period));
            } else {
                texts.put(key, now);
                kept++;
            }
        }
        return new Redrafted(texts, kept);
    }

    @Override
    @Transactional
    public Report issue(long id, boolean beforePeriodEnd, SignedInUser user) {
        // not a default method of the interface: one would run outside this class's transaction, and a refused audit
        // record would leave the report issued
        return issue(id, beforePeriodEnd, null, user);
    }

    @Override
    @Transactional
    public Report issue(long id, boolean beforePeriodEnd, Long signerId, SignedInUser user) {
        mustWrite(id, user);
        Report r = draft(id, null);
        LocalDate today = today();
        // who signs: the one chosen among the issuing body's signers (refused when not one of them), else its default
        Signer signer = agencies.findByCode(r.issuerCode(), today).flatMap(issuer -> signers.chosen(issuer.id(), signerId))
                .orElse(null);
        // a period is over once its last day has passed: a report issued sooner cannot be the period's report, only a
        // quick one that says so
        boolean early = !today.isAfter(r.periodEnd());
        if (early && !beforePeriodEnd) {
            throw new InvalidInput("beforePeriodEnd", "periodic.error.not-over", LocalTime.format(r.periodEnd()));
        }
        int year = today.getYear();
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) AS locked").param("coord_report:" + r.symbol() + ":" + year)
                .query(Integer.class).single();
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM coord_report WHERE symbol = ? AND number_year = ?")
                .params(r.symbol(), year).query(Integer.class).single();
        // the document goes out with the figures as they stand now, not as they stood when the draft was last computed
        ReportPeriod period = period(r);
        ReportFigures figures = queries.compute(period, user);
        Redrafted redrafted = redraft(r, figures, period, false);
        String title = early ? r.title() + " (số liệu đến ngày " + LocalTime.format(figures.asOf()) + ")" : r.title();
        AuditRecord seal = audit.newest(1, null).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the audit trail is empty: nothing to seal with"));
        Report numbered = new Report(r.id(), r.kind(), r.periodStart(), r.periodEnd(), r.issuerCode(), r.issuerName(),
                r.symbol(), number, year, title, "ISSUED", figures, redrafted.texts(), figures.computedAt(),
                user.username(), r.editedAt(), r.editedBy(), now(), user.username(), today, seal.id(), seal.hash(),
                r.version());
        byte[] docx = document.render(numbered, today, signer);
        jdbc.sql("""
                UPDATE coord_report SET status = 'ISSUED', number = ?, number_year = ?, issued_at = ?, issued_by = ?, issued_on = ?,
                       audit_record_id = ?, audit_hash = ?, docx = ?, title = ?, figures = CAST(? AS jsonb),
                       sections = CAST(? AS jsonb), generated_at = ?, generated_by = ?, signer_name = ?, signer_title = ?
                WHERE id = ?""")
                .params(number, year, Timestamp.from(numbered.issuedAt()), user.username(), Date.valueOf(today), seal.id(),
                        seal.hash(), docx, title, json.writeValueAsString(figures),
                        json.writeValueAsString(redrafted.texts()), Timestamp.from(later(r)), user.username(),
                        signer == null ? null : signer.fullName(), signer == null ? null : signer.title(), id)
                .update();
        events.publishEvent(new ReportEvent(user.actor(), id, "issued", r.kind().name(), r.periodStart().toString(),
                Map.of("number", numbered.numberAndSymbol(), "issuedOn", today.toString(), "sealRecord", seal.id(),
                        "sealHash", seal.hash(), "beforePeriodEnd", early, "figuresAsOf", figures.asOf().toString(),
                        "figuresComputedAt", figures.computedAt().toString(), "signer",
                        signer == null ? "" : signer.fullName() + ", " + signer.title())));
        return find(id, false);
    }

    @Override
    public List<Signer> signers(long id, SignedInUser user) {
        Report r = get(id, user);
        return agencies.findByCode(r.issuerCode(), today()).map(issuer -> signers.of(issuer.id())).orElse(List.of());
    }

    @Override
    public Optional<SignedBy> signedBy(long id, SignedInUser user) {
        get(id, user);
        return jdbc.sql("SELECT signer_name, signer_title FROM coord_report WHERE id = ? AND signer_name IS NOT NULL")
                .param(id).query((rs, n) -> new SignedBy(rs.getString(1), rs.getString(2))).optional();
    }

    // ---- files and the seal

    @Override
    public Document docx(long id, SignedInUser user) {
        Report r = get(id, user);
        String name = "bao-cao-" + switch (r.kind()) {
            case MONTHLY -> "thang";
            case QUARTERLY -> "quy";
            case YEARLY -> "nam";
        } + "-" + r.periodStart()
                + (r.issued() ? "-so-" + two(r.number()) : "-du-thao") + ".docx";
        if (r.issued()) {
            byte[] stored = jdbc.sql("SELECT docx FROM coord_report WHERE id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
            return new Document(name, stored);
        }
        // a draft is not signed yet: who signs is chosen when it is issued, so it bears no name
        return new Document(name, document.render(r, today(), null));
    }

    @Override
    public byte[] chart(long id, String name, SignedInUser user) {
        if (!ReportCharts.NAMES.contains(name)) {
            throw new NotFound("chart", name);
        }
        return charts.chart(name, get(id, user).figures());
    }

    @Override
    public SealCheck seal(long id, SignedInUser user) {
        Report r = get(id, user);
        Long newest = audit.newest(1, null).stream().findFirst().map(AuditRecord::id).orElse(null);
        if (!r.issued()) {
            return new SealCheck(false, null, null, false, false, null, false, newest);
        }
        boolean present = audit.newest(1, r.auditRecordId() + 1).stream()
                .anyMatch(a -> a.id() == r.auditRecordId() && a.hash().equals(r.auditHash()));
        ChainVerification chain = audit.verify();
        // the report's own "issued" record was appended after the seal: without it, records after the seal were removed
        boolean later = jdbc.sql("""
                SELECT count(*) FROM audit_record WHERE action = 'coord-report.issued' AND target_type = 'coord-report'
                AND target_id = ? AND id > ?""").params(String.valueOf(id), r.auditRecordId()).query(Long.class).single() > 0
                && newest != null && newest > r.auditRecordId();
        return new SealCheck(true, r.auditRecordId(), r.auditHash(), present, chain.intact(),
                chain.firstBrokenRecord().orElse(null), later, newest);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
