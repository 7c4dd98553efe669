package vn.loa.consultation;

/** Where an answer to a group stands; four eyes: the one who approves is never the one who wrote or submitted it. */
public enum AnswerStatus {
    /** Being written; may still change. */
    DRAFT,
    /** Submitted by its author, waiting for a second person. */
    SUBMITTED,
    /** Approved by someone other than its author; ready to publish. */
    APPROVED,
    /** Shown on the public portal and sent to every contributor of the group with a verified contact. */
    PUBLISHED
}
