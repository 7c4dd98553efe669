package vn.loa.press;

import java.time.Duration;
import java.time.Instant;

/**
 * An unexpected event the province must speak on first (Decree 09/2017, Art. 6), with the clock for its first public
 * statement.
 *
 * @param sourceId the alert, story or case it was opened from; null when opened by hand
 * @param firstStatementDue when the first statement is due, by the rule in force when it was opened
 * @param ruleSource the legal or internal source of that rule
 * @param firstStatementId the first statement published for it, or null
 * @param open whether it is still open
 */
public record Crisis(long id, String agencyCode, String title, String summary, CrisisSource source, Long sourceId,
        boolean open, String openedBy, Instant openedAt, int hours, String ruleSource, boolean ruleLegal,
        Instant firstStatementDue, Long firstStatementId, Instant firstStatementAt, String closedBy, Instant closedAt,
        String closingNote) {

    /** Whether the first statement is still awaited. */
    public boolean awaitingStatement() {
        return open && firstStatementId == null;
    }

    /** Whether the first statement is awaited past its due time. */
    public boolean overdue(Instant now) {
        return awaitingStatement() && firstStatementDue.isBefore(now);
    }

    /** Whether the first statement came later than due. */
    public boolean late() {
        return firstStatementAt != null && firstStatementAt.isAfter(firstStatementDue);
    }

    /** Time left before the first statement is due (negative when past), zero once it is out. */
    public Duration remaining(Instant now) {
        return firstStatementId == null ? Duration.between(now, firstStatementDue) : Duration.ZERO;
    }
}
