package vn.loa.consultation;

import java.util.List;

/**
 * One article of two versions side by side, matched by its key, with a word-level difference.
 *
 * @param key the article's key ({@code a12a})
 * @param label the article as the newer version labels it, or the older when removed ("Điều 12a.")
 * @param change what happened to it
 * @param before the older text as segments (unchanged and removed words), empty when added
 * @param after the newer text as segments (unchanged and added words), empty when removed
 */
public record ArticleDiff(String key, String label, Change change, List<Segment> before, List<Segment> after) {

    public ArticleDiff {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** What happened to an article between two versions. */
    public enum Change {
        ADDED, REMOVED, CHANGED, UNCHANGED
    }

    /** What happened to a run of words. */
    public enum Mark {
        SAME, ADDED, REMOVED
    }

    /** A run of words with the same mark. */
    public record Segment(Mark mark, String text) {
    }
}
