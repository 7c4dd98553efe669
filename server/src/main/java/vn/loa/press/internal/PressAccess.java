package vn.loa.press.internal;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/** Who may see and do what on the press desk. */
final class PressAccess {

    private PressAccess() {
    }

    /** Coordinators and administrators act for every agency. */
    static boolean actsProvinceWide(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    /** Coordinators, administrators and leaders see every agency's work. */
    static boolean seesProvinceWide(SignedInUser user) {
        return actsProvinceWide(user) || user.has(Role.LEADER);
    }

    /** An officer or spokesperson of the agency, or an API token of the agency's own system. */
    static boolean staffOf(String agencyCode, SignedInUser user) {
        return (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.apiClient()) && agencyCode != null
                && agencyCode.equals(user.agencyCode());
    }

    /** The agency's spokesperson (or head): the one who approves. */
    static boolean spokespersonOf(String agencyCode, SignedInUser user) {
        return user.has(Role.SPOKESPERSON) && agencyCode != null && agencyCode.equals(user.agencyCode());
    }

    /**
     * Whether the user may approve or return a draft answer in the place of an agency where nobody holds the
     * spokesperson role: the province's press coordinators, not administrators, whose business is the accounts (they
     * give the head the role). The caller checks that the agency has nobody.
     */
    static boolean approvesInPlace(SignedInUser user) {
        return user.has(Role.COORDINATOR);
    }

    static boolean mayAct(String agencyCode, SignedInUser user) {
        return actsProvinceWide(user) || staffOf(agencyCode, user);
    }

    static boolean maySee(String agencyCode, SignedInUser user) {
        return seesProvinceWide(user) || staffOf(agencyCode, user);
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
