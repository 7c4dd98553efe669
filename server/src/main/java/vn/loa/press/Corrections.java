package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.loa.identity.SignedInUser;

/**
 * Correction requests (Decree 09/2017, Art. 4, form 6) checked in the news: once one is published to a press agency,
 * Loa watches the news posts it already ingests (from that agency's source when one matches its name, else any news)
 * and marks the request found, with the post, when a post shares enough of the request's distinctive word pairs; or
 * overdue when none did by its due date.
 */
public interface Corrections {

    /** The watch of a correction request, if it was published. */
    Optional<Watch> watchOf(long statementId, SignedInUser user);

    /** The watches the user may see, those still watched first. */
    List<Watch> list(SignedInUser user, int limit);

    /**
     * Looks at the news posts that arrived since the last look for each watched request, then marks overdue the
     * requests past their due date. Run after each import and on a schedule.
     *
     * @return how many were found
     */
    int check();

    /**
     * A correction request being watched.
     *
     * @param dueOn the last day the press agency was expected to publish it
     * @param postUrl the address of the post that carried it, or null
     */
    record Watch(long statementId, String agencyCode, String title, long outletId, LocalDate dueOn,
            CorrectionStatus status, Long postId, String postUrl, Instant foundAt) {
    }
}
