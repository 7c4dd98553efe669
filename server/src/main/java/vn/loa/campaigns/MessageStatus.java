package vn.loa.campaigns;

/** Where a message stands on its way to the public. */
public enum MessageStatus {
    /** being written; its versions may be edited */
    DRAFT,
    /** submitted; waiting for an approver who is not its author */
    IN_REVIEW,
    /** approved; waiting for its publication time */
    APPROVED,
    /** approved with a publication time; the scheduler publishes it then */
    SCHEDULED,
    /** handed to publishing, one publication per channel version and language */
    PUBLISHED,
    /** withdrawn; what had not gone out is withdrawn from publishing too */
    WITHDRAWN
}
