package vn.loa.consultation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.NotFound;

/** Reads the consultation, its draft's articles and its contributions from the core tables (V32). */
@Component
class ConsultationRows {

    static final String WHOLE_DRAFT = "draft";

    private final JdbcClient jdbc;

    ConsultationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Consultation(long id, long draftId, long versionId, String agencyCode, String title, String status,
            Long finalVersionId) {
    }

    record Unit(long id, Long parentId, String kind, String number, String heading, String body, String unitKey,
            int position) {
    }

    record Contribution(long id, Long unitId, String kind, String authorName, String organisation, String contactKind,
            String contact, boolean verified, String body, String sentiment, String status, String reference) {
    }

    /** An article (or the whole draft) in the draft's order. */
    record Article(String unitKey, String label, int position) {
    }

    Consultation find(long id) {
        return jdbc.sql("""
                SELECT id, draft_id, version_id, agency_code, title, status, final_version_id FROM consultation
                WHERE id = ?""").param(id).query((rs, n) -> new Consultation(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7))).optional()
                .orElseThrow(() -> new NotFound("consultation", id));
    }

    /** The consultation, or NotFound when the user may not see it (so that its existence is not given away). */
    Consultation visible(long id, SignedInUser user) {
        Consultation c = find(id);
        if (!ConsultationAccess.maySee(c.agencyCode(), user)) {
            throw new NotFound("consultation", id);
        }
        return c;
    }

    List<Unit> units(long versionId) {
        return jdbc.sql("""
                SELECT id, parent_id, kind, number, heading, body, unit_key, position FROM consultation_draft_unit
                WHERE version_id = ? ORDER BY position""").param(versionId).query((rs, n) -> new Unit(rs.getLong(1),
                (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8))).list();
    }

    /** The articles of a version in order, the whole draft first, keyed by unit key. */
    Map<String, Article> articles(long versionId) {
        Map<String, Article> articles = new LinkedHashMap<>();
        articles.put(WHOLE_DRAFT, new Article(WHOLE_DRAFT, "Toàn bộ dự thảo", -1));
        for (Unit u : units(versionId)) {
            if (u.kind().equals("ARTICLE")) {
                articles.put(u.unitKey(), new Article(u.unitKey(), articleLabel(u), u.position()));
            }
        }
        return articles;
    }

    static String articleLabel(Unit u) {
        String heading = u.heading() == null || u.heading().isBlank() ? "" : ". " + u.heading().strip();
        return "Điều " + (u.number() == null ? "" : u.number()) + heading;
    }

    /** For each unit of a version, the unit key of the article it belongs to ("draft" outside any article). */
    Map<Long, String> articleOfUnit(long versionId) {
        List<Unit> units = units(versionId);
        Map<Long, Unit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        Map<Long, String> result = new LinkedHashMap<>();
        for (Unit u : units) {
            Unit at = u;
            while (at != null && !at.kind().equals("ARTICLE")) {
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
            result.put(u.id(), at == null ? WHOLE_DRAFT : at.unitKey());
        }
        return result;
    }

    /** The text of each article of a version (heading, then every clause and point), keyed by unit key. */
    Map<String, String> articleTexts(long versionId) {
        List<Unit> units = units(versionId);
        Map<Long, String> articleOf = articleOfUnit(versionId);
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        for (Unit u : units) {
            String key = articleOf.get(u.id());
            if (key.equals(WHOLE_DRAFT)) {
                continue;
            }
            StringBuilder text = texts.computeIfAbsent(key, k -> new StringBuilder());
            if (u.kind().equals("ARTICLE")) {
                text.append(articleLabel(u)).append('\n');
            } else if (u.number() != null && !u.kind().equals("ARTICLE")) {
                text.append(u.number()).append(u.kind().equals("POINT") ? ") " : ". ");
            }
            if (u.body() != null && !u.body().isBlank()) {
                text.append(u.body().strip()).append('\n');
            } else if (!u.kind().equals("ARTICLE")) {
                text.append('\n');
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        texts.forEach((k, v) -> result.put(k, v.toString().strip()));
        return result;
    }

    /**
     * The published contributions of a consultation about the draft, oldest first: those an officer marked off-topic
     * are left out of the groups and their counts ({@link #offTopic}).
     */
    List<Contribution> published(long consultationId) {
        return jdbc.sql("""
                SELECT id, unit_id, kind, author_name, organisation, contact_kind, contact, verified, body, sentiment,
                    status, reference
                FROM consultation_contribution WHERE consultation_id = ? AND status = 'PUBLISHED' AND NOT off_topic
                ORDER BY received_at, id""").param(consultationId).query((rs, n) -> new Contribution(rs.getLong(1),
                (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12))).list();
    }

    /**
     * A contribution an officer marked as not about the draft, with the part of the draft it was sent on (null for the
     * whole draft) and the officer's note.
     */
    record OffTopic(long id, Long unitId, String kind, String body, String status, String reference, String note) {
    }

    /** The contributions marked off-topic and not rejected (published, or still held by moderation), oldest first. */
    List<OffTopic> offTopic(long consultationId) {
        return jdbc.sql("""
                SELECT id, unit_id, kind, body, status, reference, off_topic_note FROM consultation_contribution
                WHERE consultation_id = ? AND off_topic AND status <> 'REJECTED' ORDER BY received_at, id""")
                .param(consultationId).query((rs, n) -> new OffTopic(rs.getLong(1), (Long) rs.getObject(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    static <T> List<T> copy(List<T> list) {
        return new ArrayList<>(list);
    }
}
