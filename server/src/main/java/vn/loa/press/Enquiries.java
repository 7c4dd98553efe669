package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.MessagePart;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Press enquiries: a journalist asks through Loa, or an officer records a question that came by phone or e-mail; it is
 * routed to the agency's spokesperson and answered on a clock from the effective-dated time-limit table; an officer
 * drafts, the spokesperson or head approves (never the one who drafted; for an agency where nobody holds that role, a
 * coordinator in its place, with the basis written down), and the answer goes back privately or is published. A
 * question is transferred to another agency as long as it is not answered, draft or not. A journalist sees only the enquiries they asked; an agency's staff only their agency's; coordinators,
 * leaders and administrators every agency's. Others are told it does not exist.
 */
public interface Enquiries {

    /**
     * Records an enquiry. A journalist (PRESS) asks through Loa with {@code channel} LOA and their own name; an officer
     * records a phone or e-mail question with the journalist's name and the time it came. Whether a question concerns a
     * crisis is the province's call: a journalist's {@code kind} CRISIS is a request for crisis handling, recorded with
     * the time, on a ROUTINE enquiry and its routine limit until an official confirms it ({@link
     * EnquiryAction#CONFIRM_CRISIS}); an officer's CRISIS is the kind itself.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code agencyCode}, {@code kind}, {@code channel},
     *         {@code journalistName}, {@code contact}, {@code contactEmail}, {@code subject}, {@code question},
     *         {@code receivedAt}
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not record one for the agency
     */
    Enquiry submit(Question question, SignedInUser by);

    /** The enquiries the user may see, open and due first, then the newest. */
    Page<Enquiry> list(Filter filter, PageRequest page, SignedInUser user);

    /** One enquiry. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    Enquiry get(long id, SignedInUser user);

    /** What happened to it, oldest first. */
    List<HistoryEntry> history(long id, SignedInUser user);

    /** The actions the user may take on the enquiry now. */
    List<EnquiryAction> actionsFor(Enquiry enquiry, SignedInUser user);

    /**
     * Whether someone at the agency may approve its answers: an enabled account of the agency holds the spokesperson
     * role. Without one, nobody there can approve (Decree 09/2017: the head, for a commune the chairman of its People's
     * Committee, speaks for it or names a spokesperson, and Loa gives that person the role); a coordinator may then
     * approve or return a draft in the agency's place, never their own draft and only with the basis written down.
     */
    boolean hasApprover(String agencyCode);

    /**
     * The open enquiries that need the user, each list soonest due first and at most {@code limit} long, with how many
     * there are: {@code toApprove}, the drafted answers the user may approve now (never their own draft);
     * {@code due}, the open ones the user may see that are overdue or due within the reminder window
     * ({@code loa.press.remind-hours}); {@code withoutApprover}, for coordinators and administrators, the open ones of
     * agencies where nobody may approve, other than those in {@code toApprove}. All empty for a journalist. The user
     * must not be null.
     */
    Waiting waiting(SignedInUser user, int limit);

    /** What {@link #waiting} found: the first enquiries of each list and how many each has. */
    record Waiting(List<Enquiry> toApprove, int toApproveTotal, List<Enquiry> due, int dueTotal,
            List<Enquiry> withoutApprover, int withoutApproverTotal) {

        public Waiting {
            toApprove = List.copyOf(toApprove);
            due = List.copyOf(due);
            withoutApprover = List.copyOf(withoutApprover);
        }
    }

    /**
     * Takes an action. A journalist withdraws their own question freely; the agency's staff withdraw one (recorded by
     * mistake, or the journalist asked by phone) only with a reason, which the journalist reads on their page and by
     * e-mail, and a question the agency withdraws after its due time still counts as late.
     *
     * @throws vn.loa.shared.Conflict when the status does not allow it, the approver drafted the answer, or a crisis
     *         request to decide no longer waits (decided meanwhile, or never made)
     * @throws vn.loa.shared.InvalidInput naming the field the action needs ({@code draft}, {@code note},
     *         {@code transferTo}); {@code note} also for a withdrawal by the agency without a reason, and for a
     *         coordinator's approval or return in the place of an agency where nobody may approve without its basis
     * @throws org.springframework.security.access.AccessDeniedException when the user may see but not take it
     */
    Enquiry act(long id, Transition transition, SignedInUser user);

