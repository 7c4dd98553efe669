package vn.loa.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One task of a directive ("5 rõ": who leads and who supports, what, when, the expected result).
 *
 * @param id its id
 * @param directiveId the directive that assigns it
 * @param clause where in the directive, may be null
 * @param title what is to be done
 * @param expectedResult the result or product expected
 * @param leadAgencyId the lead agency's id
 * @param leadCode the lead agency's code
 * @param supportCodes the supporting agencies' codes
 * @param schedule when it falls due
 * @param isReport whether the task is to send a report
 * @param state OPEN, TRANSFERRED or CANCELLED
 * @param inheritedFrom the task of a dissolved unit it took over from, null when none
 * @param statusClass the class of its current occurrence today
 * @param currentDue the due date of its current occurrence, may be null
 * @param createdBy who created it
 * @param createdAt when
 */
public record Task(long id, long directiveId, String clause, String title, String expectedResult, long leadAgencyId,
        String leadCode, List<String> supportCodes, TaskSchedule schedule, boolean isReport, String state,
        Long inheritedFrom, TaskStatusClass statusClass, LocalDate currentDue, String createdBy, Instant createdAt) {

    public Task {
        supportCodes = List.copyOf(supportCodes);
    }
}
