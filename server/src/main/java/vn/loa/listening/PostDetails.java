package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.loa.identity.SignedInUser;

/**
 * One post as its page shows it: where it came from, what the language engine understood of it and what officers
 * corrected. Its text and title are untrusted (written by strangers) and must be escaped wherever shown.
 */
public interface PostDetails {

    /**
     * A post with its labels as they count now (an officer's correction wins over the model's answer).
     *
     * @param source the code of the source it came from
     * @param url its address at its source, may be null
     * @param places the ids of the places it names
     * @param agencies the codes of the agencies it is routed to
     * @param receivedBy the code of the agency whose source it came in on, may be null
     * @param story the story it belongs to, may be null
     * @param labels its labels by field ({@link PostCorrections#FIELDS}; the agency as the codes routed to, joined by spaces)
     * @param corrections its corrections, oldest first; empty for the press and API clients, who may not know who
     *     corrected a post
     * @param correctable whether the user may correct it ({@link PostCorrections#mayCorrect})
     */
    record Post(long id, String platform, String source, String url, Instant publishedAt, String title, String text,
            List<String> places, List<String> agencies, String receivedBy, Long story,
            java.util.Map<String, String> labels, List<PostCorrections.Correction> corrections, boolean correctable) {

        public Post {
            places = List.copyOf(places);
            agencies = List.copyOf(agencies);
            labels = java.util.Map.copyOf(labels);
            corrections = List.copyOf(corrections);
        }

        /** What the model answered for a field before the first correction of it, or null when it was never corrected. */
        public String modelValue(String field) {
            return corrections.stream().filter(c -> c.field().equals(field)).findFirst()
                    .map(PostCorrections.Correction::oldValue).orElse(null);
        }
    }

    /** The post, if it exists and the user may read it as the search would show it to them; else empty. */
    Optional<Post> find(long postId, SignedInUser user);
}
