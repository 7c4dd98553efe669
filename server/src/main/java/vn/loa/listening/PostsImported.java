package vn.loa.listening;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/**
 * A file of posts was imported: the posts are stored and analysed.
 *
 * @param by who imported it
 * @param importId the import
 * @param fileName the file's name
 * @param read lines read
 * @param stored posts stored
 * @param duplicates posts already there
 * @param quarantined lines refused
 */
public record PostsImported(Actor by, long importId, String fileName, int read, int stored, int duplicates,
        int quarantined) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", fileName);
        details.put("read", read);
        details.put("stored", stored);
        details.put("duplicates", duplicates);
        details.put("quarantined", quarantined);
        return new AuditEntry(by.username(), by.agencyCode(), "posts.imported", "post-import", Long.toString(importId),
                details);
    }
}
