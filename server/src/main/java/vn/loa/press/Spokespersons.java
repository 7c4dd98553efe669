package vn.loa.press;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * The registry of who may speak for each agency (Decree 09/2017, Art. 2–3). Rows are never deleted: a person leaves
 * office by an end date and a row entered by mistake is withdrawn, both kept in the history. The agency's officers and
 * spokespersons keep their own agency's rows; coordinators and administrators every agency's.
 */
public interface Spokespersons {

    /** The persons valid on the day, by agency, heads first. Public: no user needed. */
    List<Spokesperson> validOn(LocalDate day);

    /** Every row of an agency (or of every agency for a null code), valid or not, newest first. */
    List<Spokesperson> history(String agencyCode);

    /** One row. @throws vn.loa.shared.NotFound when there is none */
    Spokesperson get(long id);

    /** What happened to a row, oldest first. */
    List<Change> changes(long id);

    /**
     * Records a person who may speak for an agency.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code agencyCode}, {@code capacity},
     *         {@code matter}, {@code fullName}, {@code title}, {@code phone}, {@code email}, {@code validFrom},
     *         {@code validTo}
     * @throws org.springframework.security.access.AccessDeniedException when the user may not keep that agency's rows
     */
    Spokesperson appoint(Appointment appointment, SignedInUser by);

    /**
     * Ends a person's term on the day given (the last day they may speak).
     *
     * @throws vn.loa.shared.Conflict when the row is withdrawn or already ended earlier
     * @throws vn.loa.shared.InvalidInput ({@code validTo}) for a day before the start
     */
    Spokesperson end(long id, LocalDate lastDay, String note, SignedInUser by);

    /**
     * Withdraws a row entered by mistake; it stays in the history.
     *
     * @throws vn.loa.shared.Conflict when it is withdrawn already
     * @throws vn.loa.shared.InvalidInput ({@code reason}) without a reason
     */
    Spokesperson withdraw(long id, String reason, SignedInUser by);

    /**
     * The agencies that must name who speaks for them (the provincial People's Committee and its departments) with no
     * valid person on the day, by code.
     */
    List<String> agenciesWithoutSpokesperson(LocalDate day);

    /**
     * The notice of an agency's spokespersons to the press management agency, as a DOCX official letter in the Decree
     * 30/2020 format.
     *
     * @throws vn.loa.shared.NotFound when the agency is unknown or has no valid spokesperson
     */
    Notice notice(String agencyCode, SignedInUser by);

    /** Whether the user may keep the agency's rows. */
    boolean mayKeep(String agencyCode, SignedInUser user);

    /** A person to record. */
    record Appointment(String agencyCode, SpeakerCapacity capacity, String matter, String fullName, String title,
            String phone, String email, String username, LocalDate validFrom, LocalDate validTo) {
    }

    /** A change of a row: {@code APPOINTED}, {@code ENDED} or {@code WITHDRAWN}. */
    record Change(String action, String actor, Instant at, String note) {
    }

    /** A generated document. */
    record Notice(String fileName, byte[] content) {
    }
}
