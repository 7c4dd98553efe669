package vn.loa.misinformation.internal;

import java.util.Set;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseAction;

/**
 * Who may see and do what on the desk. Coordinators triage, assign, refer, dismiss and reopen; the
 * responsible agency's officers verify and draft; its spokesperson (or a provincial leader) approves.
 * Administrators and leaders see every case; officers and spokespersons their agency's. A machine client
 * (an API token, which is scoped to one agency) counts as an officer of that agency.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static boolean provinceWide(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN) || user.has(Role.LEADER);
    }

    static boolean ofAgency(SignedInUser user, String agencyCode) {
        return agencyCode != null && agencyCode.equals(user.agencyCode())
                && (officer(user) || user.has(Role.SPOKESPERSON));
    }

    /** Whether the user acts as an agency's officer: a person with the role, or an API token. */
    static boolean officer(SignedInUser user) {
        return user.has(Role.OFFICER) || (user.apiClient() && user.agencyCode() != null);
    }

    static boolean worksOnDesk(SignedInUser user) {
        return provinceWide(user) || ((officer(user) || user.has(Role.SPOKESPERSON)) && user.agencyCode() != null);
    }

    static boolean canSee(Case found, SignedInUser user) {
        return provinceWide(user) || ofAgency(user, found.agencyCode());
    }

    /** Whether the user may open cases: coordinators, and officers for their own agency. */
    static boolean canOpen(SignedInUser user) {
        return user.has(Role.COORDINATOR) || (officer(user) && user.agencyCode() != null);
    }

    /** Whether the user may add notes, files and evidence to the case. */
    static boolean canWork(Case found, SignedInUser user) {
        return user.has(Role.COORDINATOR) || ofAgency(user, found.agencyCode());
    }

    static boolean mayTake(CaseAction action, Case found, SignedInUser user) {
        boolean officer = officer(user) && found.agencyCode() != null
                && found.agencyCode().equals(user.agencyCode());
        boolean spokesperson = user.has(Role.SPOKESPERSON) && found.agencyCode() != null
                && found.agencyCode().equals(user.agencyCode());
        return switch (action) {
            case TRIAGE, ASSIGN, REFER, DISMISS, REOPEN -> user.has(Role.COORDINATOR);
            case START_VERIFICATION, SUBMIT_ANSWER -> user.has(Role.COORDINATOR) || officer;
            case APPROVE, RETURN -> spokesperson || user.has(Role.LEADER);
        };
    }

    /** The roles that see the desk. */
    static final Set<String> DESK_ROLES = Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER", "SPOKESPERSON");
}
