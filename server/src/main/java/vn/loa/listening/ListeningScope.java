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

    /**
     * The scope of one series: as {@link #of}, except that an agency's officer asking for another agency's series is
     * answered on the province's public posts, since within their own agency's share another agency's posts are only
     * those routed to both (a chart of zeros where the posts page shows dozens).
     */
    public static ListeningScope forSeries(SignedInUser user, boolean province, String dimension, String value) {
        ListeningScope scope = of(user, province);
        if (scope.agency() != null && "agency".equals(dimension) && value != null && !value.equals(scope.agency())) {
            return of(user, true);
        }
        return scope;
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
