package vn.loa.listening;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/**
 * Search results were exported to a file.
 *
 * @param by who exported them
 * @param format csv or xlsx
 * @param query the search's parameters as in the address
 * @param rows how many posts the file holds
 */
public record PostsExported(Actor by, String format, String query, int rows) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("query", query);
        details.put("rows", rows);
        return new AuditEntry(by.username(), by.agencyCode(), "posts.exported", "post-search", format, details);
    }
}
