package vn.loa.misinformation;

import vn.loa.shared.Conflict;

/** An action that the case's current state does not allow: 409. */
public class CaseTransitionRefused extends Conflict {

    private final CaseAction action;
    private final CaseStatus status;

    public CaseTransitionRefused(CaseAction action, CaseStatus status) {
        super("case.error.transition", action.name(), status.name());
        this.action = action;
        this.status = status;
    }

    public CaseAction action() {
        return action;
    }

    public CaseStatus status() {
        return status;
    }
}
