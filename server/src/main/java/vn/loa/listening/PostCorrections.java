package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * An officer corrects what the language engine understood of a post: its sentiment, its topic or
 * the agency it concerns. The post, its roll-ups and its search entry change at once; the
 * correction is kept, audited, and exported as training data ({@code bin/loa corrections export}).
 */
public interface PostCorrections {

    /** The fields that can be corrected. */
    List<String> FIELDS = List.of("sentiment", "topic", "agency");

    /** A correction as kept. */
    record Correction(long id, long postId, String field, String oldValue, String newValue, String correctedBy,
            Instant correctedAt) {
    }

    /**
     * Corrects a post the user may see; an unknown post (or one the user may not see) is not found, a
     * wrong field or value is refused naming it.
     */
    Correction correct(long postId, String field, String value, SignedInUser user);

    /** The corrections of a post, oldest first. */
    List<Correction> of(long postId, SignedInUser user);
}
