package vn.loa.misinformation.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.listening.Trends;

/**
 * Tells listening which case already covers an emerging issue: a case opened on one of the main stories, or
 * holding at least a third of its posts. Dismissed cases do not count; among the rest, the one holding the most wins,
 * open ones before answered ones at a tie.
 */
@Component
class CaseCoverage implements Trends.CoverageLookup {

    private final JdbcClient jdbc;
    private final org.springframework.beans.factory.ObjectProvider<vn.loa.misinformation.Cases> cases;

    CaseCoverage(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<vn.loa.misinformation.Cases> cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Override
    public boolean opens(long caseId, vn.loa.identity.SignedInUser user) {
        try {
            cases.getObject().get(caseId, user);
            return true;
        } catch (vn.loa.shared.NotFound | org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    @Override
    public Trends.Coverage covering(List<Long> storyIds, List<Long> postIds) {
        if (storyIds.isEmpty() && postIds.isEmpty()) {
            return null;
        }
        return jdbc.sql("""
                SELECT c.id, c.status, c.published_at IS NOT NULL OR c.status IN ('ANSWERED', 'REFUTED', 'REFERRED'), c.claim,
                       (SELECT count(*) FROM case_post cp WHERE cp.case_id = c.id AND cp.post_id = ANY(?)) AS held,
                       c.story_id = ANY(?) AS on_story
                FROM misinformation_case c
                WHERE c.status <> 'DISMISSED'
                  AND (c.story_id = ANY(?) OR EXISTS (SELECT 1 FROM case_post cp WHERE cp.case_id = c.id AND cp.post_id = ANY(?)))
                ORDER BY on_story DESC, held DESC, c.published_at IS NULL DESC, c.id DESC
                LIMIT 5""").params(postIds.toArray(Long[]::new), storyIds.toArray(Long[]::new),
                        storyIds.toArray(Long[]::new), postIds.toArray(Long[]::new))
                .query((rs, row) -> rs.getBoolean(6) || rs.getLong(5) * 3 >= postIds.size()
                        ? new Trends.Coverage(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)) : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
