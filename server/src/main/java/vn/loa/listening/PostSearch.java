package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.loa.identity.SignedInUser;

/** Full-text search over posts, in Vietnamese with or without diacritics. */
public interface PostSearch {

    /** How many results a search reaches at most, page after page: a page beyond them is refused. */
    int WINDOW = 10_000;

    /**
     * What to look for.
     *
     * @param text words to find (all must occur); a part in double quotes is a phrase; empty finds everything, and
     *     a text with no word in it (only signs or symbols) is refused
     * @param platform only this platform, may be null
     * @param sentiment only this sentiment (negative, neutral, positive, unclear), may be null
     * @param topic only this topic, may be null
     * @param register only this register (comment, news, official), or several separated by commas
     *     ("news,official"), may be null
     * @param domain only this policy domain (health, education, ...), may be null
     * @param toxicity only this toxicity, may be null
     * @param agency only posts about this agency code, may be null
     * @param place only posts naming this place id, may be null
     * @param from published at or after, may be null
     * @param to published before, may be null; with {@code from}, after it (a period that ends before it starts
     *     is refused)
     * @param byTime newest first when true, most relevant first when false
     * @param page the page, from 0
     * @param size posts per page, 1 to 100
     * @param story only the posts of this story, may be null
     * @param collapse whether a story's posts are shown as one (its best match), with the count of the others
     * @param local only posts about the province: those that name one of its places (the province, a commune or
     *     ward, a former district) or reached it by the hotline or at an office
     * @param publicOnly only public posts (not the hotline's, not an office's), whatever else the user may see: what
     *     the province-wide dashboard of an agency's officer counts
     */
    record Query(String text, String platform, String sentiment, String topic, String register, String domain,
            String toxicity, String agency, String place, Instant from, Instant to, boolean byTime, int page, int size,
            Long story, boolean collapse, boolean local, boolean publicOnly) {

        /** A query of every post the user may see, public or not. */
        public Query(String text, String platform, String sentiment, String topic, String register, String domain,
                String toxicity, String agency, String place, Instant from, Instant to, boolean byTime, int page,
                int size, Long story, boolean collapse, boolean local) {
            this(text, platform, sentiment, topic, register, domain, toxicity, agency, place, from, to, byTime, page,
                    size, story, collapse, local, false);
        }

        /** A query of every post, whether about the province or not. */
        public Query(String text, String platform, String sentiment, String topic, String register, String domain,
                String toxicity, String agency, String place, Instant from, Instant to, boolean byTime, int page,
                int size, Long story, boolean collapse) {
            this(text, platform, sentiment, topic, register, domain, toxicity, agency, place, from, to, byTime, page,
                    size, story, collapse, false, false);
        }
    }

    /**
     * A post found.
     *
     * @param id the post's id
     * @param title its title (an article from a feed has one), may be null; untrusted like its text
     * @param text its text (untrusted: escape it wherever it is shown)
     * @param snippet up to 300 characters around the first match
     * @param highlights {@code [start, end)} of the matched words within {@code snippet}, in UTF-16 code units (Java's and
     *     JavaScript's string offsets)
     * @param platform where it was published
     * @param source its source's code
     * @param url its address, may be null
     * @param publishedAt when it was published
     * @param sentiment its sentiment (negative, neutral, positive, or unclear when the model was unsure)
     * @param topic its topic
     * @param register its register: comment, news or official
     * @param domain its policy domain
     * @param toxicity its toxicity
     * @param agencies agency codes it names
     * @param places place ids it names
     * @param story its story, may be null
     * @param similar how many other matching posts of its story it stands for (when stories are collapsed)
     */
    record Hit(long id, String title, String text, String snippet, List<int[]> highlights, String platform, String source, String url,
            Instant publishedAt, String sentiment, String topic, String register, String domain, String toxicity,
            List<String> agencies,
            List<String> places, Long story, int similar) {
    }

    /**
     * A page of results with counts by facet over every match.
     *
     * @param total how many posts match
     * @param items the posts of the page
     * @param facets for each facet (platform, sentiment, topic, register, domain, toxicity, agency, place) the count
     *     of each value
     * @param groups how many results there are to page through: stories count once when collapsed
     */
    record Result(long total, List<Hit> items, Map<String, Map<String, Long>> facets, long groups) {
    }

    /** Searches what the user may see. */
    Result search(Query query, SignedInUser user);

    /** How many stored posts the search index has not taken in yet (its lag behind the database). */
    long lag();
}
