package vn.loa.listening;

import java.time.Instant;
import java.util.List;

/**
 * The listening dashboard: what is said, how, about whom and where, over a period; citizens' opinion
 * apart from the tone of the news.
 */
public interface ListeningOverview {

    /**
     * The posts of one bucket of time by sentiment.
     *
     * @param start the bucket's start
     * @param label the bucket as shown (dd/MM/yyyy or dd/MM/yyyy HH:00, in Vietnam's time: a period of 90 days may
     *     span two years)
     */
    record Volume(Instant start, String label, long negative, long neutral, long positive, long unclear) {
    }

    /**
     * The posts of one bucket of time as the dashboard charts them: citizens' comments by sentiment (opinion), and the
     * news and official statements apart, by number only, since a day of accident reports is not public anger.
     *
     * @param start the bucket's start
     * @param label the bucket as shown (dd/MM/yyyy or dd/MM/yyyy HH:00, in Vietnam's time)
     * @param unclear citizens' comments whose sentiment the model was unsure of
     * @param news posts of the news and official registers
     */
    record OpinionVolume(Instant start, String label, long negative, long neutral, long positive, long unclear,
            long news) {
    }

    /**
     * The share of one value (a topic, an agency, a place, a platform).
     *
     * @param value the code, used to drill down
     * @param name its name (agencies and places), or null when a message bundle names it
     * @param negative its negative posts, of every register
     * @param comments its citizens' comments, whose tone is opinion
     * @param negativeComments its negative citizens' comments
     */
    record Share(String value, String name, long posts, long negative, long comments, long negativeComments) {

        /** Its news reports and official statements. */
        public long news() {
            return posts - comments;
        }

        /** Its news reports and official statements of negative tone. */
        public long negativeNews() {
            return negative - negativeComments;
        }
    }

    /**
     * The tone of a kind of text over the period: its posts, and how many are negative, neutral or
     * positive; the rest are unclear (the model was unsure).
     */
    record Tone(long posts, long negative, long neutral, long positive) {

        /** Posts whose sentiment the model was unsure of. */
        public long unclear() {
            return posts - negative - neutral - positive;
        }

        /** The posts of a sentiment: negative, neutral, positive or unclear. */
        public long count(String sentiment) {
            return switch (sentiment) {
                case "negative" -> negative;
                case "neutral" -> neutral;
                case "positive" -> positive;
                case "unclear" -> unclear();
                default -> throw new IllegalArgumentException("sentiment must be negative, neutral, positive or unclear, was '"
                        + sentiment + "'");
            };
        }

        /** The share of the posts that a count is, from 0 to 1; 0 when there are no posts. */
        public double share(long count) {
            return posts == 0 ? 0 : (double) count / posts;
        }
    }

    /**
     * A story in the period.
     *
     * @param negative its negative posts, of every register
     * @param negativeComments its negative citizens' comments
     * @param text the text of its first post (untrusted)
     */
    record StoryRow(long story, long posts, long negative, long negativeComments, long toxic, String text, Instant firstSeen,
            Instant lastSeen) {

        /** Its news reports and official statements of negative tone. */
        public long negativeNews() {
            return negative - negativeComments;
        }
    }

    /**
     * The dashboard of a scope and period.
     *
     * @param hourly whether volume buckets are hours (short periods) or days
     * @param total the posts of the period: every copy of a text counts, each is someone's voice
     * @param opinion citizens' opinion: the tone of their comments and feedback (register comment)
     * @param newsTone the tone of news reports and official statements (registers news and official)
     * @param domains posts by policy domain (its code as the value; the message bundles name it)
     * @param negativeStories the stories with the most negative citizens' comments, then the most negative posts
     * @param authors the people who wrote the period's posts: a name on a platform counts once, a post without
     *     an author's name counts as one person
     * @param stories the stories of two posts or more (a text repeated or reposted, copies with small changes)
     *     told in the period: for an agency, those with two of its posts or more in the period; for the
     *     province, those whose first post came before the period's end and whose last post within it
     */
    record Overview(ListeningScope scope, Instant from, Instant to, boolean hourly, long total, long negative,
            long toxic, List<OpinionVolume> volume, List<Share> topics, List<Share> agencies, List<Share> places,
            List<Share> platforms, List<StoryRow> topStories, List<StoryRow> negativeStories, Tone opinion,
            Tone newsTone, List<Share> domains, long authors, long stories) {
    }

    /** The dashboard of the last {@code days} days (1 to 366) for a scope. */
    Overview overview(ListeningScope scope, int days, String language);

    /**
     * What a whole-day period holds, read from the same daily roll-ups and with the same rules as the dashboard
     * (periodic reports count with it).
     *
     * @param total the posts of the period
     * @param registers the tone of each register (comment, news, official), by register
     * @param domains posts by policy domain, most first
     * @param topics the topics with the most posts, at most {@code topics} of them
     * @param days each day of the period with its posts by sentiment (label dd/MM)
     */
    record Summary(java.time.LocalDate from, java.time.LocalDate to, long total, long negative, long neutral,
            long positive, java.util.Map<String, Tone> registers, List<Share> domains, List<Share> topics,
            List<Volume> days, List<Volume> opinionDays) {

        /** Posts whose sentiment the model was unsure of. */
        public long unclear() {
            return total - negative - neutral - positive;
        }
    }

    /** The summary of the province's days {@code from} to {@code to} (included) for a scope; at most 366 days. */
    Summary summary(ListeningScope scope, java.time.LocalDate from, java.time.LocalDate to, int topics);
}
