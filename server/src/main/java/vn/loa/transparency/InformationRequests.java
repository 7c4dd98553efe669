package vn.loa.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.loa.calendar.DueDate;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Information requests: intake, the desk's list, actions, notices and the public register. Every call that takes a
 * {@link SignedInUser} checks that the user may see or act on the request's agency: its own officers, spokespersons
 * and API tokens; the province's coordinators (act) and leaders (see). Others are told it does not exist.
 */
public interface InformationRequests {

    /**
     * Records a request. Electronic requests come from the public portal (with {@code by} null) or an agency's
     * system; a paper one is entered by an officer with the day it was received. The clock starts at once (a request
     * with every field of the form is complete); the officer may still ask for completion.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code channel}, {@code receivedAt} (missing or in
     *         the future), {@code agencyCode}, {@code requester.name}, {@code requester.contact} (neither e-mail nor
     *         phone), {@code requester.email}, {@code requester.address}, {@code description}
     */
    InformationRequest submit(Submission submission, SignedInUser by);

    /** What is wrong with a submission, each field at fault once; empty when it may be submitted. */
    List<vn.loa.shared.InvalidInput> problems(Submission submission);

    /** The requests the user may see, open and due first, then the newest. */
    Page<InformationRequest> list(Filter filter, PageRequest page, SignedInUser user);

    /**
     * Whether the user may see any request: an agency's officers, spokespersons and API tokens, coordinators and
     * leaders. An administrator keeps the system, not the requesters' personal data, and sees none.
     */
    boolean readsAny(SignedInUser user);

    /**
     * The open requests the user may see whose answer is due on or before {@code until}, and the complex ones whose
     * notice of handling (form 03) is due by then and not recorded as sent, soonest first, at most {@code limit}: for
     * the home page. A request may be there twice, for its notice and for its answer.
     */
    List<DueItem> dueBy(java.time.LocalDate until, int limit, SignedInUser user);

    /**
     * An open request and a due date: its answer's, or, when {@code notice}, the last day to send its notice of handling.
     */
    record DueItem(long id, String agencyCode, String description, LocalDate dueDate, boolean notice) {
    }

    /** One request. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    InformationRequest get(long id, SignedInUser user);

    /** What happened to it, oldest first. */
    List<HistoryEntry> history(long id, SignedInUser user);

    /**
     * Takes an action.
     *
     * @throws vn.loa.shared.Conflict when the action is not allowed from the request's status (or the one extension
     *         was given already, or the notice of handling was recorded already or is not needed)
     * @throws vn.loa.shared.InvalidInput naming the fields the action needs
     */
    default Outcome act(long id, Transition transition, SignedInUser user) {
        return act(id, transition, List.of(), user);
    }

    /**
     * Takes an action; PROVIDE keeps {@code files} with the answer (the signed and stamped letter, maps, documents) and
     * delivers them with it. Files go with PROVIDE only.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code files} when a file is empty, too large, of a type Loa does not take,
     *         or there are too many, or files come with another action; nothing is stored then
     */
    Outcome act(long id, Transition transition, List<NewFile> files, SignedInUser user);

    /**
     * Adds files to a provided request's answer (the signed scan came back after the answer was sent): recorded in the
     * history and audited, delivered from then on with the answer.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code files} as {@link #act(long, Transition, List, SignedInUser)}
     * @throws vn.loa.shared.Conflict when the request is not provided
     * @throws vn.loa.shared.NotFound when the request does not exist or the user may not act on it
     */
    List<AnswerFile> attachToAnswer(long id, List<NewFile> files, SignedInUser user);

    /** The files kept with a request's answer, in the order they were uploaded. */
    List<AnswerFile> answerFiles(long id, SignedInUser user);

    /** One file of a request's answer, for the desk. @throws vn.loa.shared.NotFound when not the request's or not visible */
    Document answerFile(long id, long fileId, SignedInUser user);

    /**
     * How the answer reaches the requester, for the desk at the moment of answering: by e-mail (and whether Loa can send
     * mail), on the follow-up page (a request sent from the portal, with its number and code), and the phone to call.
     */
    Reach reach(long id, SignedInUser user);

