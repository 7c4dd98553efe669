package vn.loa.platform;

/**
 * Names for what Loa stores as identifiers: the person behind a login id, the agency behind a code, the source
 * behind its code, the place behind its gazetteer id. Pages show these, never the identifiers; templates call it
 * as {@code ${@names.person(login)}}. Each kind is named by the module that owns it (a {@link NameSource}); an
 * identifier nobody names is shown as it is, and null gives an empty string.
 */
public interface DisplayNames {

    /** People by login id (with {@code system}, {@code citizen} and {@code token:NAME} for Loa, the public and machines). */
    String PERSON = "person";
    /** Agencies by code: the unit in force today, else the latest that had it. */
    String AGENCY = "agency";
    /** Agencies by id. */
    String AGENCY_ID = "agency-id";
    /** Sources of posts by code. */
    String SOURCE = "source";
    /** Places by gazetteer id. */
    String PLACE = "place";

    /** The person's full name for a login id; the login id itself when no account has it (an attempted sign-in). */
    String person(String username);

    /** The agency's name in the page's language for its code. */
    String agency(String code);

    /** The name in the page's language of the agency with that id. */
    String agencyWithId(long id);

    /** The source's name for its code. */
    String source(String code);

    /** The place's name for its gazetteer id. */
    String place(String id);
}
