package vn.loa.resources.internal;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/** Who may see and keep which agency's resources. */
final class ResourceAccess {

    private ResourceAccess() {
    }

    /** Coordinators and administrators keep every agency's resources. */
    static boolean keepsProvinceWide(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    /** Coordinators, administrators and leaders see every agency's resources. */
    static boolean seesProvinceWide(SignedInUser user) {
        return keepsProvinceWide(user) || user.has(Role.LEADER);
    }

    /** An officer or spokesperson of the agency. */
    static boolean staffOf(long agencyId, SignedInUser user) {
        return (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON)) && user.agency() != null
                && user.agency().value() == agencyId;
    }

    static boolean maySee(long agencyId, SignedInUser user) {
        return seesProvinceWide(user) || staffOf(agencyId, user);
    }

    static boolean mayKeep(long agencyId, SignedInUser user) {
        return keepsProvinceWide(user) || staffOf(agencyId, user);
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
