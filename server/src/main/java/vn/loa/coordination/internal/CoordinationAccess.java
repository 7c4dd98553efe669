package vn.loa.coordination.internal;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/** Who may see and change directives, tasks and difficulties. */
final class CoordinationAccess {

    private CoordinationAccess() {
    }

    /** Coordinators and administrators enter directives and tasks, answer and forward difficulties. */
    static boolean coordinates(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    /** Coordinators, leaders and administrators see the whole province. */
    static boolean seesProvince(SignedInUser user) {
        return coordinates(user) || user.has(Role.LEADER);
    }

    /** An officer or spokesperson of an agency (or its API token): acts for that agency only. */
    static boolean agencyStaff(SignedInUser user) {
        return (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.apiClient()) && user.agency() != null;
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
