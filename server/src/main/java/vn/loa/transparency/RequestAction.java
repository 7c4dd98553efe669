package vn.loa.transparency;

import java.util.EnumSet;
import java.util.Set;

/** What an officer does to a request: each action is allowed from some statuses only. */
public enum RequestAction {
    /** Ask the requester to complete the request; the clock stops. */
    ASK_COMPLETION(EnumSet.of(RequestStatus.ACCEPTED), RequestStatus.NEEDS_COMPLETION),
    /** The requester completed it; the clock starts again from that day. */
    COMPLETE(EnumSet.of(RequestStatus.NEEDS_COMPLETION), RequestStatus.ACCEPTED),
    /** Start handling it. */
    START(EnumSet.of(RequestStatus.ACCEPTED), RequestStatus.IN_PROGRESS),
    /**
     * The information must be compiled or others consulted: the longer limit, and the notice of handling (form 03) to
     * send by the notice's last day (recorded with {@link #RECORD_NOTICE}).
     */
    MARK_COMPLEX(EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS), null),
    /**
     * Record that the notice of handling of a complex request (form 03) was sent: the time and the means, once; met in
     * time when sent by the notice's last day.
     */
    RECORD_NOTICE(EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.EXTENDED), null),
    /** The one extension, with its notice (form 04), before the due date. */
    EXTEND(EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS), RequestStatus.EXTENDED),
    /** Ask a third party for the consent that Art. 7 requires (Decree 13/2018, form 06). */
    ASK_CONSENT(EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.EXTENDED), null),
    /** Record the third party's answer. */
    RECORD_CONSENT(EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.EXTENDED), null),
    /** Answer, fully or in part. */
    PROVIDE(EnumSet.of(RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.EXTENDED), RequestStatus.PROVIDED),
    /** Refuse on a ground of Art. 28 (form 05). */
    REFUSE(EnumSet.of(RequestStatus.NEEDS_COMPLETION, RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS,
            RequestStatus.EXTENDED), RequestStatus.REFUSED),
    /** Outside the agency's remit: name the agency that holds it. */
    TRANSFER(EnumSet.of(RequestStatus.NEEDS_COMPLETION, RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS),
            RequestStatus.TRANSFERRED),
    /** The requester withdrew it. */
    WITHDRAW(EnumSet.of(RequestStatus.NEEDS_COMPLETION, RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS,
            RequestStatus.EXTENDED), RequestStatus.WITHDRAWN);

    private final Set<RequestStatus> from;
    private final RequestStatus to;

    RequestAction(Set<RequestStatus> from, RequestStatus to) {
        this.from = from;
        this.to = to;
    }

    /** Whether the action may be taken on a request in that status. */
    public boolean allowedFrom(RequestStatus status) {
        return from.contains(status);
    }

    /** The status after the action; the same status for an action that does not move it. */
    public RequestStatus to(RequestStatus status) {
        return to == null ? status : to;
    }

    /** The statuses it may be taken from. */
    public Set<RequestStatus> from() {
        return EnumSet.copyOf(from);
    }
}
