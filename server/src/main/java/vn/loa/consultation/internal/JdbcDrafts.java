package vn.loa.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.consultation.ArticleDiff;
import vn.loa.consultation.ConsultationEvent;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.Drafts;
import vn.loa.consultation.UnitKind;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** Drafts on PostgreSQL: the DOCX kept byte for byte, its parts as rows. */
@Service
class JdbcDrafts implements Drafts {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcDrafts(JdbcClient jdbc, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Draft importDraft(NewDraft draft, SignedInUser by) {
        String agencyCode = ConsultationAccess.text(draft.agencyCode());
        if (agencyCode == null) {
            agencyCode = by.agencyCode();
        }
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        if (agencyCode == null || agencies.findByCode(agencyCode, today).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "consultation.error.agency"));
        } else if (!ConsultationAccess.mayAct(agencyCode, by)) {
            throw new AccessDeniedException("may not import a draft for the agency");
        }
        String title = ConsultationAccess.text(draft.title());
        if (title == null || title.length() > 500) {
            problems.add(new InvalidInput("title", "consultation.error.title"));
        }
        List<DraftParser.Part> parts = null;
        try {
            parts = parse(draft.docx());
        } catch (InvalidInput e) {
            problems.add(e);
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        String docKind = ConsultationAccess.text(draft.docKind());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agency", agencyCode);
        params.put("title", title);
        params.put("kind", docKind);
        params.put("by", by.username());
        params.put("at", Timestamp.from(now));
        long draftId = insert("""
                INSERT INTO consultation_draft (agency_code, title, doc_kind, created_by, created_at)
                VALUES (:agency, :title, :kind, :by, :at)""", params);
        store(draftId, agencyCode, 1, draft.fileName(), draft.docx(), draft.note(), false, parts, by, now);
        return get(draftId, by);
    }

    @Override
    @Transactional
    public DraftVersion importVersion(long draftId, String fileName, byte[] docx, String note, boolean finalText,
            SignedInUser by) {
        Draft draft = get(draftId, by);
        if (!ConsultationAccess.mayAct(draft.agencyCode(), by)) {
            throw new AccessDeniedException("may not import a version of the draft");
        }
        jdbc.sql("SELECT id FROM consultation_draft WHERE id = ? FOR UPDATE").param(draftId).query(Long.class).single();
        List<DraftParser.Part> parts = parse(docx);
        int versionNo = jdbc.sql("SELECT coalesce(max(version_no), 0) + 1 FROM consultation_draft_version WHERE draft_id = ?")
                .param(draftId).query(Integer.class).single();
        long versionId = store(draftId, draft.agencyCode(), versionNo, fileName, docx, note, finalText, parts, by,
                clock.instant());
        return version(versionId);
    }

    private static List<DraftParser.Part> parse(byte[] docx) {
        if (docx == null || docx.length == 0 || docx.length > MAX_BYTES) {
            throw new InvalidInput("file", "consultation.error.file");
        }
        try {
            return DraftParser.parse(DocxParagraphs.read(docx));
        } catch (DocxParagraphs.NotDocx e) {
            throw new InvalidInput("file", "consultation.error.not-docx");
        } catch (DraftParser.NoArticle e) {
            throw new InvalidInput("file", "consultation.error.no-article");
        }
    }

