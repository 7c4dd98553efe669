package vn.loa.listening;

import java.util.Map;

/**
 * An import found that stored stories are one: a post of it is a near duplicate of posts of each. The
 * younger stories' posts now belong to the oldest, and each younger story points at it; published within
 * the import's transaction, so that what refers to a story (a case) follows it in the same commit.
 *
 * @param into for each story merged away, the story it is now part of
 */
public record StoriesMerged(Map<Long, Long> into) {

    public StoriesMerged {
        into = Map.copyOf(into);
    }
}
