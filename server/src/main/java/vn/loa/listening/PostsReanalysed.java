package vn.loa.listening;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/**
 * A re-analysis ran to its end: every post labelled by other models was analysed again with today's (and, for a
 * re-routing run, every other post's places and agencies were read again).
 *
 * @param by who ran it to its end (who started it is {@code startedBy}; a resumed run may differ)
 * @param runId the run
 * @param modelVersion the version of the models the posts are labelled with now
 * @param startedBy who started it
 * @param posts how many posts it re-analysed
 * @param routing for a re-routing run, the version of the routing it routed every post by; null otherwise
 */
public record PostsReanalysed(Actor by, long runId, String modelVersion, String startedBy, long posts, String routing)
        implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model_version", modelVersion);
        details.put("started_by", startedBy);
        details.put("posts", posts);
        if (routing != null) {
            details.put("routing", routing);
        }
        return new AuditEntry(by.username(), by.agencyCode(), "posts.reanalysed", "reanalysis", Long.toString(runId),
                details);
    }
}