    private long store(long draftId, String agencyCode, int versionNo, String fileName, byte[] docx, String note,
            boolean finalText, List<DraftParser.Part> parts, SignedInUser by, Instant now) {
        String name = ConsultationAccess.text(fileName);
        String noteText = ConsultationAccess.text(note);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("draft", draftId);
        params.put("no", versionNo);
        params.put("name", name == null ? "draft.docx" : name);
        params.put("bytes", docx);
        params.put("note", noteText);
        params.put("final", finalText);
        params.put("by", by.username());
        params.put("at", Timestamp.from(now));
        long versionId = insert("""
                INSERT INTO consultation_draft_version
                    (draft_id, version_no, file_name, file_bytes, note, final, imported_by, imported_at)
                VALUES (:draft, :no, :name, :bytes, :note, :final, :by, :at)""", params);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            DraftParser.Part part = parts.get(i);
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("version", versionId);
            unit.put("parent", part.parent() < 0 ? null : ids.get(part.parent()));
            unit.put("kind", part.kind().name());
            unit.put("number", part.number());
            unit.put("heading", part.heading());
            unit.put("body", part.body());
            unit.put("key", part.key());
            unit.put("position", i);
            ids.add(insert("""
                    INSERT INTO consultation_draft_unit (version_id, parent_id, kind, number, heading, body, unit_key, position)
                    VALUES (:version, :parent, :kind, :number, :heading, :body, :key, :position)""", unit));
        }
        events.publishEvent(new ConsultationEvent.DraftVersionImported(by.actor(), draftId, versionId, versionNo,
                agencyCode, finalText));
        return versionId;
    }

    private long insert(String sql, Map<String, ?> params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        var spec = jdbc.sql(sql);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update(keys, "id");
        return keys.getKey().longValue();
    }

    @Override
    public Draft get(long draftId, SignedInUser user) {
        Draft draft = jdbc.sql(DRAFT + " WHERE d.id = ?").param(draftId).query(JdbcDrafts::draft).optional()
                .orElseThrow(() -> new NotFound("draft", draftId));
        if (!ConsultationAccess.maySee(draft.agencyCode(), user)) {
            throw new NotFound("draft", draftId);
        }
        return draft;
    }

    @Override
    public List<Draft> list(SignedInUser user) {
        return jdbc.sql(DRAFT + " ORDER BY d.created_at DESC, d.id DESC").query(JdbcDrafts::draft).list().stream()
                .filter(d -> ConsultationAccess.maySee(d.agencyCode(), user)).toList();
    }

    private static final String DRAFT = """
            SELECT d.*, (SELECT max(version_no) FROM consultation_draft_version v WHERE v.draft_id = d.id) AS latest
            FROM consultation_draft d""";

    private static Draft draft(ResultSet rs, int row) throws SQLException {
        return new Draft(rs.getLong("id"), rs.getString("agency_code"), rs.getString("title"), rs.getString("doc_kind"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("latest"));
    }

    @Override
    public List<DraftVersion> versions(long draftId, SignedInUser user) {
        get(draftId, user);
        return jdbc.sql(VERSION + " WHERE v.draft_id = ? ORDER BY v.version_no").param(draftId)
                .query(JdbcDrafts::version).list();
    }

    @Override
    public java.util.Optional<DraftVersion> finalVersion(long draftId) {
        return jdbc.sql(VERSION + " WHERE v.draft_id = ? AND v.final ORDER BY v.version_no DESC LIMIT 1").param(draftId)
                .query(JdbcDrafts::version).optional();
    }

    DraftVersion version(long versionId) {
        return jdbc.sql(VERSION + " WHERE v.id = ?").param(versionId).query(JdbcDrafts::version).optional()
                .orElseThrow(() -> new NotFound("draft version", versionId));
    }

    private static final String VERSION = """
            SELECT v.id, v.draft_id, v.version_no, v.file_name, v.note, v.final, v.imported_by, v.imported_at,
                   (SELECT count(*) FROM consultation_draft_unit u WHERE u.version_id = v.id AND u.kind = 'ARTICLE')
                       AS articles
            FROM consultation_draft_version v""";

    private static DraftVersion version(ResultSet rs, int row) throws SQLException {
        return new DraftVersion(rs.getLong("id"), rs.getLong("draft_id"), rs.getInt("version_no"),
                rs.getString("file_name"), rs.getString("note"), rs.getBoolean("final"), rs.getString("imported_by"),
                rs.getTimestamp("imported_at").toInstant(), rs.getInt("articles"));
    }

    @Override
    public List<DraftUnit> units(long versionId) {
        return jdbc.sql("SELECT * FROM consultation_draft_unit WHERE version_id = ? ORDER BY position")
                .param(versionId).query((rs, row) -> new DraftUnit(rs.getLong("id"),
                        rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"),
                        UnitKind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getString("heading"),
                        rs.getString("body"), rs.getString("unit_key"), rs.getInt("position")))
                .list();
    }

    @Override
    public DraftFile file(long versionId, SignedInUser user) {
        DraftVersion version = version(versionId);
        get(version.draftId(), user);
        return jdbc.sql("SELECT file_name, file_bytes FROM consultation_draft_version WHERE id = ?").param(versionId)
                .query((rs, row) -> new DraftFile(rs.getString(1), rs.getBytes(2))).single();
    }

    @Override
    public List<ArticleDiff> diff(long draftId, int fromVersion, int toVersion, SignedInUser user) {
        List<DraftVersion> versions = versions(draftId, user);
        DraftVersion from = versions.stream().filter(v -> v.versionNo() == fromVersion).findFirst()
                .orElseThrow(() -> new InvalidInput("from", "consultation.error.version"));
        DraftVersion to = versions.stream().filter(v -> v.versionNo() == toVersion).findFirst()
                .orElseThrow(() -> new InvalidInput("to", "consultation.error.version"));
        return diffVersions(from.id(), to.id());
    }

    @Override
    public List<ArticleDiff> diffVersions(long fromVersionId, long toVersionId) {
        return DraftComparison.compare(units(fromVersionId), units(toVersionId));
    }
}
