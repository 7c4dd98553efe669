package vn.loa.listening;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/**
 * An officer corrects what the language engine understood of a post: its sentiment, its news topic, its policy
 * domain, its toxicity, its register (news, official statement, citizen's comment) or the agency it concerns. The
 * post, its roll-ups and its search entry change at once; the correction is kept, audited, exported as training data
 * ({@code bin/loa corrections export}) and kept by a re-analysis. A corrected domain routes the post again, as an
 * import would route it with that domain, unless an officer set its agency (which always wins).
 */
public interface PostCorrections {

    /** The fields that can be corrected. */
    List<String> FIELDS = List.of("sentiment", "topic", "domain", "toxicity", "register", "agency");

    /** A correction as kept. */
    record Correction(long id, long postId, String field, String oldValue, String newValue, String correctedBy,
            Instant correctedAt) {
    }

    /**
     * Corrects a post the user may see; an unknown post (or one the user may not see) is not found, a
     * wrong field or value is refused naming it, and a post the user may see but not correct
     * ({@link #mayCorrect}) is forbidden.
     */
    Correction correct(long postId, String field, String value, SignedInUser user);

    /**
     * Corrects several fields of a post together (field to value, in order): all are kept, or, when one is
     * refused, none.
     */
    List<Correction> correctAll(long postId, Map<String, String> values, SignedInUser user);

    /**
     * As {@link #correctAll(long, Map, SignedInUser)}, from a form that showed the post's labels as {@code shown} (field
     * to value; for the agency, the one agency the post was routed to, or empty): when a field being corrected has
     * changed since (a colleague corrected it), nothing is kept and a {@link vn.loa.shared.Conflict} says so, rather
     * than one person's correction silently replacing another's.
     */
    List<Correction> correctAll(long postId, Map<String, String> values, Map<String, String> shown, SignedInUser user);

    /** Of these posts, those the user may see and correct (for the form under each search result). */
    Set<Long> correctable(Collection<Long> postIds, SignedInUser user);

    /** The corrections of a post, oldest first; not for the press or API clients (who corrected is internal). */
    List<Correction> of(long postId, SignedInUser user);

    /**
     * Whether a user may change a post's labels. Province-wide roles (administrator, leader, coordinator) may change
     * any post they see; the press and API clients none; an officer a post routed to their agency, or received by it
     * ({@code receivedBy}: the agency of the post's source, null when unknown), or a public post routed to no agency
     * yet, which they may route, but not a public post of another agency, whose figures and alerts the change would
     * move.
     */
    static boolean mayCorrect(SignedInUser user, List<String> routedTo, String receivedBy) {
        if (user.has(Role.PRESS) || user.apiClient()) {
            return false;
        }
        if (ListeningScope.provinceWide(user)) {
            return true;
        }
        String own = user.agencyCode();
        if (own == null) {
            return false;
        }
        return routedTo.contains(own) || own.equals(receivedBy) || (routedTo.isEmpty() && (receivedBy == null
                || receivedBy.isEmpty()));
    }
}