    /** The most files an answer carries. */
    int MAX_ANSWER_FILES = 10;

    /** The largest file an answer carries, in megabytes. */
    int MAX_ANSWER_FILE_MB = 10;

    /** A file uploaded with an answer: its name as the officer's computer gave it, and its bytes. */
    record NewFile(String fileName, byte[] content) {
    }

    /** A file kept with an answer: its name, type, size, SHA-256, and who uploaded it when. */
    record AnswerFile(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
            Instant uploadedAt) {
    }

    /**
     * How an answer reaches its requester.
     *
     * @param email the requester's e-mail address, or null when they gave none
     * @param mailWorks whether Loa has a mail server to send with
     * @param followUpPage whether the requester can fetch the answer on the follow-up page (sent from the portal)
     * @param phone the requester's phone, or null
     * @param address the requester's postal address, where a request on paper with neither e-mail nor phone is answered
     */
    record Reach(String email, boolean mailWorks, boolean followUpPage, String phone, String address) {

        /** Whether an e-mail reaches the requester: an address was given and Loa can send mail. */
        public boolean byEmail() {
            return email != null && mailWorks;
        }
    }

    /** The personal data found in what would be published, for the officer to confirm. */
    List<PersonalDatum> redactionSuggestions(long id, SignedInUser user);

    /**
     * Publishes a provided request in the public register, with the confirmed personal data removed from the published
     * copy (the original stays with the desk).
     *
     * @throws vn.loa.shared.Conflict when it is not provided or the requester did not agree to publication
     */
    InformationRequest publish(long id, List<String> redact, SignedInUser user);

    /** A notice of Decree 13/2018 as a DOCX file. @throws vn.loa.shared.NotFound when the request has no such notice */
    Document notice(long id, NoticeForm form, SignedInUser user);

    /** The scan of a paper request. @throws vn.loa.shared.NotFound when it has none or the user may not see it */
    Document scan(long id, SignedInUser user);

    /** The public register: published requests, newest first, found by words. */
    Page<Published> register(String query, PageRequest page);

    /** One published request. @throws vn.loa.shared.NotFound when it is not published */
    Published published(long id);

    /**
     * What a one-time download link stands for, without using it: opening the link (or a mail scanner's or a link
     * preview's fetch of it) shows a page, and only {@link #download(String)} uses it.
     *
     * @throws vn.loa.shared.NotFound when the link is unknown
     */
    DownloadLink downloadLink(String token);

    /**
     * The answer behind a one-time download link, which is used up by it: the letter as DOCX, or, when files were kept
     * with the answer, one ZIP of the letter and the files.
     *
     * @throws vn.loa.shared.NotFound when the link is unknown, used, replaced or expired
     */
    Document download(String token);

    /**
     * Gives a new one-time download link for a provided request's answer (the requester lost it, or it expired or was
     * used by someone else); the links given before stop working. The new link is e-mailed to the requester when they
     * gave an address, recorded in the history and audited.
     *
     * @return the new link's path, shown once
     * @throws vn.loa.shared.NotFound when the request does not exist or the user may not act on it
     * @throws vn.loa.shared.Conflict when the request is not provided
     */
    String newDownloadLink(long id, SignedInUser user);

    /** The request's latest one-time download link, for the desk; empty when none was given. */
    java.util.Optional<DownloadLink> latestDownloadLink(long id, SignedInUser user);

    /**
     * A one-time download link: the request and agency it answers, where it stands, until when it may be used, when it
     * was used or replaced (null while not), and how many files go with the answer letter (the download is then one ZIP).
     */
    record DownloadLink(long requestId, String agencyCode, LinkState state, Instant expiresAt, Instant usedAt,
            Instant replacedAt, int files) {
    }

    /** Where a one-time download link stands. */
    enum LinkState {
        /** Not used yet and within its lifetime: it may be used once. */
        READY,
        /** Used: the answer was downloaded with it. */
        USED,
        /** An officer gave a newer link for the same answer. */
        REPLACED,
        /** Its lifetime ended before it was used. */
        EXPIRED
    }

