package vn.loa.campaigns;

import java.time.Instant;

/**
 * A human translation of a channel version into Chăm ({@code cjm}) or Raglai ({@code roc}).
 *
 * @param status ASSIGNED (waiting for the translator), SUBMITTED (waiting for review) or APPROVED (publishable)
 * @param reviewer who approved it, never the translator
 */
public record Translation(long id, long versionId, long messageId, VersionKind kind, String language,
        String translator, String status, String body, String audioName, String reviewer, String assignedBy,
        Instant assignedAt, Instant submittedAt, Instant approvedAt) {

    /** Whether it may be published. */
    public boolean approved() {
        return "APPROVED".equals(status);
    }
}
