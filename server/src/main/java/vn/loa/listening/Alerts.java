package vn.loa.listening;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Alert rules per agency (or for the whole province), evaluated as posts arrive; alerts that say what happened (the
 * issue's sentence, three example posts, the agency that answers), shown in the app, sent by e-mail, acknowledged;
 * a daily digest for leaders.
 */
public interface Alerts {

    /** The kinds of rule. */
    List<String> KINDS = List.of("NEGATIVE_VOLUME", "BURST", "KEYWORD", "TOXIC_STORY");

    /** The re-fire factor of a rule when none is given, and the bounds of one. */
    double DEFAULT_REFIRE_FACTOR = 2;
    double MIN_REFIRE_FACTOR = 1.2;
    double MAX_REFIRE_FACTOR = 20;

    /** The {@link Alert#emailError()} of an alert not e-mailed because no SMTP server is configured. */
    String NO_MAIL_SERVER = "no SMTP server is configured (spring.mail.host)";
    /** The {@link Alert#emailError()} of an alert not e-mailed because its rule reaches nobody with an address. */
    String NO_RECIPIENT = "nobody to send it to";

    /**
     * A rule.
     *
     * @param agencyCode the agency whose routed posts it watches; null for the whole province
     * @param kind NEGATIVE_VOLUME (more than {@code threshold} negative comments by citizens in an hour: opinion, not
     *     the news's tone), BURST (each emerging issue that stands {@code threshold} or more above normal, see
     *     {@link Trends.Issue#burst()}), KEYWORD (at least
     *     {@code threshold} posts in an hour containing {@code keyword}) or TOXIC_STORY (a story with toxic posts
     *     reaching {@code threshold} posts within six hours)
     * @param email where to send its alerts (comma-separated); when empty, the agency's officers, or the
     *     coordinators for the province
     * @param refireFactor how many times its count must grow for the rule to fire again within the clock hour, or,
     *     for a burst, about an issue it reported in the last 24 hours
     */
    record Rule(long id, String agencyCode, String kind, double threshold, String keyword, String email, boolean enabled,
            String createdBy, double refireFactor) {
    }

    /** What a new rule needs; blank threshold and factor take the defaults. */
    record RuleForm(String agencyCode, String kind, String threshold, String keyword, String email,
            String refireFactor) {
    }

    /**
     * What an edit changes of a rule: its threshold, keyword, recipients and re-alert factor, checked as a new rule's are
     * (blank threshold and factor take the defaults). Its agency and kind stay: another agency or kind is another rule.
     */
    record RuleChanges(String threshold, String keyword, String email, String refireFactor) {
    }

    /**
     * An alert.
     *
     * @param agencyCode the agency of the rule that raised it; null for the province
     * @param observed the figure that reached the threshold (for a burst, how far the issue stands above normal)
     * @param detail what it is about (a keyword, a story's first words, an issue's words), untrusted
     * @param postIds the posts behind it, its examples first (at most 100)
     * @param posts the posts it counted: what a re-fire is compared with (for a burst, the issue's posts in 24 hours)
     * @param title what it is about in a few words, in Vietnamese as e-mailed; null for alerts from before #12
     * @param sentence what happened in one sentence, in Vietnamese as e-mailed; null for alerts from before #12
     * @param titleEn the title in English
     * @param sentenceEn the sentence in English
     * @param aboutAgency the agency that answers for what it is about (the issue's, else the rule's); may be null
     * @param dimension the series to chart for it on the trends page (keyword, agency, topic, domain, place); may be null
     * @param dimensionValue that series' value
     * @param grewFrom the alert it fired again after, having grown by the rule's factor since; null otherwise
     * @param grewFromPosts the posts that alert counted
     * @param grewFromAt when that alert was raised
     */
    record Alert(long id, long ruleId, String kind, String agencyCode, double threshold, Instant raisedAt, double observed,
            String detail, List<Long> postIds, Instant emailedAt, String emailError, String acknowledgedBy,
            Instant acknowledgedAt, long posts, String title, String sentence, String titleEn, String sentenceEn,
            String aboutAgency, String dimension, String dimensionValue, Long grewFrom, Long grewFromPosts,
            Instant grewFromAt) {

        /** The title in a page's language ("vi" or "en"); null for alerts from before #12. */
        public String title(String language) {
            return "en".equals(language) && titleEn != null ? titleEn : title;
        }

        /** The sentence in a page's language ("vi" or "en"); null for alerts from before #12. */
        public String sentence(String language) {
            return "en".equals(language) && sentenceEn != null ? sentenceEn : sentence;
        }

        /** How many times it grew since the alert it fired again after; null when it did not fire again. */
        public Double growth() {
            return grewFromPosts == null || grewFromPosts <= 0 ? null : (double) posts / grewFromPosts;
        }

        /**
         * How many times it grew, rounded down to one decimal and written as the locale writes numbers ("2", "2,5"), so
         * that the e-mail and the pages say the same; null when it did not fire again.
         */
        public String growth(Locale locale) {
            Double growth = growth();
            if (growth == null) {
                return null;
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(1);
            return format.format(Math.floor(growth * 10) / 10);
        }
    }

    /** A post behind an alert, as the alert page shows it (text untrusted). */
    record AlertPost(long id, Instant publishedAt, String platform, String sentiment, String text, String url) {
    }

    List<Rule> rules(SignedInUser user);

    /** Adds a rule; refuses what is not valid field by field ({@link vn.loa.shared.InvalidInput}). */
    Rule addRule(RuleForm form, SignedInUser user);

    /** The rule the user may see; {@link vn.loa.shared.NotFound} otherwise. */
    Rule rule(long id, SignedInUser user);

    /**
     * Changes a rule the user may edit (province-wide roles any, an agency's officers their agency's); refuses what is
     * not valid field by field ({@link vn.loa.shared.InvalidInput}). Alerts it raised before keep the threshold they
     * were raised with.
     */
    Rule changeRule(long id, RuleChanges changes, SignedInUser user);

    void disableRule(long id, SignedInUser user);

    /** Switches a rule that was switched off on again, as {@link #disableRule} allows. */
    void enableRule(long id, SignedInUser user);

    /**
     * The latest alerts the user may see, newest first; only the unacknowledged ones when asked. Province-wide roles see
     * every alert; an agency's people the alerts of their agency's rules, those their agency is to answer, and those
     * about posts routed to their agency; the press none.
     */
    List<Alert> alerts(SignedInUser user, boolean openOnly, int limit);

    /**
     * Which alerts a list shows.
     *
     * @param openOnly only those not acknowledged yet
     * @param kind the kind of rule that raised them, one of {@link #KINDS}; blank for any
     */
    record AlertFilter(boolean openOnly, String kind) {

        public AlertFilter {
            kind = kind == null ? "" : kind.strip();
            if (!kind.isEmpty() && !KINDS.contains(kind)) {
                throw new InvalidInput("kind", "alerts.error.kind");
            }
        }
    }

    /** A page of the alerts the user may see that the filter keeps, newest first. */
    Page<Alert> alerts(SignedInUser user, AlertFilter filter, PageRequest page);

    /**
     * An alert the user may see.
     *
     * @throws vn.loa.shared.NotFound if there is none, or the user may not see it
     */
    Alert alert(long id, SignedInUser user);

    /** The posts behind an alert that the user may read (as the search decides), its examples first, then newest first. */
    List<AlertPost> posts(Alert alert, SignedInUser user);

    /**
     * The stories that hold at least a third of an alert's posts (a case opened on one of them covers the alert).
     */
    List<Long> mainStories(Alert alert);

    /**
     * The issue a burst alert was about as it stands now, in the given language, when it is still emerging in the
     * rule's scope (it holds at least a third of the alert's posts); empty otherwise and for other kinds.
     */
    Optional<Trends.Issue> currentIssue(Alert alert, String language);

    /**
     * Whether the user may acknowledge an alert they see: province-wide roles, the people of its rule's agency and of
     * the agency that answers it; not those who see it only because some of its posts are their agency's.
     */
    boolean mayAcknowledge(Alert alert, SignedInUser user);

    /**
     * Acknowledges an alert.
     *
     * @throws vn.loa.shared.NotFound if there is none the user may see
     * @throws org.springframework.security.access.AccessDeniedException if the user may not acknowledge it
     */
    void acknowledge(long id, SignedInUser user);

    /** Evaluates every enabled rule now; returns the alerts raised. */
    List<Alert> evaluate();

    /** Sends the daily digest to the leaders if it was not sent today; returns how many were sent. */
    int sendDigest();

    /**
     * The daily digest as the leaders' e-mail says it, of the last 24 hours until now, in a language, for those who read
     * every alert of the province (leaders, coordinators, administrators; others are refused): so that it can be read in
     * Loa when no e-mail is set up, or before it is sent.
     */
    Digest digest(SignedInUser reader, Locale language);

    /** Whether a user reads the daily digest in Loa: those who read every alert of the province. */
    static boolean readsDigest(SignedInUser user) {
        return user.has(Role.LEADER) || user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    /**
     * A digest to read.
     *
     * @param text what the e-mail says (its first line names the day)
     * @param sentAt when that day's digest was e-mailed to the leaders; null when it was not (yet)
     * @param mailConfigured whether an SMTP server is set up, without which no digest is e-mailed
     * @param sendsAfterHour the hour (Vietnam time) after which the day's digest is e-mailed
     */
    record Digest(String text, Instant sentAt, boolean mailConfigured, int sendsAfterHour) {
    }

    /**
     * The alerts of a kind the user may see raised from {@code from} (included) to {@code to} (excluded), the most posts
     * first (periodic reports list a period's emerging issues with it).
     */
    List<Alert> raised(String kind, Instant from, Instant to, SignedInUser user, int limit);
}