    // ---- the requester's side, on the public portal ----

    /**
     * The request a portal form already made, if any: the one made with the same one-time form token, or else one with
     * the same agency, requester (name and e-mail or phone) and information wanted sent from the portal within the
     * last {@link #SAME_FORM_WINDOW}. A form sent twice (a double click, a refresh, the back button) is one request.
     *
     * @param formToken the token of the form as the portal gave it, or null
     */
    java.util.Optional<Long> sentBefore(Submission submission, String formToken);

    /** How long the same content from the same requester counts as the same form sent again. */
    java.time.Duration SAME_FORM_WINDOW = java.time.Duration.ofMinutes(10);

    /**
     * Records a request sent from the public portal (as {@link #submit(Submission, SignedInUser)} with no user) and gives
     * its follow-up code, which is kept only as a hash and cannot be shown again.
     *
     * @param formToken the form's one-time token, or null; a second request with the same token is refused by the
     *        database (a {@link org.springframework.dao.DuplicateKeyException}), and {@link #sentBefore} then finds the
     *        first
     */
    PortalReceipt submitFromPortal(Submission submission, String formToken);

    /** A request sent from the portal and the follow-up code its requester was given. */
    record PortalReceipt(InformationRequest request, String followUpCode) {
    }

    /**
     * A request as its requester follows it on the portal, by its number and follow-up code: never what the agency
     * keeps for itself (notes, officers, the history).
     *
     * @throws vn.loa.shared.NotFound when there is no such request, it was not sent from the portal, or the code is
     *         not its code
     */
    FollowUp follow(long id, String code);

    /** The receipt (form 02) of a request, for its requester. @throws vn.loa.shared.NotFound as {@link #follow} */
    Document receipt(long id, String code);

    /**
     * What the requester can download on the follow-up page: for a provided request the answer letter and the files
     * kept with it, for a refused one the notice of refusal (form 05); empty otherwise.
     *
     * @throws vn.loa.shared.NotFound as {@link #follow}
     */
    List<DeliveredFile> deliveredFiles(long id, String code);

    /**
     * The answer letter ({@code fileId} null) or a file of a provided request's answer, or a refused request's notice of
     * refusal ({@code fileId} null), for its requester on the follow-up page; each download is written in the request's
     * history (who: the requester by the follow-up code; when; which file).
     *
     * @throws vn.loa.shared.NotFound as {@link #follow}, or when the request is neither provided nor refused, or the file
     *         is not its
     */
    Delivered fetchAnswer(long id, String code, Long fileId);

    /** A file the requester can download: the answer letter has no id. */
    record DeliveredFile(Long id, String fileName, long size) {
    }

    /** A document for the requester, with its type. */
    record Delivered(String fileName, String contentType, byte[] content) {
    }

    /**
     * A request as its requester sees it: the agency, when it was received, its status, the last day to answer (null
     * while the clock is stopped and once answered), whether it was extended, the agency it was transferred to, and the
     * day it was closed (null while open), the request it became at the agency it was transferred to, and how its last
     * day was counted, in the reader's language (null without one).
     */
    record FollowUp(long id, String agencyCode, Instant receivedAt, RequestStatus status, LocalDate dueDate,
            boolean extended, String transferredTo, LocalDate closedOn, Long transferredAs, String deadlineExplanation) {
    }

    /**
     * The time limit in force on a day for a channel and kind (simple or complex), as the table holds it; empty when the
     * table has none for that day.
     */
    java.util.Optional<TimeLimitRule> timeLimitInForce(Channel channel, boolean complex, LocalDate on);

    /**
     * The year's figures for the report of Decree 13, Art. 12: requests by status, how many were answered late, and how
     * many were withdrawn once already overdue (late too: the requester had waited past the due date).
     */
    YearFigures figures(int year, SignedInUser user);

    /**
     * Reminds the agency's officers and spokespersons of the open requests due by the next working day, and escalates
     * to the coordinators those whose due date has passed; each once per due date. Run on a schedule.
     *
     * @return how many answers and notices of handling (form 03) were reminded of, and how many escalated
     */
    int[] remind();

