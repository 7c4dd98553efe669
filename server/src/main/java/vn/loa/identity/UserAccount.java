package vn.loa.identity;

import java.time.Instant;
import java.util.Set;
import vn.loa.shared.AgencyId;

/**
 * A person who signs in to Loa.
 *
 * @param id the account's id
 * @param username the unique, lower-case sign-in name
 * @param fullName the person's name
 * @param email the person's e-mail address
 * @param agency the agency the person works for, may be null for province-wide roles
 * @param roles what the person may do
 * @param enabled whether the person may sign in
 * @param lockedUntil when a lock-out after failed sign-ins ends, null when not locked
 * @param createdAt when the account was created
 * @param lastSignInAt the last successful sign-in, may be null
 * @param passwordTemporary whether the password is one an administrator set, to be changed before any other work
 */
public record UserAccount(long id, String username, String fullName, String email, AgencyId agency, Set<Role> roles,
        boolean enabled, Instant lockedUntil, Instant createdAt, Instant lastSignInAt,
        boolean passwordTemporary) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** Whether a lock-out is in force at the given instant. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
