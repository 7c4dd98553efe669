package vn.loa.shared;

/**
 * Who performs an action, as the audit trail records it.
 *
 * @param username the user name, or {@code system} for Loa itself; must not be blank
 * @param agencyCode the code of the actor's agency, may be null
 */
public record Actor(String username, String agencyCode) {

    /** Loa itself: seeding, scheduled work, the command line. */
    public static final Actor SYSTEM = new Actor("system", null);

    public Actor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("actor needs a user name");
        }
    }
}
