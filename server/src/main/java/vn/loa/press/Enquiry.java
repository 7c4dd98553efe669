package vn.loa.press;

import java.time.Instant;

/**
 * A press enquiry as the desk and the journalist see it.
 *
 * @param journalistUsername the PRESS account that asked through Loa, or null for a question an officer recorded
 * @param spokespersonId the registry row it was routed to, or null when the agency has no valid spokesperson
 * @param dueAt when the answer is due, by the time limit in force when it was received
 * @param timeLimitSource the legal or internal source of that limit
 * @param draft the officer's draft answer, or null
 * @param answer the approved answer, or null
 * @param published whether the answer is published for every journalist, not only sent back privately
 * @param crisisRequest the journalist's request for crisis handling and the agency's decision, or null when none was made
 * @param withdrawal who withdrew the question, when and why, or null while it is not withdrawn (or was before issue #10)
 */
public record Enquiry(long id, String agencyCode, EnquiryKind kind, EnquiryChannel channel, String journalistUsername,
        String journalistName, String outletName, String contactEmail, String contactPhone, String subject,
        String question, Instant receivedAt, Instant dueAt, TimeLimit timeLimit, EnquiryStatus status,
        Long spokespersonId, String spokespersonName, String draft, String draftedBy, String answer,
        String approvedBy, Instant answeredAt, boolean published, String createdBy, Instant createdAt,
        CrisisRequest crisisRequest, Withdrawal withdrawal) {

    /** Whether it is open and its due time has passed. */
    public boolean overdue(Instant now) {
        return status.open() && dueAt.isBefore(now);
    }

    /**
     * Whether the journalist's request for crisis handling waits for the agency: made, not decided, and the question
     * still open and routine (a question linked to a crisis is a crisis question already).
     */
    public boolean crisisRequestPending() {
        return crisisRequest != null && crisisRequest.pending() && status.open() && kind == EnquiryKind.ROUTINE;
    }

    /**
     * A withdrawal of the question.
     *
     * @param byAgency whether the agency's staff recorded it (the journalist did not withdraw it on Loa themselves)
     * @param reason why the agency withdrew it, which the journalist reads; null for the journalist's own withdrawal
     * @param late whether it came after the due time: a question the agency withdraws late still counts as late
     */
    public record Withdrawal(Instant at, boolean byAgency, String reason, boolean late) {
    }
}
