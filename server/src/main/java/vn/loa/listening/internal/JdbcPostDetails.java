package vn.loa.listening.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.PostCorrections;
import vn.loa.listening.PostDetails;

/** A post for its page, read with the search's rule of who reads what ({@link VisiblePosts}). */
@Service
class JdbcPostDetails implements PostDetails {

    private final JdbcClient jdbc;
    private final PostCorrections corrections;

    JdbcPostDetails(JdbcClient jdbc, PostCorrections corrections) {
        this.jdbc = jdbc;
        this.corrections = corrections;
    }

    @Override
    public Optional<Post> find(long postId, SignedInUser user) {
        VisiblePosts visible = VisiblePosts.to(user);
        Optional<Post> found = jdbc.sql("""
                SELECT p.id, p.platform, s.code AS source, p.url, p.published_at, p.title, p.text, p.places, p.agencies,
                       a.code AS owner, p.story_id, p.sentiment, p.topic, p.domain, p.toxicity, p.register
                FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                WHERE p.id = ? AND %s""".formatted(visible.condition())).params(visible.after(postId))
                .query((rs, row) -> {
                    List<String> agencies = Arrays.asList((String[]) rs.getArray("agencies").getArray());
                    Map<String, String> labels = new LinkedHashMap<>();
                    for (String field : List.of("sentiment", "topic", "domain", "toxicity", "register")) {
                        labels.put(field, rs.getString(field));
                    }
                    labels.put("agency", String.join(" ", agencies));
                    String owner = rs.getString("owner");
                    return new Post(rs.getLong("id"), rs.getString("platform"), rs.getString("source"), rs.getString("url"),
                            rs.getTimestamp("published_at").toInstant(), rs.getString("title"), rs.getString("text"),
                            Arrays.asList((String[]) rs.getArray("places").getArray()), agencies, owner,
                            rs.getObject("story_id", Long.class), labels, List.of(),
                            PostCorrections.mayCorrect(user, agencies, owner == null ? "" : owner));
                }).optional();
        if (found.isEmpty() || user.has(Role.PRESS) || user.apiClient()) {
            return found;
        }
        // who corrected what is internal: read through the corrections, which apply their own rule to it
        Post post = found.get();
        return Optional.of(new Post(post.id(), post.platform(), post.source(), post.url(), post.publishedAt(), post.title(),
                post.text(), post.places(), post.agencies(), post.receivedBy(), post.story(), post.labels(),
                new ArrayList<>(corrections.of(postId, user)), post.correctable()));
    }
}
