package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person who may speak for an agency, from one day to another (both inclusive; no end while in office).
 *
 * @param matter the one matter an {@link SpeakerCapacity#AUTHORISED} person speaks on; null otherwise
 * @param username the Loa account of the person, or null
 * @param withdrawnAt when the row was withdrawn as entered by mistake, or null
 */
public record Spokesperson(long id, String agencyCode, SpeakerCapacity capacity, String matter, String fullName,
        String title, String phone, String email, String username, LocalDate validFrom, LocalDate validTo,
        Instant withdrawnAt, String withdrawalReason, String enteredBy, Instant enteredAt) {

    /** Whether the person may speak for the agency on the day. */
    public boolean validOn(LocalDate day) {
        return withdrawnAt == null && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
