package vn.loa.misinformation;

import java.util.EnumSet;
import java.util.Set;

/**
 * A transition of a case's workflow, with the states it may start from. Who may take it is checked
 * by the desk ({@link Cases}); whether the case's state allows it, by {@link Case}.
 */
public enum CaseAction {

    /** Confirm category and severity (the deadline follows the severity). */
    TRIAGE(EnumSet.of(CaseStatus.RECEIVED)),
    /** Make an agency responsible (and optionally an owner); also reassigns. */
    ASSIGN(EnumSet.of(CaseStatus.TRIAGED, CaseStatus.ASSIGNED, CaseStatus.VERIFYING)),
    /** The agency starts checking the facts. */
    START_VERIFICATION(EnumSet.of(CaseStatus.ASSIGNED)),
    /** Draft the answer (a refutation or a clarification) for the spokesperson. */
    SUBMIT_ANSWER(EnumSet.of(CaseStatus.VERIFYING)),
    /** The spokesperson approves the drafted answer: it is published. */
    APPROVE(EnumSet.of(CaseStatus.AWAITING_APPROVAL)),
    /** The spokesperson sends the draft back, with a reason. */
    RETURN(EnumSet.of(CaseStatus.AWAITING_APPROVAL)),
    /** Refer to the police, naming the legal basis. */
    REFER(EnumSet.of(CaseStatus.VERIFYING)),
    /** Close without an answer, with a reason. */
    DISMISS(EnumSet.of(CaseStatus.RECEIVED, CaseStatus.TRIAGED, CaseStatus.ASSIGNED, CaseStatus.VERIFYING)),
    /** Open a closed case again, with a reason; it goes back to triage. */
    REOPEN(EnumSet.of(CaseStatus.ANSWERED, CaseStatus.REFUTED, CaseStatus.REFERRED, CaseStatus.DISMISSED));

    private final Set<CaseStatus> from;

    CaseAction(Set<CaseStatus> from) {
        this.from = from;
    }

    /** Whether a case in this state may take the action. */
    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** The states it may start from. */
    public Set<CaseStatus> from() {
        return EnumSet.copyOf(from);
    }
}
