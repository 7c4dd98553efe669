package vn.loa.press;

import java.time.Instant;
import vn.loa.shared.MessagePart;

/**
 * A statement of an agency to the press, in one of the six forms of Decree 09/2017, Art. 4.
 *
 * @param outletId the press agency a correction request is addressed to, or null
 * @param enquiryId the enquiry a written answer answers, or null
 * @param draftedBy who drafted it, or null when the reader is a journalist (the agency's internal work)
 * @param approvedBy who approved it (the spokesperson or head), null while a draft or when the reader is a journalist
 * @param mailed how the e-mail to the media list went, or null (and null for a journalist)
 */
public record Statement(long id, String agencyCode, StatementForm form, StatementChannel channel, String title,
        String body, StatementStatus status, Long outletId, Long enquiryId, String draftedBy, Instant createdAt,
        String approvedBy, Instant publishedAt, MessagePart mailed) {
}