    /**
     * Passes every open request of an agency that has ended to its successor, when exactly one unit valid today took
     * over from it: the successor answers it from then on, under the same number and by the same due date (a
     * succession is not a transfer to the competent agency, whose clock starts again). Its history says so in the
     * reader's language, the requester is written to as on a transfer, and the audit trail records it with the system
     * as actor. A split's requests stay where they are, for a transfer at the desk. Run on a schedule and when a
     * succession is recorded; running it again changes nothing.
     *
     * @return how many requests passed on
     */
    int transferFromEndedAgencies();

    /** The time limits, newest first (administrators). */
    List<TimeLimitRule> timeLimits();

    /**
     * Enters the time limits of a later law from the day it takes effect, with its source document; the rows in force
     * before end the day before. Requests received earlier keep their rows.
     *
     * @throws vn.loa.shared.InvalidInput naming the field: {@code validFrom} (not after the latest rule of the same
     *         channel and kind), {@code channel}, {@code answerDays}, {@code noticeDays}, {@code extensionDays}, {@code source}
     */
    TimeLimitRule enterTimeLimit(TimeLimitRule rule, vn.loa.shared.Actor by);

    // ---- the records ----

    /** A row of the time-limit table: working days to answer and to give notice, days of the one extension. */
    record TimeLimitRule(Long id, LocalDate validFrom, LocalDate validTo, Channel channel, Boolean complex, Integer answerDays,
            Integer noticeDays, Integer extensionDays, String source, String enteredBy) {

        /** The law the limits come from, as notices cite it: the source up to its first comma. */
        public String law() {
            return lawOf(source);
        }

        /** The law a source names: the source up to its first comma ("Luật Tiếp cận thông tin 2016, Điều 30"). */
        public static String lawOf(String source) {
            int comma = source.indexOf(',');
            return (comma < 0 ? source : source.substring(0, comma)).strip();
        }
    }


    /** A request as submitted. */
    record Submission(Channel channel, OffsetDateTime receivedAt, String agencyCode, Requester requester,
            String description, String purpose, String deliveryForm, Boolean complex, String scanName, byte[] scan) {
    }

    /** Who asks (form 01a); {@code email} or {@code phone} is needed to answer. */
    record Requester(String name, String idNumber, String email, String phone, String address) {
    }

    /** The desk's filter; blank values do not filter. */
    record Filter(RequestStatus status, String agencyCode, Boolean open) {
    }

    /**
     * An action and what it needs: {@code note} (why, for every action; what is missing for ASK_COMPLETION),
     * {@code days} (EXTEND), {@code refusalGround} (REFUSE), {@code transferTo} (TRANSFER: the agency's code or name),
     * {@code answer}, {@code partial}, {@code costVnd}, {@code delivery} ({@code EMAIL} or {@code LINK}),
     * {@code publishConsent} and {@code reviewed} (PROVIDE: the officer confirms the information was checked against
     * Art. 6 and 7 of the law, Decree 13 Art. 7), {@code thirdParty} (ASK_CONSENT: whose consent Art. 7 needs),
     * {@code consentGiven} (RECORD_CONSENT), {@code noticeSentAt} (RECORD_NOTICE: when the notice of handling was sent;
     * null for now), {@code noticeMeans} (RECORD_NOTICE: how) and {@code signerId} (PROVIDE and RECORD_NOTICE: which of the
     * agency's signers signs the answer letter or the notice of handling; null for its default one).
     */
    record Transition(RequestAction action, String note, Integer days, RefusalGround refusalGround, String transferTo,
            String answer, Boolean partial, Long costVnd, String delivery, Boolean publishConsent, Boolean reviewed,
            String thirdParty, Boolean consentGiven, OffsetDateTime noticeSentAt, NoticeMeans noticeMeans, Long signerId) {

        /** An action that names no signer: an answer letter is signed by the agency's default signer. */
        public Transition(RequestAction action, String note, Integer days, RefusalGround refusalGround, String transferTo,
                String answer, Boolean partial, Long costVnd, String delivery, Boolean publishConsent, Boolean reviewed,
                String thirdParty, Boolean consentGiven, OffsetDateTime noticeSentAt, NoticeMeans noticeMeans) {
            this(action, note, days, refusalGround, transferTo, answer, partial, costVnd, delivery, publishConsent, reviewed,
                    thirdParty, consentGiven, noticeSentAt, noticeMeans, null);
        }

        /** An action that records no notice of handling. */
        public Transition(RequestAction action, String note, Integer days, RefusalGround refusalGround, String transferTo,
                String answer, Boolean partial, Long costVnd, String delivery, Boolean publishConsent, Boolean reviewed,
                String thirdParty, Boolean consentGiven) {
            this(action, note, days, refusalGround, transferTo, answer, partial, costVnd, delivery, publishConsent, reviewed,
                    thirdParty, consentGiven, null, null);
        }

        /** The notice of handling (form 03) sent at that time (null for now) by that means. */
        public static Transition noticeSent(OffsetDateTime at, NoticeMeans means, String note) {
            return noticeSent(at, means, note, null);
        }

        /** The notice of handling sent at that time by that means, signed by one of the agency's signers (null: its default). */
        public static Transition noticeSent(OffsetDateTime at, NoticeMeans means, String note, Long signerId) {
            return new Transition(RequestAction.RECORD_NOTICE, note, null, null, null, null, null, null, null, null, null,
                    null, null, at, means, signerId);
        }
    }

