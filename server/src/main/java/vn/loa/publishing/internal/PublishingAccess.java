package vn.loa.publishing.internal;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/** Who may see and do what in publishing. */
final class PublishingAccess {

    private PublishingAccess() {
    }

    /** Coordinators and administrators act for the whole province (the network, the simulator). */
    static boolean actsProvinceWide(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    /** Coordinators, administrators and leaders see every agency's publications. */
    static boolean seesProvinceWide(SignedInUser user) {
        return actsProvinceWide(user) || user.has(Role.LEADER);
    }

    /** The agency's own officers, spokespersons and API tokens. */
    static boolean staffOf(String agencyCode, SignedInUser user) {
        return (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.apiClient()) && agencyCode != null
                && agencyCode.equals(user.agencyCode());
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
