package vn.loa.press;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.loa.identity.SignedInUser;

/**
 * Press agencies and their journalists, effective-dated like agencies, with beats and contact preferences; and the
 * address list that press releases are e-mailed to. Coordinators and administrators keep it; every signed-in official
 * reads it.
 */
public interface MediaDirectory {

    /** The outlets valid on the day, by name. */
    List<Outlet> outlets(LocalDate day);

    /** One outlet. @throws vn.loa.shared.NotFound when there is none */
    Outlet outlet(long id);

    /** The journalists valid on the day (of every outlet for a null id), by outlet and name. */
    List<Journalist> journalists(Long outletId, LocalDate day);

    /** The journalist linked to the account, valid on the day, if any. */
    Optional<Journalist> journalistOf(String username, LocalDate day);

    /**
     * Records an outlet.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code name}, {@code kind}, {@code newsroomEmail},
     *         {@code validFrom}, {@code validTo}
     * @throws org.springframework.security.access.AccessDeniedException for a user who is neither coordinator nor admin
     */
    Outlet addOutlet(Outlet outlet, SignedInUser by);

    /**
     * Records a journalist; {@code username}, when given, must name an account with the PRESS role.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code outletId}, {@code fullName},
     *         {@code username}, {@code email}, {@code contactPreference}, {@code validFrom}, {@code validTo}
     * @throws org.springframework.security.access.AccessDeniedException for a user who is neither coordinator nor admin
     */
    Journalist addJournalist(Journalist journalist, SignedInUser by);

    /** Ends a journalist's entry on the day given. @throws vn.loa.shared.Conflict when it ended already */
    Journalist endJournalist(long id, LocalDate lastDay, SignedInUser by);

    /**
     * The e-mail addresses press releases go to on the day, each once: the valid journalists who receive releases
     * and have an address, and the newsrooms of the valid outlets.
     */
    List<String> addressList(LocalDate day);

    /** A press agency. @param agencyCode the province's unit it is, or null */
    record Outlet(Long id, String name, OutletKind kind, String agencyCode, String newsroomEmail, LocalDate validFrom,
            LocalDate validTo) {
    }

    /** A journalist of an outlet. @param username the PRESS account, or null */
    record Journalist(Long id, Long outletId, String outletName, String fullName, String username, String email,
            String phone, List<String> beats, ContactPreference contactPreference, boolean receivesReleases,
            LocalDate validFrom, LocalDate validTo) {

        public Journalist {
            beats = beats == null ? List.of() : List.copyOf(beats);
        }
    }
}
