package vn.loa.misinformation;

import java.time.Instant;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * Citizens' reports of false or harmful information from the public site. A report opens a case
 * (RECEIVED, for the coordinators); a report that breaks a limit is refused whole and nothing of it
 * is stored. What a report holds stays with its case for the desk; the citizen's contact is personal data, shown
 * only to the staff who may see the case, never on a public page, in the audit trail or in the evidence package.
 */
public interface CitizenReports {

    /** The longest description, in characters. */
    int DESCRIPTION_MAX = 2000;
    /** The longest link. */
    int LINK_MAX = 1000;
    /** The longest contact. */
    int CONTACT_MAX = 200;

    /**
     * A report as the form sends it.
     *
     * @param link where the information was seen, may be blank
     * @param contact how to reach the citizen, may be blank
     * @param website a field hidden from people; anything in it means a robot filled the form
     * @param token the form's token, issued when the form was shown
     */
    record Report(String link, String description, String contact, String website, String token) {
    }

    /**
     * A report as the desk reads it.
     *
     * @param link where the citizen saw the information, an http or https address, null when none was given
     * @param description the citizen's words, whole (the case's claim is their first sentence)
     * @param contact how to reach the citizen, null when none was given
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CitizenReport")
    record Received(long id, long caseId, String link, String description, String contact, Instant receivedAt) {
    }

    /** A token for a form shown now; it must come back with the report. */
    String issueToken();

    /**
     * Takes a report from a network address; returns the case opened. A form's token opens one case
     * at most.
     *
     * @throws vn.loa.shared.InvalidInput naming the field at fault
     * @throws ReportAlreadySent when a report with the same token was taken already
     * @throws ReportsThrottled when that address, or everyone, has sent too many reports this hour
     */
    long submit(Report report, String clientAddress);

    /**
     * The reports the case was opened from, oldest first (none for a case that did not come from the public site).
     *
     * @throws vn.loa.shared.NotFound when there is no such case or the user may not see it
     */
    List<Received> received(long caseId, SignedInUser user);

    /** The form was sent before (a second press, the browser's back button): 409, and no second case. */
    class ReportAlreadySent extends RuntimeException {

        private final long reference;

        public ReportAlreadySent(long reference) {
            super("this form's report was taken already, as case " + reference);
            this.reference = reference;
        }

        /** The case the first report opened. */
        public long reference() {
            return reference;
        }
    }

    /** Too many reports: 429, try again later. */
    class ReportsThrottled extends RuntimeException {

        private final long retryAfterSeconds;

        public ReportsThrottled(long retryAfterSeconds) {
            super("too many reports, retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
