package vn.loa.listening.internal;

import java.util.ArrayList;
import java.util.List;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ListeningScope;

/**
 * Which posts a user may read, as the search decides it, written as an SQL condition on {@code p} (a post) and
 * {@code s} (its source) with its parameters: province-wide roles every post; an agency's people the public posts and
 * their agency's (routed to it, or from a source it owns); the press and others the public posts.
 */
record VisiblePosts(String condition, List<Object> params) {

    /** Posts of a platform anyone who reads Loa may read: not the hotline's, not an office's. */
    static final String PUBLIC = "p.platform NOT IN ('HOTLINE', 'OFFICE')";

    /** Every post: what the province-wide roles read. */
    static final VisiblePosts ALL = new VisiblePosts("TRUE", List.of());

    /** Posts routed to an agency or from a source it owns: its code, then its id. */
    private static final String OWN = "(p.agencies @> ARRAY[?]::text[] OR s.agency_id = ?)";

    static VisiblePosts to(SignedInUser user) {
        ListeningScope scope = ListeningScope.of(user, false);
        if (scope.agency() == null) {
            return scope.restricted() ? ALL : new VisiblePosts(PUBLIC, List.of());
        }
        return new VisiblePosts("(" + PUBLIC + " OR " + OWN + ")",
                List.of(user.agencyCode(), user.agency() == null ? -1L : user.agency().value()));
    }

    /** The parameters of a query with one parameter before the condition (a story, a list of posts), then the condition's. */
    List<Object> after(Object first) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(params);
        return all;
    }
}
