package vn.loa.listening.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.listening.PostRecords;

/** Reads stored posts for other modules. */
@Service
class JdbcPostRecords implements PostRecords {

    private static final String SELECT = """
            SELECT p.id, p.platform, s.code AS source, p.external_id, p.url, p.author, p.published_at, p.title, p.text,
                   p.story_id, p.sentiment, p.topic, p.toxicity, p.agencies, p.normalized_text, p.fingerprint, p.ingested_at
              FROM post p JOIN post_source s ON s.id = p.source_id
            """;

    private final JdbcClient jdbc;

    JdbcPostRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PostRecord> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE p.id = ANY (?) ORDER BY p.id")
                .param(ids.toArray(Long[]::new)).query(JdbcPostRecords::record).list();
    }

    @Override
    public List<PostRecord> byStory(long storyId, int limit) {
        return jdbc.sql(SELECT + " WHERE p.story_id = (SELECT coalesce(merged_into, id) FROM story WHERE id = ?) "
                + "ORDER BY p.published_at, p.id LIMIT ?")
                .params(storyId, limit).query(JdbcPostRecords::record).list();
    }

    @Override
    public int storySize(long storyId) {
        return jdbc.sql("SELECT count(*) FROM post p WHERE p.story_id = (SELECT coalesce(merged_into, id) FROM story WHERE id = ?)")
                .param(storyId).query(Integer.class).single();
    }

    @Override
    public List<PostRecord> after(long afterId, int limit) {
        return jdbc.sql(SELECT + " WHERE p.id > ? ORDER BY p.id LIMIT ?")
                .params(afterId, limit).query(JdbcPostRecords::record).list();
    }

    @Override
    public long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM post").query(Long.class).single();
    }

    private static PostRecord record(ResultSet rs, int row) throws SQLException {
        Array agencies = rs.getArray("agencies");
        List<String> codes = agencies == null ? List.of() : Arrays.asList((String[]) agencies.getArray());
        long story = rs.getLong("story_id");
        Long storyId = rs.wasNull() ? null : story;
        return new PostRecord(rs.getLong("id"), rs.getString("platform"), rs.getString("source"),
                rs.getString("external_id"), rs.getString("url"), rs.getString("author"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("title"), rs.getString("text"),
                storyId, rs.getString("sentiment"), rs.getString("topic"), rs.getString("toxicity"),
                codes, rs.getString("normalized_text"), rs.getLong("fingerprint"),
                instant(rs.getTimestamp("ingested_at")));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
