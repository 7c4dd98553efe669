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
 *        notice days in working days from the day it was complete; null for a simple one, and while the clock is
 *        stopped
 * @param noticeSentAt when the notice of handling was sent, as recorded ({@link RequestAction#RECORD_NOTICE}), or null
 *        while none was recorded (a request found complex by an action and one entered as complex alike)
 * @param noticeMeans how it was sent, or null while none was recorded
 * @param noticeInTime whether it was sent by {@code noticeDueDate}; null while none was recorded or without a due day
 * @param transferredFrom the request of another agency this one was transferred from, or null
 * @param transferredAs the request this one became at the agency of Loa it was transferred to, or null
 */
public record InformationRequest(long id, String agencyCode, Channel channel, Instant receivedAt, boolean complex,
        InformationRequests.Requester requester, String description, String purpose, String deliveryForm,
        RequestStatus status, LocalDate dueDate, String deadlineExplanation, boolean extended, List<Long> repeatOf,
        RefusalGround refusalGround, String transferredTo, String answer, Boolean partial, Long costVnd,
        boolean publishConsent, Instant publishedAt, String scanName, String timeLimitSource, Instant createdAt,
        String consentParty, String consentStatus, LocalDate noticeDueDate, Instant noticeSentAt, NoticeMeans noticeMeans,
        Boolean noticeInTime, Long transferredFrom, Long transferredAs) {

    /** Whether it is open and its due date has passed (as of the day given). */
    public boolean overdue(LocalDate today) {
        return status.open() && dueDate != null && dueDate.isBefore(today);
    }

    /** Whether it is open, complex, its notice of handling not recorded as sent, and the notice's last day has passed. */
    public boolean noticeOverdue(LocalDate today) {
        return status.open() && noticeDueDate != null && noticeSentAt == null && noticeDueDate.isBefore(today);
    }
}
