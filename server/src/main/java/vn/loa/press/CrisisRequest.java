package vn.loa.press;

import java.time.Instant;

/**
 * A journalist's request that their question be handled as a question in a crisis or an unexpected event (Decree
 * 09/2017, Art. 6), and the province's decision on it: until an official confirms it, the question stays
 * {@link EnquiryKind#ROUTINE} on the routine time limit.
 *
 * @param requestedAt when it was asked for
 * @param decision the decision, or null while the request waits for the agency
 * @param decidedBy who decided, or null; not shown to the journalist
 * @param decidedAt when it was decided, or null
 * @param reason why it was declined, which the journalist reads; null otherwise
 */
public record CrisisRequest(Instant requestedAt, Decision decision, String decidedBy, Instant decidedAt, String reason) {

    /** What the agency decided. */
    public enum Decision {
        /** The question concerns a crisis: it became a {@link EnquiryKind#CRISIS} question. */
        CONFIRMED,
        /** It does not: the question stays routine, and the journalist reads why. */
        DECLINED
    }

    /** Whether it still waits for the agency's decision. */
    public boolean pending() {
        return decision == null;
    }
}
