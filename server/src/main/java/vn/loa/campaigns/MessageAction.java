package vn.loa.campaigns;

/** A step of a message's approval. */
public enum MessageAction {
    /** the author sends the draft to review */
    SUBMIT,
    /** an approver who is not the author approves it */
    APPROVE,
    /** an approver sends it back to draft */
    RETURN,
    /** sets its publication time */
    SCHEDULE,
    /** withdraws it (and its publications) */
    WITHDRAW,
    /** emergency only: one approver who is not the author approves and publishes at once, with a reason */
    EMERGENCY_PUBLISH
}
