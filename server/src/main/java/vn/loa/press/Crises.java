package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * Crisis mode (Decree 09/2017, Art. 6): a crisis is opened from a listening alert, a story, a misinformation case or by
 * hand; a clock runs for its first public statement (hours from an effective-dated rule with its source); holding
 * statements start from templates; one timeline shows what was said where and the press enquiries it raised. A
 * refutation of the misinformation desk is issued as a press statement in one step. An agency's staff see their
 * agency's crises; coordinators, leaders and administrators every crisis; journalists none.
 */
public interface Crises {

    /**
     * Opens a crisis. From an alert or a case, the agency is theirs unless given; from a story or by hand it must be
     * given.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code source}, {@code sourceId},
     *         {@code agencyCode}, {@code title}
     * @throws vn.loa.shared.NotFound when the alert, story or case does not exist or the user may not see it
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not act for the agency
     */
    Crisis open(Opening opening, SignedInUser by);

    /** One crisis. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    Crisis get(long id, SignedInUser user);

    /** The crises the user may see, open ones first, the soonest due first. */
    List<Crisis> list(boolean openOnly, SignedInUser user, int limit);

    /** The open crises the user may see whose first statement is still awaited, soonest due first; one query. */
    List<Crisis> clocks(SignedInUser user);

    /** What was said where and the enquiries it raised, oldest first. */
    List<TimelineEntry> timeline(long id, SignedInUser user);

    /** The statements linked to the crisis, oldest first. */
    List<Statement> statements(long id, SignedInUser user);

    /** The press enquiries linked to the crisis, oldest first. */
    List<Enquiry> enquiries(long id, SignedInUser user);

    /**
     * Drafts a statement for the crisis, its first publication stopping the clock.
     *
     * @throws vn.loa.shared.Conflict when the crisis is closed
     */
    Statement draftStatement(long id, Statements.Draft draft, SignedInUser by);

    /** The holding-statement templates, with {@code {agency}} and {@code {subject}} filled in for the crisis. */
    List<HoldingTemplate> templates(long id, SignedInUser user);

    /**
     * Links a press enquiry to the crisis; a routine one becomes a crisis enquiry, which confirms the journalist's
     * request for crisis handling when one waits. While open, it is then due by the crisis time limit counted from its
     * receipt when that is sooner than its routine due time, and its working-day deadline stops (a day off entered later
     * no longer moves it), as when the request is confirmed.
     *
     * @throws vn.loa.shared.NotFound when either does not exist or the user may not see it
     * @throws vn.loa.shared.Conflict when the crisis is closed, or the enquiry changed meanwhile
     */
    Enquiry linkEnquiry(long id, long enquiryId, SignedInUser by);

    /**
     * Records a press question the crisis raised (by phone, e-mail or through Loa) as a {@code CRISIS} enquiry to the
     * crisis's agency, linked to the crisis, in one step.
     *
     * @throws vn.loa.shared.InvalidInput as {@link Enquiries#submit} does
     * @throws vn.loa.shared.Conflict when the crisis is closed
     */
    Enquiry recordEnquiry(long id, Enquiries.Question question, SignedInUser by);

    /**
     * Closes the crisis, with a note. Closing it before any statement was published ends its clock unanswered: only the
     * agency's spokesperson (or a coordinator or administrator, who act for every agency) may, and only with a reason.
     *
     * @throws vn.loa.shared.Conflict when it is closed already
     * @throws vn.loa.shared.InvalidInput naming {@code note}: no reason to close it without a statement, or too long
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not act for the agency, or
     *         an officer closing it without a statement
     */
    Crisis close(long id, String note, SignedInUser by);

    /**
     * Passes every open crisis of an agency that has ended to its successor, when exactly one unit valid today took
     * over from it, with the statements still drafted for it: the clock of the first statement keeps running from the
     * opening; its timeline says so and the audit trail records it with the system as actor. A split's crises stay
     * where they are, to be closed at the desk. Run on a schedule and when a succession is recorded; running it again
     * changes nothing.
     *
     * @return how many crises passed on
     */
    int transferFromEndedAgencies();

    /**
     * The statement that {@link #issueRefutation} would publish for a misinformation case, for the spokesperson to read
     * before it goes public: its title names the claim as what the answer found it (false, misleading, or clarified),
     * in quotes, and its text ends with the absolute address of the published answer.
     *
     * @throws vn.loa.shared.Conflict when the case has no published answer, it was issued already or the crisis is
     *         closed
     * @throws org.springframework.security.access.AccessDeniedException for a user who is not the agency's
     *         spokesperson nor a coordinator
     */
    RefutationDraft refutationDraft(long caseId, Long crisisId, SignedInUser by);

    /**
     * Issues the published answer of a misinformation case as a statement on the portal, approved already on the
     * misinformation desk: published at once, linked to the case (and to the crisis, when given), with the text of
     * {@link #refutationDraft} and its title, or the title given.
     *
     * @param title the title the spokesperson chose; {@code null} for the draft's
     * @throws vn.loa.shared.InvalidInput when the title given is blank or longer than 300 characters
     * @throws vn.loa.shared.Conflict when the case has no published answer or it was issued already
     * @throws org.springframework.security.access.AccessDeniedException for a user who is not the agency's
     *         spokesperson nor a coordinator
     */
    Statement issueRefutation(long caseId, Long crisisId, String title, SignedInUser by);

    /** As {@link #issueRefutation(long, Long, String, SignedInUser)} with the draft's title. */
    default Statement issueRefutation(long caseId, Long crisisId, SignedInUser by) {
        return issueRefutation(caseId, crisisId, null, by);
    }

    /** The crisis rules, newest first. */
    List<Rule> rules();

    /** The rule in force on the day. @throws vn.loa.shared.NotFound when none is */
    Rule rule(LocalDate day);

    /**
     * Enters a rule from the day it takes effect; the one in force before ends the day before.
     *
     * @throws vn.loa.shared.InvalidInput naming the field: {@code validFrom}, {@code hours} (1 to 720), {@code source}
     * @throws org.springframework.security.access.AccessDeniedException for a user who is not an administrator
     */
    Rule enterRule(Rule rule, SignedInUser by);

    /** The statement a refutation would be published as: its agency, title and text. */
    record RefutationDraft(long caseId, Long crisisId, String agencyCode, String title, String body) {
    }

    /** How a crisis is opened. @param sourceId the alert, story or case; null by hand */
    record Opening(CrisisSource source, Long sourceId, String agencyCode, String title, String summary) {
    }

    /** Hours for the first statement, from the day given, with the source. */
    record Rule(Long id, LocalDate validFrom, LocalDate validTo, int hours, boolean legal, String source) {
    }

    /** A holding statement to start from. */
    record HoldingTemplate(String code, String title, String body) {
    }

    /**
     * One line of a crisis's timeline.
     *
     * @param kind OPENED, STATEMENT (published, with its form and channel), DRAFT (a statement not published yet),
     *        ENQUIRY, ANSWER, PASSED_TO_SUCCESSOR (its agency ended: the text says to which unit, in the reader's
     *        language), CLOSED
     * @param refId the statement or enquiry, or null
     * @param text what was said or asked (untrusted)
     */
    record TimelineEntry(Instant at, String kind, Long refId, StatementForm form, StatementChannel channel, String actor,
            String text) {
    }
}
