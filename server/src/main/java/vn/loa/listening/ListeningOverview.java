package vn.loa.listening;

import java.time.Instant;
import java.util.List;

/** The listening dashboard: what is said, how, about whom and where, over a period. */
public interface ListeningOverview {

    /**
     * The posts of one bucket of time by sentiment.
     *
     * @param start the bucket's start
     * @param label the bucket as shown (dd/MM or HH:00 dd/MM, in Vietnam's time)
     */
    record Volume(Instant start, String label, long negative, long neutral, long positive) {
    }

    /**
     * The share of one value (a topic, an agency, a place, a platform).
     *
     * @param value the code, used to drill down
     * @param name its name (agencies and places), or null when a message bundle names it
     */
    record Share(String value, String name, long posts, long negative) {
    }

    /**
     * A story in the period.
     *
     * @param text the text of its first post (untrusted)
     */
    record StoryRow(long story, long posts, long negative, long toxic, String text, Instant firstSeen, Instant lastSeen) {
    }

    /**
     * The dashboard of a scope and period.
     *
     * @param hourly whether volume buckets are hours (short periods) or days
     */
    record Overview(ListeningScope scope, Instant from, Instant to, boolean hourly, long total, long negative,
            long toxic, List<Volume> volume, List<Share> topics, List<Share> agencies, List<Share> places,
            List<Share> platforms, List<StoryRow> topStories, List<StoryRow> negativeStories) {
    }

    /** The dashboard of the last {@code days} days (1 to 366) for a scope. */
    Overview overview(ListeningScope scope, int days, String language);
}
