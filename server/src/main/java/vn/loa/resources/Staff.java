package vn.loa.resources;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person working on policy communication in an agency, from one day to another.
 *
 * @param toOn the last day, null while they are in office
 * @param fullTime chuyên trách (true) or kiêm nhiệm (false)
 */
public record Staff(long id, long agencyId, String fullName, String position, Duty duty, boolean fullTime, String phone,
        String email, LocalDate fromOn, LocalDate toOn, String createdBy, Instant createdAt) {

    /** Whether the person is in office on the day. */
    public boolean inOfficeOn(LocalDate day) {
        return !day.isBefore(fromOn) && (toOn == null || !day.isAfter(toOn));
    }
}
