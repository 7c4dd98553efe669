package vn.loa.platform;

/**
 * Names for what Loa stores as identifiers: the person behind a login id, the agency behind a code. Pages
 * show these, never the identifiers; templates call it as {@code ${@names.person(login)}}.
 */
public interface DisplayNames {

    /**
     * The person's full name for a login id; Loa itself for {@code system}, a citizen for {@code citizen}, the
     * client's name for an API token ({@code token:NAME}); the login id itself when no account has it (an attempted
     * sign-in). Empty for null.
     */
    String person(String username);

    /**
     * The agency's name in the page's language: the unit with that code in force today, else the latest one that
     * had it; the code itself when no unit has it. Empty for null.
     */
    String agency(String code);

    /** The name in the page's language of the agency with that id; the id itself when there is none. */
    String agencyWithId(long id);
}
