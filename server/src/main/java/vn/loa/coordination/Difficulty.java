package vn.loa.coordination;

import java.time.Instant;
import java.util.List;

/**
 * A difficulty or a proposal an agency sent to the province.
 *
 * @param kind DIFFICULTY or PROPOSAL
 * @param status SUBMITTED, FORWARDED, ANSWERED or CLOSED
 */
public record Difficulty(long id, String kind, String agencyCode, Long directiveId, Long taskId, String title, String body,
        String status, String forwardedToCode, String forwardNote, String answer, String answeredBy, Instant answeredAt,
        String createdBy, Instant createdAt, List<Attachment> attachments) {

    public Difficulty {
        attachments = List.copyOf(attachments);
    }
}
