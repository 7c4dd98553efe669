package vn.loa.listening;

import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/**
 * What part of the listening data a user looks at: the whole province or one agency's share, and
 * whether non-public feedback (hotline, office) is included.
 *
 * @param agency the agency code whose routed posts are counted; null for the whole province
 * @param restricted whether hotline and office feedback is counted
 */
public record ListeningScope(String agency, boolean restricted) {

    /**
     * The scope of a user: province-wide roles see the whole province with every post; an agency's
     * officer sees their agency with its feedback, or, on request, the province's public posts; the
     * press sees public posts only.
     */
    public static ListeningScope of(SignedInUser user, boolean province) {
        if (provinceWide(user)) {
            return new ListeningScope(null, true);
        }
        if (user.has(Role.PRESS) || user.agencyCode() == null || province) {
            return new ListeningScope(null, false);
        }
        return new ListeningScope(user.agencyCode(), true);
    }

    /** Whether the user holds a province-wide role (administrator, coordinator, leader): every post, every agency. */
    public static boolean provinceWide(SignedInUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COORDINATOR) || user.has(Role.LEADER);
    }

    /** The roll-up scope key: an agency code, or the empty string for the province. */
    public String key() {
        return agency == null ? "" : agency;
    }
}
