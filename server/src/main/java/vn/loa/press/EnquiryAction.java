package vn.loa.press;

import java.util.EnumSet;
import java.util.Set;

/** What is done to a press enquiry: each action is allowed from some statuses only. */
public enum EnquiryAction {
    /** An officer writes (or rewrites) the draft answer. */
    DRAFT(EnumSet.of(EnquiryStatus.RECEIVED, EnquiryStatus.DRAFTED), EnquiryStatus.DRAFTED),
    /** The approver sends the draft back with what to change. */
    RETURN(EnumSet.of(EnquiryStatus.DRAFTED), EnquiryStatus.RECEIVED),
    /** The spokesperson or head approves the draft, who did not write it: the answer goes back. */
    APPROVE(EnumSet.of(EnquiryStatus.DRAFTED), EnquiryStatus.ANSWERED),
    /** Another agency is responsible: the enquiry is routed to it and its spokesperson. */
    TRANSFER(EnumSet.of(EnquiryStatus.RECEIVED), EnquiryStatus.RECEIVED),
    /** The journalist withdrew it, or it was recorded by mistake. */
    WITHDRAW(EnumSet.of(EnquiryStatus.RECEIVED, EnquiryStatus.DRAFTED), EnquiryStatus.WITHDRAWN);

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

    /** The status after the action. */
    public EnquiryStatus to() {
        return to;
    }

    /** The statuses it may be taken from. */
    public Set<EnquiryStatus> from() {
        return EnumSet.copyOf(from);
    }
}
