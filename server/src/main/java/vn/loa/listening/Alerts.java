package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * Alert rules per agency (or for the whole province), evaluated as posts arrive; alerts shown in
 * the app, sent by e-mail, acknowledged; a daily digest for leaders.
 */
public interface Alerts {

    /** The kinds of rule. */
    List<String> KINDS = List.of("NEGATIVE_VOLUME", "BURST", "KEYWORD", "TOXIC_STORY");

    /**
     * A rule.
     *
     * @param agencyCode the agency whose routed posts it watches; null for the whole province
     * @param kind NEGATIVE_VOLUME (more than {@code threshold} negative posts in an hour), BURST (a burst score of at
     *     least {@code threshold}), KEYWORD (at least {@code threshold} posts in an hour containing {@code keyword}) or
     *     TOXIC_STORY (a story with toxic posts reaching {@code threshold} posts within six hours)
     * @param email where to send its alerts (comma-separated); when empty, the agency's officers, or the
     *     coordinators for the province
     */
    record Rule(long id, String agencyCode, String kind, double threshold, String keyword, String email, boolean enabled,
            String createdBy) {
    }

    /** What a new rule needs. */
    record RuleForm(String agencyCode, String kind, String threshold, String keyword, String email) {
    }

    /**
     * An alert.
     *
     * @param observed the figure that crossed the threshold
     * @param detail what it is about (a keyword, a story's first words), untrusted
     * @param postIds the posts behind it
     */
    record Alert(long id, long ruleId, String kind, String agencyCode, double threshold, Instant raisedAt, double observed,
            String detail, List<Long> postIds, Instant emailedAt, String emailError, String acknowledgedBy,
            Instant acknowledgedAt) {
    }

    /** A post behind an alert, as the alert page shows it (text untrusted). */
    record AlertPost(long id, Instant publishedAt, String platform, String sentiment, String text, String url) {
    }

    List<Rule> rules(SignedInUser user);

    Rule addRule(RuleForm form, SignedInUser user);

    void disableRule(long id, SignedInUser user);

    /** The alerts the user may see, newest first, unacknowledged ones first when asked. */
    List<Alert> alerts(SignedInUser user, boolean openOnly, int limit);

    Alert alert(long id, SignedInUser user);

    List<AlertPost> posts(Alert alert);

    void acknowledge(long id, SignedInUser user);

    /** Evaluates every enabled rule now; returns the alerts raised. */
    List<Alert> evaluate();

    /** Sends the daily digest to the leaders if it was not sent today; returns how many were sent. */
    int sendDigest();
}
