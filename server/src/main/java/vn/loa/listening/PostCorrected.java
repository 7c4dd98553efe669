package vn.loa.listening;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/**
 * A post's label was corrected; the search index re-reads the post.
 *
 * @param postId the post
 * @param field sentiment, topic, domain, toxicity, register or agency
 * @param oldValue what it was
 * @param newValue what it is now
 */
public record PostCorrected(Actor by, long postId, String field, String oldValue, String newValue)
        implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("from", oldValue);
        details.put("to", newValue);
        return new AuditEntry(by.username(), by.agencyCode(), "post.corrected", "post", Long.toString(postId), details);
    }
}
