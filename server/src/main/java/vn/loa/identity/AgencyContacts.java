package vn.loa.identity;

import java.util.Optional;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;

/**
 * Where citizens reach an agency: its office's address, a telephone, an e-mail and its hours, as an administrator
 * enters them. The Law on Access to Information lets a citizen ask in person at the agency's office or by post, fax
 * or e-mail (Art. 24): the public pages that name an agency (a request's receipt and status, an answer's link) say
 * where to. Each field may be left empty; an agency with none has no contact shown.
 */
public interface AgencyContacts {

    int ADDRESS_MAX = 300;
    int PHONE_MAX = 60;
    int EMAIL_MAX = 254;
    int HOURS_MAX = 200;

    /**
     * An agency's contact for citizens; null fields were not given.
     *
     * @param address the office's address
     * @param phone one or more telephone numbers, as they are written ("0258 3822 xxx; 1900 ...")
     * @param email an e-mail address for requests
     * @param hours when the office receives the public
     */
    record Contact(String address, String phone, String email, String hours) {

        /** Whether no field is given. */
        public boolean isEmpty() {
            return address == null && phone == null && email == null && hours == null;
        }
    }

    /** The contact entered for this unit, if any field was. */
    Optional<Contact> of(AgencyId agency);

    /**
     * The contact of the unit a code answers for today: the unit itself while it exists, else the one unit that took
     * over from it (none when several did: the page names them instead).
     */
    Optional<Contact> forCode(String code);

    /** {@link #forCode} for a page: the contact, or null. */
    default Contact shown(String code) {
        return code == null ? null : forCode(code).orElse(null);
    }

    /**
     * Where a citizen reaches the unit a code answers for: its own contact, or, when it has entered none, that of the
     * nearest unit above it that has (a ward's or a department's, the province People's Committee's), so that a public
     * page is never without one while any is entered; null when none is.
     */
    Reach reach(String code);

    /**
     * A contact and whose it is.
     *
     * @param ownerCode the code of the unit whose contact it is
     * @param own whether it is the unit's own, not that of a unit above it
     */
    record Reach(Contact contact, String ownerCode, boolean own) {
    }

    /**
     * Saves a unit's contact (blank fields are cleared) and audits what changed.
     *
     * @throws vn.loa.shared.InvalidInput naming each field that is too long or not a telephone number or an e-mail
     *     address ({@code address}, {@code phone}, {@code email}, {@code hours})
     */
    Contact save(AgencyId agency, Contact contact, Actor by);
}
