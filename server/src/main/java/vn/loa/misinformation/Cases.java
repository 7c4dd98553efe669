package vn.loa.misinformation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.PostRecords.PostRecord;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The misinformation desk. Coordinators see and triage every case; an agency's officers and
 * spokesperson see the cases their agency answers for; a case the user may not see is "not found".
 * Input is checked field by field ({@link vn.loa.shared.InvalidInput}); an action the case's state does
 * not allow is refused ({@link CaseTransitionRefused}); an action the user's role does not allow is
 * denied.
 */
public interface Cases {

    /** The longest claim, in characters: one sentence. */
    int CLAIM_MAX = 500;
    /** The longest legal basis of a referral to the police, in characters. */
    int LEGAL_BASIS_MAX = 1000;

    /**
     * What opening a case needs. Category and severity are names of {@link CaseCategory} and {@link Severity}.
     *
     * @param postIds the posts that carry the claim, may be empty
     * @param storyId a story whose first posts carry the claim, may be null
     * @param alertId the alert it came from, may be null
     * @param agencyCode the agency proposed to answer, may be null (the routing of the posts suggests one)
     */
    record NewCase(String claim, String category, String severity, List<Long> postIds, Long storyId, Long alertId,
            String agencyCode) {

        public NewCase {
            postIds = postIds == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(postIds));
        }
    }

    /**
     * A transition asked for: {@code action} is the name of a {@link CaseAction}; the other fields are the
     * ones that action needs (TRIAGE: category, severity; ASSIGN: agencyCode, optional owner; SUBMIT_ANSWER:
     * verdict, explanation; RETURN, DISMISS, REOPEN: reason; REFER: legalBasis).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CaseTransition")
    record Transition(String action, String category, String severity, String agencyCode, String owner,
            String verdict, String explanation, String reason, String legalBasis) {
    }

    /** Which cases to list; null or blank fields do not filter. */
    record Filter(String status, String agencyCode, boolean openOnly, boolean overdueOnly) {
    }

    /**
     * A proposal for a new case from a story, an alert or chosen posts: the form starts from it.
     *
     * @param storyPosts how many posts the story has (its first {@code posts} are linked); else how many posts there are
     */
    record Draft(String claim, CaseSource source, List<PostRecord> posts, Long storyId, Long alertId,
            String suggestedAgency, int storyPosts) {
    }

    /**
     * A post linked to a case.
     *
     * @param repeat whether it repeated the claim after the case was refuted
     * @param matchedBy FINGERPRINT or TEXT for a repeat, null for the case's own posts
     * @param similarity the text similarity of a repeat (0 to 1), null otherwise
     */
    record LinkedPost(long caseId, PostRecord post, boolean repeat, String matchedBy, Double similarity,
            Instant linkedAt) {
    }

    /** One line of a case's history. */
    record HistoryEntry(Instant at, String actor, String action, String from, String to, String detail) {
    }

    /** A verification note: what was checked, with whom, and the sources (links). */
    record Note(long id, Instant at, String author, String checked, String checkedWith, List<String> links) {
    }

    /** What a note needs; {@code links} is one address per line. */
    record NoteForm(String checked, String checkedWith, String links) {
    }

    /** A file attached to a case. */
    record Attachment(long id, long caseId, String fileName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    /** A notification for a user about a case. */
    record Notification(long id, long caseId, String claim, String messageKey, Instant createdAt, boolean read) {
    }

    /** A post that repeats a refuted claim, as the desk shows it. */
    record Repeat(long caseId, String claim, Instant refutedAt, PostRecord post, String matchedBy, Double similarity,
            Instant linkedAt) {
    }

    /**
     * The desk.
     *
     * @param openByAgency open cases per agency code ("" for none yet) and status
     * @param open how many cases are open
     * @param overdue how many of them are past their deadline
     * @param medianTimeToAnswer the median time from opening to a published answer (refuted or answered) over
     *     the last 90 days, null when there is none
     * @param answered how many answers that median is over
     */
    record Desk(Map<String, Map<CaseStatus, Long>> openByAgency, long open, long overdue, Duration medianTimeToAnswer,
            int answered, List<Repeat> repeats) {
    }

    /**
     * A published answer, as the public site shows it.
     *
     * @param appearances public addresses where the claim appeared
     */
    record Published(long caseId, String slug, String claim, CaseCategory category, Verdict verdict,
            String explanation, String agencyCode, Instant publishedAt, Instant firstSeen, List<String> appearances) {
    }

    Draft draft(Long storyId, Long alertId, List<Long> postIds, SignedInUser user);

    /** Opens a case (RECEIVED) and preserves its posts as evidence. */
    Case open(NewCase form, SignedInUser user);

    Case get(long id, SignedInUser user);

    /** The first cases the filter keeps, open and overdue ones first, then by deadline (at most 1,000). */
    List<Case> list(Filter filter, SignedInUser user, int limit);

    /** A page of the cases the filter keeps, in the same order; an unknown status is refused naming {@code status}. */
    Page<Case> list(Filter filter, SignedInUser user, PageRequest page);

    /** Takes a transition; returns the case as it is afterwards. */
    Case act(long id, Transition transition, SignedInUser user);

    /** The actions this user may take on the case now. */
    Set<CaseAction> actionsFor(Case found, SignedInUser user);

    List<LinkedPost> posts(Case found);

    /**
     * Links more posts to an open case (a citizen's report or a manual entry, once the posts are found) and
     * captures them as evidence; returns how many were new to the case.
     */
    int linkPosts(long id, List<Long> postIds, SignedInUser user);

    List<HistoryEntry> history(Case found);

    List<Note> notes(Case found);

    Note addNote(long id, NoteForm form, SignedInUser user);

    List<Attachment> attachments(Case found);

    Attachment attach(long id, String fileName, byte[] content, SignedInUser user);

    /** An attachment's bytes, if the user may see its case. */
    byte[] attachmentContent(long caseId, long attachmentId, SignedInUser user);

    Attachment attachment(long caseId, long attachmentId, SignedInUser user);

    Desk desk(SignedInUser user);

    /**
     * The cases the user may see over a period (periodic reports count with it): opened and closed in it, still open at
     * its end; answered (refuted or answered, published in it) and the median time from opening to that published answer,
     * as the desk computes it over its 90 days; referred to the police (closed as REFERRED in it).
     *
     * @param medianTimeToAnswer null when none was answered
     */
    record PeriodFigures(long opened, long closed, long openAtEnd, long answered, Duration medianTimeToAnswer,
            long referred) {
    }

    /** The figures of the cases the user may see from {@code from} (included) to {@code to} (excluded). */
    PeriodFigures figures(Instant from, Instant to, SignedInUser user);

    /**
     * Whether the user works on the desk: a coordinator, leader or administrator, or an officer, spokesperson or
     * machine client of an agency. Anyone else (the press, an account without an agency) is refused the desk.
     */
    boolean worksOnDesk(SignedInUser user);

    /** The user's notifications, unread ones first. */
    List<Notification> notifications(SignedInUser user, int limit);

    /** Marks the user's notifications about the case as read (they have opened it). */
    void markRead(long caseId, SignedInUser user);

    /** Flags open cases past their deadline and escalates them to the coordinators; returns how many. */
    int escalateOverdue();

    /**
     * Passes every open case of an agency that has ended to its successor, when exactly one unit valid today took over
     * from it: the same deadline, its owner kept only if an officer of the successor; its history says so, the audit
     * trail records it with the system as actor and the successor's officers are told as on an assignment. A split's
     * cases stay where they are, to be assigned at the desk. Run on a schedule and when a succession is recorded;
     * running it again changes nothing.
     *
     * @return how many cases passed on
     */
    int transferFromEndedAgencies();

    /** Published answers, newest first. */
    List<Published> published(int limit);

    Optional<Published> published(String slug);
}
