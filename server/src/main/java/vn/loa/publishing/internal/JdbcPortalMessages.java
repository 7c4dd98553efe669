package vn.loa.publishing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.publishing.PortalMessages;
import vn.loa.shared.NotFound;

/**
 * The portal's messages: PORTAL publications whose time has come and that were not withdrawn. The body is sanitised
 * again on the way out (jsoup's basic safelist plus images), whatever the caller sent.
 */
@Service
class JdbcPortalMessages implements PortalMessages {

    private static final Safelist SAFE = Safelist.basicWithImages().addTags("h2", "h3", "h4");

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcPortalMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String VISIBLE = """
            SELECT * FROM pub_publication WHERE channel = 'PORTAL' AND withdrawn_at IS NULL AND publish_at <= ?""";

    @Override
    public List<PortalMessage> published(String policy, String communeCode, int limit) {
        StringBuilder sql = new StringBuilder(VISIBLE);
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(clock.instant()));
        if (PublishingAccess.text(policy) != null) {
            sql.append(" AND policy = ?");
            params.add(policy.strip());
        }
        if (PublishingAccess.text(communeCode) != null) {
            sql.append(" AND (communes = '' OR ',' || communes || ',' LIKE ?)");
            params.add("%," + communeCode.strip().replace("%", "").replace("_", "") + ",%");
        }
        params.add(limit);
        return jdbc.sql(sql + " ORDER BY emergency DESC, publish_at DESC, id DESC LIMIT ?").params(params)
                .query(JdbcPortalMessages::message).list();
    }

    @Override
    public PortalMessage published(long id) {
        return jdbc.sql(VISIBLE + " AND id = ?").params(Timestamp.from(clock.instant()), id)
                .query(JdbcPortalMessages::message).optional().orElseThrow(() -> new NotFound("portal-message", id));
    }

    @Override
    public List<vn.loa.publishing.Broadcasts.AttachmentInfo> files(long messageId) {
        published(messageId);
        return jdbc.sql("""
                SELECT id, file_name, content_type, octet_length(content) AS size, synthetic FROM pub_attachment
                WHERE publication_id = ? ORDER BY id""").param(messageId)
                .query((rs, n) -> new vn.loa.publishing.Broadcasts.AttachmentInfo(rs.getLong("id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"),
                        rs.getBoolean("synthetic"))).list();
    }

    @Override
    public File file(long messageId, long fileId) {
        published(messageId);
        return jdbc.sql("SELECT file_name, content_type, content FROM pub_attachment WHERE publication_id = ? AND id = ?")
                .params(messageId, fileId)
                .query((rs, n) -> new File(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional().orElseThrow(() -> new NotFound("portal-file", fileId));
    }

    @Override
    public List<String> policies() {
        return jdbc.sql("""
                SELECT DISTINCT policy FROM pub_publication WHERE channel = 'PORTAL' AND withdrawn_at IS NULL
                AND publish_at <= ? AND policy IS NOT NULL ORDER BY policy""")
                .param(Timestamp.from(clock.instant())).query(String.class).list();
    }

    /** Sanitised HTML; a plain-text body keeps its paragraphs. */
    static String body(String stored) {
        String html = stored.contains("<") ? stored : "<p>" + org.jsoup.nodes.Entities.escape(stored)
                .replaceAll("\\n\\s*\\n", "</p><p>").replace("\n", "<br>") + "</p>";
        return Jsoup.clean(html, SAFE);
    }

    private static PortalMessage message(ResultSet rs, int n) throws SQLException {
        return new PortalMessage(rs.getLong("id"), rs.getString("agency_code"), rs.getString("policy"),
                rs.getString("language"), rs.getString("title"), body(rs.getString("body")),
                JdbcBroadcasts.codes(rs.getString("communes")), rs.getTimestamp("publish_at").toInstant(),
                rs.getBoolean("emergency"));
    }
}
