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
}