    /** Published answers, newest first, for every journalist. */
    List<Enquiry> publishedAnswers(int limit);

    /**
     * Whether the user may open the enquiry's own page ({@link #get}): its agency's staff, the province's press desk and
     * leaders, and the journalist who asked; others read a published answer in the list only.
     */
    boolean mayOpen(Enquiry enquiry, SignedInUser user);

    /**
     * Reminds the agency's officers and spokespersons of the open enquiries due within the reminder window, and
     * escalates to the coordinators those past their due time; each once per due time. Run on a schedule.
     *
     * @return how many were reminded of and escalated
     */
    int[] remind();

    /**
     * Passes every open enquiry of an agency that has ended to its successor, when exactly one unit valid today took
     * over from it: routed to the successor's spokesperson, by the same due time, the successor's staff told as on a
     * transfer; its history says so and the audit trail records it with the system as actor. A split's enquiries stay
     * where they are, for a transfer at the desk. Run on a schedule and when a succession is recorded; running it
     * again changes nothing.
     *
     * @return how many enquiries passed on
     */
    int transferFromEndedAgencies();

    /** The time-limit table, newest first. */
    List<TimeLimit> timeLimits();

    /**
     * Enters a time limit from the day it takes effect, with its source and whether a law sets it; the row of the same
     * kind in force before ends the day before. Enquiries received earlier keep their rows.
     *
     * @throws vn.loa.shared.InvalidInput naming the field: {@code validFrom} (missing, or not after the latest row of the
     *         kind), {@code kind}, {@code amount} (1 to 1,000), {@code unit}, {@code source}
     */
    TimeLimit enterTimeLimit(TimeLimit limit, vn.loa.shared.Actor by);

    /** The row in force for the kind on the day. @throws vn.loa.shared.NotFound when none is */
    TimeLimit timeLimit(EnquiryKind kind, LocalDate day);

    /** A question as asked. @param receivedAt when it came; null for now */
    record Question(String agencyCode, EnquiryKind kind, EnquiryChannel channel, String journalistName,
            String outletName, String contactEmail, String contactPhone, String subject, String question,
            OffsetDateTime receivedAt) {
    }

    /** The desk's filter; null values do not filter. */
    record Filter(EnquiryStatus status, String agencyCode, Boolean open) {
    }

    /**
     * An action and what it needs: {@code draft} (DRAFT), {@code note} (RETURN; DECLINE_CRISIS and a WITHDRAW by the
     * agency's staff, as the reason the journalist reads; why, for the others), {@code publish} (APPROVE: publish the answer, not only send it back),
     * {@code transferTo} (TRANSFER: an agency code); {@code draftSeen}, the {@link #draftMark} of the draft as the
     * caller read it (DRAFT, APPROVE; null when not told): a draft changed since is refused, so that nobody approves a
     * text they did not read, nor writes over a colleague's newer draft unknowingly.
     */
    record Transition(EnquiryAction action, String draft, String note, Boolean publish, String transferTo,
            String draftSeen) {

        /** An action whose caller does not say which draft they read. */
        public Transition(EnquiryAction action, String draft, String note, Boolean publish, String transferTo) {
            this(action, draft, note, publish, transferTo, null);
        }
    }

    /** A short mark of a draft's text ("none" without one), for a page or a client to say which draft it read. */
    static String draftMark(String draft) {
        return draft == null ? "none" : vn.loa.shared.SeenMark.of(draft);
    }

    /**
     * One change of an enquiry.
     *
     * @param note the words a person typed (or, before issue #10, the whole note in Vietnamese), or null
     * @param parts what the desk wrote in Loa's own words, as message keys and arguments; empty when none
     */
    record HistoryEntry(String action, EnquiryStatus from, EnquiryStatus to, String actor, Instant at, String note,
            java.util.List<MessagePart> parts) {
    }
}
