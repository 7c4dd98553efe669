package vn.loa.consultation.internal;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/** Who may see and change an agency's drafts, consultations, contributions, groups and answers. */
final class ConsultationAccess {

    private ConsultationAccess() {
    }

    /** Coordinators and administrators act for every agency. */
    static boolean actsProvinceWide(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    /** An officer or spokesperson of the agency, or an API token of the agency's own system. */
    static boolean staffOf(String agencyCode, SignedInUser user) {
        return (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.apiClient()) && agencyCode != null
                && agencyCode.equals(user.agencyCode());
    }

    static boolean mayAct(String agencyCode, SignedInUser user) {
        return actsProvinceWide(user) || staffOf(agencyCode, user);
    }

    /** Coordinators, administrators and leaders see every agency's consultations. */
    static boolean seesProvinceWide(SignedInUser user) {
        return actsProvinceWide(user) || user.has(Role.LEADER);
    }

    /** Coordinators, administrators and leaders see every agency's; the agency's staff their own. */
    static boolean maySee(String agencyCode, SignedInUser user) {
        return seesProvinceWide(user) || staffOf(agencyCode, user);
    }

    /** The second pair of eyes: a leader, a coordinator, an administrator, or a person of the agency (not a token). */
    static boolean mayApprove(String agencyCode, SignedInUser user) {
        return seesProvinceWide(user) || (staffOf(agencyCode, user) && !user.apiClient());
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
