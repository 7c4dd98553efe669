package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * One story (a text, its reposts by other people, and copies with small changes) as each reader may see it, by
 * the search's rule: whoever may read one of its posts opens it and sees the posts they may read (province-wide
 * roles every post; an agency's people its public posts and their agency's feedback; others its public posts), so
 * that every link to a story from a list of posts opens. Texts are untrusted and must be escaped.
 */
public interface Stories {

    /** How many posts of the story a page shows texts of, at most. */
    int SHOWN_TEXTS = 50;

    /** How many copies of one text a page lists under it, at most. */
    int SHOWN_COPIES = 10;

    /**
     * A post of the story.
     *
     * @param source its source's code
     * @param url its address, may be null
     * @param title its title (an article from a feed has one), may be null; untrusted
     * @param text its text (untrusted)
     */
    record Post(long id, Instant publishedAt, String platform, String source, String url, String title, String text,
            String sentiment, String toxicity) {
    }

    /**
     * One text of the story and the other posts that say exactly the same (reposts by other people).
     *
     * @param first the first post of the text
     * @param similar how many other posts say the same
     * @param copies the first of those, at most {@link #SHOWN_COPIES}, oldest first
     */
    record Text(Post first, long similar, List<Post> copies) {

        public Text {
            copies = List.copyOf(copies);
        }
    }

    /**
     * New posts in one hour, day or month.
     *
     * @param total the posts so far, this bucket's included
     */
    record Growth(Instant start, long posts, long total) {
    }

    /**
     * How many posts have a value (a platform, a source, a place, an agency).
     *
     * @param name its name where it has one (places, agencies), else null
     */
    record Count(String value, String name, long posts) {
    }

    /**
     * A story as its page shows it.
     *
     * @param authors the people who wrote its posts: a name on a platform counts once, a post without an author's
     *     name counts as one person
     * @param distinctTexts how many different texts it has (the reposts of a text count once)
     * @param bucket the growth's buckets: "hour" for a story of three days or less, "day" for up to 120 days,
     *     "month" beyond
     * @param tone its posts by sentiment
     * @param texts its texts, the first published first, at most {@link #SHOWN_TEXTS}
     * @param watchPhrase words most of its first posts have, that a keyword alert can watch for, possibly empty
     * @param sharedPassage how many of its posts repeat one passage that most of them share, each adding only a few
     *     words of its own (an article shared around with "Bức xúc quá!"): one text passed around, not that many
     *     opinions; counted among its first {@link #PASSAGE_POSTS} posts
     */
    record Story(long id, Post first, long posts, long authors, long distinctTexts, Instant firstSeen, Instant lastSeen,
            String bucket, List<Growth> growth, List<Count> platforms, List<Count> sources, List<Count> places,
            List<Count> agencies, ListeningOverview.Tone tone, List<Text> texts, String watchPhrase, long sharedPassage) {
    }

    /** How many of a story's posts, the first published, are read to count those that repeat one passage. */
    int PASSAGE_POSTS = 5_000;

    /** How many words of its own a post that repeats a story's passage may add. */
    int PASSAGE_OWN_WORDS = 15;

    /**
     * The story with this id, agencies named in a language ("vi" or "en"); for a story merged into an older one,
     * that one (whose id the answer carries).
     *
     * @throws vn.loa.shared.NotFound if there is none, or the user may read none of its posts
     */
    Story story(long id, SignedInUser user, String language);

    /** How many characters of a story's opening {@link #opening} gives, at most (an ellipsis after). */
    int OPENING_CHARACTERS = 80;

    /**
     * The opening of a story as the user may see it, to name the story where a page would otherwise show its number: the
     * title of its first post the user sees (an article's), else that post's first words, spaces collapsed and cut at
     * a word after at most {@link #OPENING_CHARACTERS} characters. Untrusted: must be escaped. A merged story's opening
     * is that of the story it joined. Reads one post, not the story.
     *
     * @return the opening, or empty if there is no such story or the user may not see it
     */
    java.util.Optional<String> opening(long id, SignedInUser user);
}
