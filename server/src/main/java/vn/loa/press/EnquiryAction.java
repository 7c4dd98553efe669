package vn.loa.press;

import java.util.EnumSet;
import java.util.Set;

/** What is done to a press enquiry: each action is allowed from some statuses only. */
public enum EnquiryAction {
    /** An officer writes (or rewrites) the draft answer. */
    DRAFT(EnumSet.of(EnquiryStatus.RECEIVED, EnquiryStatus.DRAFTED), EnquiryStatus.DRAFTED),
    /** The approver (the agency's spokesperson, or a coordinator for an agency with none) sends the draft back. */
    RETURN(EnumSet.of(EnquiryStatus.DRAFTED), EnquiryStatus.RECEIVED),
    /** The spokesperson or head approves the draft, who did not write it: the answer goes back. */
    APPROVE(EnumSet.of(EnquiryStatus.DRAFTED), EnquiryStatus.ANSWERED),
    /**
     * Another agency is responsible: the enquiry is routed to it and its spokesperson, waiting for its draft; a draft
     * already written stays as the text to start from, but only the new agency's own draft can be approved.
     */
    TRANSFER(EnumSet.of(EnquiryStatus.RECEIVED, EnquiryStatus.DRAFTED), EnquiryStatus.RECEIVED),
    /**
     * The journalist withdraws it; or the agency's staff record a withdrawal (it was recorded by mistake, or the
     * journalist said so), with a reason the journalist reads.
     */
    WITHDRAW(EnumSet.of(EnquiryStatus.RECEIVED, EnquiryStatus.DRAFTED), EnquiryStatus.WITHDRAWN),
    /**
     * An official confirms the journalist's request for crisis handling: the question becomes a crisis question on the
     * crisis time limit. Its status does not change.
     */
    CONFIRM_CRISIS(EnumSet.of(EnquiryStatus.RECEIVED, EnquiryStatus.DRAFTED), null),
    /** An official declines that request, with a reason the journalist reads: the question stays routine. */
    DECLINE_CRISIS(EnumSet.of(EnquiryStatus.RECEIVED, EnquiryStatus.DRAFTED), null);

    private final Set<EnquiryStatus> from;
    private final EnquiryStatus to;

    EnquiryAction(Set<EnquiryStatus> from, EnquiryStatus to) {
        this.from = from;
        this.to = to;
    }

    /** Whether the action may be taken on an enquiry in that status. */
    public boolean allowedFrom(EnquiryStatus status) {
        return from.contains(status);
    }

    /** The status after the action, taken on an enquiry in status {@code from}. */
    public EnquiryStatus after(EnquiryStatus from) {
        return to == null ? from : to;
    }

    /** Whether it decides a journalist's request for crisis handling, and so needs one that waits. */
    public boolean decidesCrisisRequest() {
        return this == CONFIRM_CRISIS || this == DECLINE_CRISIS;
    }

    /** The statuses it may be taken from. */
    public Set<EnquiryStatus> from() {
        return EnumSet.copyOf(from);
    }
}
