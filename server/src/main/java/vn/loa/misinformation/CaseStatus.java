package vn.loa.misinformation;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands. The transitions between them are {@link CaseAction}s, guarded by {@link Case}. */
public enum CaseStatus {

    /** Taken in (from an alert, a story, a citizen or an officer); nobody has looked at it yet. */
    RECEIVED,
    /** The coordinator has confirmed its category and severity. */
    TRIAGED,
    /** An agency is responsible for it (and perhaps an owner). */
    ASSIGNED,
    /** The agency is checking the facts. */
    VERIFYING,
    /** An answer (refutation or clarification) is drafted and waits for the spokesperson. */
    AWAITING_APPROVAL,
    /** Answered with an official statement or clarification, published. */
    ANSWERED,
    /** The claim is false; the refutation is published. */
    REFUTED,
    /** Referred to the police with an evidence package. */
    REFERRED,
    /** Closed without an answer, with a reason. */
    DISMISSED;

    /** The states in which a case is closed (reopening is the only way out). */
    public static final Set<CaseStatus> CLOSED = EnumSet.of(ANSWERED, REFUTED, REFERRED, DISMISSED);

    /** Whether the case is closed. */
    public boolean closed() {
        return CLOSED.contains(this);
    }
}
