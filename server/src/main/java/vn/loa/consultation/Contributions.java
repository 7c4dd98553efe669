package vn.loa.consultation;

import java.util.List;
import java.util.Map;
import vn.loa.identity.SignedInUser;

/**
 * Contributions to consultations. Citizens use the public form: the comment waits until the one-time code sent to their
 * e-mail or phone is given back (15 minutes, 5 attempts), then it is recorded as verified. Moderation holds a comment
 * with toxic words, a link or a phone number (RECEIVED) until an officer publishes or rejects it; the others are
 * published at once. Officers also record organisations' official opinions and import files of contributions.
 */
public interface Contributions {

    int CODE_MINUTES = 15;
    int CODE_ATTEMPTS = 5;
    int SUBMISSIONS_PER_ADDRESS_HOUR = 20;
    int CODES_PER_CONTACT_HOUR = 5;
    int CONTRIBUTIONS_PER_CONTACT_DAY = 10;

    /**
     * Takes a comment from the public form and sends a one-time code to its contact (in Vietnamese; by SMS in at most
     * two parts, the consultation's title shortened when needed).
     *
     * @return the submission's id, to give back with the code
     * @throws vn.loa.shared.InvalidInput on {@code name}, {@code contact}, {@code unit}, {@code text}
     * @throws TooManyContributions when a limit is reached
     */
    long submit(long consultationId, Comment comment, String clientAddress);

    /**
     * Checks the code of a submission to the consultation and records its contribution.
     *
     * @throws vn.loa.shared.InvalidInput on {@code code}: wrong, expired, or too many attempts
     * @throws vn.loa.shared.NotFound when the consultation has no such submission
     */
    Contribution verify(long consultationId, long submissionId, String code);

    /**
     * Sends a new one-time code for a submission not yet confirmed (the first never came, ran out of time or of
     * attempts); the earlier code no longer confirms it. Counts against the codes a contact may receive in an hour.
     *
     * @throws TooManyContributions when the contact has had as many codes as an hour allows
     * @throws vn.loa.shared.Conflict when the comment is confirmed already or the consultation no longer takes comments
     * @throws vn.loa.shared.NotFound when the consultation has no such submission
     */
    void resendCode(long consultationId, long submissionId);

    /**
     * Whether the submission's code can reach its contact: false when its channel (e-mail, or SMS for a telephone)
     * only simulates or has no server set up, so the page says so instead of saying a code was sent.
     *
     * @throws vn.loa.shared.NotFound when the consultation has no such submission
     */
    boolean codeCanArrive(long consultationId, long submissionId);

    /** Whether a one-time code sent by e-mail can reach anyone here (false when no mail server is configured). */
    boolean codesReachByEmail();

    /** The published contributions of a published consultation, oldest first. */
    List<Contribution> published(long consultationId);

    /** The contributions the officer may see, filtered by part key ("" for the whole draft, null for all) and status. */
    default List<Contribution> list(long consultationId, String unitKey, ContributionStatus status, SignedInUser user) {
        return list(consultationId, unitKey, status, null, user);
    }

    /**
     * The contributions the officer may see, filtered by part key ("" for the whole draft, null for all), status, and
     * whether they are marked off-topic (null for both).
     */
    List<Contribution> list(long consultationId, String unitKey, ContributionStatus status, Boolean offTopic,
            SignedInUser user);

    /** One contribution the user may see. */
    Contribution get(long contributionId, SignedInUser user);

    /** Counts of the contributions not rejected and about the draft (not off-topic), per part key ("" for the whole draft). */
    Map<String, Long> countsPerUnit(long consultationId, SignedInUser user);

    /** Of those, how many are still held for moderation (not yet public), per part key ("" for the whole draft). */
    Map<String, Long> heldPerUnit(long consultationId, SignedInUser user);

    /** How many contributions not rejected are marked off-topic. */
    long offTopicCount(long consultationId, SignedInUser user);

    /** The longest note an officer may give when marking a contribution off-topic. */
    int OFF_TOPIC_NOTE_MAX = 300;

    /**
     * Marks a published or held contribution as not about the draft ("ngoài phạm vi dự thảo"), if it is still at the
     * version the officer's page showed. It stays recorded and visible to officers, leaves the theme groups and the
     * per-article counts, and the synthesis report lists it in a section of its own.
     *
     * @param seen the version the officer's page showed, must not be null
     * @param note why, optional, at most {@value #OFF_TOPIC_NOTE_MAX} characters
     * @throws vn.loa.shared.InvalidInput on {@code version} when missing, on {@code note} when too long
     * @throws vn.loa.shared.Conflict when it is marked already, was changed by someone else since the page showed it
     *         (who and when), or was rejected; nothing changes then
     */
    Contribution markOffTopic(long contributionId, Integer seen, String note, SignedInUser by);

    /**
     * Takes the off-topic mark away, if the contribution is still at the version the officer's page showed: it counts
     * for its article again and joins a group at the next regrouping.
     *
     * @param seen the version the officer's page showed, must not be null
     * @throws vn.loa.shared.InvalidInput on {@code version} when missing
     * @throws vn.loa.shared.Conflict when it is not marked, or was changed by someone else since the page showed it
     */
    Contribution unmarkOffTopic(long contributionId, Integer seen, SignedInUser by);

    /**
     * Publishes a held (or rejected) contribution, if it is still as the officer saw it.
     *
     * @param seen the status the officer's page showed, must not be null
     * @throws vn.loa.shared.InvalidInput on {@code seen} when missing
     * @throws vn.loa.shared.Conflict when it is published already (a double click, another officer), or when another
     *         officer changed it after the page showed it ({@code consultation.error.changed-meanwhile.*}: who, when,
     *         why); nothing changes then
     */
    Contribution publish(long contributionId, ContributionStatus seen, SignedInUser by);

    /**
     * Rejects a contribution with a reason, if it is still as the officer saw it.
     *
     * @param seen the status the officer's page showed, must not be null
     * @throws vn.loa.shared.InvalidInput on {@code reason} when missing, on {@code seen} when missing
     * @throws vn.loa.shared.Conflict when it is rejected already (a double click, another officer), or when another
     *         officer changed it after the page showed it; nothing changes then
     */
    Contribution reject(long contributionId, ContributionStatus seen, String reason, SignedInUser by);

    /**
     * Records an organisation's official opinion from its letter (DOCX or PDF).
     *
     * @throws vn.loa.shared.InvalidInput on {@code organisation}, {@code signer}, {@code unit}, {@code file},
     *         {@code text}
     */
    Contribution recordOfficial(long consultationId, OfficialOpinion opinion, SignedInUser by);

    /** The official opinion's letter. */
    Attachment attachment(long contributionId, SignedInUser user);

    /**
     * Imports contributions from CSV, all or nothing.
     *
     * @throws vn.loa.shared.InvalidInput on {@code file}, naming the line and the column at fault
     */
    ImportResult importCsv(long consultationId, byte[] csv, SignedInUser by);

    /** A comment from the public form. {@code unitKey} is null or empty for the whole draft. */
    record Comment(String name, String contact, String unitKey, String text) {
    }

    /** An official opinion. */
    record OfficialOpinion(String organisation, String signer, String unitKey, String text, String fileName,
            byte[] file) {
    }

    /** A stored letter. */
    record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    /** What an import did. */
    record ImportResult(int rows, int held) {
    }
}
