package vn.loa.listening;

import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * What people said about a subject, day by day: the posts that name any of its phrases, their tone (citizens'
 * comments apart from news and official text) and how many of them ask a question. Campaigns read it to show
 * attention, opinion and questions before and after a campaign.
 */
public interface TopicAttention {

    /** At most this many phrases, each at most {@value #MAX_PHRASE} characters. */
    int MAX_PHRASES = 20;

    /** The longest phrase. */
    int MAX_PHRASE = 100;

    /** The longest period, in days. */
    int MAX_DAYS = 366;

    /**
     * Day by day (Vietnam's days), the posts the user may see that name any of the phrases (each a word or words
     * next to each other, with or without diacritics).
     *
     * @param phrases what the subject is called; blank ones are skipped
     * @param from the first day
     * @param to the last day, included
     * @throws vn.loa.shared.InvalidInput naming {@code keywords} (none, too many, too long) or {@code period}
     *         (reversed or longer than {@value #MAX_DAYS} days)
     */
    List<Day> daily(List<String> phrases, LocalDate from, LocalDate to, SignedInUser user);

    /**
     * One day of a subject.
     *
     * @param posts every post that names it
     * @param comments the citizens' comments among them (the rest is news and official text)
     * @param negative negative comments
     * @param neutral neutral comments
     * @param positive positive comments (the rest of the comments the model was unsure of)
     * @param questions posts that ask something (a question mark or a Vietnamese question phrase)
     */
    record Day(LocalDate day, long posts, long comments, long negative, long neutral, long positive, long questions) {

        /** Comments whose tone the model was unsure of. */
        public long unclear() {
            return comments - negative - neutral - positive;
        }
    }

    /**
     * Attention before and after a day (a campaign's start): the days from {@code start} to {@code end} or today,
     * whichever comes first, against as many days just before {@code start} (at least {@value #MIN_WINDOW}, at most
     * {@value #MAX_WINDOW}).
     *
     * @param start the first day of "after"
     * @param end the last day of "after" (a campaign's end), or null for open-ended
     * @param today today: "after" never reaches into the future; when {@code start} is after today, "after" is empty
     *        and "before" ends today
     */
    default Comparison around(List<String> phrases, LocalDate start, LocalDate end, LocalDate today, SignedInUser user) {
        LocalDate last = end == null || end.isAfter(today) ? today : end;
        long after = last.isBefore(start) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(start, last) + 1;
        long window = Math.clamp(Math.min(after, MAX_WINDOW), MIN_WINDOW, MAX_WINDOW);
        // before a campaign starts, its baseline is the days up to today
        LocalDate beforeEnd = after == 0 && today.isBefore(start) ? today : start.minusDays(1);
        LocalDate from = beforeEnd.minusDays(window - 1);
        LocalDate to = after == 0 ? beforeEnd : last;
        List<Day> days = daily(phrases, from, to, user);
        return new Comparison(days, Period.of(days, from, beforeEnd), after == 0 ? null : Period.of(days, start, last));
    }

    /** The shortest "before" window, in days. */
    int MIN_WINDOW = 14;

    /** The longest "before" and "after" windows, in days. */
    int MAX_WINDOW = 60;

    /**
     * Attention on a subject around a day.
     *
     * @param days every day from the start of {@code before} to the end of {@code after}
     * @param before the days before
     * @param after the days from the start, or null when it has not started
     */
    record Comparison(List<Day> days, Period before, Period after) {
    }

    /**
     * The sums of some days.
     *
     * @param days how many days
     */
    record Period(LocalDate from, LocalDate to, long days, long posts, long comments, long negative, long questions) {

        static Period of(List<Day> all, LocalDate from, LocalDate to) {
            long days = 0, posts = 0, comments = 0, negative = 0, questions = 0;
            for (Day day : all) {
                if (!day.day().isBefore(from) && !day.day().isAfter(to)) {
                    days++;
                    posts += day.posts();
                    comments += day.comments();
                    negative += day.negative();
                    questions += day.questions();
                }
            }
            return new Period(from, to, days, posts, comments, negative, questions);
        }

        /** Posts a day, on average. */
        public double postsPerDay() {
            return days == 0 ? 0 : (double) posts / days;
        }

        /** Questions a day, on average. */
        public double questionsPerDay() {
            return days == 0 ? 0 : (double) questions / days;
        }

        /** The share of the comments that are negative, from 0 to 1; 0 without comments. */
        public double negativeShare() {
            return comments == 0 ? 0 : (double) negative / comments;
        }
    }
}
