package vn.loa.listening;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Stored posts as other modules read them: a case's posts, a story's posts, the posts that arrived
 * after a mark. Texts are untrusted (written by strangers) and must be escaped wherever shown.
 */
public interface PostRecords {

    /**
     * One stored post with what the language engine understood of it.
     *
     * @param source the code of the source it came from
     * @param normalizedText the text after normalisation (tone marks, spacing), as fingerprints were computed
     * @param fingerprint the near-duplicate fingerprint ({@link vn.loa.nlp.Fingerprint})
     * @param agencies the agencies it is routed to
     */
    record PostRecord(long id, String platform, String source, String externalId, String url, String author,
            Instant publishedAt, String title, String text, Long storyId, String sentiment, String topic,
            String toxicity, List<String> agencies, String normalizedText, long fingerprint, Instant ingestedAt) {

        public PostRecord {
            agencies = List.copyOf(agencies);
        }

        /** Whether it came in through the hotline or an office: feedback that is not public. */
        public boolean restricted() {
            return platform.equals(Platform.HOTLINE.name()) || platform.equals(Platform.OFFICE.name());
        }
    }

    /** The posts with these ids that exist, in id order. */
    List<PostRecord> byIds(Collection<Long> ids);

    /** The first posts of a story, oldest first, at most {@code limit}. */
    List<PostRecord> byStory(long storyId, int limit);

    /** How many posts a story has (the story it was merged into, if it was). */
    int storySize(long storyId);

    /** Posts with an id above {@code afterId}, in id order, at most {@code limit}. */
    List<PostRecord> after(long afterId, int limit);

    /** The highest post id stored, 0 when there is none. */
    long lastId();
}
