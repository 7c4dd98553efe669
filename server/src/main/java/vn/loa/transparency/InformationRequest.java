package vn.loa.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An information request as the desk sees it.
 *
 * @param dueDate the last day to answer, or null while the clock is stopped or after the answer
 * @param deadlineExplanation how the due date was counted, in the reader's language (the page's or the API call's,
 *        Vietnamese outside a request); null when the clock is stopped, and in lists (one request gives it)
 * @param repeatOf earlier requests of the same person for the same information already answered (Art. 28(1)(d))
 * @param consentParty the third party whose consent Art. 7 needs, or null
 * @param consentStatus {@code REQUESTED}, {@code GIVEN} or {@code REFUSED}, or null when none was asked
 * @param noticeDueDate for a complex request, the last day to send the notice of handling (form 03): the time limit's
 *        notice days in working days from the day it was complete; null for a simple one, and in lists
 * @param noticedOn the day the notice of handling was recorded (the officer found the request complex), or null when
 *        none was: a request entered as complex does not record when its notice was sent
 */
public record InformationRequest(long id, String agencyCode, Channel channel, Instant receivedAt, boolean complex,
        InformationRequests.Requester requester, String description, String purpose, String deliveryForm,
        RequestStatus status, LocalDate dueDate, String deadlineExplanation, boolean extended, List<Long> repeatOf,
        RefusalGround refusalGround, String transferredTo, String answer, Boolean partial, Long costVnd,
        boolean publishConsent, Instant publishedAt, String scanName, String timeLimitSource, Instant createdAt,
        String consentParty, String consentStatus, LocalDate noticeDueDate, LocalDate noticedOn) {

    /** Whether it is open and its due date has passed (as of the day given). */
    public boolean overdue(LocalDate today) {
        return status.open() && dueDate != null && dueDate.isBefore(today);
    }
}
