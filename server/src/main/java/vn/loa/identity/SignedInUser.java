package vn.loa.identity;

import java.util.Set;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;

/**
 * The person or machine client behind a request.
 *
 * @param userId the account id; null for an API token
 * @param username the user name, or {@code token:NAME} for an API token
 * @param fullName the person's name or the token's name
 * @param agency the agency it acts for, may be null for province-wide roles
 * @param agencyCode that agency's code, may be null
 * @param roles the roles held; empty for an API token
 */
public record SignedInUser(Long userId, String username, String fullName, AgencyId agency, String agencyCode,
        Set<Role> roles) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }

    /** Whether it holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this is a journalist's account: the press role and none of the roles that work for the province. */
    public boolean pressOnly() {
        return has(Role.PRESS) && !has(Role.OFFICER) && !has(Role.COORDINATOR) && !has(Role.SPOKESPERSON)
                && !has(Role.LEADER) && !has(Role.ADMIN);
    }

    /** Whether this is a machine client authenticated by an API token. */
    public boolean apiClient() {
        return userId == null;
    }

    /** The actor for the audit trail. */
    public Actor actor() {
        return new Actor(username, agencyCode);
    }
}