    /**
     * The request after an action, the download link when one was made (shown once), and whether the requester was
     * reached by e-mail with the answer: false when PROVIDE sent no e-mail that arrived at the mail server (no address,
     * no mail server, the server refused it), true otherwise.
     */
    record Outcome(InformationRequest request, String downloadPath, boolean mailed) {

        /** An outcome that needed no e-mail. */
        public Outcome(InformationRequest request, String downloadPath) {
            this(request, downloadPath, true);
        }
    }

    /**
     * A line of a request's history.
     *
     * @param note the words of whoever acted (an officer's note, the third party named), as they typed them; may be null
     * @param remark what Loa itself did on the way (a mail sent, a download link made, a due date moved), in the reader's
     *        language; null when nothing
     */
    record HistoryEntry(String action, RequestStatus from, RequestStatus to, String actor, Instant at, String note,
            String remark) {
    }

    /** A piece of personal data found in a text to be published. */
    record PersonalDatum(String kind, String text) {
    }

    /** A notice of Decree 13/2018, Art. 5. */
    enum NoticeForm {
        /** Form 02: receipt of a request. */
        RECEIPT,
        /** Form 03: notice of handling (a complex request). */
        HANDLING,
        /** Form 04: extension. */
        EXTENSION,
        /** Form 05: refusal. */
        REFUSAL,
        /** The answer itself, as an official letter. */
        ANSWER
    }

    record Document(String fileName, byte[] content) {
    }

    /** A request as the public register shows it: no requester, personal data removed. */
    record Published(long id, String agencyCode, LocalDate received, String request, String answer, boolean partial,
            Instant publishedAt) {
    }

    /**
     * The requests received from {@code from} to {@code to} (days included) the user may see, by status; answered
     * (provided or refused), answered after the due date, still open, overdue on {@code asOf}, and withdrawn or
     * transferred to another agency after the due date (the request was overdue when it ended; {@code withdrawnLate}),
     * counted as
     * {@link #figures(int, SignedInUser)} counts a year (periodic reports count with it).
     */
    PeriodFigures figures(LocalDate from, LocalDate to, LocalDate asOf, SignedInUser user);

    record PeriodFigures(LocalDate from, LocalDate to, java.util.Map<RequestStatus, Long> byStatus, long answered,
            long answeredLate, long open, long overdue, long withdrawnLate) {

        public long received() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record YearFigures(int year, java.util.Map<RequestStatus, Long> byStatus, long answered, long answeredLate, long open,
            long overdue, long withdrawnLate) {
    }

    /** The explanation of a due date, for the API and the desk. */
    record Due(LocalDate date, DueDate explanation) {
    }
}
