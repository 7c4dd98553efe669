package vn.loa.misinformation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.listening.PostFlags;
import vn.loa.shared.LocalTime;

/** Flags a post that carries a refuted claim (one of the case's posts, or a repeat) with the date and its refutation. */
@Component
class RefutedPostFlags implements PostFlags {

    private final JdbcClient jdbc;

    RefutedPostFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, List<Flag>> flagsFor(Collection<Long> postIds) {
        Map<Long, List<Flag>> flags = new HashMap<>();
        if (postIds.isEmpty()) {
            return flags;
        }
        jdbc.sql("""
                SELECT cp.post_id, c.published_at, c.slug FROM case_post cp JOIN misinformation_case c ON c.id = cp.case_id
                 WHERE cp.post_id = ANY (?) AND c.status = 'REFUTED' AND c.published_at IS NOT NULL
                 ORDER BY c.published_at
                """).param(postIds.toArray(Long[]::new)).query((rs, n) -> {
                    flags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Flag("cases.already-refuted",
                            List.of(LocalTime.formatDay(rs.getTimestamp(2).toInstant())),
                            "/public/refutations/" + rs.getString(3)));
                    return null;
                }).list();
        return flags;
    }
}
